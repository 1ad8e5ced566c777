"""URL identity: the canonical form of an article URL and the id derived from it."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from tld import get_fld

# Query parameters that never change which article a URL points to.
TRACKING_PARAMS_RE = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|igshid|mc_cid|mc_eid|_ga|_gl|"
    r"ref|ref_src|ref_url|referrer|source|src|from|jxrecoid|xtor|cx_\w+|s_cid|cmpid|"
    r"amp|amp_js_v|usqp|outputtype|page|showpage|single|view|tipe|medium|campaign)$",
    re.IGNORECASE,
)
# "page"/"showpage" are dropped only when they ask for all pages or the first one.
_PAGE_PARAMS = frozenset({"page", "showpage", "single", "view"})
_PAGE_VALUES = frozenset({"all", "1", "", "full", "true"})
_AMP_PATH_RE = re.compile(r"(?:/amp)(?=/|$)|\.amp(?=$|\.html?$)", re.IGNORECASE)


def registered_domain(url: str) -> str:
    """ "kompas.com" for "https://nasional.kompas.com/read/...", the host for IPs/localhost."""
    return _domain_of_host((urlsplit(url).hostname or "").lower())


@lru_cache(maxsize=4096)
def _domain_of_host(host: str) -> str:
    """The Public Suffix List bundled with ``tld`` (no network at run time; ICANN suffixes only,
    so "foo.blogspot.com" belongs to blogspot.com). It loads in a tenth of the time tldextract's did."""
    return get_fld(host, fix_protocol=True, fail_silently=True, search_private=False) or host


def same_site(a: str, b: str) -> bool:
    return registered_domain(a) == registered_domain(b)


def _keep_param(key: str, value: str) -> bool:
    if key.lower() in _PAGE_PARAMS:
        return value.lower() not in _PAGE_VALUES
    return not TRACKING_PARAMS_RE.match(key)


def strip_tracking(url: str) -> str:
    """The URL without tracking parameters and fragment (hosts and paths untouched)."""
    parts = urlsplit(url.strip())
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if _keep_param(k, v)]
    )
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def canonicalize(url: str) -> str:
    """Tracking parameters, fragments, AMP and mobile variants and "all pages" switches removed."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    port = f":{parts.port}" if parts.port and parts.port not in (80, 443) else ""
    domain = _domain_of_host(host)
    for prefix in ("amp.", "m.", "mobile."):
        if host.startswith(prefix) and host[len(prefix) :] == domain:
            host = "www." + domain
    path = _AMP_PATH_RE.sub("", parts.path) or "/"
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if _keep_param(k, v)]
    )
    return urlunsplit((parts.scheme.lower() or "https", host + port, path, query, ""))


def article_id(canonical_url: str) -> str:
    """Stable id: the same article from two runs has one id. Scheme is ignored so an
    http/https switch on the site does not fork the corpus."""
    key = re.sub(r"^https?://", "", canonical_url)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
