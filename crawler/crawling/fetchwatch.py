"""What became of each URL given to ``warta fetch``: its record, or the most telling reason
there is none, from Scrapy's signals (a redirect loop and an off-site redirect are dropped by
Scrapy without an error, so they are recognised here)."""

from __future__ import annotations

from typing import Any


class FetchWatch:
    """What became of each URL given to `warta fetch`: its record, or why there is none. Every
    request carries the URL it was asked for (``warta_input``) through redirects and pages."""

    def __init__(self) -> None:
        self.records: dict[str, dict[str, Any]] = {}
        self.dropped: dict[str, str] = {}
        self.last_request: dict[str, tuple[str, list[str]]] = {}  # asked -> (URL, allowed domains)

    def connect(self, crawler: Any) -> None:
        from scrapy import signals

        for handler, signal in (
            (self.scraped, signals.item_scraped),
            (self.item_dropped, signals.item_dropped),
            (self.request_scheduled, signals.request_scheduled),
            (self.request_dropped, signals.request_dropped),
        ):
            crawler.signals.connect(handler, signal=signal, weak=False)

    @staticmethod
    def _asked(message: Any) -> str:
        return message.meta.get("warta_input", message.url)

    def scraped(self, item: dict[str, Any], response: Any, spider: Any) -> None:
        self.records[self._asked(response)] = item

    def item_dropped(self, item: Any, response: Any, exception: BaseException, spider: Any) -> None:
        self.dropped[self._asked(response)] = str(exception)

    def request_scheduled(self, request: Any, spider: Any) -> None:
        self.last_request[self._asked(request)] = (request.url, list(getattr(spider, "allowed_domains", [])))

    def request_dropped(self, request: Any, spider: Any) -> None:  # the scheduler's duplicate filter
        again = "redirect loop" if request.meta.get("redirect_times") else "asked twice"
        self.dropped.setdefault(self._asked(request), f"{again} (back to {request.url})")

    def reason(self, url: str, failures: dict[str, str], stopped: bool) -> str:
        """Why ``url`` gave no record, from what happened to it, most telling first."""
        from scrapy.utils.url import url_is_from_any_domain

        found = self.dropped.get(url) or failures.get(url)
        if found:
            return found
        last, allowed = self.last_request.get(url, (url, []))
        if allowed and not url_is_from_any_domain(last, allowed):  # Scrapy's offsite filter
            return f"redirected to another site, not followed ({last})"
        return "stopped before it was fetched" if stopped else "no record (see --verbose)"
