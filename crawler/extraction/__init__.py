"""The pure extraction: one page in, one record out. No Scrapy engine, no clock, no network.

``extract.extract_article`` reads a page into a draft (body, fields, raw dates); ``steps`` then
normalise dates, clean the Indonesian text, give the record its identity and validate it.
"""
