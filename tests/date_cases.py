"""Real-world date strings per site with their exact ISO values.

Shared by tests/test_dates.py and benchmarks/dates.py.  The shapes come from
/work/shared/SITES.md ("(g) Date format") and the corpus truth files; where a site's
format was only described, the string is built from that description.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import NamedTuple

WIB = timezone(timedelta(hours=7))

# References: the moment a list or an article was read / published.
R = datetime(2025, 5, 1, 10, 0, tzinfo=WIB)  # Kamis, 1 Mei 2025 10:00 WIB
R_UTC = datetime(2025, 5, 1, 3, 0, tzinfo=UTC)  # the same instant in UTC
R_NIGHT = datetime(2025, 4, 30, 20, 0, tzinfo=UTC)  # already 1 Mei 03:00 in WIB
R_NAIVE = datetime(2025, 5, 1, 10, 0)  # read as WIB
R_SECS = datetime(2025, 5, 1, 10, 0, 30, 500000, tzinfo=WIB)
R_MAY5 = datetime(2025, 5, 5, 9, 0, tzinfo=WIB)
R_JAN = datetime(2026, 1, 10, 12, 0, tzinfo=WIB)
R_JAN5 = datetime(2026, 1, 5, 12, 0, tzinfo=WIB)


class Case(NamedTuple):
    site: str
    text: str | None
    reference: datetime | None
    expected: str | None
    label: str

    @property
    def id(self) -> str:
        return f"{self.site}-{self.label}"


def _c(site: str, label: str, text: str | None, expected: str | None, ref=None) -> Case:
    return Case(site, text, ref, expected, label)


CASES: list[Case] = [
    # fakta.com: DD {full month} YYYY HH:MM WIB (template); cards DD/MM/YYYY
    _c("fakta", "template", "07 Februari 2024 13:03 WIB", "2024-02-07T13:03:00+07:00"),
    _c("fakta", "january", "31 Januari 2024 09:00 WIB", "2024-01-31T09:00:00+07:00"),
    _c("fakta", "leap-day", "29 Februari 2024 23:59 WIB", "2024-02-29T23:59:00+07:00"),
    _c("fakta", "midnight", "01 Maret 2024 00:00 WIB", "2024-03-01T00:00:00+07:00"),
    _c("fakta", "card", "Nasional | 07/02/2024", "2024-02-07"),
    _c("fakta", "card-bare", "07/02/2024", "2024-02-07"),
    # detik.com
    _c("detik", "2022-visible", "Sabtu, 10 Des 2022 13:19 WIB", "2022-12-10T13:19:00+07:00"),
    _c("detik", "2022-evening", "Sabtu, 10 Des 2022 20:55 WIB", "2022-12-10T20:55:00+07:00"),
    _c("detik", "2022-travel", "Sabtu, 10 Des 2022 22:10 WIB", "2022-12-10T22:10:00+07:00"),
    _c("detik", "2026-notes", "Kamis, 23 Jul 2026 15:10 WIB", "2026-07-23T15:10:00+07:00"),
    _c("detik", "2015-numeric", "Kamis, 05/11/2015 10:08 WIB", "2015-11-05T10:08:00+07:00"),
    _c("detik", "2016-numeric", "Selasa, 23/02/2016 15:32 WIB", "2016-02-23T15:32:00+07:00"),
    _c("detik", "2017-sep", "Minggu, 17 Sep 2017 15:56 WIB", "2017-09-17T15:56:00+07:00"),
    _c("detik", "2024-okt", "Jumat, 04 Okt 2024 19:34 WIB", "2024-10-04T19:34:00+07:00"),
    _c("detik", "2022-nov", "Rabu, 02 Nov 2022 17:11 WIB", "2022-11-02T17:11:00+07:00"),
    _c("detik", "pubdate-false-z", "2022-12-10T13-19-56Z", "2022-12-10T13:19:56+00:00"),
    _c("detik", "pubdate-2015", "2015-11-05 T10:08:58Z", "2015-11-05T10:08:58+00:00"),
    _c("detik", "d-time-title", "Senin, 28 Apr 2025 10:15 WIB", "2025-04-28T10:15:00+07:00"),
    # kompas.com
    _c("kompas", "2025-visible", "Kompas.com - 28/05/2025, 13:30 WIB", "2025-05-28T13:30:00+07:00"),
    _c("kompas", "2015-visible", "Rabu, 4 November 2015 | 21:04 WIB", "2015-11-04T21:04:00+07:00"),
    _c(
        "kompas",
        "2016-visible",
        "Selasa, 16 Februari 2016 | 14:38 WIB",
        "2016-02-16T14:38:00+07:00",
    ),
    _c(
        "kompas",
        "2016-visible-2",
        "Selasa, 16 Februari 2016 | 14:11 WIB",
        "2016-02-16T14:11:00+07:00",
    ),
    _c("kompas", "2016-day-only", "Selasa, 23 Februari 2016", "2016-02-23"),
    _c("kompas", "2017-no-comma", "Rabu 15 Februari 2017", "2017-02-15"),
    _c("kompas", "diperbarui", "Diperbarui 28/05/2025, 15:45 WIB", "2025-05-28T15:45:00+07:00"),
    _c(
        "kompas",
        "published-then-updated",
        "Kompas.com - 28/05/2025, 13:30 WIB Diperbarui 28/05/2025, 15:45 WIB",
        "2025-05-28T13:30:00+07:00",
    ),
    _c("kompas", "comma-label", "Kompas.com, 28 Mei 2025, 13:30 WIB", "2025-05-28T13:30:00+07:00"),
    _c("kompas", "meta-utc", "2025-05-28T06:30:07+00:00", "2025-05-28T06:30:07+00:00"),
    # tribunnews.com (regional tribun sites stamp WITA/WIT)
    _c("tribunnews", "2026-notes", "Jumat, 24 Juli 2026 12:40 WIB", "2026-07-24T12:40:00+07:00"),
    _c("tribunnews", "tayang", "Tayang: Jumat, 24 Juli 2026 12:40 WIB", "2026-07-24T12:40:00+07:00"),
    _c("tribunnews", "wita", "Minggu, 27 April 2025 21:05 WITA", "2025-04-27T21:05:00+08:00"),
    _c("tribunnews", "wit", "Selasa, 29 April 2025 08:00 WIT", "2025-04-29T08:00:00+09:00"),
    _c("tribunnews", "monday", "Senin, 28 April 2025 10:15 WIB", "2025-04-28T10:15:00+07:00"),
    # liputan6.com
    _c("liputan6", "2019-pada", "pada 18 Jan 2019, 22:18 WIB", "2019-01-18T22:18:00+07:00"),
    _c(
        "liputan6",
        "2019-with-update",
        "18 Jan 2019, 22:18 WIB (Diperbarui 07 Jun 2021, 20:56 WIB)",
        "2019-01-18T22:18:00+07:00",
    ),
    _c("liputan6", "diperbarui", "Diperbarui 07 Jun 2021, 20:56 WIB", "2021-06-07T20:56:00+07:00"),
    _c("liputan6", "2020", "pada 26 Jun 2020, 13:58 WIB", "2020-06-26T13:58:00+07:00"),
    _c("liputan6", "2021-jan", "pada 23 Jan 2021, 13:30 WIB", "2021-01-23T13:30:00+07:00"),
    _c("liputan6", "2021-apr", "pada 26 Apr 2021, 07:00 WIB", "2021-04-26T07:00:00+07:00"),
    _c("liputan6", "2021-jul", "pada 21 Jul 2021, 07:00 WIB", "2021-07-21T07:00:00+07:00"),
    _c("liputan6", "2022-agu", "16 Agu 2022, 09:20 WIB", "2022-08-16T09:20:00+07:00"),
    _c("liputan6", "2021-des", "20 Des 2021, 09:59 WIB", "2021-12-20T09:59:00+07:00"),
    _c(
        "liputan6",
        "2026-diterbitkan",
        "Diterbitkan 24 Juli 2026, 10:26 WIB",
        "2026-07-24T10:26:00+07:00",
    ),
    _c("liputan6", "2016-on-at", "on 16 Feb 2016 at 09:10 WIB", "2016-02-16T09:10:00+07:00"),
    _c("liputan6", "2016-on-at-2", "on 16 Feb 2016 at 09:20 WIB", "2016-02-16T09:20:00+07:00"),
    _c("liputan6", "2016-on-at-3", "on 16 Feb 2016 at 09:09 WIB", "2016-02-16T09:09:00+07:00"),
    _c("liputan6", "2016-jsonld-utc", "2016-02-16T02:10:00Z", "2016-02-16T02:10:00+00:00"),
    _c("liputan6", "2021-jsonld", "2021-07-21T07:00:00+07:00", "2021-07-21T07:00:00+07:00"),
    # cnnindonesia.com
    _c("cnnindonesia", "2026-fixture", "Jumat, 24 Jul 2026 10:47 WIB", "2026-07-24T10:47:00+07:00"),
    _c("cnnindonesia", "2025-apr", "Senin, 28 Apr 2025 10:15 WIB", "2025-04-28T10:15:00+07:00"),
    _c("cnnindonesia", "2025-mei", "Rabu, 28 Mei 2025 13:30 WIB", "2025-05-28T13:30:00+07:00"),
    _c("cnnindonesia", "new-year", "Kamis, 01 Jan 2026 00:00 WIB", "2026-01-01T00:00:00+07:00"),
    # cnbcindonesia.com (format not established: plausible shapes)
    _c("cnbcindonesia", "no-zone", "28 April 2025 10:15", "2025-04-28T10:15:00+07:00"),
    _c("cnbcindonesia", "numeric", "Senin, 28/04/2025 10:15 WIB", "2025-04-28T10:15:00+07:00"),
    _c(
        "cnbcindonesia",
        "byline",
        "News - Tim Redaksi, CNBC Indonesia 28 April 2025 10:15",
        "2025-04-28T10:15:00+07:00",
    ),
    # tempo.co
    _c("tempo", "2026-dot-time", "24 Juli 2026 | 11.32 WIB", "2026-07-24T11:32:00+07:00"),
    _c("tempo", "2015-visible", "Kamis, 05 November 2015 | 11:13 WIB", "2015-11-05T11:13:00+07:00"),
    _c(
        "tempo",
        "2015-english",
        "Wednesday, 04 November, 2015 | 07:28 WIB",
        "2015-11-04T07:28:00+07:00",
    ),
    _c("tempo", "meta-display", "24 Juli 2026 | 09.00 WIB", "2026-07-24T09:00:00+07:00"),
    _c("tempo", "payload-naive", "2026-07-24 09:00:00", "2026-07-24T09:00:00+07:00"),
    # antaranews.com
    _c(
        "antaranews",
        "2015-visible",
        "Kamis, 5 November 2015 14:56 WIB",
        "2015-11-05T14:56:00+07:00",
    ),
    _c(
        "antaranews",
        "2016-visible",
        "Selasa, 23 Februari 2016 14:49 WIB",
        "2016-02-23T14:49:00+07:00",
    ),
    _c(
        "antaranews",
        "2016-visible-2",
        "Selasa, 23 Februari 2016 14:39 WIB",
        "2016-02-23T14:39:00+07:00",
    ),
    _c("antaranews", "2017-mei", "Senin, 15 Mei 2017 18:43 WIB", "2017-05-15T18:43:00+07:00"),
    _c("antaranews", "rss-pubdate", "Thu, 05 Nov 2015 15:08:01 +0700", "2015-11-05T15:08:01+07:00"),
    _c("antaranews", "jsonld", "2015-11-05T14:56:43+07:00", "2015-11-05T14:56:43+07:00"),
    # okezone.com
    _c("okezone", "2026-apostrophe", "Jum'at, 24 Juli 2026 15:18 WIB", "2026-07-24T15:18:00+07:00"),
    _c("okezone", "2026-dash", "Jum'at, 24 Juli 2026 - 15:18 WIB", "2026-07-24T15:18:00+07:00"),
    _c("okezone", "2026-bar", "Jum'at, 24 Juli 2026 |15:18 WIB", "2026-07-24T15:18:00+07:00"),
    _c(
        "okezone",
        "curly-apostrophe",
        "Jum\u2019at, 24 Juli 2026 - 15:18 WIB",
        "2026-07-24T15:18:00+07:00",
    ),
    _c("okezone", "backtick", "Jum`at, 24 Juli 2026 - 15:18 WIB", "2026-07-24T15:18:00+07:00"),
    _c(
        "okezone",
        "2015-lower-wib",
        "Kamis, 5 November 2015 - 15:56 wib",
        "2015-11-05T15:56:00+07:00",
    ),
    _c("okezone", "modified-naive", "2026-07-24T15:18:00", "2026-07-24T15:18:00+07:00"),
    _c("okezone", "rss-epoch", "Thu, 01 Jan 1970 07:00:00 +0700", "1970-01-01T07:00:00+07:00"),
    # republika.co.id
    _c("republika", "2026-fixture", "Jumat 24 Jul 2026 16:32 WIB", "2026-07-24T16:32:00+07:00"),
    _c("republika", "list-english", "20 July 2026, 23:40", "2026-07-20T23:40:00+07:00"),
    _c("republika", "2016", "Senin, 15 Februari 2016, 16:15 WIB", "2016-02-15T16:15:00+07:00"),
    _c("republika", "2016-2", "Selasa, 23 Februari 2016, 17:15 WIB", "2016-02-23T17:15:00+07:00"),
    _c("republika", "2015", "Kamis, 05 November 2015, 15:07 WIB", "2015-11-05T15:07:00+07:00"),
    _c("republika", "2015-2", "Rabu, 18 November 2015, 10:18 WIB", "2015-11-18T10:18:00+07:00"),
    _c(
        "republika",
        "ihram-hijri",
        "Jumat, 20 Jumadil Awwal 1438 / 17 February 2017",
        "2017-02-17",
    ),
    _c("republika", "list-relative", "7 menit yang lalu", "2025-05-01T09:53:00+07:00", R),
    # kumparan.com
    _c("kumparan", "2026-fixture", "24 Juli 2026 10:15 WIB", "2026-07-24T10:15:00+07:00"),
    _c("kumparan", "jsonld-z", "2026-07-24T03:15:00Z", "2026-07-24T03:15:00+00:00"),
    _c("kumparan", "evening", "28 April 2025 19:05 WIB", "2025-04-28T19:05:00+07:00"),
    # suara.com
    _c("suara", "2026-notes", "Jum'at, 24 Juli 2026 | 07:08 WIB", "2026-07-24T07:08:00+07:00"),
    _c("suara", "datalayer", "2026-07-24 07:08:00", "2026-07-24T07:08:00+07:00"),
    _c("suara", "monday", "Senin, 28 April 2025 | 10:15 WIB", "2025-04-28T10:15:00+07:00"),
    # sindonews.com
    _c("sindonews", "2026-notes", "Jum'at, 24 Juli 2026 - 13:39 WIB", "2026-07-24T13:39:00+07:00"),
    _c("sindonews", "monday", "Senin, 28 April 2025 - 10:15 WIB", "2025-04-28T10:15:00+07:00"),
    _c("sindonews", "sunday", "Minggu, 27 April 2025 - 06:00 WIB", "2025-04-27T06:00:00+07:00"),
    # merdeka.com (no WIB printed; the meta offset sign is wrong but kept as given)
    _c("merdeka", "2021-visible", "17 Juni 2021 11:38", "2021-06-17T11:38:00+07:00"),
    _c("merdeka", "2021-morning", "17 Juni 2021 09:54", "2021-06-17T09:54:00+07:00"),
    _c("merdeka", "2021-noon", "16 Juni 2021 13:00", "2021-06-16T13:00:00+07:00"),
    _c("merdeka", "2021-b", "16 Juni 2021 10:49", "2021-06-16T10:49:00+07:00"),
    _c("merdeka", "2021-early", "17 Juni 2021 06:04", "2021-06-17T06:04:00+07:00"),
    _c("merdeka", "2021-afternoon", "16 Juni 2021 17:04", "2021-06-16T17:04:00+07:00"),
    _c("merdeka", "meta-wrong-sign", "2021-06-17T11:38:29-07:00", "2021-06-17T11:38:29-07:00"),
    _c("merdeka", "pubdate-gmt", "Thu, 17 Jun 2021 11:38:29 GMT", "2021-06-17T11:38:29+00:00"),
    # idntimes.com (English-style 3-letter months)
    _c("idntimes", "2026-notes", "24 Jul 2026, 16:36 WIB", "2026-07-24T16:36:00+07:00"),
    _c("idntimes", "apr", "28 Apr 2025, 10:15 WIB", "2025-04-28T10:15:00+07:00"),
    _c("idntimes", "aug", "01 Aug 2025, 08:00 WIB", "2025-08-01T08:00:00+07:00"),
    _c("idntimes", "oct", "15 Oct 2025, 12:00 WIB", "2025-10-15T12:00:00+07:00"),
    # tirto.id
    _c("tirto", "terbit", "Terbit 24 Jul 2026 11:00 WIB", "2026-07-24T11:00:00+07:00"),
    _c("tirto", "terbit-apr", "Terbit 28 Apr 2025 10:15 WIB", "2025-04-28T10:15:00+07:00"),
    _c("tirto", "diperbarui", "Diperbarui 30 Apr 2025 12:00 WIB", "2025-04-30T12:00:00+07:00"),
    _c("tirto", "english-aug", "12 Aug 2025 09:00 WIB", "2025-08-12T09:00:00+07:00"),
    _c("tirto", "modified-naive", "2025-04-30T12:00:00", "2025-04-30T12:00:00+07:00"),
    # viva.co.id
    _c("viva", "2026-fixture", "Jumat, 24 Juli 2026 06:10 WIB", "2026-07-24T06:10:00+07:00"),
    _c("viva", "2016-visible", "Selasa, 16 Februari 2016 | 13:01 WIB", "2016-02-16T13:01:00+07:00"),
    _c("viva", "2016-day-only", "Selasa, 16 Februari 2016", "2016-02-16"),
    _c("viva", "2016-meta-no-colon", "2016-02-16T13:01:00+0700", "2016-02-16T13:01:00+07:00"),
    # jpnn.com
    _c("jpnn", "meta", "24 April 2026 20:05", "2026-04-24T20:05:00+07:00"),
    _c("jpnn", "en-dash", "Jumat, 24 April 2026 \u2013 20:05 WIB", "2026-04-24T20:05:00+07:00"),
    # mediaindonesia.com (D/M/YYYY, month not padded, no WIB)
    _c("mediaindonesia", "2026-unpadded", "08/1/2026 20:19", "2026-01-08T20:19:00+07:00"),
    _c("mediaindonesia", "2025-oct", "22/10/2025 06:59", "2025-10-22T06:59:00+07:00"),
    _c("mediaindonesia", "2026-jan", "20/1/2026 18:30", "2026-01-20T18:30:00+07:00"),
    _c("mediaindonesia", "2026-notes", "24/7/2026 16:32", "2026-07-24T16:32:00+07:00"),
    _c("mediaindonesia", "modified-naive", "2026-01-08 20:19:00", "2026-01-08T20:19:00+07:00"),
    # bisnis.com (fallback pattern D/M/YYYY HH:MM WIB)
    _c("bisnis", "fallback", "24/7/2026 13:39 WIB", "2026-07-24T13:39:00+07:00"),
    _c("bisnis", "weekday", "Senin, 28/4/2025 10:15 WIB", "2025-04-28T10:15:00+07:00"),
    _c("bisnis", "apostrophe-bar", "Jum'at, 24/7/2026 | 13:39 WIB", "2026-07-24T13:39:00+07:00"),
    # kontan.co.id (not established)
    _c("kontan", "slash", "Senin, 28 April 2025 / 10:15 WIB", "2025-04-28T10:15:00+07:00"),
    _c("kontan", "dashes", "Senin, 28-04-2025 10:15 WIB", "2025-04-28T10:15:00+07:00"),
    # katadata.co.id (not established; parsed with the id locale by news-watch)
    _c("katadata", "comma", "Senin 28 April 2025, 10:15 WIB", "2025-04-28T10:15:00+07:00"),
    _c("katadata", "numeric", "28/4/2025 10.15 WIB", "2025-04-28T10:15:00+07:00"),
    # jawapos.com (machine value YYYY-MM-DD HH:MM:SS in WIB)
    _c("jawapos", "machine", "2025-04-28 13:19:56", "2025-04-28T13:19:56+07:00"),
    _c("jawapos", "visible", "Senin, 28 April 2025 | 13:19 WIB", "2025-04-28T13:19:00+07:00"),
    # inews.id (seconds)
    _c("inews", "seconds", "Jumat, 24 Juli 2026 - 13:39:00 WIB", "2026-07-24T13:39:00+07:00"),
    _c("inews", "seconds-2", "Senin, 28 April 2025 - 10:15:30 WIB", "2025-04-28T10:15:30+07:00"),
    # beritasatu.com
    _c("beritasatu", "2026-fixture", "Jumat, 24 Juli 2026 | 16:39 WIB", "2026-07-24T16:39:00+07:00"),
    _c("beritasatu", "monday", "Senin, 28 April 2025 | 10:15 WIB", "2025-04-28T10:15:00+07:00"),
    # other news-watch sites
    _c("nusabali", "seconds", "12 Jul 2026 19:37:24", "2026-07-12T19:37:24+07:00"),
    _c("idxchannel", "numeric", "28/04/2025 10:15 WIB", "2025-04-28T10:15:00+07:00"),
    _c("betahita", "day-only", "Sabtu, 11 Juli 2026", "2026-07-11"),
    _c("dandapala", "naive", "2026-07-11 08:30:00", "2026-07-11T08:30:00+07:00"),
    _c("voi", "wib-in-iso", "2026-05-13WIB18:45:00+07:00", "2026-05-13T18:45:00+07:00"),
    _c("jakartapost", "iso", "Published on 2025-09-29T17:09:28+07:00", "2025-09-29T17:09:28+07:00"),
    _c("jakartapost", "month-first", "Published on Sep. 29, 2025", "2025-09-29"),
    _c("metrotvnews", "bullet", "Redaksi \u2022 28 April 2025 10:15", "2025-04-28T10:15:00+07:00"),
    # generic: spelling variants, decoration, zones
    _c("generic", "pebruari", "5 Pebruari 2020", "2020-02-05"),
    _c("generic", "peb", "5 Peb 2020 08:00 WIB", "2020-02-05T08:00:00+07:00"),
    _c("generic", "nopember", "10 Nopember 2019", "2019-11-10"),
    _c("generic", "nop", "10 Nop 2019", "2019-11-10"),
    _c("generic", "agt", "17 Agt 2024", "2024-08-17"),
    _c("generic", "ags", "17 Ags 2024", "2024-08-17"),
    _c("generic", "agus", "17 Agus 2024", "2024-08-17"),
    _c("generic", "sept", "1 Sept 2024", "2024-09-01"),
    _c("generic", "dotted-month", "1 Okt. 2024", "2024-10-01"),
    _c("generic", "upper-case", "SENIN, 28 APRIL 2025 10:15 WIB", "2025-04-28T10:15:00+07:00"),
    _c("generic", "lower-case", "senin, 28 april 2025 10:15 wib", "2025-04-28T10:15:00+07:00"),
    _c("generic", "no-space-after-comma", "Senin,28 Apr 2025", "2025-04-28"),
    _c(
        "generic",
        "nbsp",
        "Senin,\u00a028\u00a0Apr\u00a02025\u00a010:15\u00a0WIB",
        "2025-04-28T10:15:00+07:00",
    ),
    _c("generic", "ahad", "Ahad, 27 April 2025", "2025-04-27"),
    _c("generic", "sen-abbrev", "Sen, 28 Apr 2025", "2025-04-28"),
    _c("generic", "min-abbrev", "Min, 27 Apr 2025", "2025-04-27"),
    _c("generic", "english-weekday", "Monday, 28 April 2025", "2025-04-28"),
    _c("generic", "english-mdy-ampm", "April 28, 2025 10:15 PM", "2025-04-28T22:15:00+07:00"),
    _c("generic", "rfc-english", "Mon, 28 Apr 2025 10:15:00 +0700", "2025-04-28T10:15:00+07:00"),
    _c("generic", "pukul", "Senin, 28 April 2025 pukul 10.15 WIB", "2025-04-28T10:15:00+07:00"),
    _c("generic", "pkl", "28/04/2025 Pkl. 10.15 WIB", "2025-04-28T10:15:00+07:00"),
    _c("generic", "jam", "28 April 2025 jam 10:15", "2025-04-28T10:15:00+07:00"),
    _c("generic", "time-first", "Pukul 10.15 WIB, Senin (28/4/2025)", "2025-04-28T10:15:00+07:00"),
    _c("generic", "time-first-bar", "10:15 WIB | 28 Apr 2025", "2025-04-28T10:15:00+07:00"),
    _c("generic", "update-label", "Update: 28-04-2025 10:15", "2025-04-28T10:15:00+07:00"),
    _c("generic", "updated-english", "Updated 28 Apr 2025, 10:15 WIB", "2025-04-28T10:15:00+07:00"),
    _c("generic", "dipublikasikan", "Dipublikasikan 28.04.2025", "2025-04-28"),
    _c(
        "generic",
        "middot",
        "Berita \u00b7 28 Apr 2025 \u00b7 10:15 WIB",
        "2025-04-28T10:15:00+07:00",
    ),
    _c("generic", "two-digit-year", "28/04/25 10:15", "2025-04-28T10:15:00+07:00"),
    _c("generic", "two-digit-year-dots", "10.11.15", "2015-11-10"),
    _c("generic", "dots-four-digit-year", "10.11.2015", "2015-11-10"),
    _c("generic", "ymd-slash", "2025/04/28", "2025-04-28"),
    _c("generic", "ymd-slash-time", "2025/04/28 13:19:56", "2025-04-28T13:19:56+07:00"),
    _c("generic", "iso-day", "2025-04-28", "2025-04-28"),
    _c("generic", "iso-minutes", "2025-04-28T10:15+07:00", "2025-04-28T10:15:00+07:00"),
    _c("generic", "iso-fraction", "2025-04-28T10:15:30.123456Z", "2025-04-28T10:15:30+00:00"),
    _c("generic", "gmt-plus-7", "28 Apr 2025 10:15 GMT+7", "2025-04-28T10:15:00+07:00"),
    _c("generic", "utc-plus-0800", "28 Apr 2025 10:15 UTC+08:00", "2025-04-28T10:15:00+08:00"),
    _c("generic", "utc", "28 Apr 2025 03:15 UTC", "2025-04-28T03:15:00+00:00"),
    _c("generic", "wita", "Senin, 28 April 2025 10:15 WITA", "2025-04-28T10:15:00+08:00"),
    _c("generic", "wit-lower", "28 april 2025 10.15 wit", "2025-04-28T10:15:00+09:00"),
    _c("generic", "month-year", "Juni 2024", "2024-06"),
    _c("generic", "month-year-english", "December 2023", "2023-12"),
    _c("generic", "bare-year", "2025", "2025"),
    _c("generic", "iso-month", "2025-04", "2025-04"),
    _c("generic", "historic", "17 Agustus 1945", "1945-08-17"),
    # weekday disagrees with the date: the date wins (parse_date flags it)
    _c(
        "mismatch",
        "detik-wrong-weekday",
        "Senin, 10 Des 2022 13:19 WIB",
        "2022-12-10T13:19:00+07:00",
    ),
    _c("mismatch", "body-wrong-weekday", "Selasa (27/4/2025)", "2025-04-27"),
    _c("mismatch", "jumat-on-monday", "Jumat, 28 April 2025", "2025-04-28"),
    # relative forms against a reference
    _c("relative", "jam-yang-lalu", "2 jam yang lalu", "2025-05-01T08:00:00+07:00", R),
    _c("relative", "menit-lalu", "30 menit lalu", "2025-05-01T09:30:00+07:00", R),
    _c("relative", "hari-yang-lalu", "3 hari yang lalu", "2025-04-28", R),
    _c("relative", "1-hari-lalu", "1 hari lalu", "2025-04-30", R),
    _c("relative", "kemarin", "kemarin", "2025-04-30", R),
    _c("relative", "kemarin-time", "Kemarin, 10:15 WIB", "2025-04-30T10:15:00+07:00", R),
    _c("relative", "hari-ini", "hari ini", "2025-05-01", R),
    _c("relative", "hari-ini-time", "Hari ini, 08:00 WIB", "2025-05-01T08:00:00+07:00", R),
    _c("relative", "baru-saja", "baru saja", "2025-05-01T10:00:00+07:00", R),
    _c("relative", "detik-lalu", "5 detik lalu", "2025-05-01T09:59:55+07:00", R),
    _c("relative", "20-detik", "20 detik yang lalu", "2025-05-01T09:59:40+07:00", R),
    _c("relative", "35-detik", "35 detik lalu", "2025-05-01T09:59:25+07:00", R),
    _c("relative", "sejam", "sejam yang lalu", "2025-05-01T09:00:00+07:00", R),
    _c("relative", "utc-reference", "2 jam yang lalu", "2025-05-01T08:00:00+07:00", R_UTC),
    _c("relative", "naive-reference", "2 jam yang lalu", "2025-05-01T08:00:00+07:00", R_NAIVE),
    _c("relative", "reference-seconds", "1 menit lalu", "2025-05-01T09:59:30+07:00", R_SECS),
    _c("relative", "hari-ini-utc-night", "hari ini", "2025-05-01", R_NIGHT),
    _c("relative", "pekan", "2 minggu lalu", "2025-04-17", R),
    _c("relative", "english-hours", "3 hours ago", "2025-05-01T07:00:00+07:00", R),
    # year-less dates resolved against the reference
    _c("yearless", "sabtu-3-5", "Sabtu (3/5)", "2025-05-03", R_MAY5),
    _c("yearless", "kamis-8-1", "Kamis (8/1)", "2026-01-08", R_JAN),
    _c("yearless", "announced-ahead", "Kamis (8/1)", "2026-01-08", R_JAN5),
    _c("yearless", "pada-26-april", "pada 26 April", "2025-04-26", R),
    _c("yearless", "last-year", "pada 26 Mei", "2024-05-26", R),
    _c("yearless", "with-time", "Sabtu (3/5) pukul 19.30 WIB", "2025-05-03T19:30:00+07:00", R_MAY5),
    # body text shapes
    _c("body", "weekday-brackets", "Minggu (27/4/2025)", "2025-04-27"),
    _c(
        "body",
        "weekday-brackets-time",
        "Minggu (27/4/2025) pukul 10.00 WIB",
        "2025-04-27T10:00:00+07:00",
    ),
    _c("body", "comma-brackets", "Senin, (20/12/2021)", "2021-12-20"),
    _c("body", "sentence", "kata jaksa, Rabu (28/5/2025).", "2025-05-28"),
    _c(
        "body",
        "sekitar-pukul",
        "pada Rabu (7/12/2022) sekitar pukul 21.45 WIB",
        "2022-12-07T21:45:00+07:00",
    ),
    # nothing to read
    _c("none", "none", None, None),
    _c("none", "empty", "", None),
    _c("none", "blank", "   ", None),
    _c("none", "garbage", "lorem ipsum dolor", None),
    _c("none", "31-februari", "31 Februari 2025", None),
    _c("none", "29-feb-non-leap", "29 Februari 2025", None),
    _c("none", "30-02-numeric", "30/02/2024", None),
    _c("none", "month-13", "13/13/2025", None),
    _c("none", "iso-month-13", "2025-13-01", None),
    _c("none", "day-32", "32 Januari 2025", None),
    _c("none", "bad-hour-iso", "2025-04-28T25:00:00+07:00", None),
    _c("none", "bad-offset", "2025-04-28T10:00:00+25:00", None),
    _c("none", "time-alone", "10.30 WIB", None),
    _c("none", "time-alone-colon", "Pukul 21:45 WIB", None),
    _c("none", "weekday-alone", "Senin", None),
    _c("none", "money", "Rp 1.000.000", None),
    _c("none", "law", "Pasal 55", None),
    _c("none", "phone", "0812-3456-7890", None),
    _c("none", "bare-year-in-text", "Piala Dunia 2022", None),
    _c("none", "relative-no-reference", "2 jam yang lalu", None),
    _c("none", "kemarin-no-reference", "kemarin", None),
    _c("none", "yearless-no-reference", "Sabtu (3/5)", None),
    _c("none", "day-month-no-reference", "pada 26 April", None),
]

# find_dates: (label, text, reference, [(mention text, ISO value), ...])
FIND_CASES: list[tuple[str, str, datetime | None, list[tuple[str, str]]]] = [
    ("brackets", "kata jaksa, Rabu (28/5/2025).", None, [("Rabu (28/5/2025)", "2025-05-28")]),
    (
        "brackets-then-time",
        "pada Rabu (7/12/2022) sekitar pukul 21.45 WIB",
        None,
        [("Rabu (7/12/2022)", "2022-12-07")],
    ),
    ("month-year", "sejak Juni 2024", None, [("Juni 2024", "2024-06")]),
    ("day-month", "pada 26 April", R, [("26 April", "2025-04-26")]),
    ("day-month-no-ref", "pada 26 April", None, []),
    ("yearless-brackets", "Sabtu (3/5)", R_MAY5, [("Sabtu (3/5)", "2025-05-03")]),
    (
        "yearless-no-ref",
        "Sabtu (3/5) dan Minggu (4/5/2025)",
        None,
        [("Minggu (4/5/2025)", "2025-05-04")],
    ),
    (
        "not-dates",
        "tahun 2024, Piala Dunia 2022, Rp 1.000.000, Pasal 55 ayat 1, pukul 10.30 WIB",
        None,
        [],
    ),
    ("relative-skipped", "Kemarin, 2 jam yang lalu, hari ini", R, []),
    (
        "invalid-skipped",
        "31 Februari 2025 lalu 1 Maret 2025",
        None,
        [("1 Maret 2025", "2025-03-01")],
    ),
    (
        "several",
        "Senin, (20/12/2021) lalu Selasa (9/6/2020), dan Kamis (8/1).",
        R_JAN,
        [
            ("Senin, (20/12/2021)", "2021-12-20"),
            ("Selasa (9/6/2020)", "2020-06-09"),
            ("Kamis (8/1)", "2026-01-08"),
        ],
    ),
    (
        "historic",
        "diproklamasikan 17 Agustus 1945 di Jakarta",
        None,
        [("17 Agustus 1945", "1945-08-17")],
    ),
    ("nbsp", "Minggu\u00a0(27/4/2025)", None, [("Minggu\u00a0(27/4/2025)", "2025-04-27")]),
    (
        "until",
        "berlaku hingga 31 Desember 2025 mendatang",
        None,
        [("31 Desember 2025", "2025-12-31")],
    ),
    ("iso-in-text", "data per 2025-04-28 dirilis", None, [("2025-04-28", "2025-04-28")]),
    (
        "english",
        "signed on November 4, 2015 in Jakarta",
        None,
        [("November 4, 2015", "2015-11-04")],
    ),
]
