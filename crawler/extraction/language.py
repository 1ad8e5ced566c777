"""Language of the text, from the langid model that ships inside py3langid (no download).

py3langid keeps its model LZMA-compressed (4.5 MB that unpack to 68 MB of arrays): unpacking
costs about half a second of CPU in every process, more than everything else a one-page
``warta extract`` does. So the first use writes the unpacked arrays once to the user's cache
folder (``$XDG_CACHE_HOME/warta``, else ``~/.cache/warta``), and later processes map them from
there: milliseconds, and only the pages a text touches are read. The arrays and the classifier
are py3langid's own, so the answers are the same. When the cache cannot be written or read, the
packaged model is loaded as before.
"""

from __future__ import annotations

import mmap
import os
import re
import shutil
import tempfile
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

MIN_WORDS = 5
_ISO_639_1 = re.compile(r"[a-z]{2}")
_ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


def detect_language(text: str) -> str | None:
    """ISO 639-1 code, or None when the text is too short to tell or the model's answer has no
    two-letter code: py3langid also answers ISO 639-3 codes (``ace`` Acehnese, ``zxx`` "no
    linguistic content", ``yue``, ...), which the record's ``language`` field cannot hold."""
    if len(text.split()) < MIN_WORDS:
        return None
    code, _score = _identifier().classify(text)
    return code if _ISO_639_1.fullmatch(code or "") else None


def cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "warta"


@cache
def _identifier() -> Any:
    from py3langid import langid

    try:
        return _mapped_identifier(langid)
    except (OSError, ValueError, KeyError, TypeError):  # no usable cache: unpack in memory
        return langid._get_identifier()


def _mapped_identifier(langid: Any) -> Any:
    """py3langid's identifier over the unpacked arrays, mapped from the cache folder."""
    import numpy as np

    model = Path(langid.MODEL_DIR) / langid.MODEL_FILE
    folder = cache_folder() / f"langid-{version('py3langid')}-{model.stat().st_size}"
    if not (folder / "out_feat.npy").exists():
        _unpack(langid, model, folder)
    found = {name: np.load(folder / f"{name}.npy", mmap_mode="r") for name in _ARRAYS}
    for array in found.values():
        _read_sparsely(array)
    # The mapped tables without np.memmap's per-index overhead, the same memory: a plain
    # ndarray view, and for the state table (read once per byte of text, in Python) a
    # memoryview, whose items are Python ints (together a third of the classifier's time).
    return langid.LanguageIdentifier(
        found["ptc"].view(np.ndarray),
        np.asarray(found["pc"]),
        found["classes"].tolist(),
        memoryview(found["nextmove"].view(np.ndarray)),
        found["out_feat"].tolist(),
        tk_row=found["nextmove_row"].tolist(),
    )


def _read_sparsely(array: Any) -> None:
    """A text touches a few hundred rows of the tables: no read-ahead and no huge pages, so
    memory grows by what is touched rather than by whole 2 MB blocks of the file."""
    mapping = getattr(array, "_mmap", None)
    for advice in ("MADV_RANDOM", "MADV_NOHUGEPAGE"):
        if mapping is not None and hasattr(mmap, advice):
            mapping.madvise(getattr(mmap, advice))


def _unpack(langid: Any, model: Path, folder: Path) -> None:
    """Unpack the packaged model into ``folder``: written aside, then renamed into place, so a
    process that dies halfway or a second process unpacking at once leaves no broken cache."""
    import numpy as np

    ptc, pc, classes, nextmove, row, output = langid._load_model_file(model)
    arrays = dict(zip(_ARRAYS, (ptc, pc, classes, nextmove, row, output), strict=True))
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".langid-"))
    try:
        for name, value in arrays.items():
            np.save(staging / f"{name}.npy", np.asarray(value), allow_pickle=False)
        os.replace(staging, folder)
    except OSError:
        if not (folder / "out_feat.npy").exists():
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
