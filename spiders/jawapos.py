"""jawapos.com (SITES.md section 24): Next.js; every page embeds `script#__NEXT_DATA__`.

No NewsArticle JSON-LD, no `article:*` meta, no modified time: the date is
`pageProps.article.published_at` "2026-07-24 08:10:08" (no zone: WIB), read from the JSON with
an XPath string expression, as are the editor and the category. The whole article is in one
response; the client splits it into reader pages at `<p class="page"></p>` markers
(`?page=2` returns the same bytes), so `pages` counts the markers. The category slug of a
link can differ from the canonical one. robots.txt declares no sitemap; `/indeks` ignores
`?page=` and the deep pager is a GraphQL API, so only page 1 of each listing is read.
"""

from crawler.site import Rules, Site, css, xpath

BODY = "//*[contains(concat(' ', normalize-space(@class), ' '), ' read__content ')]"


def next_data(*fragments: str) -> str:
    """XPath string: the JSON string value after each of `fragments` in turn in __NEXT_DATA__
    (the last one ends with ':"'). A null `"editor":null` does not match '"editor":{'."""
    expr = "//script[@id='__NEXT_DATA__']"
    for fragment in fragments:
        expr = f"substring-after({expr}, '{fragment}')"
    return f"(substring-before({expr}, '\"'))"


SITE = Site(
    name="jawapos",
    allowed_domains=("jawapos.com",),
    robots_sitemaps=False,
    start_urls=("https://www.jawapos.com/indeks",),
    listing_next=(),
    sections={
        k: [f"https://www.jawapos.com/{k}"]
        for k in ("nasional", "ekonomi", "politik", "sepak-bola-dunia", "internasional")
    },
    # /{category}/{10-digit YYMMDD + daily sequence}/{slug}
    article_url=r"^https?://(?:www\.)?jawapos\.com/[a-z0-9-]+/\d{10}/[a-z0-9-]+/?(?:[?#].*)?$",
    skip_url=r"/(?:indeks|search|tag|author|foto|infografis|video)(?:/|$|\?)",
    rules=Rules(
        title=css(
            "h1.read__title",
            "h1",
        ),
        # pageProps.article comes before the related/popular lists in the JSON. An XPath string
        # counts as found even when empty, so it goes last; legacy pages fall back to the generic
        # readers (visible date, breadcrumb).
        published=xpath(next_data('"article":{', '"published_at":"')),
        authors=css(".read__info__author a") + xpath(next_data('"article":{', '"authors":[{', '"name":"')),
        editors=xpath(next_data('"article":{', '"editor":{', '"name":"')),
        section=xpath(next_data('"article":{', '"category":{', '"name":"')),
        tags=css(".read__tag a"),
        body=xpath(BODY),
        pages=xpath(
            f"{BODY} | {BODY}//p[@class='page']",  # one block per reader page
        ),
        prune=xpath(
            ".//p[strong[contains(concat(' ', normalize-space(@class), ' '), ' readmore ')]]",  # Baca Juga
        )
        + css(
            "strong[class^=read__others]",  # legacy related links
            "ins",
        ),
    ),
)
