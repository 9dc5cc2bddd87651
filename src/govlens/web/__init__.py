"""The portal and REST API (FastAPI + Jinja2): ``create_app(db_path)``."""

import os

from .app import create_app


def app_from_env():
    """The app for ``$GOVLENS_DB`` (uvicorn's factory when serving with several workers);
    ``GOVLENS_CACHE=0`` turns the page cache off."""
    return create_app(os.environ.get("GOVLENS_DB"), cache=os.environ.get("GOVLENS_CACHE", "1") != "0")


__all__ = ["app_from_env", "create_app"]
