"""Command-line commands beyond the core ones in main.py (which registers them)."""
