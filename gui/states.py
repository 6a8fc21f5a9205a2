"""The words for an assessment's states and workflow steps (assessment.domain.workflow), marked for lupdate and
translated where shown, so the state reads the same in every place it appears."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from assessment.domain.model import AssessmentStatus
from assessment.domain.workflow import Step
from gui.i18n import tr

STATE_NAMES = {
    AssessmentStatus.DRAFT: QT_TRANSLATE_NOOP("", "draft"),
    AssessmentStatus.SUBMITTED: QT_TRANSLATE_NOOP("", "submitted"),
    AssessmentStatus.UNDER_REVIEW: QT_TRANSLATE_NOOP("", "under review"),
    AssessmentStatus.RETURNED: QT_TRANSLATE_NOOP("", "returned for correction"),
    AssessmentStatus.RESUBMITTED: QT_TRANSLATE_NOOP("", "resubmitted"),
    AssessmentStatus.APPRAISED: QT_TRANSLATE_NOOP("", "appraised"),
    AssessmentStatus.LOCKED: QT_TRANSLATE_NOOP("", "locked"),
}

# The inspector's steps, as buttons of the Review tab (the unit's submit and withdraw live on the Data entry tab).
STEP_NAMES = {
    Step.START_REVIEW: QT_TRANSLATE_NOOP("", "Start the review"),
    Step.RETURN: QT_TRANSLATE_NOOP("", "Return to the unit…"),
    Step.APPRAISE: QT_TRANSLATE_NOOP("", "Appraise"),
    Step.REOPEN_REVIEW: QT_TRANSLATE_NOOP("", "Reopen the review…"),
    Step.LOCK: QT_TRANSLATE_NOOP("", "Lock"),
    Step.UNLOCK: QT_TRANSLATE_NOOP("", "Unlock…"),
}


def state_name(status: AssessmentStatus | str | None) -> str:
    if status is None:
        return tr("not started")
    return tr(STATE_NAMES[AssessmentStatus(status)])


def step_name(step: Step) -> str:
    return tr(STEP_NAMES[step])
