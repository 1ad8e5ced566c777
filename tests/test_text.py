"""The Indonesian text cleanup on its own: pure functions over lists of paragraphs."""

from __future__ import annotations

import pytest

from crawler.extraction.text import clean_paragraphs, split_dateline

BODY = "Harga beras medium naik di tujuh provinsi dalam sepekan terakhir menurut catatan Badan Pangan."
LONG = " ".join([BODY] * 3)


@pytest.mark.parametrize(
    ("paragraphs", "dateline", "first"),
    [
        ([f"JAKARTA, KOMPAS.com - {BODY}"], "JAKARTA, KOMPAS.com", BODY),
        ([f"Jakarta (ANTARA) - {BODY}"], "Jakarta (ANTARA)", BODY),
        (["Jakarta -", BODY], "Jakarta", BODY),
        # Furniture above an outlet's dateline goes with it: a date line, summary bullets, a byline.
        (["28 April 2025 | 14.30 WIB", f"TEMPO.CO, Jakarta - {BODY}"], "TEMPO.CO, Jakarta", BODY),
        (["- Stok aman.", "- Operasi pasar digelar.", f"Suara.com - {BODY}"], "Suara.com", BODY),
        (
            ["Reporter: Rina | Editor: Yudi", f"KONTAN.CO.ID - JAKARTA. {BODY}"],
            "KONTAN.CO.ID - JAKARTA",
            BODY,
        ),
        # A plain place a few lines down is not trusted: it may be a sentence of the article.
        (["Pendahuluan singkat.", f"Bandung - {BODY}"], None, "Pendahuluan singkat."),
        # A long first paragraph is the article: nothing below it is a dateline.
        ([LONG, f"TEMPO.CO, Jakarta - {BODY}"], None, LONG),
    ],
)
def test_split_dateline(paragraphs: list[str], dateline: str | None, first: str) -> None:
    found, rest = split_dateline(paragraphs)
    assert found == dateline
    assert rest[0] == first


@pytest.mark.parametrize(
    "line",
    [
        "Baca: Harga Emas Dunia Tertekan Penguatan Dolar AS",
        "| Baca: Harga Emas Dunia Tertekan |",
        "Disclaimer: berita ini bukan ajakan untuk membeli atau menjual saham.",
        "Ikuti berita terkini dan dapatkan ulasan pilihan setiap pagi melalui kanal resmi kami.",
        "Saksikan video di bawah ini:",
        "Saksikan Video Pilihan Berikut Ini:",
    ],
)
def test_prompts_are_dropped(line: str) -> None:
    assert clean_paragraphs([BODY, line]).paragraphs == [BODY]
