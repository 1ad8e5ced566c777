"""republika.co.id (SITES.md section 11): one template on www., bare and many kanal subdomains.

robots.txt names Scrapy and news-please with "Disallow: /"; warta identifies itself as "warta/..."
and obeys the rules that apply to it (ROBOTSTXT_OBEY, the project default), so the "*" group
(/search/?q=, /komentar/, ?utm_source= ...) is honoured. Today's page: title `.max-card__title h1`,
date `div.date.date-item__headline` "Jumat 24 Jul 2026 16:32 WIB", byline "Rep: X / Red: Y", body
`.article-content article` with `.picked-article` "Baca Juga" boxes and `p.b2` wrappers; JSON-LD
author is the editor. 2015-16 pages: `.jdl-detail`, `.date-detail` / `.rangka .date`,
`.content-detail` / `.txt-detailberita`, "Sumber : Antara" after the body, credits in `div.red`.
"#next-article" appends *other* articles (infinite scroll): never followed. Dated backfill
(--since/--until) reads the day index /index/{offset}/{YYYY}/{MM}/{DD}, 50 links a page.
"""

from collections.abc import Sequence
from datetime import date

from crawler.site import OffsetPager, Rules, Site, css, xpath


def day_index(day: date, sections: Sequence[str]) -> list[str]:
    """The day's index, newest first, 50 links a page: /index/{offset}/{YYYY}/{MM}/{DD}."""
    return [f"https://republika.co.id/index/0/{day:%Y/%m/%d}"]


SITE = Site(
    name="republika",
    allowed_domains=("republika.co.id",),
    start_urls=(
        "https://www.republika.co.id/indeks",
        "https://www.republika.co.id/rss",
        "https://republika.co.id/files/xml/sitemap.xml",
    ),
    robots_sitemaps=False,  # the sitemap above is not announced in robots.txt
    listing_next=(),  # "Next" on /indeks POSTs to /indeks/filter; the day index is paged by offset
    article_url=r"^https?://(?:[a-z0-9-]+\.)?republika\.co\.id/berita/+"
    r"(?:[a-z0-9]{6,14}/[a-z0-9-]+|(?:[a-z0-9-]+/){1,3}\d{2}/\d{2}/\d{2}/[a-z0-9]+-[a-z0-9-]+)/?(?:[?#].*)?$",
    skip_url=r"/berita/+inpicture/|/berita/+serial/|//(?:visual|video|tv)\.republika\.co\.id/"
    r"|[?&](?:utm_source|source)=",
    day_index=day_index,
    listing_offset=OffsetPager(
        r"/index/(?P<offset>\d+)/(?P<day>\d{4}/\d{2}/\d{2})/?$", "/index/{offset}/{day}", 50
    ),
    rules=Rules(
        title=css(
            ".max-card__title h1",
            ".jdl-detail h1",
            ".jdl-detail h2",
            "h1.jdl-detail",
            ".jdl-pic",
        ),
        published=css(
            "div.date.date-item__headline::text",
            ".date-detail::text",
            ".content-detail-center .rangka .date::text",
        ),
        # "Rep: Reporter/ Red: Editor" is one text; the string XPaths cut it (they always "match", so
        # they come last). The 2015 table credits ("Reporter :", "Redaktur :") come first.
        authors=xpath(
            "//div[contains(@class, 'red')]//td[starts-with(normalize-space(), 'Reporter')]/text()",
            "(substring-before(concat(substring-after(normalize-space(string(("
            "//*[contains(@class, 'max-card__title')]/div[contains(., 'Red:')] | //div[@class='red'])[1])),"
            " 'Rep:'), '/'), '/'))",
        ),
        editors=xpath(
            "//*[contains(@class, 'max-card__title')]/div/a[contains(@href, '/penulis/')]",
            "//div[contains(@class, 'red')]//td[starts-with(normalize-space(), 'Redaktur')]/text()",
            "(substring-after(normalize-space(string((//div[@class='red'])[1])), 'Red:'))",
        ),
        section=xpath(
            "(//ul[contains(@class, 'breadcrumb')]//a)[last()]",
            "(//div[@class='breadcome']/a)[last()]",
        ),
        # tags: meta[name=keywords] (the first one; 2016 pages add a second, site-wide list), via metadata.
        body=css(
            ".article-content article",
            "div.article-content",
            ".detail-berita",
            ".txt-detailberita",
        ),
        images=css(
            ".max-card__image > figure",
            ".img-detail",
            ".img-detailberita",
        ),
        prune=css(
            ".picked-article",
            "[id^=div-gpt-ad]",
            "[id^=bn_]",
            "#next-article",
            "#scroll-trigger",
            "#loading",
            ".footnote-wrap",
            "figcaption",
            ".detail__media-caption",
            ".ads-160",
            ".baca-juga",
        ),
    ),
)
