"""Spider logic on saved responses: listing links, pagination, the pipeline order."""

from __future__ import annotations

import importlib
import json

import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.utils.reactor import install_reactor
from scrapy.utils.test import get_crawler

from crawler.crawling.project import project_settings, spider_for_url
from crawler.extraction.steps import STEPS
from tests.conftest import CORPUS, fixture_names, load_fixture

install_reactor("twisted.internet.asyncioreactor.AsyncioSelectorReactor")


def listing_requests(url: str, body: bytes) -> list[Request]:
    """What the URL's spider asks for after reading this listing page (page 1)."""
    spidercls = spider_for_url(url)
    spider = spidercls.from_crawler(get_crawler(spidercls, project_settings().copy_to_dict()))
    request = Request(url, meta={"warta_depth": 1})
    response = HtmlResponse(url=url, body=body, encoding="utf-8", request=request)
    return list(spider.parse_listing(response))


def _listing_requests(name: str):
    page = load_fixture(name)
    return page["expected"], listing_requests(page["url"], page["html"])


@pytest.mark.parametrize("name", fixture_names("listing"))
def test_listing_article_links_in_page_order(name: str) -> None:
    expected, requests = _listing_requests(name)
    articles = [r.url for r in requests if r.callback.__name__ == "parse_article"]
    assert articles == expected["article_urls"]


@pytest.mark.parametrize("name", fixture_names("listing"))
def test_listing_next_page(name: str) -> None:
    expected, requests = _listing_requests(name)
    pages = [r.url for r in requests if r.callback.__name__ == "parse_listing"]
    assert pages == [expected["next_page"]]


@pytest.mark.parametrize(
    ("url", "spider"),
    [
        ("https://fakta.com/news/nasional/x", "fakta"),
        ("https://www.fakta.com/news/nasional/x", "fakta"),
        ("https://kabarnusantara.id/news/x", "generic"),
        ("https://notfakta.com/news/x", "generic"),
    ],
)
def test_spider_for_url(url: str, spider: str) -> None:
    assert spider_for_url(url).name == spider


def test_pipelines_run_the_steps_in_order() -> None:
    """A crawl and `warta extract` must be one chain: the pipelines are the steps, in order."""
    pipelines = project_settings().getdict("ITEM_PIPELINES")
    ordered = [path for path, _ in sorted(pipelines.items(), key=lambda kv: kv[1])]
    steps, others = [], []
    for path in ordered:
        module, _, name = path.rpartition(".")
        pipeline = getattr(importlib.import_module(module), name)
        if hasattr(pipeline, "step"):
            steps.append(pipeline.step)
        else:
            others.append(path)
    assert tuple(steps) == STEPS
    # a corpus step, off unless --dedup; the claim of a crawl shared over Redis, off unless --redis
    assert others == ["pipelines.dedup.DedupPipeline", "pipelines.claim.ClaimPipeline"]


def _corpus_listings() -> list:
    if not (CORPUS / "truth").is_dir():
        return []
    cases = []
    for path in sorted((CORPUS / "truth").glob("*.json")):
        truth = json.loads(path.read_text("utf-8"))
        if truth.get("kind") == "listing" and spider_for_url(truth["url"]).name != "generic":
            cases.append(pytest.param(truth, id=path.stem))
    return cases


@pytest.mark.parametrize("truth", _corpus_listings())
def test_corpus_listing_links(truth: dict) -> None:
    """Real listing pages: the site spider follows exactly the article links the truth lists."""
    body = (CORPUS / truth["page"]).read_bytes()
    requests = listing_requests(truth["url"], body)
    found = [r.url for r in requests if r.callback.__name__ == "parse_article"]
    # The truth lists every article link; photo/video pages the site file skips on purpose
    # (SITES.md) are left out of what the spider must follow.
    spider = spider_for_url(truth["url"])
    wanted = [u for u in truth["article_urls"] if not spider.site.skips(u)]
    assert found == wanted


def test_site_switches_are_dropped_from_article_links() -> None:
    """tempo 2015 links exist with and without "?i=1": one request, for the plain URL."""
    article = "https://nasional.tempo.co/read/news/2015/11/18/078719637/contoh-berita"
    body = f'<html><body><a href="{article}?i=1">a</a> <a href="{article}">b</a></body></html>'.encode()
    requests = listing_requests("https://www.tempo.co/indeks", body)
    assert [r.url for r in requests if r.callback.__name__ == "parse_article"] == [article]
