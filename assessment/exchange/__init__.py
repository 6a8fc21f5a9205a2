"""What crosses to files and other programs: the package format and its diff, scores,
methodologies and Resolution 18 progress as plain data, and atomic output files.
Imports only `assessment.domain`."""
