"""tribunnews.com (SITES.md section 4): no saved page; facts from news-watch, notes and egi (2026).

Articles live on www (m. is a mobile mirror) as /{section}/{id}/{slug} or
/{section}/YYYY/MM/DD/{slug}. The date is "Senin, 28 April 2025 14:05 WIB" in a `time[datetime]`
after the label "Tayang:"; JSON-LD `datePublished` carries +07:00 too. Long articles are split
into ?page=N pages: the body ends with `div.paging` ("Halaman 1/2", `a[rel=page-2]`), and the
next page is the link whose rel is one more than the page the "Halaman N/M" counter names.
"""

from crawler.site import Rules, Site, css, xpath

SECTIONS = ("nasional", "regional", "ekonomi", "bisnis")
SKIP_SEGMENTS = "tag|topic|penulis|editor|video|foto|images|webstories|epaper|index-news|search|api"
_PAGING = "//div[contains(@class,'txt-article')]//div[contains(@class,'paging')]"
_COUNTER = f"normalize-space({_PAGING}//span[contains(@class,'total-page')])"  # "Halaman 1/2"
_CURRENT = f"substring-before(substring-after({_COUNTER}, 'Halaman'), '/')"


SITE = Site(
    name="tribunnews",
    allowed_domains=("www.tribunnews.com", "tribunnews.com"),  # www first: robots.txt lives there
    start_urls=(
        "https://www.tribunnews.com/index-news",
        "https://www.tribunnews.com/sitemap-news.xml",
    ),
    sections={s: [f"https://www.tribunnews.com/{s}/sitemap-news.xml"] for s in SECTIONS},
    listing_param="page",  # index-news?page=N (pages past 10 repeat page 10)
    listing_next=(),
    article_url=rf"^https?://(?:www|m)\.tribunnews\.com/(?!(?:{SKIP_SEGMENTS})/)[a-z0-9-]+/"
    r"(?:\d+|\d{4}/\d{2}/\d{2})/[a-z0-9-]+/?(?:[?#].*)?$",
    skip_url=rf"^https?://[^/]+/(?:{SKIP_SEGMENTS})(?:[/?]|$)",
    next_article_page_links=xpath(f"({_PAGING}//a[@rel = concat('page-', {_CURRENT} + 1)]/@href)"),
    rules=Rules(
        title=css(
            "h1#arttitle",
            "h1",
        ),
        published=xpath("//time[@datetime][contains(normalize-space(..), 'Tayang')]") + css("time[datetime]"),
        prefer_visible_date=False,  # JSON-LD datePublished is +07:00 and true; lists carry other times
        authors=css("#penulis a"),
        editors=css("#editor a"),
        tags=css(
            "h5.tagcloud3 a.rd2",
            ".tagcloud3 a",
        ),
        body=css(
            "div.side-article.txt-article",
            "div.txt-article",
            "div.content",
        ),
        prune=css(
            "p.baca",
            "blockquote.summary-article",
            "div.ads-placeholder",
            "div.paging",
            "[id^=div-gpt-ad]",
        ),
    ),
)
