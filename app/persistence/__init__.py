"""Persistence layer: SQLAlchemy 2 models, engine set-up, Alembic migrations and repositories."""
