"""The language model is py3langid's own, unpacked once into the user's cache and read from
there, its automaton walked in numpy: the answers and scores are py3langid's, with or without a
usable cache."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

TEXTS = [
    "Pemerintah menargetkan dua juta anak menerima imunisasi kejar tahun ini di seluruh provinsi.",
    "The government aims to vaccinate two million children this year across every province.",
    "Kerajaan menyasarkan dua juta kanak-kanak menerima suntikan tahun ini di semua negeri.",
    "Pamarentah nargetkeun dua juta murangkalih nampi imunisasi taun ieu di sakumna propinsi.",
    "kurang",
]
PROGRAM = """
import json, sys
import py3langid
from crawler.extraction.language import detect_language, MIN_WORDS
texts = json.loads(sys.argv[1])
ours = [detect_language(t) for t in texts]
theirs = [py3langid.classify(t)[0] if len(t.split()) >= MIN_WORDS else None for t in texts]
theirs = [c if c and len(c) == 2 else None for c in theirs]  # ISO 639-3 answers ("ace") are no language
print(json.dumps([ours, theirs]))
"""


def _run(cache: Path) -> list[list[str | None]]:
    env = {"XDG_CACHE_HOME": str(cache), "PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM, json.dumps(TEXTS)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return json.loads(done.stdout)


def test_answers_are_py3langid_s_before_and_after_the_cache_is_written(tmp_path: Path) -> None:
    first = _run(tmp_path)  # unpacks the model into the cache
    assert first[0] == first[1]
    assert first[0][:2] == ["id", "en"] and first[0][-1] is None
    assert list(tmp_path.glob("warta/langid*/ptc.npy"))
    second = _run(tmp_path)  # reads the cache
    assert second == first


def test_an_unwritable_cache_falls_back_to_the_packaged_model(tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("x")
    ours, theirs = _run(blocked)
    assert ours == theirs


SCORES = """
import json, random, sys
from py3langid import langid
from crawler.extraction.language import _identifier
texts = json.loads(sys.argv[1])
draw = random.Random(7)  # any characters, any length: every byte the automaton can meet
texts += ["".join(chr(draw.randrange(1, 0x3100)) for _ in range(draw.randrange(0, 900))) for _ in range(150)]
texts += [" ".join(texts[:4]) * 40, "", "x", "ÀÉÎ" * 50]
ours, theirs = _identifier(), langid._get_identifier()
assert type(ours) is not type(theirs), "the cache was not used"
print(json.dumps([[ours.classify(t) for t in texts], [theirs.classify(t) for t in texts]]))
"""


def test_the_walk_in_numpy_scores_every_text_as_py3langid(tmp_path: Path) -> None:
    """Same language and the very same score (float for float) as py3langid's own byte walk,
    on real sentences and on random text of every script and length."""
    env = {"XDG_CACHE_HOME": str(tmp_path), "PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", SCORES, json.dumps(TEXTS)], capture_output=True, text=True, env=env, check=True
    )
    ours, theirs = json.loads(done.stdout)
    assert len(ours) == len(TEXTS) + 154
    assert ours == theirs
