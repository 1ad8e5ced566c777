"""A page seen the way a person sees it: Debian's chromium (headless) driven through its DevTools
protocol by playwright, which here downloads no browser of its own. What the tests read: the
console's errors, every request the page made (none should leave the file), what each ``<svg>``
draws, and how much of a screenshot is not white."""

from __future__ import annotations

import io
import shutil
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
HAS_CHROMIUM = Path(CHROMIUM).is_file()

# per <svg>: how many of its shapes cover some area on the screen
DRAWN = """() => [...document.querySelectorAll('svg')].map(svg =>
  [...svg.querySelectorAll('path, rect, use, image, polygon, polyline, circle, line')]
    .filter(e => { const b = e.getBoundingClientRect(); return b.width > 0 || b.height > 0; }).length)"""


@dataclass
class Seen:
    errors: list[str]  # console errors and uncaught exceptions
    requests: list[str]  # every URL asked for, the page itself left out
    drawn: list[int]  # per <svg>, its visible shapes
    inked: list[float]  # per <svg>, the share of its screenshot that is not white
    inked_page: float  # the same over the whole page
    text: str  # what the page says (innerText)


def not_white(png: bytes) -> float:
    """The share of pixels of a screenshot darker than near-white."""
    from PIL import Image

    grey = Image.open(io.BytesIO(png)).convert("L")
    histogram = grey.histogram()
    return sum(histogram[:245]) / (grey.width * grey.height)


def view(page_file: Path, screenshot: Path | None = None, width: int = 1100) -> Seen:
    """Open ``page_file`` as a ``file://`` page; any other request is recorded and refused."""
    from playwright.sync_api import sync_playwright

    uri = page_file.resolve().as_uri()
    errors: list[str] = []
    requests: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM)
        try:
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.on("console", lambda m: errors.append(f"{m.type}: {m.text}") if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(f"uncaught: {e}"))
            page.on("request", lambda r: requests.append(r.url) if r.url != uri else None)
            page.route("**/*", lambda route: route.continue_() if route.request.url == uri else route.abort())
            page.goto(uri, wait_until="load")
            drawn = page.evaluate(DRAWN)
            inked = [not_white(svg.screenshot()) for svg in page.locator("svg").all()]
            whole = page.screenshot(full_page=True)
            if screenshot:
                screenshot.write_bytes(whole)
            text = page.inner_text("body")
        finally:
            browser.close()
    return Seen(errors, requests, drawn, inked, not_white(whole), text)
