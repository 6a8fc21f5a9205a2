"""Persistence: SQLAlchemy 2 over SQLite (default) or PostgreSQL, Alembic migrations, repositories."""
