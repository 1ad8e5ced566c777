"""Scrapy settings for warta. Polite by default: every value here can be overridden with
``-s NAME=VALUE`` or from ``warta`` options."""

import os

from crawler import user_agent
from crawler.extraction.document import MAX_PAGE_BYTES

BOT_NAME = "warta"
SPIDER_MODULES = ["spiders"]
# One spider per site declared in spiders/ (crawler/sites.py), each a WARTA_SPIDER_CLASS.
SPIDER_LOADER_CLASS = "crawler.crawling.project.SiteLoader"
WARTA_SPIDER_CLASS = "spiders.base.NewsSpider"
NEWSPIDER_MODULE = "spiders"

# An honest User-Agent. Set the WARTA_CONTACT environment variable (or `warta --contact`) to
# a URL or e-mail address where site owners can reach whoever runs the crawl.
WARTA_CONTACT = os.environ.get("WARTA_CONTACT", "")
USER_AGENT = user_agent(WARTA_CONTACT)

ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
# Sizes (issue 9). Scrapy's default (1 GiB) lets one hostile response take a gigabyte. The
# largest thing warta fetches is a sitemap: 50 MB uncompressed by the sitemap protocol, so every
# response stops at 64 MiB, also after Content-Encoding is undone (HttpCompressionMiddleware
# applies the limit to the inflated size), and is logged over 16 MiB. Article pages get a far
# smaller limit of their own (Request.meta["download_maxsize"]): a real article is under 1 MB,
# and a page over the limit, raw or inflated, is counted as failed with the reason "too large".
DOWNLOAD_MAXSIZE = 64 * 1024 * 1024
DOWNLOAD_WARNSIZE = 16 * 1024 * 1024
WARTA_MAX_PAGE_BYTES = MAX_PAGE_BYTES  # 5 MiB; `warta extract` refuses files over it too
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
COOKIES_ENABLED = False
# What one response gives is handled this many at a time: an article page gives one record, a
# listing gives requests. Scrapy's 100 starts a hundred asyncio tasks for every response, 15% of
# the CPU of a loopback crawl (benchmarks/crawl.py).
CONCURRENT_ITEMS = 8
# No listening socket unless asked for: Scrapy's telnet console, and Scrapy 2.19's remote-control
# server, which runs Python code sent to it over HTTP on localhost (its token in a job file under
# the user's profile). Turn one back on with -s REMOTE_CONTROL_ENABLED=True or TELNETCONSOLE_ENABLED=True.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"

# How deep listing pages are followed when discovering articles (per entry point).
WARTA_MAX_LISTING_PAGES = 5
# Sitemap indexes read below one another: the protocol allows one; some sites nest two. More
# is a generated chain (a crawler trap), counted and not followed.
WARTA_MAX_SITEMAP_NESTING = 3
# A domain without a site file (`warta crawl example.co.id`): how many common feed and sitemap
# paths are tried (/feed, /rss.xml, /sitemap.xml, ...: crawler.crawling.domain), and how many
# section pages its home page's menu gives are read as listings.
WARTA_DOMAIN_COMMON_PATHS = 9
WARTA_DOMAIN_MAX_SECTIONS = 20
# The seen-store (SQLite). Empty: no seen-store (every run fetches everything it finds);
# `warta crawl` sets it to --state or $XDG_DATA_HOME/warta/state.sqlite.
WARTA_STATE = ""
WARTA_REFRESH_UPDATED = False
# Near-duplicates at crawl time (`warta crawl --dedup`): every record gets duplicate_of, checked
# against every record the seen-store wrote with it on before (any run, any site).
WARTA_DEDUP = False
WARTA_DEDUP_THRESHOLD = 0.3  # crawler.corpus.similarity.DEFAULT_THRESHOLD
# A run "worked" (exit 0) unless more than these shares failed.
WARTA_MAX_FAILED_SHARE = 0.5  # failed requests / requests
WARTA_MAX_DROPPED_SHARE = 0.5  # dropped articles / articles fetched
WARTA_MAX_RETRY_AFTER = 120  # longest Retry-After wait honoured, in seconds
WARTA_FETCH_MAX_RETRY_AFTER = 10  # the same for `warta fetch`, where a person waits
# The zone of times printed without one on pages of a domain with no site file (`--timezone`):
# WIB, WITA, WIT or an offset such as +08:00. Empty: WIB. A site file names its own (Site.timezone).
WARTA_TIMEZONE = ""

# Output files appear only when complete (NAME.partial -> fsync -> rename).
FEED_STORAGES = {
    "": "crawler.crawling.output.AtomicFileStorage",
    "file": "crawler.crawling.output.AtomicFileStorage",
}
FEED_STORE_EMPTY = False

SPIDER_MIDDLEWARES = {
    # Only new articles: the seen-store, --refresh-updated, --max-articles, listing stops.
    "crawler.crawling.incremental.IncrementalMiddleware": 950,
    # Last to see a callback's exception: counted under a named reason, never lost in a log.
    "crawler.crawling.accounting.CallbackErrors": 25,
    # --redis: tells the other workers when this one has queued its start requests.
    "crawler.crawling.redisqueue.StartDone": 960,
}
DOWNLOADER_MIDDLEWARES = {
    "crawler.crawling.robots.RobotsSizeLimit": 50,  # robots.txt read up to 512 KiB (RFC 9309)
    "crawler.crawling.retryafter.RetryAfterMiddleware": 560,  # before RetryMiddleware (550) sees the response
}
EXTENSIONS = {
    "crawler.crawling.report.RecordStats": 500,
    "crawler.crawling.report.Progress": 510,  # `warta crawl` turns it on (WARTA_PROGRESS_INTERVAL)
    "crawler.crawling.accounting.PipelineErrors": 520,  # a pipeline that raised: counted as dropped
    "crawler.crawling.archive.WarcArchive": 530,  # every response as WARC when WARTA_WARC is set
    "crawler.crawling.accounting.InternalErrors": 540,  # a failing signal handler fails the run
    "crawler.crawling.collector.CrawlCollector": 550,  # the garbage collector set for a crawl
}
# The crawl's youngest objects are collected after this many new ones (Python's default: 700),
# and the start-up's objects are frozen once the engine starts (crawler/crawling/collector.py).
# 0: Python's own settings.
WARTA_GC_THRESHOLD = 7000
WARTA_PROGRESS_INTERVAL = 0
# A folder: every response archived as WARC/1.1 under DIR/<site>/ (`--warc DIR`); files rotate at
# WARTA_WARC_MAX_BYTES. Empty: no archive.
WARTA_WARC = ""
WARTA_WARC_MAX_BYTES = 1_000_000_000

# The record chain, in the order of crawler.extraction.steps.STEPS:
ITEM_PIPELINES = {
    "pipelines.dates.DatesPipeline": 100,  # published_at / modified_at from the raw strings
    "pipelines.text.TextPipeline": 200,  # boilerplate, dateline, credit, dates_mentioned, language
    "pipelines.identity.IdentityPipeline": 300,  # canonical_url, id, duplicates within a run
    "pipelines.dedup.DedupPipeline": 350,  # duplicate_of against the seen-store (WARTA_DEDUP)
    "pipelines.validate.ValidatePipeline": 400,  # JSON Schema; invalid records dropped with a reason
    "pipelines.claim.ClaimPipeline": 450,  # --redis: written by one worker only (WARTA_REDIS)
}

# Extraction off the reactor (crawler.crawling.pool): article pages and the heavy record steps run
# in this many worker processes while the reactor downloads (`warta crawl --workers N`). Empty:
# one per core; 0: in the crawl's process. A worker that dies on a page, or takes longer than
# WARTA_EXTRACT_TIMEOUT seconds on it (it is killed), costs that page only: counted as dropped,
# "extraction worker died" or "extraction timed out", and the worker is started again.
WARTA_EXTRACT_WORKERS = None
WARTA_EXTRACT_TIMEOUT = 60.0

# A crawl shared by workers on any number of machines (`warta crawl --redis URL`): the queue, the
# duplicate filter and the seen-store in Redis (crawler/crawling/redisqueue.py, redisstate.py).
# A worker silent for WARTA_REDIS_LEASE seconds is dead: its requests and claims pass to others.
WARTA_REDIS = ""
WARTA_REDIS_PREFIX = "warta"
WARTA_REDIS_LEASE = 30
