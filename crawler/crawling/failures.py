"""A short, stable reason for a request that failed, by the type of its exception."""

from __future__ import annotations

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils._compression import _DecompressionMaxSizeExceeded
from twisted.internet import error as tx
from twisted.python.failure import Failure
from twisted.web.client import ResponseFailed

from crawler.errors import WartaError

# Scrapy wraps Twisted's errors in its own; both are listed for the download handlers that do not.
REASONS: tuple[tuple[tuple[type[BaseException], ...], str], ...] = (
    # Scrapy's download handlers cancel a body over DOWNLOAD_MAXSIZE (or meta "download_maxsize")
    # with this, whether Content-Length announced it or the bytes went past it; a download
    # timeout, the other cancellation, is raised as DownloadTimeoutError.
    ((DownloadCancelledError,), "too large"),
    ((CannotResolveHostError, tx.DNSLookupError), "DNS lookup failed (unknown host)"),
    ((DownloadTimeoutError, tx.TimeoutError, tx.TCPTimedOutError), "timeout"),
    ((DownloadConnectionRefusedError, tx.ConnectionRefusedError), "connection refused"),
    (
        (DownloadFailedError, ResponseFailed, ResponseDataLossError, tx.ConnectionLost, tx.ConnectionDone,
         tx.ConnectionAborted),
        "connection lost",
    ),
)  # fmt: skip

IGNORED = (
    ("robots", "forbidden by robots.txt"),
    ("max redirections", "too many redirects"),
    ("offsite", "not followed: another site's URL"),
)


def failure_reason(failure: Failure) -> str:
    """ "HTTP 404", "timeout", "connection lost", "forbidden by robots.txt", ..."""
    if isinstance(failure.value, WartaError):  # warta's own, with its reason
        return failure.value.reason
    if isinstance(failure.value, HttpError):
        return f"HTTP {failure.value.response.status}"
    if failure.check(IgnoreRequest):  # Scrapy tells its reasons apart only by the message
        if isinstance(failure.value.__cause__ if failure.value else None, _DecompressionMaxSizeExceeded):
            return "too large"  # HttpCompressionMiddleware: the body inflated past the limit
        message = str(failure.value).lower()
        return next((reason for words, reason in IGNORED if words in message), "request ignored")
    for types, reason in REASONS:
        if failure.check(*types):
            return reason
    return failure.type.__name__ if failure.type else "error"
