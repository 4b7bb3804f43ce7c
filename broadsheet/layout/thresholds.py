"""Every threshold of the layout analysis, in one place, in body-text units unless said otherwise.

`unit` is the ink height of a body text line on the working page (14-24 px there, whatever the
scan's resolution). Each value says why it is what it is.
"""

# --- type: size and weight
HEADLINE_RATIO = 1.22  # ink height above which a line is headline type: kickers are set at 1.4
# ink coverage over the body's median: bold measures 1.33-2.4 (Latin bold the least), regular
# body lines up to 1.4 (short lines and dense characters); a heading must also stand apart
BOLD_WEIGHT = 1.3
VERTICAL_ASPECT = 2.0  # a detector box this many times taller than wide is vertical text (3 characters: 2.2)
# A run of bold lines inside a column is a subhead, up to this many lines; longer is bold text.
MAX_SUBHEAD_LINES = 3
# A run of bold lines at the top of a column segment may be a whole headline (Latin notices stack
# agency, office and subject as bold body-size lines).
MAX_HEADING_LINES = 8
HEADING_MARGIN = 1.0  # a paragraph's last line ending this far short of the column's edge ends it
HEADING_SPACE = 0.25  # extra space above a heading, over the body's line pitch

# --- gutters
MAX_WORD_GAP = 4.0  # justified Latin lines stretch word spaces to this; a gutter test still decides
GUTTER_MIN_WIDTH = 0.25  # of a line box's height: the narrowest gutter's paper
MIN_PIECE_WIDTH = 0.25  # of its height: a narrower piece cut from a line is a sliver of a character
GUTTER_SHARE = 0.6  # of the lines around with paper along the stripe: a gutter (a few may end short)
# A blank is joined as a word space only with this many lines around running past it, fewer than
# this share of them with paper along it: in Latin text word spaces meet by chance (rivers, up to
# two thirds of six lines on page_j); at a gutter nearly every line has paper.
WORD_SPACE_EVIDENCE = 4
WORD_SPACE_SHARE = 0.8
