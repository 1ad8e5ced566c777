"""Multi-page articles: the drafts of pages 1..n joined into one draft, in order."""

from __future__ import annotations

from typing import Any

from crawler.extraction.media import unique_by_url

Draft = dict[str, Any]
MAX_ARTICLE_PAGES = 30  # pages of one split article followed at most


def merge_pages(drafts: list[Draft]) -> Draft:
    """Page 1's metadata and URL; every page's text, images and embeds, in page order.
    A paragraph repeated at the top of the next page (sites repeat the lead) is kept once."""
    merged = dict(drafts[0])
    paragraphs: list[str] = []
    for draft in drafts:
        for paragraph in (draft.get("text") or "").split("\n\n"):
            if paragraph and paragraph not in paragraphs[-3:]:
                paragraphs.append(paragraph)
    merged["text"] = "\n\n".join(paragraphs)
    merged["images"] = unique_by_url([i for d in drafts for i in d.get("images") or []])
    merged["embeds"] = unique_by_url([e for d in drafts for e in d.get("embeds") or []])
    merged["pages"] = sum(int(d.get("pages") or 1) for d in drafts)
    return merged
