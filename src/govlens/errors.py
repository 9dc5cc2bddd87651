"""User-facing errors. Each has a code so a message can be searched and documented (docs/errors.md)."""

from __future__ import annotations


class GovlensError(Exception):
    """An expected failure caused by the input or the arguments: shown as one line, never a traceback."""

    code = "E000"

    def __init__(self, message: str, source: str | None = None):
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        return f"[{self.code}] {where}{self.message}"


class EmptyInput(GovlensError):
    code = "E001"


class BinaryInput(GovlensError):
    code = "E002"


class TooLarge(GovlensError):
    code = "E003"


class Undecodable(GovlensError):
    code = "E004"


class NoText(GovlensError):
    """A format we read but with no text in it (image-only PDF, empty HTML body)."""

    code = "E005"


class Unsupported(GovlensError):
    code = "E006"


class NotFound(GovlensError):
    code = "E007"


class FetchError(GovlensError):
    code = "E008"


class NoDocuments(GovlensError):
    """The input was read but no document could be found in it (only site chrome)."""

    code = "E009"


class StoreError(GovlensError):
    code = "E010"


class QueryError(GovlensError):
    code = "E011"


class UsageError(GovlensError):
    """Options that do not fit together or lack a value (parquet without --out)."""

    code = "E014"


class MissingExtra(GovlensError):
    """An optional dependency is not installed (pip install 'govlens[web]')."""

    code = "E015"


class ReadError(GovlensError):
    """The file exists but cannot be read (permissions, I/O error)."""

    code = "E016"


class PortTaken(GovlensError):
    """The portal's port is in use."""

    code = "E017"


class InternalError(GovlensError):
    """A bug in govlens, reported per file so the rest of the batch goes on."""

    code = "E099"
