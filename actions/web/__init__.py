"""The HTML site and its other outputs: views, the selection a request makes, filters, page
caching, rendering, charts, copy comparison, Atom feeds, sitemaps and CSV."""
