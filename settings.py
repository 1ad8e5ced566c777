"""Scrapy settings for warta. Polite by default: every value here can be overridden with
``-s NAME=VALUE`` or from ``warta`` options."""

from crawler import __version__

BOT_NAME = "warta"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"

# An honest User-Agent; set WARTA_CONTACT to a URL or e-mail where site owners can reach you.
WARTA_CONTACT = ""
USER_AGENT = f"warta/{__version__} (+https://pypi.org/project/warta/)"

ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"

# How deep listing pages are followed when discovering articles (per entry point).
WARTA_MAX_LISTING_PAGES = 5

# The record chain, in the order of crawler.steps.STEPS:
ITEM_PIPELINES = {
    "pipelines.dates.DatesPipeline": 100,  # published_at / modified_at from the raw strings
    "pipelines.text.TextPipeline": 200,  # boilerplate, dateline, credit, dates_mentioned, language
    "pipelines.identity.IdentityPipeline": 300,  # canonical_url, id, duplicates within a run
    "pipelines.validate.ValidatePipeline": 400,  # JSON Schema; invalid records dropped with a reason
}
