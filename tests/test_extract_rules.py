"""How site rules and the generic path meet when a site's markup moves."""

from __future__ import annotations

import re

import pytest
from parsel import Selector

from crawler.extraction.generic import _labelled_byline, _list_residue
from crawler.extraction.indonesian import LIST_LABEL_RE
from crawler.extraction.steps import build_record
from crawler.site import drop_params
from crawler.sites import site_for_url
from tests.conftest import load_fixture

SAMPLE = load_fixture("fakta_sample")
SECOND_PARAGRAPH = "Wakil Menteri Energi Rusia"


def sample_with(markup: str) -> str:
    """The fakta sample page with ``markup`` set inside its body, before the second paragraph."""
    html = SAMPLE["html"].decode("utf-8")
    changed = html.replace(
        '<p style="text-align: justify;">' + SECOND_PARAGRAPH, markup + "<p>" + SECOND_PARAGRAPH, 1
    )
    assert markup in changed
    return changed


def test_site_rules_read_the_sample() -> None:
    record = build_record(SAMPLE["html"], SAMPLE["url"], SAMPLE["now"], site_for_url(SAMPLE["url"]))
    assert record["extractor"] == "site:fakta"


def test_body_selector_on_a_small_box_falls_back_to_generic() -> None:
    """The body class now sits on a one-line teaser; the article moved to a new container."""
    html = SAMPLE["html"].decode("utf-8")
    html = html.replace("krp-detail-news-content", "article-body-v2", 1)
    html = html.replace(
        '<div class="article-body-v2',
        '<div class="krp-detail-news-content"><p>Ringkasan: Rusia menawarkan reaktor.</p></div>'
        '<div class="article-body-v2',
        1,
    )
    record = build_record(html, SAMPLE["url"], SAMPLE["now"], site_for_url(SAMPLE["url"]))
    assert record["extractor"] == "generic"
    assert record["text"].startswith("Pemerintah Rusia menawarkan")
    assert record["word_count"] > 150


def test_body_selector_finding_nothing_falls_back_to_generic() -> None:
    html = SAMPLE["html"].decode("utf-8").replace("krp-detail-news-content", "isi-berita")
    record = build_record(html, SAMPLE["url"], SAMPLE["now"], site_for_url(SAMPLE["url"]))
    assert record["extractor"] == "generic"
    assert record["published_at"] == "2025-04-28T10:15:00+07:00"
    assert "Baca Juga" not in record["text"]


@pytest.mark.parametrize(
    ("line", "residue"),
    [
        ("- Kamis, 05/11/2025 09:25 WIB", True),  # a related item whose linked title was dropped
        ("- 12 Mei 2025", True),
        ("-", True),
        ("07", True),
        ("- Kamis, 05/11/2025 09:25 WIB, Presiden meresmikan bendungan baru di Lombok", False),
        ("- Harga cabai turun menjelang panen raya", False),
        ("Kamis, 05/11/2025 09:25 WIB", False),  # not a list item: the text step decides
        ("2025", False),
    ],
)
def test_related_list_residue(line: str, residue: bool) -> None:
    assert _list_residue(line) is residue


@pytest.mark.parametrize(
    ("label", "matches"),
    [
        ("Berita Lainnya", True),
        ("BERITA TERKAIT", True),
        ("Terpopuler", True),
        ("Baca Juga:", True),
        ("Pilihan Editor", True),
        ("Headline", True),
        ("Berita lainnya tentang banjir di Jakarta", False),
        ("Petani Bisa Tanam Dua Kali", False),
    ],
)
def test_list_labels(label: str, matches: bool) -> None:
    assert bool(LIST_LABEL_RE.match(label)) is matches


@pytest.mark.parametrize(
    ("markup", "names"),
    [
        (
            "<table><tr><td><strong>Reporter :</strong> Sekar Ayu Lestari</td></tr>"
            "<tr><td><strong>Redaktur :</strong> Bima Putra</td></tr></table>",
            ["Sekar Ayu Lestari"],
        ),
        ('<div class="red">Rep: C31/ <span> </span> Red: Bima Putra</div>', ["C31"]),
        ("<div>Oleh: Made Wirawan | Editor: Nyoman Sari</div>", ["Made Wirawan"]),
        ("<p>Oleh karena itu, warga diminta waspada.</p>", []),  # a sentence, not a byline
        ("<nav><div>Penulis: Menu Utama</div></nav>", []),  # navigation is not the page's byline
    ],
)
def test_labelled_bylines(markup: str, names: list[str]) -> None:
    assert _labelled_byline(Selector(text=f"<html><body>{markup}</body></html>")) == names


def test_byline_that_moved_is_found_where_bylines_usually_are() -> None:
    """The site's byline selector finds nothing (the class was renamed): the record still names
    the writer, from the author link, rather than coming back without one."""
    html = SAMPLE["html"].decode("utf-8").replace("fkt-author-description", "fkt-byline-v2")
    record = build_record(html, SAMPLE["url"], SAMPLE["now"], site_for_url(SAMPLE["url"]))
    assert record["extractor"] == "site:fakta"
    assert record["authors"] == ["Rahmat Hidayatullah"]


def test_date_selector_that_moved_still_corrects_a_false_meta_zone() -> None:
    """detik's meta dates carry a false "Z" and its rules read the visible date instead. When that
    selector finds nothing, a visible date that agrees with the meta wall clock still wins, so
    the record keeps WIB rather than taking the false UTC instant."""
    page = load_fixture("detik_article")
    html = page["html"].decode("utf-8").replace("detail__date", "detail__time-v2")
    record = build_record(html, page["url"], page["now"], site_for_url(page["url"]))
    assert record["extractor"] == "site:detik"
    assert record["published_at"] == "2026-04-27T14:05:00+07:00"
    assert record["published_raw"] == "Senin, 27 Apr 2026 14:05 WIB"


def test_site_body_drops_what_its_prune_list_does_not_know() -> None:
    """A new kind of box inside a site's body (an ad block, a labelled related list, a linked
    headline between paragraphs) does not reach the text even though the site file's prune
    list predates it."""
    boxes = (
        '<div class="inarticle-ad-v3"><p>Promo tabungan emas bunga ringan khusus pembaca setia.</p></div>'
        '<div><strong>Berita Terkait</strong><ul><li><a href="https://fakta.com/news/a">Judul Pertama'
        '</a></li><li><a href="https://fakta.com/news/b">Judul Kedua</a></li></ul></div>'
        '<h3><a href="https://fakta.com/news/c">Harga Uranium Dunia Naik Tajam Pekan Ini</a></h3>'
    )
    html = sample_with(boxes)
    record = build_record(html, SAMPLE["url"], SAMPLE["now"], site_for_url(SAMPLE["url"]))
    assert record["extractor"] == "site:fakta"
    for leak in ("Promo tabungan", "Berita Terkait", "Judul Pertama", "Harga Uranium"):
        assert leak not in record["text"]
    assert SECOND_PARAGRAPH in record["text"]


def test_a_site_switch_in_the_query_does_not_fork_the_article() -> None:
    """tempo serves the same article with and without "?i=1": one canonical URL, one id, even
    on a page that declares no canonical URL of its own."""
    page = load_fixture("tempo_article")
    html = re.sub(r"<(?:link|meta)[^>]*(?:canonical|og:url)[^>]*>", "", page["html"].decode("utf-8"))
    html = re.sub(r"(?s)<script type=\"application/ld\+json\">.*?</script>", "", html)
    plain = build_record(html, page["url"], page["now"], site_for_url(page["url"]))
    switched = page["url"] + "?i=1"
    record = build_record(html, switched, page["now"], site_for_url(switched))
    assert record["url"] == switched
    assert record["canonical_url"] == plain["canonical_url"] == page["url"]
    assert record["id"] == plain["id"]


def test_drop_params_keeps_the_rest_of_the_query() -> None:
    assert drop_params("https://x.co/a?i=1&id=5", ("i",)) == "https://x.co/a?id=5"
    assert drop_params("https://x.co/a?id=5", ()) == "https://x.co/a?id=5"


def test_generic_path_finds_a_credit_printed_after_the_body() -> None:
    """Old templates print the desk tag just outside the body's element ("</div> <b>(ren)</b>"),
    where trafilatura does not look: it still becomes the credit, not lost and not text."""
    page = load_fixture("generic_teasers")
    html = (
        page["html"].decode("utf-8").replace("   <p>(rin/ban)</p>\n  </div>", "  </div>\n  <b>(rin/ban)</b>")
    )
    assert "</div>\n  <b>(rin/ban)</b>" in html
    record = build_record(html, page["url"], page["now"], None)
    assert record["credit"] == "rin/ban"
    assert record["text"] == page["expected"]["text"]


LISTICLE = """<html><head><title>5 Cara Merawat Sepeda Lipat</title>
<meta property="og:type" content="article">
<meta property="article:published_time" content="2026-03-02T08:00:00+07:00"></head><body>
<h1>5 Cara Merawat Sepeda Lipat</h1>
<div itemprop="articleBody">
<div class="item"><p>Sepeda lipat makin banyak dipakai pekerja kota untuk perjalanan pendek dari stasiun ke
kantor. Agar tetap awet, sepeda perlu dirawat secara rutin meski jarang dipakai jauh.</p>
<p>Mekanik sepeda di Bandung, Yogi Pratama, mengatakan sebagian besar kerusakan berawal dari
kebiasaan kecil yang diabaikan pemilik. Berikut lima cara merawat sepeda lipat yang ia sarankan
agar sepeda tetap nyaman dipakai setiap hari dan tidak cepat rusak.</p>
<p>Menurut Yogi, perawatan sederhana di rumah cukup untuk mencegah sebagian besar kerusakan. Pemilik
tidak perlu membawa sepeda ke bengkel setiap bulan, asalkan rajin memeriksa bagian yang paling sering
bergerak dan menyimpan sepeda di tempat yang kering.</p></div>
<div class="item"><h2>1. Bersihkan rantai setiap pekan</h2>
<div class="photo"><img src="https://contoh.id/foto/rantai.jpg"></div></div>
<div class="item"><h2>2. Periksa tekanan ban sebelum berangkat</h2>
<div class="photo"><img src="https://contoh.id/foto/ban.jpg"></div></div>
<div class="item"><h2>3. Kencangkan engsel lipatan</h2>
<div class="photo"><img src="https://contoh.id/foto/engsel.jpg"></div></div>
</div>
<div class="tags"><a href="https://contoh.id/tag/sepeda"><h3>Sepeda</h3></a></div>
</body></html>"""


def test_listicle_items_keep_their_headings() -> None:
    """The items of a listicle are headings followed only by a photo; trafilatura drops such
    headings, the generic path puts them back in order (and not the linked tag headings)."""
    record = build_record(LISTICLE, "https://contoh.id/otomotif/5-cara-merawat-sepeda-lipat", SAMPLE["now"])
    paragraphs = record["text"].split("\n\n")
    assert paragraphs[-3:] == [
        "1. Bersihkan rantai setiap pekan",
        "2. Periksa tekanan ban sebelum berangkat",
        "3. Kencangkan engsel lipatan",
    ]
    assert "Sepeda\n" not in record["text"] and not record["text"].endswith("Sepeda")


def test_a_paragraph_opening_with_a_label_word_is_kept() -> None:
    """ "Terkini" opens a sentence here; the paragraph also holds a link. It is text, not a box."""
    sentence = (
        '<p><b>Terkini,</b> kementerian menerbitkan <a href="https://fakta.com/news/d">peta jalan</a>'
        " energi nuklir yang memuat jadwal uji tapak di tiga provinsi.</p>"
    )
    html = sample_with(sentence)
    record = build_record(html, SAMPLE["url"], SAMPLE["now"], site_for_url(SAMPLE["url"]))
    assert "Terkini, kementerian menerbitkan peta jalan energi nuklir" in record["text"]
    generic = build_record(html, SAMPLE["url"], SAMPLE["now"], None)
    assert "Terkini, kementerian menerbitkan peta jalan energi nuklir" in generic["text"]


def test_generic_repairs_leave_furniture_out() -> None:
    """What the generic path puts back is text: a loose byline line above the body is not a
    lead, a trailing "Komentar" heading is not a subheading, and a subheading linked to its own
    anchor is still a subheading, not a related headline."""
    page = load_fixture("generic_teasers")
    html = page["html"].decode("utf-8")
    html = html.replace(
        '<div class="isi-berita">',
        '<div class="isi-berita">Oleh: Baiq Nurul Aini | Selasa, 3 Februari 2026',
        1,
    )
    html = html.replace(
        "<h3>Wisata Air Direncanakan</h3>", '<h3><a href="#wisata">Wisata Air Direncanakan</a></h3>'
    )
    html = html.replace(
        "<p>(rin/ban)</p>", "<p>(rin/ban)</p><h3>Komentar</h3><form><textarea></textarea></form>"
    )
    record = build_record(html, page["url"], page["now"], None)
    assert record["text"] == page["expected"]["text"]
    assert record["credit"] == "rin/ban"


def _sentences(topic: str, count: int) -> str:
    return " ".join(
        f"Kalimat ke-{i} tentang {topic} menjelaskan hal baru yang berbeda dari sebelumnya."
        for i in range(count)
    )


def test_a_marked_body_holding_only_the_lead_does_not_hide_the_rest() -> None:
    """itemprop=articleBody sits on the lead only; the article goes on in the next block. The
    marked element is not read alone, so no paragraph after it is lost."""
    lead = _sentences("banjir", 9)
    rest = "".join(
        f"<p>{_sentences(topic, 4)}</p>" for topic in ("tanggul", "pompa", "warga", "anggaran", "cuaca")
    )
    html = (
        "<html><head><title>Banjir Surut di Pesisir</title><meta property='og:type' content='article'>"
        "<meta property='article:published_time' content='2026-01-10T09:00:00+07:00'></head><body>"
        f"<h1>Banjir Surut di Pesisir</h1><div itemprop='articleBody'><p>{lead}</p></div>"
        f"<div class='lanjutan'>{rest}</div></body></html>"
    )
    record = build_record(html, "https://contoh.id/daerah/banjir-surut-di-pesisir", SAMPLE["now"])
    for topic in ("banjir", "tanggul", "anggaran", "cuaca"):
        assert f"tentang {topic}" in record["text"]


def test_a_section_under_a_label_like_heading_is_kept() -> None:
    """A run of paragraphs under a subheading that reads "Terbaru" is article text, not a box."""
    section = (
        '<div class="bagian"><h3>Terbaru</h3>'
        f"<p>{_sentences('reaktor', 4)} Rinciannya ada di"
        " <a href='https://fakta.com/news/e'>laporan ini</a>.</p>"
        f"<p>{_sentences('limbah', 3)}</p></div>"
    )
    html = sample_with(section)
    for rules in (site_for_url(SAMPLE["url"]), None):
        record = build_record(html, SAMPLE["url"], SAMPLE["now"], rules)
        assert "tentang reaktor" in record["text"] and "tentang limbah" in record["text"]


def test_an_article_at_a_new_url_shape_in_new_markup_is_still_read() -> None:
    """detik moved its URLs and its body class at once: the URL no longer matches the site's
    article pattern and the body selector finds nothing, but the page declares itself an
    article (og:type), so the generic path reads it instead of refusing it."""
    page = load_fixture("detik_article")
    html = page["html"].decode("utf-8").replace("detail__body-text", "detail__isi-v3")
    assert 'og:type" content="article"' in html
    url = "https://news.detik.com/baca/2026/04/27/banjir-rob-rendam-permukiman-pesisir-jakut"
    rules = site_for_url(url)
    assert rules is not None and not rules.is_article_url(url)
    record = build_record(html, url, page["now"], rules)
    assert record["extractor"] == "generic"
    assert record["text"] == page["expected"]["text"]
