"""The portal and REST API (FastAPI + Jinja2): ``create_app(db_path)``."""

from .app import create_app

__all__ = ["create_app"]
