"""merdeka.com (SITES.md section 15): KLY CMS; every page of a split article is in one response.

2026: ``.articles-content__body`` with ``div.page-break[data-page=N]`` markers between pages, JSON-LD
author ``null`` (the reporter is in ``meta[name=author]`` and ``[data-tracking=author_name]``).
2021 mobile: ``.mdk-body-paragraph`` plus hidden ``div.paging-content[data-paging_num=N]`` blocks, and
meta times that say ``-07:00`` (and a ``pubdate`` "GMT") for what is really WIB: the visible
"16 Juni 2021 13:00" (no zone, so WIB) wins. robots.txt bans every URL with a query string, so hub
pagination (``?page=N``) is never followed: the per-section news sitemaps go deeper.
"""

from crawler.site import Rules, Site, css, xpath

SECTIONS = ["peristiwa", "politik", "uang", "dunia", "jabar", "jatim", "jateng", "gaya"]
_CLASS = "contains(concat(' ', normalize-space(@class), ' '), ' {} ')"
_ERA_2026 = "//h1[contains(@class, 'articles-content__title')]"
_BODY_2026 = f"//div[{_CLASS.format('articles-content__body')}]"


SITE = Site(
    name="merdeka",
    allowed_domains=("www.merdeka.com", "merdeka.com"),  # www first: robots.txt lives there
    start_urls=(
        *(f"https://www.merdeka.com/{section}" for section in SECTIONS[:4]),
        "https://www.merdeka.com/rss/",
        "https://www.merdeka.com/sitemap.xml",
    ),
    sections={
        section: [f"https://www.merdeka.com/{section}", f"https://www.merdeka.com/{section}/sitemap.xml"]
        for section in SECTIONS
    },
    listing_next=(),  # hub pages go on with ?page=N, which robots.txt disallows
    article_url=r"^https?://(?:www\.|m\.)?merdeka\.com/"
    r"(?:[a-z0-9-]+/read/\d+/[a-z0-9-]+/?|[a-z0-9-]+/[a-z0-9-]+\.html)$",
    skip_url=r"^https?://(?:(?:video|foto|story)\.merdeka\.com|[^/]+/(?:foto|video|slideshow)/)",
    rules=Rules(
        prefer_visible_date=True,  # 2021 meta times carry a false -07:00 offset
        title=css(
            "h1.articles-content__title",
            ".mdk-news-head h1",
        ),
        # 2026: the meta time is right (+07:00). 2021: the meta says -07:00 for WIB, so the visible
        # "<a>JATIM</a> | 16 Juni 2021 10:49" (no zone: WIB) is read, and for the update (never shown)
        # the wall clock of the meta value.
        published=xpath(f"//meta[@property='article:published_time'][{_ERA_2026}]/@content")
        + css(
            ".kategori-date .pull-right",  # 2021 video pages: "16 Juni 2021 17:04"
        )
        + xpath(
            "(substring-after(//div[@class='mdk-date-reporter']/span[1], '| '))",  # a string: keep it last
        ),
        modified=xpath(
            f"//meta[@property='article:modified_time'][{_ERA_2026}]/@content",
            "(substring(//meta[@property='article:modified_time']/@content, 1, 19))",
        ),
        authors=css(
            "[data-tracking=author_name]",
            ".mdk-date-reporter a[href*='/reporter/']",
        ),
        editors=xpath(
            "(substring-before(substring-after(//script[contains(., 'window.kly')], '\"editors\":\"'), '\"'))"
        ),
        section=css(
            "nav.breadcrumb-navigation li:last-child",
            "meta[property='article:section2']::attr(content)",
        ),
        tags=css(
            ".tags-articles__list a",
            ".tag__list a",
        ),
        body=css(
            ".articles-content__body",  # (sic): 2021 video pages
            ".mdk-news-body",  # (sic): 2021 video pages
            "div.body-paragpraph",  # (sic): 2021 video pages
        ),
        images=css(
            "figure.articles-content__image",
            ".mdk-news-img",
        ),
        # Page 1 plus one marker per later page.
        pages=xpath(f"{_BODY_2026} | {_BODY_2026}/div[{_CLASS.format('page-break')}][@data-page]")
        + css("div.mdk-body-paragraph"),
        prune=css(
            ".advertisement-placeholder",  # 2026: "Advertisement" slot between pages
            ".bg-primary-50",  # 2026: "Baca Juga" box
            ".page-break",
            ".mdk-date-reporter",  # 2021: section | date, "Reporter :"
            "p.read-too",  # "Baca Selanjutnya: ..."
            ".page-number",  # "Halaman 1 2 3"
            "p.dont-display",  # hidden "Baca juga:" links
            ".imageinfo",  # image credits "©2021 Merdeka.com"
            "[id^=div-gpt-ad]",
            ".article-ad",
            ".gtwsub",  # "Yuk daftarkan mereka sebagai Sosok Merdeka!"
            ".mdk-dt-box",  # "TOPIK TERKAIT" tags
            ".disclaimer-comment",
            ".read-comment",  # "REKOMENDASI" list
            "[class^=picturefirst]",
        ),
    ),
)
