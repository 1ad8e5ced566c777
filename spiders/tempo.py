"""tempo.co (SITES.md section 8): www.tempo.co/{rubrik}/{slug}-{id} today, a Nuxt site.

Rubric HTML holds no article links: discovery reads the rubric `_payload.json` (relative
`canonical_url` strings "ekonomi/{slug}-{id}") and the rss.tempo.co feeds. Each paragraph sits in
its own `div#content-wrapper`, so the body is their parent and everything else in it is pruned;
"Pilihan Editor:" and the "Scroll ke bawah" gate are generic boilerplate. The visible date
"24 Juli 2026 | 09.00 WIB" (dot in the time) is also what `article:published_time` may hold.
2015 pages: {kanal}.tempo.co/read/news/YYYY/MM/DD/{id}/{slug}, `div.artikel`, `.block-tanggal`,
the body ends with the writer's name in capitals ("DINI TEJA"), taken as the author.
"""

from crawler.site import Rules, Site, css, xpath

# The 2015 sign-off: a last bold line in capitals at the very end of the body.
_SIGN_OFF = (
    "//div[@class='artikel']/p[last()]/strong[last()][not(following-sibling::node()[normalize-space()])]"
    "[translate(., 'abcdefghijklmnopqrstuvwxyz', '') = .]"
)
# ...unless it is a news agency credit, not a writer.
_NOT_AGENCY = "[not(contains('|ANTARA|REUTERS|AFP|AP|BBC|ABC|XINHUA|', concat('|', normalize-space(), '|')))]"
# The rubric as the BreadcrumbList JSON-LD names it (today's page shows no breadcrumb).
_RUBRIC = (
    "(substring-before(substring-after("
    "//script[@type='application/ld+json'][contains(., 'BreadcrumbList')], "
    '\'"position":2,"name":"\'), \'"\'))'
)


SITE = Site(
    name="tempo",
    allowed_domains=("tempo.co",),
    drop_params=("i",),  # 2015 pages exist with and without "?i=1"
    start_urls=(
        *(f"https://www.tempo.co/{r}/_payload.json" for r in ("politik", "hukum", "ekonomi", "lingkungan")),
        "https://rss.tempo.co/nasional",
        "https://rss.tempo.co/bisnis",
        "https://rss.tempo.co/metro",
    ),
    sections={
        "politik": ["https://www.tempo.co/politik/_payload.json"],
        "hukum": ["https://www.tempo.co/hukum/_payload.json"],
        "ekonomi": ["https://www.tempo.co/ekonomi/_payload.json", "https://rss.tempo.co/bisnis"],
        "lingkungan": ["https://www.tempo.co/lingkungan/_payload.json"],
        "nasional": ["https://rss.tempo.co/nasional"],
        "metro": ["https://rss.tempo.co/metro"],
    },
    robots_sitemaps=False,  # www.tempo.co/sitemap.xml is reported, its layout unknown: not read
    listing_next=(),
    article_url=r"^https?://(?:www\.)?tempo\.co/(?!(?:penulis|tag|read|indeks|rubrik|search)/)[a-z-]+/[a-z0-9-]+-\d+/?(?:[?#].*)?$"
    r"|^https?://(?:[a-z0-9-]+\.)?tempo\.co/read/[A-Za-z]+/(?:[a-z]+/)?(?:\d{4}/\d{2}/\d{2}/)?\d+(?:,uk\.html)?/[\w-]+/?(?:[?#].*)?$",
    skip_url=r"//(?:foto|video|store|langganan)\.tempo\.co/|/inforial/",
    rules=Rules(
        title=css(
            "div.artikel h1",
            "article h1",
            "h1",
        ),
        published=xpath("(//article/h1/following-sibling::p)[1]") + css("div.artikel .block-tanggal::text"),
        authors=css("article a[href*='/penulis/']") + xpath(_SIGN_OFF + _NOT_AGENCY),
        section=css("div.artikel ul.block-kanal-map li:last-child a") + xpath(_RUBRIC),
        tags=css("article a[href^='/tag/'] span"),
        body=xpath("(//div[@id='content-wrapper'])[1]/..") + css("div.artikel"),
        images=css(
            "article > figure",
            "div.artikel .block-display",
        ),
        prune=xpath(
            "./*[not(@id='content-wrapper')][../*[@id='content-wrapper']]",
            "./ul[@class='block-kanal-map']",
            "./h1",
            "./div[@class='block-tanggal']",
            "./div[@class='block-display']",
            "./p[last()]/strong[last()][not(following-sibling::node()[normalize-space()])]"
            "[translate(., 'abcdefghijklmnopqrstuvwxyz', '') = .]",
        ),
    ),
)
