"""Reading the files broadsheet writes (and other tools' ALTO and PAGE-XML), and validating them.

`broadsheet.export` writes pages; this package reads them back and holds what both sides share:
- `names`: namespaces, our tag ids and page facts, for writers and readers alike
- `alto`, `pagexml`, `jsonpage`: `read_alto`, `read_pagexml`, `read_json_page` -> Page
- `mets`: `read_mets` -> an issue's METS package back as (Issue, its pages), through their ALTO
- `common`: what the two XML readers share, articles rebuilt from a foreign file's plain regions
- `safexml`: the hardened parser every reader uses; `schemas`: offline XSD validation
A file whose root element or JSON type is not what its reader expects is refused with one
InputFileError line; `broadsheet.evaluate.loading` turns the other ways a file can be malformed
(`MALFORMED`, XML syntax) into one line too.
"""

from broadsheet.formats.alto import read_alto
from broadsheet.formats.jsonpage import MALFORMED, read_json_page
from broadsheet.formats.pagexml import read_pagexml
from broadsheet.formats.schemas import (
    alto_schema,
    mets_schema,
    mods_schema,
    page_schema,
    validate_alto,
    validate_mets,
    validate_page,
)

__all__ = ["MALFORMED", "alto_schema", "mets_schema", "mods_schema", "page_schema", "read_alto",
           "read_json_page", "read_pagexml", "validate_alto", "validate_mets", "validate_page"]
