"""Near-duplicates at crawl time (`warta crawl --dedup`): a second run's syndicated copy of the
first run's article gets ``duplicate_of`` that article, through the seen-store."""

from __future__ import annotations

from pathlib import Path

import settings
from crawler.corpus.similarity import DEFAULT_THRESHOLD
from crawler.crawling.state import SeenStore
from crawler.extraction.record import validation_errors
from tests.conftest import run_warta
from tests.faults.site import FAST, lines_of, site_routes
from tests.test_scheduled import SAMPLE_SLUG, SAMPLE_TITLE, TEMPLATE

COPY_SLUG = "moskow-tawari-asean-reaktor-nuklir-kecil"


def copy_page(tmp: Path) -> dict:
    """Another outlet's copy: its own title and URL, one sentence dropped, two reworded."""
    html = TEMPLATE.replace(SAMPLE_SLUG, COPY_SLUG).replace(
        SAMPLE_TITLE, "Moskow Tawari ASEAN Reaktor Nuklir Kecil"
    )
    html = html.replace(
        " Tawaran itu disampaikan dalam forum kerja sama energi di Moskow yang dihadiri delegasi dari"
        " tujuh negara Asia Tenggara.",
        "",
    )
    html = html.replace("mengatakan reaktor", "menuturkan reaktor").replace("Menurut dia,", "Kata dia,")
    page = tmp / "copy.html"
    page.write_text(html, "utf-8")
    return {"file": str(page)}


def crawl(tmp: Path, server, name: str, *flags: str) -> list[dict]:
    out = tmp / f"{name}.jsonl"
    args = ["crawl", "fakta", "-O", str(out), "--state", str(tmp / "st.sqlite"), *flags]
    result = run_warta(*args, *FAST, env=server.proxy_env)
    assert result.returncode == 0, result.stderr
    return lines_of(out)


def test_a_copy_in_a_later_run_points_at_the_first(mockserver, tmp_path: Path) -> None:
    first = crawl(tmp_path, mockserver(site_routes(tmp_path, [SAMPLE_SLUG])), "one", "--dedup")
    assert [r["duplicate_of"] for r in first] == [None]
    routes = site_routes(tmp_path, [SAMPLE_SLUG, COPY_SLUG], {COPY_SLUG: copy_page(tmp_path)})
    [copy] = crawl(tmp_path, mockserver(routes), "two", "--dedup")
    assert copy["url"].endswith(COPY_SLUG) and copy["text"] != first[0]["text"]
    assert copy["duplicate_of"] == first[0]["id"]
    assert not validation_errors(copy)
    with SeenStore(tmp_path / "st.sqlite") as store:  # both indexed, once their file was written
        assert store.db.execute("SELECT COUNT(*) FROM near_signatures").fetchone()[0] == 2


def test_without_dedup_records_lack_the_key(mockserver, tmp_path: Path) -> None:
    [record] = crawl(tmp_path, mockserver(site_routes(tmp_path, [SAMPLE_SLUG])), "plain")
    assert "duplicate_of" not in record
    assert settings.WARTA_DEDUP_THRESHOLD == DEFAULT_THRESHOLD
