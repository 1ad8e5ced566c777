"""Errors that carry a short, user-facing reason (counted in stats, printed by the CLI)."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    """What a ``warta`` command tells cron, systemd or a shell (README: Exit status)."""

    OK = 0
    FAILED = 1  # finished, but too much failed (or a page gave no record)
    USAGE = 2  # bad arguments, unusable state or output; nothing was fetched
    LOCKED = 75  # another run holds the state's lock (EX_TEMPFAIL); nothing was touched
    INTERRUPTED = 130


class WartaError(Exception):
    """Base class: ``reason`` is a stable short label used in stats keys and messages."""

    reason = "error"

    def __init__(self, reason: str | None = None, detail: str = "") -> None:
        self.reason = reason or self.reason
        self.detail = detail
        super().__init__(f"{self.reason}: {detail}" if detail else self.reason)


class ExtractionError(WartaError):
    """The page could not be turned into an article (not HTML, empty, no article text)."""

    reason = "extraction failed"


class InvalidRecord(WartaError):
    """The record broke the schema; it is dropped, never written half-made."""

    reason = "invalid record"
