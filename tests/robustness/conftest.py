"""Robustness tests: fuzzing (hypothesis), two writers, crashes, backups.

Fuzz tests take their settings from a hypothesis profile: `ci` (CI=true: 1,000 examples per target, no example
database, printed reproduction blobs), `dev` (the same count, examples kept in .hypothesis/ so a failure
replays first) or `quick` (100, for working on a fuzz test). HYPOTHESIS_PROFILE picks one explicitly. The
profiles apply to the fuzz tests only (`FUZZ`), not to the property tests elsewhere.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

FUZZ_EXAMPLES = 1000
_common = {"deadline": None, "print_blob": True,
           "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]}
settings.register_profile("ci", max_examples=FUZZ_EXAMPLES, database=None, **_common)
settings.register_profile("dev", max_examples=FUZZ_EXAMPLES, **_common)
settings.register_profile("quick", max_examples=100, **_common)

PROFILE = os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
FUZZ = settings(settings.get_profile(PROFILE))
