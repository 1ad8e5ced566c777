"""beritasatu.com (SITES.md section 26): /{kanal}/{id}/{slug}, sitemaps per kanal, no multi-page.

No `article:*` meta; JSON-LD NewsArticle has datePublished = dateModified (+07:00) and the page
shows "Jumat, 24 Juli 2026 | 16:39 WIB". `window.dataLayer.push({...})` in <head> holds the
editor's full name and the kanal (the DOM shows only the editor's initials). CloudFront answers
403 to User-Agents that do not look like a browser (settings, not this file).
"""

from spiders.base import NewsSpider

KANAL = ("nasional", "ekonomi", "sport", "lifestyle", "internasional", "ototekno", "bplus")
# A "key": "value" pair of the flat dataLayer object, as an XPath string (keep these last: an
# empty string still counts as found).
DATALAYER = (
    "(substring-before(substring-after(substring-after("
    "//script[contains(., 'dataLayer.push') and contains(., '\"{key}\"')], '\"{key}\"'), '\"'), '\"'))"
)


class BeritasatuSpider(NewsSpider):
    name = "beritasatu"
    allowed_domains = ["beritasatu.com"]
    robots_sitemaps = False  # no Sitemap line is known; the index is declared here
    feed_urls = ["https://www.beritasatu.com/sitemap.xml"]  # index of /sitemap/{kanal}/news.xml
    # /terkini/indeks/{N} exists for N = 2..7 (8 is a 404)
    start_urls = ["https://www.beritasatu.com/terkini/indeks"] + [
        f"https://www.beritasatu.com/terkini/indeks/{n}" for n in range(2, 8)
    ]
    next_page_css = ()
    sections = {
        k: [f"https://www.beritasatu.com/sitemap/{k}/news.xml", f"https://www.beritasatu.com/{k}/indeks"]
        for k in KANAL
    }
    article_url = r"^https?://(?:www\.)?beritasatu\.com/[a-z]+/\d+/[a-z0-9-]+/?(?:[?#].*)?$"
    skip_url = r"/(?:tag|search|widgets?|network|penulis|editor|multimedia)/|/indeks(?:/|$)"
    prefer_visible_date = False  # JSON-LD carries the offset; the visible date must agree with it

    title_css = ("h1",)  # authors: JSON-LD author (also dataLayer.penulis)
    published_css = ("small.text-muted", "time")
    editors_css = (DATALAYER.format(key="editor"),)
    section_css = (DATALAYER.format(key="content_category"),)
    tags_css = ("a[href*='/tag/'] h3.badge",)
    body_css = ("div.col.b1-article.body-content", ".body-content")
    images_css = ("//img[following-sibling::*[1][self::figcaption]]/..",)
    prune_css = (
        ".//div[p[normalize-space() = 'BACA JUGA']]",  # pink box: label + related title in an <h2>
        "[id^=div-gpt-ad]",
        "a[href*='/tag/']",
        "script",
        "style",
    )
