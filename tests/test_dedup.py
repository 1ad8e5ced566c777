"""`warta dedup` on invented records: who is the first of a group, input order kept byte for
byte, --drop, folders and gzip, and bad input told on one line."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from crawler.corpus import similarity
from crawler.extraction.record import empty_record, validation_errors
from crawler.extraction.urls import article_id
from tests.conftest import run_warta
from tests.test_reextract import in_terminal

STORY = (
    "Dinas Kesehatan Kota Bukit Hijau mencatat {n} kasus demam berdarah sepanjang bulan ini, naik "
    "tajam dibanding bulan sebelumnya. Kepala dinas, dokter Ratna Sari, meminta warga menguras bak "
    'mandi dan menutup tempat penampungan air. "Fogging saja tidak cukup tanpa peran warga," '
    "katanya di kantornya. Petugas puskesmas akan mendatangi rumah warga di lima kelurahan untuk "
    "memeriksa jentik nyamuk. Rumah sakit daerah menyiapkan ruang perawatan tambahan bagi pasien "
    "anak yang jumlahnya terus bertambah sejak awal musim hujan."
)
OTHER = (
    "Harga cabai rawit di Pasar Induk Sukamaju turun menjadi Rp35.000 per kilogram setelah panen "
    "raya di kawasan pegunungan. Pedagang menyebut pasokan melimpah sejak pekan lalu sehingga stok "
    "di gudang menumpuk. Pembeli dari luar kota mulai berdatangan memborong cabai untuk dijual "
    "kembali di daerah mereka masing-masing."
)


def record(site: str, text: str, published: str | None, fetched: str = "2025-05-01T00:00:00+00:00") -> dict:
    made = empty_record()
    url = f"https://{site}.invalid/berita/{len(text)}"
    made.update(id=article_id(url), url=url, canonical_url=url, site=site, title="Judul", text=text)
    made.update(published_at=published, fetched_at=fetched, extractor="generic", word_count=len(text.split()))
    return made


def write(path: Path, records: list[dict]) -> None:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "wt", encoding="utf-8") as handle:
        handle.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def test_the_earliest_published_is_first_whatever_the_input_order(tmp_path: Path) -> None:
    story = STORY.format(n=214)
    copy = record(
        "salin",
        "BUKIT HIJAU, SALIN.com - " + story.replace("katanya", "ujarnya"),
        "2025-04-28T11:00:00+07:00",
    )
    original = record("asli", story, "2025-04-28T09:00:00+07:00")
    same_day = record("pagi", story, "2025-04-28")  # a day alone: its start, so before 09:00
    undated = record("tanpa", story, None)
    other = record("pasar", OTHER, "2025-04-27")
    write(tmp_path / "a.jsonl", [copy, original, other])
    write(tmp_path / "b.jsonl.gz", [undated, same_day])

    result = run_warta("dedup", str(tmp_path), "-o", str(tmp_path / "out" / "all.jsonl"))
    assert result.returncode == 0, result.stderr
    out = lines(tmp_path / "out" / "all.jsonl")
    assert [r["id"] for r in out] == [r["id"] for r in (copy, original, other, undated, same_day)]
    first = same_day["id"]
    assert [r["duplicate_of"] for r in out] == [first, first, None, first, None]
    assert "5 records, 3 duplicates in 1 groups" in result.stderr
    assert all(not validation_errors(r) for r in out)


def test_output_is_byte_stable_and_drop_keeps_the_firsts(tmp_path: Path) -> None:
    records = [record(f"s{n}", STORY.format(n=100 + n % 2), f"2025-04-{10 + n}") for n in range(6)]
    records.append(record("pasar", OTHER, None))
    write(tmp_path / "in.jsonl", records)
    for name in ("one.jsonl", "two.jsonl"):
        assert run_warta("dedup", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / name)).returncode == 0
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
    kept = run_warta("dedup", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "kept.jsonl"), "--drop")
    assert [r["site"] for r in lines(tmp_path / "kept.jsonl")] == ["s0", "pasar"]
    assert "7 records, 5 duplicates in 1 groups; 2 written" in kept.stderr


def test_a_different_story_on_the_same_event_is_not_joined() -> None:
    story = STORY.format(n=88)
    sentences = story.split(". ")
    rewritten = ". ".join(
        sentences[:1]
        + [
            "Warga Kelurahan Mekar mengeluhkan genangan air di selokan yang "
            "tak pernah dibersihkan, sementara anak-anak mereka bergantian dirawat"
        ]
        + sentences[3:4]
    )
    sigs = similarity.signatures([story, rewritten])
    assert similarity.similarity(sigs[0], sigs[1]) < similarity.DEFAULT_THRESHOLD


def test_bad_input_is_one_line_and_no_output(tmp_path: Path) -> None:
    good = tmp_path / "good.jsonl"
    write(good, [record("asli", STORY.format(n=1), None)])
    (tmp_path / "bad.jsonl").write_text(json.dumps(record("x", OTHER, None)) + "\n{not json\n", "utf-8")
    (tmp_path / "norecord.jsonl").write_text('{"title": "tanpa id"}\n', "utf-8")
    cases = {
        "bad.jsonl": (1, "bad.jsonl:2: not a JSON record"),
        "norecord.jsonl": (1, "norecord.jsonl:1: not a warta record (no id)"),
        "missing.jsonl": (2, "no such file:"),
    }
    for name, (status, message) in cases.items():
        result = run_warta("dedup", str(good), str(tmp_path / name), "-o", str(tmp_path / "out.jsonl"))
        assert result.returncode == status and message in result.stderr, result.stderr
        assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1
        assert not (tmp_path / "out.jsonl").exists() and not list(tmp_path.glob("out.jsonl.*"))


def test_a_progress_bar_on_a_terminal_and_none_with_q(tmp_path: Path) -> None:
    write(tmp_path / "in.jsonl", [record(f"s{n}", STORY.format(n=n), None) for n in range(50)])
    shown = in_terminal("dedup", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "a.jsonl"))
    assert "records/s" in shown and "50 records" in shown, shown
    quiet = in_terminal("dedup", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "b.jsonl"), "-q")
    assert "records/s" not in quiet and "50 records" in quiet, quiet
