"""A progress bar for a long run over files: bytes read (MB/s, ETA) and records written per
second, on standard error when it is a terminal and nothing otherwise (cron, pipes, ``-q``)."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Show = Callable[[int, int], None]  # (bytes read, records written) so far


@contextmanager
def progress_bar(total_bytes: int, enabled: bool) -> Iterator[Show]:
    """A ``show`` to call as the run goes; the bar is gone when the run ends, so the summary
    line stands alone."""
    if not enabled or not sys.stderr.isatty():
        yield lambda done, written: None
        return
    from tqdm import tqdm

    # A terminal that reports no width (some pseudo-terminals) would make tqdm draw nothing.
    width = shutil.get_terminal_size().columns
    with tqdm(total=total_bytes, unit="B", unit_scale=True, file=sys.stderr, ncols=width, leave=False) as bar:

        def show(done: int, written: int) -> None:
            elapsed = bar.format_dict["elapsed"] or 1e-9
            bar.set_postfix_str(f"{written} records, {written / elapsed:.1f} records/s", refresh=False)
            bar.update(done - bar.n)

        yield show
