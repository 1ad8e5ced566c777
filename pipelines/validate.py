"""JSON Schema validation: a record that cannot be made valid is dropped with its reason."""

from crawler.extraction.steps import validate
from pipelines.base import StepPipeline


class ValidatePipeline(StepPipeline):
    step = staticmethod(validate)  # in the crawl's process: a compiled check, cheaper than a trip
