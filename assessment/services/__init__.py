"""The use cases the facade (`assessment.service.AssessmentService`) hands out, one area per
concern, and the ports (`ports.py`) storage and the catalog implement. The top layer."""
