"""kontan.co.id (SITES.md section 22): no saved page; selectors from news-watch, one host per desk.

Articles are {desk}.kontan.co.id/news/{slug}. The body `div.tmpt-desk-kon[itemprop=articleBody]`
opens with the byline paragraph ("Reporter: Nama | Editor: Nama"), which is taken as authors and
editors and removed from the text; related-link paragraphs hold `a[class^=track-]`, and nothing
after the `<!-- pagination end -->` comment is article text. The date sits in the div whose class
string is exactly "fs14 ff-opensans font-gray"; its format is not established (the fixture
assumes "Senin, 28 April 2025 / 10:15 WIB").
"""

from crawler.site import Rules, Site, css, xpath

DESKS = ("nasional", "keuangan", "investasi", "industri", "internasional")
_BODY = "//div[contains(concat(' ', @class, ' '), ' tmpt-desk-kon ')][@itemprop='articleBody']"
_BYLINE = f"{_BODY}/p[1]"


SITE = Site(
    name="kontan",
    allowed_domains=("www.kontan.co.id", "kontan.co.id"),  # www first: robots.txt lives there
    start_urls=("https://www.kontan.co.id/",),
    sections={desk: [f"https://{desk}.kontan.co.id/"] for desk in DESKS},
    listing_next=(),  # desk front pages have no known pager
    article_url=r"^https?://(?!insight\.)[a-z]+\.kontan\.co\.id/news/[a-z0-9-]+/?(?:[?#].*)?$",
    skip_url=r"^https?://insight\.kontan\.co\.id/|/search(?:[/?]|$)",
    rules=Rules(
        title=css("h1.detail-desk"),
        published=xpath("//div[@class='fs14 ff-opensans font-gray']"),
        # "Reporter: A, B | Editor: C": the names between the first ":" and "|".
        authors=xpath(
            f"(normalize-space(substring-before(concat(substring-after({_BYLINE}, ':'), '|'), '|')))"
        ),
        editors=xpath(f"(normalize-space(substring-after({_BYLINE}, 'Editor:')))"),
        section=xpath("(//div[contains(@class,'breadcumb') and contains(@class,'fs18')]//a)[last()]"),
        body=xpath(f"{_BODY}"),
        prune=xpath(
            "./p[1]",  # the byline
            ".//p[.//a[starts-with(@class,'track-')]] | .//h2[.//a[starts-with(@class,'track-')]]",
            ".//comment()[contains(., 'pagination end')]/following::*",
        )
        + css(
            "[id^=div-gpt-ad]",
        ),
    ),
)
