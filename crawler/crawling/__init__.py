"""The crawl's operations: runs, the seen-store, the run lock, output files, summaries and
health. Everything here serves ``warta crawl`` and Scrapy; nothing here reads article HTML."""
