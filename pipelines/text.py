"""Indonesian cleanup of the body: boilerplate, dateline, credit, mentioned dates, language."""

from crawler.extraction.steps import clean_text
from pipelines.base import StepPipeline


class TextPipeline(StepPipeline):
    step = staticmethod(clean_text)
    in_pool = True
