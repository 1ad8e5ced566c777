"""The --since/--until window of a crawl: which publication days it wants."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from crawler.extraction.dates import normalise_date


def day_of(value: str | date | None) -> date | None:
    """The day a date string names ("2026-07-24T10:00+07:00", "Jumat, 24 Juli 2026"), if any."""
    if value is None or isinstance(value, date):
        return value
    iso = normalise_date(str(value))
    return date.fromisoformat(iso[:10]) if iso and len(iso) >= 10 else None


@dataclass(frozen=True)
class Window:
    since: date | None = None
    until: date | None = None

    @classmethod
    def of(cls, since: str | date | None, until: str | date | None) -> Window:
        return cls(day_of(since), day_of(until))

    def holds(self, value: str | date | None) -> bool:
        """True for a day in the window, and for no known day at all (nothing to judge by)."""
        day = day_of(value)
        if day is None:
            return True
        return (self.since is None or day >= self.since) and (self.until is None or day <= self.until)

    def index_days(self, today: date) -> list[date]:
        """The days whose dated index pages to read, newest first: the window's days up to
        today, or only the last day when the window has no start."""
        last = min(self.until or today, today)
        first = self.since or last
        return [last - timedelta(days=n) for n in range(max(0, (last - first).days) + 1)]
