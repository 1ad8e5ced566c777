"""A loopback news site with no site file, its pages written by hand for these tests: invented
text and names, in the markup shapes news sites use (WordPress-style dated paths with JSON-LD,
a numeric id with only meta tags, a slug with only a visible byline date, a BlogPosting), plus
the pages a stranger's crawl must not write (tag, author and category pages, an about page and a
"most read" list behind article-like URLs)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

HOST = "www.kabarcontoh.co.id"
DOMAIN = "kabarcontoh.co.id"
BASE = f"https://{HOST}"

_WORDS = (
    "Warga desa di lereng bukit itu berkumpul sejak pagi untuk membicarakan rencana perbaikan"
    " saluran air yang rusak setelah hujan deras pekan lalu, dan kepala desa meminta semua"
    " keluarga ikut bekerja bakti pada akhir pekan."
)


@dataclass
class Article:
    path: str
    title: str
    shape: str  # "jsonld", "meta", "byline", "blogposting"
    date: str = "2025-04-28T10:15:00+07:00"
    shown: str = "Senin, 28 April 2025 10:15 WIB"  # the byline date of the "byline" shape
    paragraphs: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return BASE + self.path

    def text(self) -> list[str]:
        return self.paragraphs or [
            f"{self.title}. {_WORDS}",
            f"Paragraf kedua tentang {self.title}. {_WORDS}",
        ]


def _head(title: str, extra: str = "") -> str:
    return (
        f"<!DOCTYPE html><html lang='id'><head><meta charset='utf-8'><title>{title} | Kabar Contoh</title>"
        f"{extra}</head>"
    )


NAV = (
    "<header class='site-header'><a href='/'>Kabar Contoh</a>"
    "<nav class='main-nav'><ul><li><a href='/nasional'>Nasional</a></li>"
    "<li><a href='/ekonomi/'>Ekonomi</a></li><li><a href='/olahraga'>Olahraga</a></li>"
    "<li><a href='/tag/banjir-besar-di-kota-lama'>#Banjir</a></li>"
    "<li><a href='https://www.media-lain.com/nasional'>Mitra</a></li></ul></nav></header>"
)


def article_html(article: Article) -> str:
    """One article page in the markup of its shape."""
    title, date = article.title, article.date
    body = "".join(f"<p>{p}</p>" for p in article.text())
    if article.shape == "jsonld":
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": title,
            "datePublished": date,
            "author": {"@type": "Person", "name": "Rina Kartikasari"},
        }
        head = _head(
            title,
            f"<meta property='og:type' content='article'><script type='application/ld+json'>"
            f"{json.dumps(data)}</script>",
        )
        main = (
            f"<article><h1 class='entry-title'>{title}</h1><div class='entry-content'>{body}</div></article>"
        )
    elif article.shape == "meta":
        head = _head(
            title,
            f"<meta property='og:type' content='article'>"
            f"<meta property='article:published_time' content='{date}'>",
        )
        main = f"<div class='read'><h1>{title}</h1><div class='detail-text'>{body}</div></div>"
    elif article.shape == "blogposting":
        data = {
            "@context": "https://schema.org",
            "@graph": [
                {"@type": "WebPage", "name": title},
                {"@type": "BlogPosting", "headline": title, "datePublished": date},
            ],
        }
        head = _head(title, f"<script type='application/ld+json'>{json.dumps(data)}</script>")
        main = f"<main><h1>{title}</h1><div class='post-body'>{body}</div></main>"
    else:  # "byline": nothing declared, only the date the page shows
        head = _head(title)
        main = (
            f"<div class='artikel'><h1>{title}</h1><div class='byline'>Oleh Dodi Prasetyo |"
            f" {article.shown}</div><div class='isi'>{body}</div></div>"
        )
    footer = "<footer><p>Hak cipta Kabar Contoh. Semua hak dilindungi.</p></footer>"
    return f"{head}<body>{NAV}{main}{footer}</body></html>"


def about_html() -> str:
    """A page behind a slug-like URL that is not an article: no date, nothing declared."""
    text = "".join(
        f"<p>Kabar Contoh adalah media daring yang melayani pembaca di seluruh provinsi. {_WORDS}</p>"
        for _ in range(3)
    )
    return f"{_head('Tentang Kami')}<body>{NAV}<main><h1>Tentang Kami</h1>{text}</main></body></html>"


def listing_html(title: str, links: list[tuple[str, str]], extra_head: str = "", more: str = "") -> str:
    """A home or section page: the menu, then teasers linking articles."""
    items = "".join(
        f"<div class='teaser'><h3><a href='{href}'>{text}</a></h3>"
        f"<span class='time'>28 April 2025</span></div>"
        for href, text in links
    )
    pager = f"<a rel='next' href='{more}'>Berikutnya</a>" if more else ""
    return f"{_head(title, extra_head)}<body>{NAV}<main><h1>{title}</h1>{items}{pager}</main></body></html>"


def most_read_html(links: list[tuple[str, str]]) -> str:
    """A "most read" page behind an article-like URL: dated teasers with summaries, each long
    enough to pass for a paragraph, and nothing declared."""
    items = "".join(
        f"<div class='teaser'><h3><a href='{href}'>{text}</a></h3>"
        f"<span>Senin, 28 April 2025 1{i}:00 WIB</span>"
        f"<p>Ringkasan: {text}. Warga berkumpul membicarakan saluran air yang rusak"
        " setelah hujan deras.</p></div>"
        for i, (href, text) in enumerate(links)
    )
    return f"{_head('Terpopuler')}<body>{NAV}<main><h1>Berita Terpopuler</h1>{items}</main></body></html>"


def rss(articles: list[Article]) -> str:
    items = "".join(
        f"<item><title>{a.title}</title><link>{a.url}</link>"
        "<pubDate>Mon, 28 Apr 2025 10:15:00 +0700</pubDate></item>"
        for a in articles
    )
    channel = f"<channel><title>Kabar Contoh</title>{items}</channel>"
    return f"<?xml version='1.0' encoding='UTF-8'?><rss version='2.0'>{channel}</rss>"


def urlset(articles: list[Article], news: bool = False) -> str:
    ns = " xmlns:news='http://www.google.com/schemas/sitemap-news/0.9'" if news else ""
    entries = "".join(
        f"<url><loc>{a.url}</loc>"
        + (
            f"<news:news><news:publication_date>{a.date}</news:publication_date></news:news>"
            if news
            else f"<lastmod>{a.date}</lastmod>"
        )
        + "</url>"
        for a in articles
    )
    return f"<?xml version='1.0' encoding='UTF-8'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'{ns}>{entries}</urlset>"


def index(sitemaps: list[str]) -> str:
    entries = "".join(f"<sitemap><loc>{BASE}{s}</loc></sitemap>" for s in sitemaps)
    return f"<?xml version='1.0' encoding='UTF-8'?><sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{entries}</sitemapindex>"


def route(body: str, kind: str = "text/html; charset=utf-8") -> dict[str, Any]:
    return {"body": body, "headers": {"Content-Type": kind}}
