"""The Qt window of dxscore. Talks to the core only through assessment.service.AssessmentService."""
