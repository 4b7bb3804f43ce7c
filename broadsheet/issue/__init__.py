"""The issue step: after every page of an issue has been read, put the pages in order (folios),
join the articles that run across pages (continuations) and describe the whole issue."""
