"""What a user types, checked before anything runs: URLs, times, numbers, contacts and
``-s NAME=VALUE`` settings. Each bad value becomes one line and exit status 2 (argparse's
``ArgumentTypeError``, or a problem string for the caller to print), never a traceback later."""

from __future__ import annotations

import argparse
import json
import re
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit


def parse_time(value: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 time: {value!r}") from exc
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


_HOST_RE = re.compile(r"[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*\.?")


def url_problem(url: str) -> str | None:
    """Why ``url`` cannot be fetched as given, or None. Spaces and non-ASCII letters in the path
    are fine (they are percent-encoded, as a browser does) and so is an IDN host (punycode);
    a host that stays malformed after that is not."""
    from w3lib.url import safe_url_string

    try:
        parts = urlsplit(safe_url_string(url))
        parts.port  # noqa: B018  # raises ValueError for a port that is not a number 0-65535
    except ValueError as exc:
        return f"malformed URL ({exc}): {url}"
    if parts.scheme not in ("http", "https"):
        return f"not an http(s) URL: {url}"
    host = parts.hostname or ""
    if not host:
        return f"no host in the URL: {url}"
    if not (_is_ip(host) or (len(host) <= 253 and _HOST_RE.fullmatch(host))):
        return f"not a valid host name {host!r}: {url}"
    return None


def _is_ip(host: str) -> bool:
    import ipaddress

    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def url_problems(urls: list[str]) -> str | None:
    return next((problem for problem in map(url_problem, urls) if problem), None)


def positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"a positive whole number is needed, not {value!r}")
    return number


def count(value: str) -> int:
    """A whole number, 0 or more."""
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"a whole number, 0 or more, is needed, not {value!r}")
    return number


def share(value: str) -> float:
    """A number above 0 and at most 1 (a similarity threshold)."""
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0 < number <= 1:
        raise argparse.ArgumentTypeError(f"a number above 0 and at most 1 is needed, not {value!r}")
    return number


def contact(value: str) -> str:
    """The contact goes into a header line: no line breaks or other control characters."""
    if not value.strip() or any(ord(c) < 32 or ord(c) == 127 for c in value):
        raise argparse.ArgumentTypeError(f"a URL or e-mail address on one line is needed, not {value!r}")
    return value


def timezone(value: str) -> str:
    """``--timezone``: WIB, WITA, WIT or an offset such as +08:00."""
    from crawler.extraction.dates import zone_named

    try:
        zone_named(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc
    return value


_SETTING_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def setting(pair: str) -> tuple[str, str]:
    """``-s NAME=VALUE``, its value checked against the type of the setting's default, so a
    mistyped value is a usage error now rather than a traceback in the middle of a run."""
    name, equals, value = pair.partition("=")
    if not equals or not _SETTING_NAME.fullmatch(name):
        raise argparse.ArgumentTypeError(f"NAME=VALUE is needed, not {pair!r}")
    problem = setting_value_problem(name, value)
    if problem:
        raise argparse.ArgumentTypeError(f"{name}={value}: {problem}")
    return name, value


def setting_value_problem(name: str, value: str) -> str | None:
    """Why ``value`` (a string from the command line) cannot be ``name``'s value, or None."""
    import logging

    from scrapy.settings import BaseSettings

    from crawler.crawling.project import project_settings

    default = project_settings().get(name)
    if name == "LOG_LEVEL" and value not in logging.getLevelNamesMapping():
        return f"a log level is needed ({', '.join(logging.getLevelNamesMapping())})"
    if name == "WARTA_TIMEZONE" and value:
        try:
            timezone(value)
        except argparse.ArgumentTypeError as exc:
            return str(exc)
    if name == "WARTA_EXTRACT_WORKERS" and value:  # default empty: one per core
        try:
            count(value)
        except argparse.ArgumentTypeError as exc:
            return str(exc)
    given = BaseSettings({name: value})
    try:
        if isinstance(default, bool):
            given.getbool(name)
        elif isinstance(default, int | float):  # some whole-number defaults are read as numbers
            given.getfloat(name)
        elif isinstance(default, dict | BaseSettings):
            given.getdict(name)
        elif isinstance(default, list | tuple) and default and all(isinstance(v, int) for v in default):
            [int(v) for v in given.getlist(name)]
    except (ValueError, TypeError):
        return f"a value like the default ({_shown(default)}) is needed"
    return None


def _shown(value: Any) -> str:
    from scrapy.settings import BaseSettings

    if isinstance(value, BaseSettings):
        value = value.copy_to_dict()
    if isinstance(value, list | tuple):
        return ",".join(map(str, value))
    return json.dumps(value) if isinstance(value, dict) else str(value)
