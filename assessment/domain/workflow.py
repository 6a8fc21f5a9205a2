"""The states of an assessment and the only steps between them (pure rules; `service.entry` and
`service.appraisal` apply them, the store re-checks the state under the writer lock).

    draft ─submit→ submitted ─start review→ under review ─return→ returned ─resubmit→ resubmitted
                                                 │                                         │
                                                 └──────────── appraise ──────→ appraised ←┘ ─lock→ locked

Steps back, each with a reason that goes into the audit trail: *withdraw* (submitted → draft, before the review
starts: the window's "reopen"), *reopen review* (appraised → under review) and *unlock* (locked → appraised).
A resubmitted assessment is reviewed again (resubmitted → under review) or appraised as it stands.

An imported package moves the copy in the receiving database: a submission sets it to the state the unit
sent (submitted or resubmitted) from none, draft, submitted, returned or resubmitted; a return package sets
the unit's copy to returned from draft, submitted or resubmitted. Nothing is imported over an assessment under
review, appraised or locked.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from assessment.domain.errors import BadInput
from assessment.domain.model import AssessmentStatus

S = AssessmentStatus

EDITABLE = frozenset({S.DRAFT, S.RETURNED})  # the unit edits its answers (and evidence) only here
APPRAISING = frozenset({S.UNDER_REVIEW})  # appraised points and return comments are set only here


class Step(StrEnum):
    SUBMIT = "submit"
    RESUBMIT = "resubmit"
    WITHDRAW = "withdraw"
    START_REVIEW = "start_review"
    RETURN = "return"
    APPRAISE = "appraise"
    REOPEN_REVIEW = "reopen_review"
    LOCK = "lock"
    UNLOCK = "unlock"
    RECEIVE_SUBMISSION = "receive_submission"  # a package import, never a user's step
    RECEIVE_RETURN = "receive_return"


@dataclass(frozen=True)
class Transition:
    sources: frozenset[AssessmentStatus]
    target: AssessmentStatus
    reason_required: bool = False


TRANSITIONS: dict[Step, Transition] = {
    Step.SUBMIT: Transition(frozenset({S.DRAFT}), S.SUBMITTED),
    Step.RESUBMIT: Transition(frozenset({S.RETURNED}), S.RESUBMITTED),
    Step.WITHDRAW: Transition(frozenset({S.SUBMITTED}), S.DRAFT),
    Step.START_REVIEW: Transition(frozenset({S.SUBMITTED, S.RESUBMITTED}), S.UNDER_REVIEW),
    Step.RETURN: Transition(frozenset({S.UNDER_REVIEW}), S.RETURNED),
    Step.APPRAISE: Transition(frozenset({S.UNDER_REVIEW, S.RESUBMITTED}), S.APPRAISED),
    Step.REOPEN_REVIEW: Transition(frozenset({S.APPRAISED}), S.UNDER_REVIEW, reason_required=True),
    Step.LOCK: Transition(frozenset({S.APPRAISED}), S.LOCKED),
    Step.UNLOCK: Transition(frozenset({S.LOCKED}), S.APPRAISED, reason_required=True),
}

# Where an imported package may land, by the state the receiving database holds (None: no assessment yet).
RECEIVES_SUBMISSION = frozenset({None, S.DRAFT, S.SUBMITTED, S.RETURNED, S.RESUBMITTED})
RECEIVES_RETURN = frozenset({S.DRAFT, S.SUBMITTED, S.RESUBMITTED, S.RETURNED})
SUBMITTED_STATES = frozenset({S.SUBMITTED, S.RESUBMITTED})  # what a submission package may carry


def allowed_steps(status: AssessmentStatus) -> list[Step]:
    """The user's steps open from `status` (for the window's buttons)."""
    return [step for step, t in TRANSITIONS.items() if status in t.sources]


def transition(step: Step, current: AssessmentStatus, why: str = "") -> Transition:
    """The transition `step` makes from `current`; BadInput (saying which steps are open) when it does not exist."""
    rule = TRANSITIONS[step]
    if current not in rule.sources:
        open_steps = ", ".join(s.value for s in allowed_steps(current)) or "none"
        raise BadInput(f"cannot {step.value.replace('_', ' ')} an assessment that is {current.value} "
                       f"(from {current.value}: {open_steps})")
    if rule.reason_required and not why.strip():
        raise BadInput(f"{step.value.replace('_', ' ')} needs a reason (it goes into the audit trail)")
    return rule


@dataclass(frozen=True)
class ReviewNote:
    """An inspector's comment on one indicator and the unit's reply. `round` 0 is written but not yet sent;
    the n-th return sends them as round n."""

    indicator_code: str
    round: int
    comment: str
    comment_by: str = ""
    comment_at: str = ""
    reply: str = ""
    reply_by: str = ""
    reply_at: str = ""
