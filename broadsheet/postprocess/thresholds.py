"""Every threshold of postprocess, in one place, in body-text units (`unit`, the ink height of a
body line on the working page) unless said otherwise. Each value says why it is what it is."""

# --- articles
HEADLINE_BAND = 3.0  # a vertical rule this far below a headline still bounds its span sideways
# Headlines side by side whose boxes come this close up or down stand on one row and bound each
# other's spans: neighbours each under its own rule are set a little higher or lower (random seed
# 1546: `Turnverein feiert Geburtstag` 0.1 body heights over `Die Altstadt soll wieder aufblühen`)
HEADS_ROW_GAP = 0.5
# A rule this close over a vertical headline's top tops its article: the article is as wide as the
# rule (random seeds 1050, 1096: 1.2 body heights; else nothing on its row bounds such a title's span);
# so does one this close over any headline, which no rule flanking a title beside it does (1886: 1.3)
TOPPING_RULE = 2.0
OWNER_SLACK = 1.0  # a block may start this far above a headline's foot and still be below it
# A rule across a column just under a title's foot (this far at most) that ends at its side (this far
# off at most) flanks the title and parts it from nothing (random seed 1257: 0.4 under, 0.1 off); one
# level with the title's lower half that ends ROW_RULE_SHORT or more short of its side closes the row
# of the columns beside it (random seed 1336: 17 short, a jump's columns under it; gutters are 0.5-2)
RULE_FLANKS = 1.0
ROW_RULE_SHORT = 3.0
# Boxes sharing under this share of the smaller one's height stand one over the other (of its width:
# side by side), their gap along that axis (`rule_between`); padded boxes of tightly set lines share
# up to half (the Czech news page's column foot and the heading under it: 0.36; the Star's lines
# 0.3-0.5); an article's outline and a block inside it share all of both
BOXES_APART = 0.5
HEADING_ABOVE = (-0.5, 1.5)  # blank between a heading and text right above it in its column
PICTURE_ABOVE = 3.0  # blank between a photo and the text right above it in its column (random seed 993: 2.7)
COLUMN_START = 1.5  # blocks starting this close together start one column
# A block starting this far under a box beside a head, flush left with it, is the column the box tops:
# a title's lead under it is more than a body line's (random seed 2827: 1.3 under `Musik in den Höfen`)
COLUMN_UNDER = 2.0
SAME_ROW = 0.5  # blocks of a column whose tops lie this close start on one row (half a line: no pitch)
# A vertical rule no taller than this many times the headline line it parts, the line's two pieces
# ending within TITLE_STEM_TOUCH of it, is a bold letter's stem taken for a rule (random seeds 1401
# `老城|区雨污分流…`, 1592 `滨江夜市|市点亮…`: 1.0 the line's height, the pieces touching it; a column
# rule runs on down its column, a gutter off the heads beside it)
TITLE_STEM_HEIGHT = 1.2
TITLE_STEM_TOUCH = 0.5
# ... or within this share of the line's height: a title's letters stand apart by a share of its own
# size, the piece after the stem a letter space off it (random seed 1700 `让“田|秀才”挑起大梁`, 2.4 body
# heights tall: 0 and 0.22 of the line's height off the stem of 田)
TITLE_STEM_SPACE = 0.25
# A headline of lines no taller than HEAD_ON_TEXT_SIZE whose foot comes within HEAD_ON_TEXT of the top
# of a text block under it (or reaches into it), within the block's measure, is the column's first lines
# boxed tall: of 522 horizontal headlines over such text on 205 dev pages, the 498 titles stand 1.0 or
# more over it, body lines boxed tall (1.5-2.0 tall) 2.0 to 0.5 into it (random seeds 1242, 1716) or up
# to 0.9 over it, but so do subheads a size up set close over their text (0.4-0.7: seeds 943, 1395)
HEAD_ON_TEXT = 0.15
HEAD_ON_TEXT_SIZE = 2.0
# ... and its first line fills the block's measure, both ends within HEAD_FLUSH of the block's (justified:
# 1716, 1242 0.1-0.15); heads set tight over their text on the real scans are centred or short (the
# Star's deck `White Woman's Assailant …` 0.23 and 0.31 in, under a title 0.9 in; Der Nordstern's 4)
HEAD_FLUSH = 0.25
# A headline this close to a vertical headline (or overlapping it) is a piece of it: titles stand a
# gutter or a rule apart (random seeds 1615: touching, 1765: 3 px into it)
HEAD_PIECE_GAP = 0.1
# ... and a narrower horizontal one within its rows this close beside it: a vertical kicker read across
# (random seed 1923: 0.9; the body beside a title stands a gutter off, but it is no headline)
HEAD_PIECE_BESIDE = 1.0
# ... and a horizontal one over or under it, on its columns, this close (of its character size): its end
# row read across (random seed 2480: `境市` 8 px over `区开展夏季环 / 卫生集中整治`, characters 39 px wide)
HEAD_ROW_GAP = 0.5
# A block of this many rows or fewer right over a title, inside its span with blanks either side differing
# by at most KICKER_CENTRED body heights, is its kicker (as a heading's rows are centred, `layout` CENTRED)
KICKER_ROWS = 2
KICKER_CENTRED = 1.0
# A deck whose article's text, in a column beside it under the title, starts no lower than this under
# the deck's top is a subhead opening its own column: the body has begun (random seeds 1418, 1616,
# 1636: the text beside starts 0.6 body heights over to 0.1 under such a head's top; real decks
# stand 2.1 and more over the text beside them on the 500 dev pages 1240-1739)
DECK_BESIDE_BODY = 1.0
# a line standing between two lines of another block overlaps one of them across by more than this:
# the blocks interleave (a ragged gutter's boxes touch by less than a letter)
INTERLEAVE_OVERLAP = 1.0
UNTITLED_GAP = 2.0  # text with no headline this close together is one untitled article
PAGE_ROW = 2.0  # items whose tops lie this close are one row of the page, read left to right
# On a Chinese page items whose tops lie a body line pitch apart or closer are one row (the page is
# set on its body's line grid); the pitch is the median step between lines of a text block, counted
# between these bounds and from this many steps at least (else `PAGE_ROW`)
ROW_PITCH_STEPS = (1.0, 2.5)
ROW_PITCH_MIN_STEPS = 10
# an item this close under the top of the frame it sits in starts its row where the frame does
ROW_FRAME_TOP = 1.5
# Items of neighbouring columns overlap this much and the page is still parted between them (a
# ragged gutter: the Star's up to 0.6)
CUT_OVERLAP = 1.0
# A rule whose ends lie this close to an item's is that item's own (a box's frame stands up to 1.5
# lines off the text inside it, random seed 9); the Star's column rules end 2.5 and more off
OWN_RULE = 2.0
# A short title inside another article's column, whose own title is this many times taller, with
# that column's text at most COLUMN_SUBHEAD_GAP above and below, is a subhead set a size up (at
# 10-13 px body the title's lines measure 19-20 px to the subhead's 16: random seeds 853, 854)
COLUMN_SUBHEAD_UNDER = 1.15
# ... and it is set a size up, no more: 1.24 body heights on the random pages (bold sans at 1.05 the
# body's size); an advertisement's display line (Národní listy's `Nábytek`: 3.1) is far bigger
COLUMN_SUBHEAD_SIZE = 1.6
COLUMN_SUBHEAD_GAP = 2.5  # a subhead's extra space and a pitch
# ... and the text above and below share the column's measure this closely (an indent, a hyphen or
# a full stop standing out aside); an item head's own first line above it is narrower
COLUMN_SUBHEAD_MEASURE = 1.0
# ... the text under it opening a paragraph indented two characters, cut off as a block of one line
# (random seeds 850, 328: 2.0-2.4 body heights in)
COLUMN_SUBHEAD_INDENT = 3.0
# ... and it binds to the text it heads: the blank under it is at most this (random seeds 240-339 and
# 840-939: subheads 0.5-1.0 body heights, two-line ones too; a CJK title 1.27 and more, bar 1%)
SUBHEAD_BELOW = 1.1
MAX_COLUMN_SUBHEAD_LINES = 2  # a subhead too long for its column takes two lines
RUN_ON_GUTTER = 3.0  # untitled text this close right of an article's row runs on from it (gutters: 0.5-2)
# A column's first line ending this close to the column's right edge fills the measure: a paragraph
# going on (a justified line ends within a letter's width; a head set in the body face is far shorter)
FULL_MEASURE = 1.2
# A paragraph's first line is set in two characters (`INDENT_CJK`): a run-in lead's row fills the
# measure from there; a subhead centred in its column stands further in or short of its right edge
RUN_IN_INDENT = 2.6
# Blank between a column's text and a photo set in it, and between the photo's caption and the text
# going on under it (random seeds 245, 316: 1.4-2.1)
PAST_PHOTO_GAP = 3.0

# --- paragraphs
INDENT_CHARS = 1.2  # an indent is two characters; half of that tolerates ink offsets of quotes
# A CJK body line's indent: two characters, measured 1.78 units or more (7,900 indented paragraph
# starts of random seeds 0-339 from 8 px), while a flush line whose thin first character (一, 二, 三)
# the detector lost starts 1.2-1.4 in (9 lines, seeds 41 73 110 260 298 321 324), and at 1.2 broke
# its paragraph. Captions keep INDENT_CHARS: set smaller (0.9 of body in the generator), their
# two characters make 1.8 units less what the detector trims.
INDENT_CJK = 1.6
# A paragraph's indent is at most this deep: one or two ems, with slack (random seed 2609, Fraktur: 2.0-2.1)
INDENT_MOST = 3.0
# a piece this wide or wider is a line to find a column's flush edge by; a speck read as a letter
# ('|', 'b', a digit: 0.1-0.3) left of the column's lines is not
MEASURED_PIECE = 1.0
# an indent is measured from the lines this near (some three above and below: a paragraph's last line
# and the next one's second are flush), not the whole column's, whose edge drifts on a skewed page
FLUSH_NEAR = 5.0
# A line ending this near its column's measure fills it; a line that fills it mid-sentence runs on, so
# the line under it that looks indented is a flush line whose first characters the detector lost
# (random seeds 1258 `die`, 1385 `of`, 1398 `一，`: the lines above end 0-0.1 units short of it). A last
# line whose closing stop the reading lost ends that stop's ink short (881 `成为常态` 0.38, 903 `daps` 0.5):
# at 0.5 both ran on into the next paragraph
FILLS_MEASURE = 0.25
# A Latin line under one that ends a sentence this many units or more short of the measure (a paragraph's
# last line) starts a paragraph from this indent on, under INDENT_CHARS: a page indented one em sets its
# paragraphs 1.18-1.2 units in (random seeds 1544, 1587); under such lines on 216 dev pages (1240-1639)
# Latin lines start 0-0.1 units in (3) or 1.2 and more (528), none between. CJK lines keep their indent:
# between lie a caption's credit (本报记者 … 摄, 0.3-1.5) and a flush line opened by a quote (“, 0.6)
ENDED_SHORT = 1.0
ENDED_INDENT = 0.6
# An article's columns agree in measure and indent to within this: a column whose lines all start at one
# place, its right edge less that measure, shows them indented by that indent (random seed 2818, unit 11:
# the other columns' measures 325 and 324 px, indents 17-18 and 16; the first column's lines 17 px in)
MEASURE_AGREES = 0.5
# A column segment's last line that ends a sentence this many units or more short of its measure closes its
# paragraph: the next segment opens a new one even where its indent does not show (a segment of one line
# has no flush edge to measure it from: random seed 1755, `出行时间。` over one line each in the next three
# columns). In the truth of 750 dev pages (1240-1839) such CJK lines 1.5 units short or more all end their
# paragraph (1,243), at 1.25-1.5 26 of 27 (1279: `的就是“烂在地里”。` goes on), at 0.5-1 77 of 98; Latin
# lines ENDED_SHORT short or more all do (249).
COLUMN_ENDED_SHORT_CJK = 1.5
# ... when that line is the row right above: its middle within this many of the column's line pitches
# (two are a row lost or read empty between: random seeds 1271, 1461)
NEXT_ROW = 1.5
# ... or of the rows nearest that line where they are wider: a column may be leaded part way down
PITCH_NEAR_STEPS = 8
# ... unless a space falls within this many characters of the CJK line's start (or of the next's, a lead
# wrapped): a run-in lead or a dateline opens a paragraph there, and the paragraph above may still end
# mid-sentence at the measure (random seeds 1322, 1355, 1418: briefs' leads of 8 characters under
# paragraphs whose text the generator's pool ends mid-sentence; 本报讯 takes 3)
RUN_IN_LEAD = 13
# A subhead read as body text (notices.split_subheads) takes this many lines at most: a narrow column
# wraps one of seven characters and a comma three times (random seed 1095: 培育龙头， / 延长茶叶加 / 工产业链条)
MAX_SUBHEAD_LINES = 3
# ... and a column's edges beside a line are found from this many lines nearest it: some above and
# below, whichever of them fill the measure (a subhead's three lines and the indented start under
# it are four that do not, or not from the flush edge)
EDGE_LINES = 6
# A line this many times the width of a full line of an article's body runs over a gutter (random seed
# 1126: 403 px to the column's 191), and measures no column
GUTTER_LINE = 1.5
# A piece right of another line, their boxes sharing this much of the lower's height, goes on that
# line's row (two rows' boxes share none: a pitch is 1.2 heights and more): the row pieces of a
# skewed page, and the rows of interleaved blocks read as one
ROW_OVERLAP = 0.5
# A line this many edits from a continuation notice's seven characters ((上接第一版)) is one misread
# at small type ((上描第 二酸), (FW第八版): random seeds 240-339 and 840-1339 at 8-20 px, 17 of 22
# within two; one more when its 第 was read, (N第 二输)); a body line of seven characters shares
# at most 第 and a bracket with one
MISREAD_NOTICE_EDITS = 2
# ... or, its brackets read round its 上 or 下, this many characters longer or shorter at most than
# one ((上R量-), (下#量): the rest past reading at 8-9 px)
BRACKETED_NOTICE_SLACK = 2
CJK_SHARE = 0.3  # of a line's characters: a line this CJK is joined to the next without a space

# --- captions
# A caption beside its photo starts at most this far from its edge: a column's gutter away, up to 2 ems
# (the random pages' widest), and a Latin unit (ink-tight line height) is ~0.73 em: 2.7 units (random
# seed 1502: 2.6; 2.5 missed it)
CAPTION_BESIDE = 3.0
CAPTION_GAP = (2.0, 2.5)  # blank before a caption's first line and between its lines, at most
CAPTION_EDGE = 0.5  # a caption's line may reach this far over its photo's edge (or a row's pieces differ)
CAPTION_OVERHANG = 1.0  # a caption may stand out this far past its photo's sides
CAPTION_BREAK = 0.9  # blank between lines: more ends a caption with no credit (its own spacing ~0.4)
CAPTION_BREAK_OWN = 1.3  # ... and this many times the run's own blank before it (seed 946: a caption leaded 0.9
# units, 1.1 times apart row after row; seed 1114: a byline 1.47 times its caption's blank under it)
# A caption set tighter than the body ends at a blank of this many units that is this many times its
# own before it (random seeds 1334: 0.86 units, 2.2 times the caption's 0.4, the body set 0.57 apart;
# 1445: 0.79, 1.8 times). At 1.5-1.8 no other page of 445 (seeds 240-339, 840-1460) changes
CAPTION_BREAK_TIGHT = 0.7
CAPTION_BREAK_TIGHT_OWN = 1.6
# A caption in smaller type than the body steps its rows at a shorter pitch (the random pages' caption:
# 0.9 of the body's size at 1.45 of its own, 1.3 body ems against CJK body's 1.35-1.7): where the pitch
# widens this many times for this many steps, the body has begun (random seed 2550: 1.32 times)
CAPTION_PITCH_WIDER = 1.2
CAPTION_PITCH_ROWS = 3
MAX_UNCREDITED_LINES = 6  # a caption with no credit read is no longer than this
# A caption beside a short photo runs on under its foot this far at most, to its credit (random
# seed 109: 7.5 units, six lines of a ten-line caption beside a photo six and a half units tall;
# seed 1413: 15.3 units, the credit of a caption of 17 rows beside a photo 7.6 units tall)
MAX_BESIDE_BELOW = 18.0
# A line that starts a second column of text under a photo is at least this share of the widest
# line there (random seed 125: a paragraph's last line, 0.41); a justified caption's last word or
# character cut off at its right margin is less (seeds 45, 67: 0.03-0.2, at one edge row after row)
CAPTION_COLUMN_PIECE = 0.3
# Columns of text side by side under a photo are about as wide, the narrower's widest line this share
# of the wider's at least (random seed 125: 0.99); a caption's CJK lines cut by the detector at a comma
# in the same place on two rows are not (seed 1069: 0.4)
CAPTION_COLUMNS_ALIKE = 0.6
# Columns starting under a caption's rows (not right at the photo) share their gutter on this many rows
# at least (random seeds 1334, 1551: 5 and more); a CJK caption's rows cut at its spaces line up by
# chance on two (seed 1623)
CAPTION_COLUMN_ROWS = 3
# A line across a supposed gutter under a photo is the caption's own when no taller than this (a
# title over two columns is taller)
CAPTION_LINE_HEIGHT = 1.5
# A caption line that keeps to a side of its photo may be this many times as wide as the photo found: on a
# bilevel page the photo's paper-white side is lost (random seed 1442: 1.45)
CAPTION_WIDER = 2.0
# The blank over the first line beside a photo is at most this many times the blank under it when its
# column runs on from above, body text past the photo (random seed 2398: 1.0); a caption beside its
# photo is set apart by the photo's blank over it, and set tighter than the body (seed 876: 1.5)
COLUMN_RUNS_ON = 1.3
CREDIT_FLUSH = 0.1  # of a caption's width: a flush-right credit ends this close to its right edge
# A credit under a caption, set flush right, starts this far in from the caption's left edge or more
# when read past knowing. In the truth of random seeds 240-339 and 840-939, in its body lines'
# median height: 0.6 of the credits start 2.2 or more in (median 3.8), a body column's first lines
# 1.4 (2.5 at the 99th percentile, 2.8 at the 99.9th), a caption's own 1.6-2.0
CREDIT_INDENT = 3.0
CREDIT_APART = 2.0  # units of blank before a credit sharing the caption's last row (a word space: 1.5)

# --- header band
HEADER_ZONE = 0.2  # of the page's height: the band lies in this top share at most
HEADER_ITEM_GAP = 1.5  # of their height: pieces of one header item are at most this far apart

# --- spaces as printed: in heights of the line itself (the OCR stage measures each line's blanks so).
# The blank between two ideographs varies with their shapes (月以: 0.22 over the line's usual blank,
# with no space printed), so a body line needs a wider one than a headline, whose spaces are narrow
SPACE_OVER_LINE = 0.17  # headlines, bylines, masthead: a space is this much over the usual blank (0.2-0.24;
# 月活 in a title: 0.16 without one)
SPACE_OVER_BODY = 0.28  # body text and captions (本报讯 记者: 0.3-0.43; 月以, 用良: 0.22-0.26 without one)
SPACE_TIMES = 2.0  # ... and this many times the usual blank, which a justified line spreads to 0.2-0.45
NARROW_EXTRA = 0.1  # more next to a half-width digit or letter, whose ink leaves blank around it (8日: 0.16)
LATIN_SPACE = 0.3  # a blank this wide between Latin letters is a word space (letters: 0.2 at most)
LATIN_TOUCH = 0.1  # a space the recogniser read between Latin letters is kept unless they are closer
# Credits and bylines set an ASCII space, a quarter of an em in a CJK face, between dateline, role,
# name and 摄. Read through the engine (benchmarks/narrow_spaces.py: four faces at 9-40 px), such a
# space is 0.13 over the usual blank at the tenth percentile, 0.2 at the median: below the body
# rule, and no wider than the blank a narrow glyph leaves (月以: up to 0.3). At a credit's joints
# alone, then, a blank is a space
CREDIT_SPACE_OVER = 0.12  # this much over the usual (quarter-em credits set as printed: 188 of 220
# lines, third-em 218 of 221; a credit set solid gains a space in 14 of 220, after Kai's narrow 员)
CREDIT_SPACE_TIMES = 1.5  # and this many times it: a blank with no space passes both at 3.7% of the
# fixture pages' pairs of ideographs

# --- a page that reads its stops as middle dots. On the truth of the 200 random dev pages of seeds
# 1840-2039 a page prints at most 2 middle dots between ideographs (names, 社会·民生), 3% of its
# marks; small Kai type whose comma or stop sits centred in its em is read `·` where the recogniser
# offers no stop (2007: 112 dots to 233 marks, 2016: 112 to 226; 1884: 176 to 242). On a page whose
# dots between ideographs are this many and this share of its marks, each is read `，`, the mark most are.
# The share stays far above what a page of foreign names prints (卡尔·马克思: a tenth of the marks of a
# world-news page is plausible); the misread pages hold 25-65% (1883, 1930, 2007, 2016, 1884, 1850),
# and the four pages at 9-15% (1861, 2025, 1898, 1882) gain under a point at most.
DOTS_AS_STOPS = 10
DOTS_AS_STOPS_SHARE = 0.2

# --- boxes read as nothing. A region whose every line read as nothing is kept as an `unread` region
# when its box is at least this many body heights on its shorter side: a line of type is about one
# (seed 2273's reversed kicker 2.0), a speck the detector boxed at a rule's end is not text (2251:
# 2 x 4 px at 9.6 px body, 0.2)
UNREAD_MIN_SIDE = 0.5
