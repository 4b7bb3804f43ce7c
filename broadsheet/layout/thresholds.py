"""Every threshold of the layout analysis, in one place.

Lengths are in body-text units unless said otherwise: `unit` is the ink height of a body text
line on the working page (14-24 px there, whatever the scan's resolution). Some are in the size
of the thing measured (a headline line's, a vertical line's width) where that is what scales.
Each value says why it is what it is.
"""

# --- type: size and weight
HEADLINE_RATIO = 1.22  # ink height above which a line is headline type: kickers are set at 1.4
# A line taller than headline type that continues a body column at body spacing is body text
# (quote marks and brackets stand above and below characters); a real headline is this tall.
MAX_TALL_BODY = 1.8
# ...and a line up to this tall is body text when it continues its column both ways, a body line at
# body spacing right above and right below (two rows boxed as one, a row boxed with its descenders:
# random seeds 1016, 1059 at 1.8-2.0); a headline stands apart from the text over and under it
SANDWICHED_BODY = 2.5
# Ink coverage over the body's median: bold measures 1.33-2.4 (Latin bold the least), regular
# body lines up to 1.4 (short lines and dense characters); a heading must also stand apart.
BOLD_WEIGHT = 1.3
# ... or this much, with strokes this dark (over the body's): bold serif caps over sans body at 11 px
# (random seed 14) cover 1.18-1.3 and have strokes 1.14-1.25; body lines' strokes 1.04-1.12 at the
# 95th percentile, on the random and the real pages alike
BOLD_WEIGHT_DARK = 1.15
BOLD_STROKE = 1.13
# of the way from paper to black: pixels this dark are a stroke's ink, whose mean darkness tells a
# bold stroke's dark core from a thin stroke's grey edges
STROKE_INK = 0.25
WEIGHT_CONTRAST = 32  # grey levels between paper and ink below which weights are not measured
# Display type: a headline-tall line whose letters are this many times as tall as body lines'
# (`LETTER_PERCENTILE` of its pieces of ink): Star 1920's italic capitals EX-CROWNPRINCE 3.1, a
# Czech section head 2.6; a body line made tall by quote marks, or two lines of small print in one
# detector box, has body-size letters (1.0-1.4)
DISPLAY_LETTERS = 2.0
# A tall line sharing a body line's row is a word cut from it (descenders make it tall) only in
# letters under this: Latin cut words measure about 1.0; a title across a wide gutter from a body
# line, 1.29-1.57 (random seed 42's 14 px titles and deck). So is a tall line at a paragraph break
# (random seeds 28 and 32: 1.0 and 1.06)
ROW_WORD_LETTERS = 1.22
# ... unless its box stands closer than this to the row's text, or runs into it: two rows of small
# print in one detector box measure letters up to 1.6 (the Star's index, Kolonie's masthead; gaps
# -15 to 1.9 body heights), while seed 42's titles stand 3.9 away across the gutter
ROW_TITLE_GAP = 2.0
# A line taller than `MAX_TALL_BODY` whose letters measure under this (of the body's) is a box run
# into a neighbour row, its ink pieces clipped, not big type: the dev pages' body lines boxed so
# (a paragraph's last line with a closing quote, `贡献。”`) measure 0.31-0.46 and 2.2-2.5 body
# heights, their own type 1.0-1.2, weight 0.27-0.72; headlines' letters are about their size, 1.3
# and more (a reversed label's, measured on its fill, 0.27: it is bold, weight 2.6, fixture page_h)
CLIPPED_LETTERS = 0.8
# A run of headline-tall lines between two body lines of one column is an in-column subhead (小标题),
# not a headline, when the text above stands at most this far over it (blank, body heights): the
# random pages' subheads, 1.05 em bold sans over a body face that fills less of its em, measure
# 1.15-1.31 body heights and stand 0.8-1.4 under the text above (0.4 em more than a line break) and
# 0.4-1.0 over the text below (`STACKED_GAP`); a deck stands 1.4 and more over the text it heads,
# and 2.1 and more under the text before it (seeds 840-865, 242-250, 269, 295, 328: 27 of 40 subheads,
# no kicker, title or subtitle)
SUBHEAD_ABOVE = 1.6
# ... and the text above and below it share a column: their left edges this close, the line below
# opening a paragraph indented two characters, 2.5-3.3 body heights in CJK faces that fill less of
# their em (random seeds 853, 854, 881, 328); the next column starts a column's width (5 and more) away
SUBHEAD_INDENT = 3.5
LETTER_SAMPLE = 200  # body lines measured for the body's letter height: their median is stable by then
MIN_LETTER_AREA = 4  # px: smaller pieces of ink are specks, not letters
LETTER_INK = 0.3  # of the way from paper to black: darker is a letter's ink (a worn body line is faint)
LETTER_PERCENTILE = 75  # of a line's pieces' heights: a worn letter breaks into specks, small ones
TITLE_SHARE = 0.85  # of the bigger of two deck rows: a row under this is another part (vertical: of the title)
# Of a deck's biggest part: parts at least this big are in the running for its title. Random pages set
# kicker and subtitle at 1.4 body sizes and a narrow article's title at 1.3-1.7: a 1.3 title over a
# 1.4 kicker measures 0.93-0.98 of it, so neither leads by size and weight or place decides
TITLE_LEAD = 0.92
# ... and whose strokes are this dark of the darkest: a kicker set in the regular sans at 1.4 body
# sizes over a 1.6 bold title measures 0.87 of its size but 0.83 of its strokes (random seed 19)
TITLE_STROKE = 0.9
# Of the heavier of two deck rows' strokes: a row lighter than this is another part. Not TITLE_STROKE:
# short rows of digits and simple characters measure 0.85-0.9 of their title's other rows (seeds 268, 298)
DECK_STROKE_STEP = 0.85
# Of a row's type size: a deck sets its kicker, title and subtitle apart by this much more space
# between baselines than between its tightest rows of one size (random pages: 0.3 em more, 0.33-0.41
# sizes; rows of one part 0.0-0.1 over the tightest, seeds 140-339)
DECK_PART_SPACE = 0.2
# Latin descenders hang 0.2-0.3 of a line's ink height below the baseline and, a few letters
# among many, ink a row thinly: rows at a line's foot no deeper than DESCENDER_DEPTH, each with
# under DESCENDER_INK of the median inked row's ink, are descenders, not type height (a
# `Highway 227` line is 1.25 times as tall as `Road Work on` above it, set in the same size).
DESCENDER_DEPTH = 0.35
DESCENDER_INK = 0.3
# of a box's width: its top and bottom rows inked this fully are a reversed line's fill (a kicker
# set white on a dark box, random pages: 0.18 em of fill above and below the letters), whose size
# is its letters', not the box's (seed 253: a 1.4 em kicker measured 1.44 times its 1.4 em title)
REVERSED_FILL = 0.9
VERTICAL_ASPECT = 2.0  # a detector box this many times taller than wide is vertical text (3 characters: 2.2)

# --- headings set at body size
MAX_SUBHEAD_LINES = 3  # a run of bold lines inside a column is a subhead up to this; longer is bold text
# ...unless every line of the run stands in from the column's left edge: a subhead set from an
# indent and wrapped in a narrow column (random pages: `改善生态，/构建现代茶/产业发展基/础`, four lines
# 1.8-2.2 body heights in on 1386, 1460, 1666, 1700, five on 1637; all 5 such subheads read as text
# on 500 dev pages). A paragraph printed heavy runs its lines after the first flush left.
MAX_WRAPPED_SUBHEAD_LINES = 6
# A run of bold lines at the top of a column segment may be a whole headline (Latin notices stack
# agency, office and subject as bold body-size lines: nine and twelve in narrow columns on random
# seed 1); a longer or justified run of bold lines is a paragraph printed heavy.
MAX_HEADING_LINES = 14
HEADING_MARGIN = 1.0  # a paragraph's last line ending this far short of the column's edge ends it
HEADING_SPACE = 0.25  # extra space above a heading, over the body's line pitch
# A quiet head: rows in body type, even the body's face, that head the text under them by their place
# and the space under them, over what a paragraph break leaves (random pages set 0.4 em: 0.44-0.62
# body heights top to top, 0.4 the least; paragraph breaks on the same pages 0-0.1) ...
QUIET_HEAD_SPACE = 0.25
# ... and that space can part a head from its text as a segment of its own (blank over `SEGMENT_GAP`):
# a quiet head alone in its segment still heads the segment this far under it (blank, body heights;
# random seed 1847: 1.55 at 10 px, where its neighbours' heads stand 1.45 over their text)
QUIET_HEAD_ALONE_GAP = 1.8
# Of a page's paragraph breaks, the spacing this share of them keep under: quiet heads over their text
# count among the breaks (a third of them on random seed 274: six one-paragraph items), paragraph
# breaks are the rest and alike
BREAK_SHARE = 0.25
# A heading on a line of its own is centred or flush; a bold lead starting a run-in paragraph
# is set from the paragraph indent, so its blanks either side differ by more than this
CENTRED = 1.0
# Under a photo a segment opens with the caption, its rows stepping at their own pitch: a step this many
# times that pitch (top to top, over at least two steps) ends it, as space above a head does (random
# seed 2661: a caption's credit 19 px under its last row, the subhead under it 25)
CAPTION_STEP = 1.2

# --- lines from detector boxes
BOX_PADDING = 0.2  # share of a detector box's height at top and bottom that reaches into neighbours
SPARSE_ROW = 0.15  # of a line's fullest ink row: thinner rows at its ends are a neighbour's tips
# Small type set solid (`split_solid_lines`): ink-tight boxes stacked one over the other (sharing
# this much of the narrower's width) that overlap by this much of the smaller's height each hold
# part of the other's line (a list set solid on the Czech ads page: 0.45; lines with leading, and
# a headline over its deck, no more than a stray accent's few rows).
STACK_SHARED_WIDTH = 0.5
STACK_OVERLAP = 0.3
# ... and whose middles lie closer than this many body heights: type set tighter than the body's
# ink height (the ads page's list: 0.8, the Star's small-type column 0.85, Kolonie's Fraktur
# notices 0.82); Der Nordstern's masthead ear, set solid at 1.07 and read whole, stays as it is
SOLID_PITCH = 0.9
# Stacked boxes (`STACKED_MIDDLES`) sharing under this much of the smaller's height are cut at the
# ink valley between them (the ads page's lines set solid: 0.6-0.7; one line boxed twice over a
# stray mark: 0.88)
STACKED_ROW = 0.8
# Two lines in one box (`split_stacked_lines`): a line's x-height rows hold at least this share of
# the box's fullest row (the ads page's list set solid: its two x-height bands 0.8-1.0 of it, the
# rows between 0.1-0.2, ascenders and accents 0.15-0.3)
STACKED_BAND = 0.5
STACKED_BAND_MIN = 3  # pixels: a thinner dense run is a rule's stub or an underline
STACKED_WIDTH = 6.0  # in x-heights: a narrower box is a character or two, whose strokes make bands
# The two bands' middles stand this many x-heights apart, a line pitch (the ads list 1.7: 14 px
# for 8 px x-heights; the Star's index 2.0); bars further apart are one line's strokes (a row of
# 工: its top and bottom bars, five bar heights apart), ...
STACKED_PITCH = (1.5, 3.0)
# Measured against the page's body size: the boxes cut on the real scans have x-height bands 0.38-0.5
# of it, 0.65-0.84 of it apart; the bars of a CJK row (`天下了一场`, seed 1046) make bands 0.15 of
# it, 0.35 apart, which the x-height ratios above take for two lines
STACKED_BAND_BODY = 0.25
STACKED_PITCH_BODY = 0.5
STACKED_VALLEY = 0.3  # ... and the thinnest row between them holds under this share of either's fullest
# share of the box's width over which another box runs through one of its bands: that box's line
# (the ads page's `selské od zl.` box, under the tail of `tapestrové, velurové a bru-`: 0.52)
STACKED_COVERED = 0.3
MIN_PIECE_WIDTH = 0.25  # of its height: a narrower piece cut from a line is a sliver of a character
# of its box's height: a piece no wider, flush with the lines around at their column's edge, is the
# row's first or last character (a narrow 目 after a kai 项), not a column beside (random seed 2686)
EDGE_CHARACTER = 1.2
COVERED = 0.7  # share of a box inside vertical lines: it is their characters boxed again
# Detector boxes of one headline line split at a space are joined across this many times its size
# (random seed 1079: `老城区雨污分流改造 年内完工` split 1.21 apart; two titles side by side on one
# row of seeds 940-1139 stand 2.4 and more apart)
HEADLINE_WORD_GAP = 1.4
BODY_FRAGMENT_GAP = 0.3  # body fragments closer than this are one line, unless their edges are column edges
MAX_WORD_GAP = 4.0  # justified Latin lines stretch word spaces to this; a gutter test still decides
# A blank between two body pieces this many times wider than the widest word space inside them
# is no word space: justification stretches a line's spaces alike (the ads page's two columns of
# 0.4-unit spaces 1.6 units apart, a faint rule between, staggered lines boxed two rows tall so
# that no line around votes)...
OWN_SPACE_RATIO = 2.0
# ... read off every piece of body height, each with this many word spaces (blanks this wide in
# body units; caps' letter gaps reach it: `AGENCY:` on page_j); a piece of a few words shows no
# spacing to compare with, nor do CJK's few blanks (sample_a's caption, three each side of its
# credit `本报记者 刘茜 摄` set apart; the ads page's right column shows four): left to the lines around
OWN_SPACES = 4
WORD_SPACE_WIDTH = 0.25  # a letter gap is a tenth of an em, a word space a quarter or more
# ... and as many words: the blanks part runs of ink this wide on average (in body units; a Latin
# word is five letters of half an em, a caps letter about one unit: the letter gaps of a justified
# `SUPPLEMENTARY   INFORMATION:` (random seed 929) measure as spaces, its pieces are no words)
WORD_WIDTH = 2.0
OWN_SPACE_MIN_GAP = 1.0  # in body units: CJK punctuation's blanks (under an em) are left to the lines around
SAME_ROW = 0.6  # of the smaller box's height two boxes share to lie on one row
SAME_SIZE = 1.4  # height ratio up to which two boxes are the same type
FLAT_PIECE = 1.5  # of a line's height: a box this narrow within its rows, into its box, is a letter of it
HEAD_PIECE_CHARS = 3.0  # of a headline row's height: a box this narrow over its end, within its rows, is a piece of it
# Two boxes of one row sharing most of the narrower one's width (`model.shares_column`) hold lines
# one over the other when their middles stand this share of the smaller box's height apart or more: the padded
# boxes of tightly set lines (a line and a half tall) overlap as much as pieces of one row, their
# middles 0.33-0.6 apart on the Star, the Czech ads and Kolonie; a line boxed twice shares its middle.
STACKED_MIDDLES = 0.25
BODY_HEIGHT = (0.8, 1.2)  # lines this tall are body text, for the weight of the body's type

# Blank rows inside a character (二, 三) bridged in a line's run of ink: up to 1/this of its box's height
INK_BRIDGE_SHARE = 4
# Rows without ink between two lines (an accent or a speck on the leading leaves some), ...
LEADING_ROWS = 3
# ... each holding at most this share of the box's fullest row (blur leaves a few pixels in the leading),
BLURRED_LEADING = 0.03
# ... and beyond them a row this full (of the box's fullest): another line's x-height, not its tips
NEIGHBOUR_BODY = 0.5

# --- vertical lines, in the line's width (one character)
VERTICAL_MISSED_ROOM = 0.6  # a gap this wide between two vertical lines may hold one the detector missed
VERTICAL_STRAY = 0.02  # of its height: a column of a vertical box with less ink is blank
VERTICAL_RUN = 0.6  # of the widest run of ink in a vertical box: narrower runs are body text beside it
VERTICAL_GROW_GAP = 0.5  # a character the detector left out lies at most this far from the line's end
VERTICAL_STROKE_GAP = 0.3  # blank rows inside one character
VERTICAL_CHARACTER = (0.6, 1.2)  # how tall a character is
VERTICAL_SPILL = 0.25  # a character's ink may stand out this far beside the line's
# a vertical headline boxed row by row (layout/upright.py): its pieces stand within this share of a
# character of each other; its lines are strips no wider than this share of a row piece's height
# (one character to a row), this share of their width apart (set 0.25 em apart; letters in a row
# stand a bearing apart)
UPRIGHT_TOUCH = 0.3
UPRIGHT_CHARACTER = 1.4
UPRIGHT_LINE_GAP = 0.2
# two such lines one over the other, this share of the narrower's width in common, no more than
# this share of it apart, are one line with a space in it (set 0.5 em, 0.6-0.8 of ink apart)
UPRIGHT_SHARED = 0.6
UPRIGHT_SPACE = 1.0

# --- gutters
# of a line box's height: the narrowest gutter's paper (0.45 on page_h); justified CJK spreads
# its characters up to 0.25 apart. A box taller than the page's body boxes is measured by those: the
# detector boxes rows of columns set at staggered heights as one, as tall as both (seed 1438: 35 px
# over body boxes of 23, its 0.5 em gutter 9 px, under 0.3 of 35)
GUTTER_MIN_WIDTH = 0.3
# ... "taller" meaning this many times the body boxes (1438: 1.52); a box a pixel or two over them is
# one row, whose spaces between words or characters must not become gutters (seed 1393, 10.9 px: rows
# of 14 px over body boxes of 13 were cut between characters, a caption's photo lost with them)
GUTTER_TALL_BOX = 1.3
# A rule that runs through a character (ink flush against it both sides, this many px of blur at
# most) with no more than this share of the line's height beyond it cuts no line: a credit set wider
# than its boxed column sticks its first character out through the frame (random seeds 2028, 2125)
RULE_FLUSH = 1
RULE_CUT_CHARACTER = 1.0
RULE_CUT_PAPER = 0.02  # ... share of ink a line's height over and under that character: paper
GUTTER_SHARE = 0.6  # of the lines around with paper along the stripe: a gutter (a few may end short)
GUTTER_NEIGHBOURS = 8  # lines each way that vote: a coarse scan bridges a narrow gutter on many rows
NEIGHBOUR_SIZE = (0.75, 1.33)  # height ratio of the lines that vote: the same type
# A blank is joined as a word space only with this many lines around running past it, fewer than
# this share of them with paper along it: in Latin text word spaces meet by chance (rivers, up to
# two thirds of six lines on page_j); at a gutter nearly every line has paper.
WORD_SPACE_EVIDENCE = 4
WORD_SPACE_SHARE = 0.8
# Pieces of a row whose edges this many lines around share, on both sides of the blank between
# them, stand in two columns: word spaces of justified text fall anywhere along the lines.
COLUMN_EDGE_LINES = 3
# Or this many of the lines each piece's own column holds one under another (`_continues_column`):
# the two columns under a caption across both on random seed 1070 hold three and four lines; at 1,
# two rows of justified Latin whose wide word spaces line up are cut (seeds 269, 995)
STACK_EDGE_LINES = 2
EDGE_TOLERANCE = 0.3  # how closely justified lines' ink ends agree (a hyphen, a full stop)
# Body rows no gutter cuts that share one width: the page's column measure. A row that wide, lined up
# with a row around, is one column's, its blanks its own (CJK marks lined up down a short column, seed 2588)
MEASURE_ROWS = 5

# --- columns
# a line over two columns with nothing of theirs on one side (a headline or photo above, a caption
# across): its blank is the gutter when both ends lie this close (body heights) to the columns'
# edges (`blocks.cut_at_gutters`; seeds 1324's and 1263's rows fit within a pixel; at 0.3 a one-line
# caption under a photo was cut at a stop's blank, 1284; at 0.15 a Fraktur `h` inking 2 px past its
# column's edge at a 12 px body kept a first row whole over three columns, 2523)
GUTTER_FIT = 0.2
# with the columns' lines on one side, its blank may reach this far (body heights) into the columns:
# a CJK stop ends the left column's row half a character short (seed 1567: 0.44), side bearings
# start the right column's row a few pixels late (1624: 0.2)
GUTTER_REACH = 0.5
# rounds of cutting rows joined over a gutter, each framed by the rows cut in the round before
# (seed 1438: five rows in a run over one gutter)
GUTTER_CUT_ROUNDS = 8
COLUMN_TOLERANCE = 0.6  # lines whose edges agree this closely share a column's extent
MIN_COLUMN_LINES = 3  # x-extents seen this often, in lines stacked one under another, make a column
MIN_COLUMN_WIDTH = 5.0  # no newspaper sets a column narrower than this many characters
# ... but for letter-spaced CJK three characters wide (random seed 1844: 3.9 body heights, 50 lines):
# that narrow, a column needs this many lines stacked to tell it from short lines lined up by chance
NARROW_COLUMN = (3.5, 6)
FOLD_WIDTH = 3.5  # a narrower cluster inside a column (indented lines, punctuation ends) is folded in
STACKED_GAP = (-0.3, 1.0)  # blank between two lines one under another at body spacing
# Of the shorter line's height: small type set solid (Nordstern's masthead ear, Fraktur at a 16 px
# pitch in 25 px boxes) has each line's ascenders and descenders reach 8 px into its neighbours'.
SOLID_OVERLAP = 0.4
INDENT = 2.5  # a paragraph indent, with slack: two characters
# A bold head ending its segment may be set from a deeper indent than a paragraph's: two ems of Latin
# type, whose ink is some three quarters of an em high (random seeds 2609, 11.2 px Fraktur: `Wie es
# weitergeht` 2.7 units in over its text; 2557, 28.9 px serif: `Public Comment`, `Next Steps`)
HEAD_INDENT = 3.0
LINE_PITCH = 1.5  # body line pitch, where a segment is too short to measure its own
CARRY_GUTTER = 3.0  # a gutter at most this wide between a column's segment and the next column's it runs on into
SEGMENT_GAP = 1.5  # blank down a column that ends a segment (a paragraph break is less)
HEADLINE_STACK_GAP = 1.2  # of the lines' size: blank between two lines of one headline
HEADLINE_OVERLAP = 0.5  # of a line's size: two headline lines may overlap this much

# --- rules and photos
RULE_MIN_LENGTH = 8.0  # a rule runs at least this long (and a fortieth of the page)
RULE_MAX_THICKNESS = 1 / 3  # thicker strokes are type or boxes
# ... but a horizontal stroke this long (a masthead's or band's rule across most of the page) may be
# this thick: no row of type is a solid bar that long, and blur fuses a heavy rule with the thin one
# under it (random seed 906, 11.1 px blurred 1.16: the masthead's rule 11 px thick, 0.38 of the
# 29 px unit, 23 units long)
RULE_HEAVY_LENGTH = 16.0
RULE_HEAVY_THICKNESS = 0.5
RULE_BRIDGE = 0.2  # dotted and broken rules are closed across this
RULE_PIECE_OVERLAP = 2.0  # straight pieces of a slanted rule overlap by a line's (padded) height
# A faint column rule breaks up: pieces this long in its line continue it across breaks this long
# (Der Nordstern: 50-170 px pieces above and below the long ones, 28 px units)
RULE_PIECE_LENGTH = 1.5
RULE_BREAK = 2.0
# A rule under one column between column rules (random seeds 981, 1100: 179 px, 7 padded units on
# 8-column pages) is cut off its row's rule at the gutters: pieces this long continue that rule
RULE_COLUMN_PIECE = 4.0
# ... and a rule that long alone, under one column with no rule in its row, is one when the text
# right above or below it (lines within RULE_COLUMN_REACH: a paragraph's short last line and the full
# one over it) starts and ends within RULE_COLUMN_ENDS of its ends (random seed 1256: the padded boxes
# 0.1-0.3 past them; on 248 dev pages the truth's horizontal rules missed went 222 -> 127, one found
# that the truth lacks: a rule of the page behind, shown through)
RULE_COLUMN_REACH = 2.0
RULE_COLUMN_ENDS = 1.0
# ... and pieces in one row at most this far apart (a rule printed column by column, broken at the
# gutters: random seed 2738, 6 px breaks at a 23 px unit) are one rule when they reach a rule's length
RULE_ROW_BREAK = 1.0
RULE_PAPER = 0.2  # a rule has paper this far on both sides; a text line's middle does not
RULE_SIDE_INK = 0.25  # at most this share of ink beside a rule
# An upright stroke this long with paper on one side and text on both is a column rule, the next column's
# text set tight against it (random seed 2566, 0.55 em gutters: 24-36 units). Of the strokes with ink beside
# them on 189 dev pages the only other this long is 2451's dotted column rule (26 units); next come 15
RULE_ONE_SIDE_LENGTH = 20.0
# A rule is under the paper's tone by at least this share of the text ink's depth: a rule of the page
# behind, shown through, is 0.05-0.1 of it (random seed 2754), a scan's edge 0.1-0.2; thin rules on
# the real scans 0.3 and more
RULE_INK_DEPTH = 0.2
TYPE_MIDDLE = 0.25  # a stroke this near a text line box's middle (a share of its height) is its type, not a rule
# Beside an upright rule, ink in upright runs this long is another rule's, not type: the heavy line
# of a box's frame beside its thin one, a box set against part of a column rule (Národní listy's
# ads). Three lines of text: a letter's stem is one, and a bridged stack of them stops at a space.
RULE_SIDE_STROKE = 3.0
# The two strokes of a double rule (a header band's heavy rule over a thin one, 1-2 px apart on a
# small page, each with the other's ink beside it) run along each other this share of the longer
DOUBLE_RULE_ALONG = 0.9
# A box's frame: long runs of ink closing round paper this many lines a side (a one-line notice in
# a box, with its margins) ...
FRAME_MIN_SIDE = 3.0
# ... that fill this share of the hole's bounding rectangle (a frame's corners are square; the
# paper between a photo's dark areas is not); the same share of a side's middle inked is its bar
FRAME_FILL = 0.9
# A frame's bar at most this thick (Národní listy's notices of death: 14-20 px at 17 px units);
# a photo's dark areas are thicker
FRAME_MAX_BAR = 2.0
RULE_CONTRAST = 8  # grey levels: on a coarse scan a thin rule is a faint grey line
RULE_EDGE_SHARE = 0.5  # a column beside a rule's box inked along half as much of it as the box's edge: its blur
RULE_BLUR_ROWS = 0.9  # of that column's ink in rows the box's edge is inked in: the rule's blur, not type beside it
INK_CONTRAST = 20  # grey levels darker than the local mean that count as ink
# A photo is at least this many lines high and wide: a photo one narrow column wide (seven
# characters in a boxed item, aspect 0.45) stands 3.4-3.8 lines tall (random seeds 253, 261, 291);
# Kolonie-Zeitung's ship woodcut in a shipping notice, 3.1, is no picture of the page's truth
PHOTO_MIN_SIDE = 3.3
DRAWING_MIN_SIDE = 4.0  # a drawing (line-art) likewise: a few loose strokes are no drawing
PHOTO_TONE = 24  # grey levels below the paper: picture, not paper (text is masked out first)
PHOTO_FILL = 0.5  # share of its box a photo's tone fills; text blocks and rules' leftovers less
# grey levels below the paper of a photo's median: the generator's photos 78-156; tinted paper is
# lighter (Der Nordstern's aged masthead ear, 28 below, a "photo" once its double rules were found)
PHOTO_MEDIAN_TONE = 48
# Of a photo's piece on the small copy: its outer rows and columns filled less are an outgrowth, not
# picture (random seed 995: a column's last characters, left out of the detector's lines, 0.06 of
# the box's width down through the caption). Line-art is sparse at its edges: at 0.4 the Star's
# cartoon lost a third of its height; at 0.25 one picture of the Czech ads page moves by 6-10 px
PHOTO_BULK = 0.25
PHOTO_HOLE = 1 / 6  # of a photo's smallest side: light areas inside (sky, walls) this big are closed
# A detector "line" boxed over a photo's smooth tone (random seeds 261, 307: read `1`, taken for a
# title), as tall as a photo, is picture, not text: under this share of its pixels lie on an edge
# (grey changing by more than PHOTO_EDGE levels a pixel). The smooth photos' "lines" 0.03-0.09;
# headlines 2-5 lines tall 0.30 and more (bold, blurred or JPEG type of random pages at 10-68 px;
# small body type blurred falls under it, but is no photo's height); a halftone photo's dots are
# edges, so its "lines" stay text, as before
PHOTO_SMOOTH = 0.15
PHOTO_EDGE = 30
# ... or as big as a photo both ways and this full of tone, edges or not: a bilevel photo's dark part
# boxed as a "line" (random seed 1890: 0.95 filled, its dithering's edges 0.21) cut the photo short
# of its right third, and its caption read as body; type leaves paper between its strokes
PHOTO_SOLID = 0.9
# A column (or row) of a photo's box with under this share of picture is a gutter between two
# photos (random seed 181: 0.00-0.03 across paper and a hairline); a photo's light areas are closed
PHOTO_GAP = 0.05
# ... and a column a column rule found reaching the box runs down, darker than the columns beside it
# in this share of the box's rows (random seed 2723: 1.00 at the rule between two photos, the
# photos' own columns 0.20 at most)
PHOTO_SEAM_ROWS = 0.9
# A tone piece filling under PHOTO_FILL of its box is opened at half a photo's side: a part left
# holding this share of it is a photo, the rest its ties (a caption's edge, the page's border: 0.59
# on random seed 1965); the Czech ads page's engravings are 0.02 each of a piece the page's size.
PHOTO_TIED = 0.5
# A drawing (line-art) is one piece of ink this little of which lies inside detector text lines
# (Star 1920 cartoon: 0.07; headline and masthead letters 0.9-1.0, their boxes hold them) ...
DRAWING_TEXT_SHARE = 0.5
# ... with this share of its ink in the middle quarter of its box (a uniform drawing 0.25, the
# cartoon 0.39; a box's or page's frame 0.0-0.04)
DRAWING_SPREAD = 0.15
# A drawing holding this share of a photo's box, no more than DRAWING_PAST_PHOTO times its area, is
# that photo found by its ink, foot and all (random seed 1468: a bilevel photo's solid foot 0.46 of
# its width, 1.9 lines tall: the ink's box 1.38 times the tone's, holding all of it; 1513, 1328 grow
# 0.3-1.9 lines at their tops or sides; of 235 photo pages 1240-1539 seven grow, four by pixels)
DRAWING_HOLDS_PHOTO = 0.9
DRAWING_PAST_PHOTO = 1.5
PHOTO_EDGE_RULE = 1 / 6  # rules this close to a photo's edge are its frame
# A rule along a photo's side this close beside it is the photo's dark edge (random seed 2313: 0.26;
# a column's rule stands half a gutter off and runs past the photo)
PHOTO_SIDE_GAP = 1 / 3
# A rule over a photo stands within this many lines of its top, inside or out (random seed 29: 0.9
# above; seed 33's frame line 0.6 inside the box found first), and runs along most of its width
PHOTO_RULE_REACH = 2.0
PHOTO_RULE_WIDTH = 0.8
MASTHEAD_RULE_WIDTH = 0.6  # of the content's width: the rule under a masthead runs across the page
# of the page's height: where a masthead's rule stands. Mastheads end by 0.09 on the fixtures, 0.17
# on the real scans (Der Nordstern); a rule at a quarter is a section's, the masthead's lost (random
# seed 7: its slanted rule missed, the next long rule made a quarter of the page masthead).
MASTHEAD_ZONE = 0.2
# long rules this close under the masthead's rule (units) close it together: a date line set between
# them (the Star: its title's double rule, the date line 2 units under it, then the heavy rule)
MASTHEAD_STACK = 3.0

# --- ink the detector never boxed (layout/missed.py)
# Pieces of ink this tall, in units, may be characters or their parts: smaller are specks and dots
# of punctuation (a lost full stop is not worth a line's risk); over the top of MISSED_HEIGHT,
# drawings' strokes and frames.
MISSED_PIECE = 0.3
# A row of them this tall is text: body type to a big title (random seed 0's, 2.4 units)
MISSED_HEIGHT = (0.7, 6.0)
MISSED_CHARACTER_GAP = 0.8  # of their height: pieces of one row this far apart run together (letter spacing)
MISSED_LINE_WIDTH = 1.5  # of its height: a row narrower than a character and a half is a mark, not text
# share of a row's box its ink fills: type 0.2-0.6 (bold titles the most); a blot more, a frame's
# corner or a stray stroke less
MISSED_DENSITY = (0.12, 0.7)
# of the body's height: a vertical line the detector missed is a title's, this wide at least (seeds
# 59, 88, 133: 2.1-2.4); the dark ends of stacked reversed kickers make narrower columns (0.76-1.0)
MISSED_VERTICAL_WIDTH = 1.5
MISSED_PIECES = 2  # separate pieces of ink in a row: one piece is a stroke or a blot, not characters
MISSED_ROW_HEIGHT = 1.3  # of its tallest piece: a row of type is about as tall as its tallest character
# of the way from paper to the body text's ink that a row's darkest ink reaches: text is printed
# as dark as the text beside it, bleed-through from the back of the sheet is a fraction of that
MISSED_DARKNESS = 0.6
# A page whose text the detector left unboxed: it boxed fewer lines than this, and they stand this
# many times as tall as the ink's own measure of the body (seed 1037, bilevel bold sans at 9.2 px:
# 5 boxes of masthead and headings, unit 35 px for body ink measured at 14; the fewest boxes on
# any other dev page are 1134's 31, 1294's 34 and 1341's 40).
MISSED_FEW_LINES = 20
MISSED_OVERSIZED = 1.5
# On such a page bold type's letters fuse, a word into one piece of ink (a row of one piece is
# text there when MISSED_LINE_WIDTH allows), and a row's ink may fill this much of its box (fused
# bold words 0.6-0.85; the usual bound is MISSED_DENSITY's).
MISSED_FUSED_DENSITY = 0.85
ROW_END_GAP = 2.0  # of the body: a letter-spaced row's widest blank between characters
# Its pieces join into rows on their middle rows only, this share of their height off top and
# bottom each: 1037's descenders touch the next line's ascenders.
MISSED_MIDDLE_TRIM = 0.25
# The detector boxed its headings: what it left is body type and subheads, pieces and rows up to
# this many times the ink's measure (a frame's side cut into pieces between rows, 4-6 times,
# would join the rows beside it into one two-line-high row taken for a title)
MISSED_UNBOXED_HEIGHT = 2.5
# Rows found in the ink this many times as many as the detector's lines: it lost most of the body
# (seed 1612, 8.4 px blurred JPEG: 150 rows for 57 boxes, its words; 10 found rows, ascenders to
# descenders and blur, 1.23-1.38 units tall, taken for titles), and found rows are headings only
# in display type, as where it boxed none. On the other dev pages found rows are 0-4 a page (1612:
# false headlines 8 -> 1; no other of 196 dev pages of every band replayed changes)
MISSED_MOSTLY_FOUND = 1.0
