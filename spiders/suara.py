"""suara.com (SITES.md section 13): kanal / YYYY / MM / DD / HHMMSS / slug, on www and on
regional subdomains (jogja.suara.com, ...). Long articles are split into `?page=2`, `?page=3`
of the same URL; the pager `.pagination-custom` links the next page and is followed.

Visible date "Jum'at, 24 Juli 2026 | 07:08 WIB" beside the headline; JSON-LD authors (an
array) are the byline; the section is the GTM dataLayer `articleSubcategory` ("nasional").
The body starts with a bold "Suara.com - " dateline.
"""

from crawler.site import Rules, Site, css, xpath

# The dataLayer is a JS object literal ('key': 'value'), not JSON: read one value with
# XPath string functions; spaces and double quotes are folded away first.
_DATALAYER = (
    '(substring-before(substring-after(translate(//script[contains(., "articleSubcategory")], '
    "concat('\"', ' '), \"'\"), \"'articleSubcategory':'\"), \"'\"))"
)


SITE = Site(
    name="suara",
    # www first: robots.txt (and its Sitemap: lines) is read from the first domain.
    allowed_domains=("www.suara.com", "suara.com"),
    start_urls=("https://www.suara.com/indeks",),
    listing_param="page",  # /indeks?page=2, about 20 links a page
    listing_next=(),
    article_url=r"^https://(?:[a-z0-9-]+\.)?suara\.com/(?!(?:read|search|tag|category|author|reporter|foto|video)/)"
    r"[a-z0-9-]+/\d{4}/\d{2}/\d{2}/\d{6}/[a-z0-9-]+/?(?:\?.*)?$",
    skip_url=r"[?&]page=\d|/loadmoredetail",
    # Split articles: the page after the active one in the pager (none on the last page).
    next_article_page_links=css("ul.pagination-custom li.active + li a::attr(href)"),
    rules=Rules(
        title=css(
            ".article-image h1",
            "h1",
        ),
        published=xpath('//*[contains(@class, "article-image")]//span[contains(., "WIB")]')
        + css(
            "span.mt-10",
            "span[class*=date]",
        ),
        section=xpath(_DATALAYER),
        tags=css(
            ".article-tags a::attr(title)",
            ".article-tags a",
        ),
        body=css(
            "div.article-content",
            "article.detail-content",
            "div.detail-content",
        ),
        images=css(".article-image"),
        prune=css(
            "p[class*=baca-juga]",
            "[id^=berita-terkait-]",
            "[id*=div-ad]",
            ".placeholder_belt",
            ".placeholder_read_body",
            ".ten-second",
            ".article-read",
            "#next-article",
            ".wrap-pagination",
            ".article-tags",
            ".google-pref",
        ),
    ),
)
