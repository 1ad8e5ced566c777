"""Language of the text, from the langid model that ships inside py3langid (no download).

py3langid keeps its model LZMA-compressed (4.5 MB that unpack to 68 MB of arrays): unpacking
costs about half a second of CPU in every process, more than everything else a one-page
``warta extract`` does. So the first use writes the unpacked arrays once to the user's cache
folder (``$XDG_CACHE_HOME/warta``, else ``~/.cache/warta``), and later processes map them from
there: milliseconds, and only the pages a text touches are read. The arrays and the classifier
are py3langid's own, its byte automaton walked in numpy (``_Walk``), so the answers are the
same. When the cache cannot be written or read, the packaged model is loaded as before.
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
_DEPTH = "depth"  # the longest feature in bytes: see _Walk


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
    folder = cache_folder() / f"langid2-{version('py3langid')}-{model.stat().st_size}"
    if not (folder / f"{_DEPTH}.npy").exists():
        _unpack(langid, model, folder)
    found = {name: np.load(folder / f"{name}.npy", mmap_mode="r") for name in (*_ARRAYS, _DEPTH)}
    for array in found.values():
        _read_sparsely(array)
    # The mapped tables without np.memmap's per-index overhead, the same memory.
    table = found["nextmove"].view(np.ndarray)
    walk = _Walk(table, found["nextmove_row"], found["out_feat"], int(found[_DEPTH]))

    class Walking(langid.LanguageIdentifier):
        def _raw_score(self, text: bytes) -> Any:
            features, counts = walk.counts(text)
            if not len(features):  # py3langid's score of no features
                return super()._raw_score(b"")
            return np.log1p(counts) @ self.nb_ptc[features] + self.nb_pc  # as py3langid's

    return Walking(
        found["ptc"].view(np.ndarray),
        np.asarray(found["pc"]),
        found["classes"].tolist(),
        found["nextmove"],  # py3langid's own walk is not used
        found["out_feat"],
        tk_row=[],
    )


class _Walk:
    """py3langid's byte automaton walked over a whole text at once, in numpy, where py3langid
    steps through it byte by byte in Python (two thirds of its time). The automaton reads
    byte n-grams of at most ``depth`` bytes, so its state after any byte is the state reached
    from the start by the last ``depth`` bytes alone: ``depth`` vectorised steps give every
    position's state. The features counted, their order and the arithmetic on them are
    py3langid's, so its answers and scores are unchanged (tests/test_language.py)."""

    def __init__(self, nextmove: Any, row: Any, output: Any, depth: int) -> None:
        import numpy as np

        self.nextmove, self.depth = nextmove, depth
        self.rowbase = np.asarray(row, dtype=np.intp) << 8
        self.output = np.asarray(output, dtype=np.intp)

    def counts(self, data: bytes) -> tuple[Any, Any]:
        """(features, counts) in the order of their first visit, as py3langid's Counter."""
        import numpy as np

        text = np.frombuffer(data, dtype=np.uint8).astype(np.intp)
        state = np.zeros(len(text), dtype=np.intp)
        for back in range(self.depth - 1, -1, -1):  # the byte ``back`` places before each one
            state[back:] = self.nextmove[self.rowbase[state[back:]] + text[: len(text) - back]]
        found = self.output[state]
        found = found[found >= 0]
        features, first, counts = np.unique(found, return_index=True, return_counts=True)
        order = np.argsort(first)
        return features[order], counts[order].astype(np.float32)


def automaton_depth(nextmove: Any, row: Any) -> int:
    """The most bytes any state of the automaton stands for: its distance from the start (a
    state is the longest suffix read that begins a feature; no shorter text reaches it)."""
    import numpy as np

    table, rowbase = np.asarray(nextmove), np.asarray(row, dtype=np.intp) << 8
    distance = np.full(len(rowbase), -1)
    distance[0], frontier, steps = 0, np.array([0]), 0
    while len(frontier):
        reached = np.unique(table[(rowbase[frontier][:, None] + np.arange(256)).ravel()])
        frontier = reached[distance[reached] < 0]
        steps += 1
        distance[frontier] = steps
    return int(distance.max())


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
        np.save(staging / f"{_DEPTH}.npy", np.asarray(automaton_depth(nextmove, row)), allow_pickle=False)
        os.replace(staging, folder)
        for old in folder.parent.glob("langid-*"):  # the first format, without the depth
            shutil.rmtree(old, ignore_errors=True)
    except OSError:
        if not (folder / f"{_DEPTH}.npy").exists():  # another process's unpacking won
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
