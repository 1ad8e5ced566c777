"""Near-duplicate signatures: word shingles of an article's text, their MinHash, LSH band keys.

Both ``warta dedup`` (a batch over files) and a crawl with ``--dedup`` (one record against the
seen-store) use these functions, so the two agree on what a copy is. Signatures written to the
state file by one run are compared with the next run's: every constant here (shingle size,
permutations, seed, hash scheme) is part of the stored format and must not change silently.

Choices, measured on the corpus (README, "Near-duplicates"):
- shingles are lower-cased word 5-grams: long enough that two different stories on the same
  event (same names, same places, same quoted officials) share almost none, short enough that
  one reworded sentence costs only the few shingles around each changed word;
- 128 permutations: the estimate of a Jaccard similarity J has a standard error of
  sqrt(J(1-J)/128), 0.044 at J = 0.5, well under the gap between copies and different stories;
  a signature is 512 bytes (uint32), so a million fit in half a gigabyte.
"""

from __future__ import annotations

import hashlib
import math
import re
import zlib
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from functools import cache
from typing import Any

import numpy as np

NGRAM = 5  # words per shingle
NUM_PERM = 128  # MinHash permutations
SEED = 1
SCHEME = "affine32"  # datasketch's hash scheme: uint32 values, mixed input hashes
DEFAULT_THRESHOLD = 0.3  # estimated Jaccard at or above which two texts are one story (README)
_WORD = re.compile(r"\w+")
_MASK = np.uint64(0xFFFFFFFFFFFFFFFF)


def shingles(text: str, n: int = NGRAM) -> list[bytes]:
    """The text's word n-grams, lower-cased (a text shorter than n words is one shingle)."""
    words = _WORD.findall(text.lower())
    if len(words) <= n:
        return [" ".join(words).encode("utf-8")]
    return list({" ".join(words[i : i + n]).encode("utf-8") for i in range(len(words) - n + 1)})


def signatures(texts: Sequence[str], n: int = NGRAM) -> np.ndarray:
    """The MinHash signatures of ``texts`` (word ``n``-gram shingles): one uint32 row of
    NUM_PERM values each."""
    from datasketch import MinHash

    out = np.empty((len(texts), NUM_PERM), dtype=np.uint32)
    made = MinHash.generator(
        (shingles(t, n) for t in texts), num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashfunc=zlib.crc32
    )
    for row, minhash in enumerate(made):
        out[row] = minhash.hashvalues
    return out


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """The estimated Jaccard similarity of two signatures' shingle sets."""
    return float(np.count_nonzero(a == b)) / len(a)


@cache
def bands(threshold: float) -> tuple[int, int]:
    """(bands, rows per band) for LSH at ``threshold``, as datasketch's MinHashLSH picks them,
    weighted towards recall: every candidate is checked against its signature afterwards, so a
    false candidate costs a comparison while a missed one is a copy lost."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM, weights=(0.1, 0.9))
    return lsh.b, lsh.r


@cache
def _multipliers(rows: int) -> np.ndarray:
    """Fixed odd 64-bit multipliers that fold a band's ``rows`` values into one key."""
    digest = hashlib.blake2b(f"warta-bands-{rows}".encode(), digest_size=8 * rows).digest()
    return np.frombuffer(digest, dtype=np.uint64) | np.uint64(1)


def band_keys(sigs: np.ndarray, threshold: float) -> np.ndarray:
    """Each signature's LSH bucket keys, one signed 64-bit integer per band (SQLite's INTEGER):
    two signatures share a key in band i when their band-i rows are equal (up to a 2^-64
    collision, which the signature check afterwards catches)."""
    count, rows = bands(threshold)
    values = sigs[:, : count * rows].astype(np.uint64).reshape(len(sigs), count, rows)
    with np.errstate(over="ignore"):
        keys = (values * _multipliers(rows)).sum(axis=2, dtype=np.uint64)
        keys = _fmix64(keys ^ (np.arange(count, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)))
    return keys.view(np.int64)


def _fmix64(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's finaliser: every input bit spread over the key."""
    h = h ^ (h >> np.uint64(33))
    h = (h * np.uint64(0xFF51AFD7ED558CCD)) & _MASK
    h = h ^ (h >> np.uint64(33))
    h = (h * np.uint64(0xC4CEB9FE1A85EC53)) & _MASK
    return h ^ (h >> np.uint64(33))


def exact_key(text: str) -> int:
    """A signed 64-bit hash of the text with its whitespace normalised: equal for exact copies."""
    normal = " ".join(text.split()).encode("utf-8")
    return int.from_bytes(hashlib.blake2b(normal, digest_size=8).digest(), "big", signed=True)


def _instant(value: Any) -> float:
    """Seconds since the epoch of an ISO 8601 value (a day or month alone: its start, in UTC);
    +inf when there is none, so an undated record comes after every dated one."""
    if not isinstance(value, str) or len(value) < 4:
        return math.inf
    text = value if len(value) > 7 else f"{value}-01"[:10] if len(value) == 7 else f"{value}-01-01"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return math.inf
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()


def first_order(record: dict[str, Any]) -> tuple[float, float]:
    """Which of a group comes first: the earliest published, then the earliest fetched."""
    return _instant(record.get("published_at")), _instant(record.get("fetched_at"))


def texts_of(records: Iterable[dict[str, Any]]) -> list[str]:
    return [r.get("text") or "" for r in records]
