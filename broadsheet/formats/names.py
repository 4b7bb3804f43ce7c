"""Names our XML files share between writing them (`broadsheet.export`) and reading them back
(`broadsheet.formats`): namespaces, our own tag ids, and the page facts no standard element holds."""

ALTO_NS = "http://www.loc.gov/standards/alto/ns-v4#"
PAGE_NS = "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"
BS_NS = "urn:broadsheet:page"  # our structured text inside ALTO's XmlData
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
XLINK_NS = "http://www.w3.org/1999/xlink"
METS_NS = "http://www.loc.gov/METS/"
MODS_NS = "http://www.loc.gov/mods/v3"
MIX_NS = "http://www.loc.gov/mix/v20"

VERTICAL_TAG = "dir_vertical_rl"  # ALTO LayoutTag of vertical lines
HEADER_TAG = "page_header"  # ALTO StructureTag of the page header
# ALTO OtherTag on the reading-order groups of items the page's reading order leaves out (they
# follow the listed ones in document order): read back, the page's own order stays as it was
ORDER_IMPLIED_TAG = "order_implied"
PAGE_FACTS = ("rotation", "skew_angle", "text_size", "working_scale")  # as name=value pairs
# ALTO processing steps: what each one did
STEP_DESCRIPTIONS = {"detection": "text line detection", "recognition": "text line recognition",
                     "broadsheet": "layout analysis and article assembly"}
