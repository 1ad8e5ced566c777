"""published_at and modified_at from the raw strings (dateparser fallback counted)."""

from crawler.extraction.steps import normalise_dates
from pipelines.base import StepPipeline


class DatesPipeline(StepPipeline):
    step = staticmethod(normalise_dates)
