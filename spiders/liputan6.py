"""liputan6.com (SITES.md section 5): KLY CMS, every page of an article in one response.

2026 desktop: ``div.article-content-body`` holds sibling ``div.article-content-body__item-page[data-page=N]``
blocks (later pages hidden, with ``data-title``); 2019-2022 mobile pages split the body into
``.article-content-body__item`` sections ("2 dari 5 halaman"); 2016 desktop used ``read-page--*`` classes.
The meta author is the generic "Liputan6.com": the byline names the writer.
"""

from crawler.site import Rules, Site, css, xpath

CHANNELS = ["news", "bisnis", "tekno", "global", "citizen6", "bola", "showbiz", "health", "regional", "hot"]


SITE = Site(
    name="liputan6",
    allowed_domains=("www.liputan6.com", "liputan6.com"),  # www first: robots.txt lives there
    # The front page and the channel landings are server-rendered (/indeks and tag pages are not).
    start_urls=(
        "https://www.liputan6.com/",
        "https://www.liputan6.com/news",
        "https://www.liputan6.com/bisnis",
    ),
    # Per channel: its landing page and its RSS feed (feed.liputan6.com/rss/{kanal}).
    sections={c: [f"https://www.liputan6.com/{c}", f"https://feed.liputan6.com/rss/{c}"] for c in CHANNELS},
    article_url=r"^https?://(?:[a-z0-9-]+\.)?liputan6\.com/(?:[a-z0-9-]+/)?read/\d+(?:/[^/?#]+)?/?$",
    # Listing links carry tracking queries ("?medium=Headline__mobile&campaign=...") that an
    # article URL never needs; the same article linked from www. and m. is followed once.
    drop_params=("*",),
    skip_url=r"^https?://(?:(?:photo|foto|video|enamplus|berita)\.liputan6\.com|[^/]+/(?:photo|foto|video)/)",
    rules=Rules(
        title=css(
            "h1.read-page--header--title",
            "h1.article-header__title",
            "h1.read-page--header__title",
        ),
        published=css(
            ".read-page-box__author__updated",
            ".article-header__datetime",
            "time.read-page--header__datetime",
        ),
        modified=css(".article-header__modified-time"),
        authors=css(
            ".read-page-box-top .read-page-box__author__name",
            ".read-page-box__author__name",
            ".article-header__author-link",
            ".read-page--header__author [itemprop=author]",
        ),
        editors=xpath(
            "//li[@id='credits_editor']/following-sibling::li[1]//*[contains(@class,'credits__name')]",
            "//li[contains(@class,'article-credits__item')][.//*[contains(@class,'item-role')][.='Editor']]"
            "//*[contains(@class,'article-credits__item-name')]",
        ),
        images=css(
            ".read-page--photo-gallery",
            ".article-photo-gallery--item_full",
        ),
        section=css(
            ".read-page--breadcrumb--item:last-child",
            ".breadcrumb--item:last-child",
        ),
        tags=css(
            ".tags--topics__list a",
            ".read-page--tags__list a",
        ),
        body=css(
            "div.article-content-body",
            "div.read-page__content-body",
            "div.article-short-desc",  # photo gallery pages: the short description is all the text
        ),
        pages=css(
            "div.article-content-body .article-content-body__item-page[data-page]",
            "div.article-content-body.multisection > .article-content-body__item",
        ),
        prune=css(
            ".baca-juga",
            ".baca-juga-collections",
            ".article-ad",
            ".seamless-ads",
            "[id^=div-gpt-ad]",
            ".article-content-body__break",
            ".article-content-body__load-more",
            ".article-content-body__loading-animation",
            ".article-photo-gallery--item__description",  # photo captions (2019-2022 mobile)
            ".article-photo-gallery--item__button-zoom",  # "Perbesar"
        ),
        drop_text=(r"^Saksikan\b.*(?:video|berikut)", r"^Infografis\b.*:$", r"^Baca Juga$"),
    ),
)
