"""Data in: methodology, crosswalk, target, unit and answer files, validated at the edge into domain objects."""
