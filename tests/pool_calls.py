"""Calls of a known length for the pool's own tests (tests/test_pool.py), in a module of their
own: a worker imports it to unpickle a call, and that import must take no time of the call's."""

from __future__ import annotations

import os
import time


def after(job: tuple[float, str]) -> str:
    """Sleeps ``job[0]`` seconds, then answers ``job[1]``."""
    time.sleep(job[0])
    return job[1]


def die(_: object) -> None:
    os._exit(3)
