"""Language of the text, from the langid model that ships inside py3langid (no download)."""

from __future__ import annotations

MIN_WORDS = 5


def detect_language(text: str) -> str | None:
    """ISO 639-1 code, or None when the text is too short to tell."""
    if len(text.split()) < MIN_WORDS:
        return None
    import py3langid  # loads its model on first use; keep the import off the CLI's start-up path

    code, _score = py3langid.classify(text)
    return code or None
