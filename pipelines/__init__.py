"""Item pipelines: thin Scrapy adapters over the steps in :mod:`crawler.extraction.steps`."""
