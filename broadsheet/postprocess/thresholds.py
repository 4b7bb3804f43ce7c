"""Every threshold of postprocess, in one place, in body-text units (`unit`, the ink height of a
body line on the working page) unless said otherwise. Each value says why it is what it is."""

# --- articles
HEADLINE_BAND = 3.0  # a vertical rule this far below a headline still bounds its span sideways
OWNER_SLACK = 1.0  # a block may start this far above a headline's foot and still be below it
HEADING_ABOVE = (-0.5, 1.5)  # blank between a heading and text right above it in its column
COLUMN_START = 1.5  # blocks starting this close together start one column
FULL_WIDTH = 0.75  # of an article's width: a photo this wide splits its text into bands
UNTITLED_GAP = 2.0  # text with no headline this close together is one untitled article
PAGE_ROW = 2.0  # items whose tops lie this close are one row of the page, read left to right

# --- paragraphs
INDENT_CHARS = 1.2  # an indent is two characters; half of that tolerates ink offsets of quotes
CJK_SHARE = 0.3  # of a line's characters: a line this CJK is joined to the next without a space

# --- captions
CAPTION_BESIDE = 2.5  # a caption beside its photo starts at most this far from its edge
CAPTION_GAP = (2.0, 2.5)  # blank before a caption's first line and between its lines, at most
CAPTION_EDGE = 0.5  # a caption's line may reach this far over its photo's edge (or a row's pieces differ)
CAPTION_OVERHANG = 1.0  # a caption may stand out this far past its photo's sides
CAPTION_BREAK = 0.9  # blank between lines: more ends a caption with no credit (its own spacing ~0.4)
MAX_UNCREDITED_LINES = 6  # a caption with no credit read is no longer than this
CREDIT_FLUSH = 0.1  # of a caption's width: a flush-right credit ends this close to its right edge

# --- header band
HEADER_ZONE = 0.2  # of the page's height: the band lies in this top share at most
HEADER_ITEM_GAP = 1.5  # of their height: pieces of one header item are at most this far apart
