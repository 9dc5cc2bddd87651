"""govlens: read Chinese government documents at scale.

>>> import govlens
>>> docs = govlens.read("report.txt")
>>> doc = docs[0]; doc.region, doc.year
>>> [f.data["metric"] for f in doc.facts if f.type == "indicator"][:3]
"""

from . import _recache  # noqa: F401  (first: the cache serves every pattern compiled after it)
from .errors import GovlensError
from .model import Document, Fact, GlossaryEntry, Section
from .pipeline import read, read_text

__all__ = ["Document", "Fact", "GlossaryEntry", "GovlensError", "Section", "read", "read_text"]
__version__ = "0.1.0"
