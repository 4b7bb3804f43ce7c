"""Reading order inside a framed box: the recorded geometry of pages that went wrong, assembled
without OCR."""

from __future__ import annotations

from broadsheet.layout import PageLayout
from broadsheet.model import Line, Region, RegionType, union_bbox
from broadsheet.postprocess.assemble import assemble


def _block(region_id: str, kind: RegionType, lines: list[tuple[tuple[int, int, int, int], str]]) -> Region:
    found = [Line(text, box, 0.99) for box, text in lines]
    return Region(region_id, kind, union_bbox([line.bbox for line in found]), found)


def _rule(region_id: str, box: tuple[int, int, int, int]) -> Region:
    return Region(region_id, RegionType.SEPARATOR, box)


def test_a_lines_left_words_measured_apart_start_their_column():
    """Random seed 239 (unit 17): in a framed notice the second column starts beside the deck, its
    first three lines justified wide, each found as two lines: the left words (`drainage
    structures`) one block, the right words (`and`) the first lines of the column's block. Both
    blocks start on one row, their lines interleave: each printed line is read left words first, not
    the left block after the whole column nor before the right one."""
    deck = _block("r1", RegionType.SUBHEAD, [
        ((1240, 270, 1534, 289), "DEPARTMENT OF THE"), ((1239, 297, 1374, 315), "INTERIOR"),
        ((1240, 323, 1436, 341), "Bureau of Land"), ((1239, 355, 1407, 368), "Management"),
        ((1239, 456, 1333, 474), "Nevada")])
    left = _block("r2", RegionType.TEXT, [
        ((1272, 492, 1562, 510), "SUMMARY: The Bureau"), ((1239, 519, 1563, 537), "of Land Management"),
        ((1240, 545, 1562, 564), "(BLM) proposes to sell a"), ((1239, 572, 1562, 590), "40-acre parcel of public.")])
    right = _block("r3", RegionType.TEXT, [
        ((1877, 276, 1919, 289), "and"), ((1884, 297, 1918, 315), "3.2"), ((1865, 324, 1919, 342), "from"),
        ((1596, 355, 1919, 368), "wet meadows and stream"), ((1596, 382, 1918, 395), "banks, and remove two."),
        ((1596, 1312, 1654, 1327), "days.")])
    apart = _block("r4", RegionType.TEXT, [
        ((1596, 276, 1846, 288), "drainage structures"), ((1596, 302, 1844, 315), "rockwork, relocate"),
        ((1596, 325, 1846, 342), "miles of trail away")])
    frame = [_rule("r5", (1221, 249, 1939, 252)), _rule("r6", (1221, 1358, 1939, 1361)),
             _rule("r7", (1220, 250, 1224, 1362)), _rule("r8", (1935, 250, 1938, 1362))]
    layout = PageLayout((2408, 1456), 17.0, text_blocks=[deck, left, right, apart], separators=frame,
                        frames=[(1222, 251, 1936, 1359)])
    page = assemble(layout)
    assert len(page.articles) == 1
    read = [line.text for r in page.regions if r.article == page.articles[0].id for line in r.lines]
    assert read[read.index("drainage structures"):read.index("banks, and remove two.") + 1] == [
        "drainage structures", "and", "rockwork, relocate", "3.2", "miles of trail away", "from",
        "wet meadows and stream", "banks, and remove two."]


def test_an_advertisements_deck_set_below_its_lines_is_read_among_them():
    """Národní listy's `Flanele` (czech_ads, unit 17; its box is no closed frame): the firm's name,
    two lines taken for the title's deck, stands under two lines of the offer, and an order line
    stands between its own two lines. The deck made the head reach past the offer, which became an
    article of its own. Now the deck is read in place, line by line, with the rest of the advertisement."""
    def line(region_id: str, kind: RegionType, box: tuple[int, int, int, int], text: str) -> Region:
        return _block(region_id, kind, [(box, text)])

    title = line("r55", RegionType.TITLE, (389, 2196, 645, 2258), "Flanele")
    deck = _block("r56", RegionType.SUBTITLE, [((298, 2317, 738, 2376), "MORIČ BELLAK (L. Bellaka syn)."),
                                               ((416, 2399, 616, 2420), "prošují se do Kolína.")])
    offer = line("r87", RegionType.TEXT, (266, 2274, 765, 2288), "bílé a červené všech jakostí a šířek nabízí za")
    price = line("r110", RegionType.TEXT, (426, 2291, 609, 2306), "nejlevnější ceny")
    samples = line("r82", RegionType.TEXT, (265, 2390, 764, 2410), "Vzorkové ústřížky k požádání zdarma")
    layout = PageLayout((1842, 2574), 17.0, headlines=[[title, deck]], text_blocks=[offer, price, samples],
                        separators=[_rule("r9", (259, 2155, 767, 2157))])
    page = assemble(layout)
    assert [a.title for a in page.articles] == ["Flanele"]
    read = [r.lines[0].text for r in page.regions if r.lines]
    assert read == ["Flanele", "bílé a červené všech jakostí a šířek nabízí za", "nejlevnější ceny",
                    "MORIČ BELLAK (L. Bellaka syn).", "Vzorkové ústřížky k požádání zdarma", "prošují se do Kolína."]


def test_a_framed_notice_of_death_is_read_in_bands_not_by_left_edges():
    """Národní listy's notice of death (czech_ads, unit 17, a closed frame): centred and indented
    lines, a line under the deceased's name (`choť advokáta v Praze`) and the mourners' names in
    staggered rows. Read by the left edges of its lines as columns, the name's line and the names
    right of the first came after the whole notice; the box is read in bands across it now, each
    band in its own columns."""
    def line(region_id: str, box: tuple[int, int, int, int], text: str) -> Region:
        return _block(region_id, RegionType.TEXT, [(box, text)])

    title = _block("r16", RegionType.TITLE, [((892, 479, 1313, 552), "Ida Žaludová roz. Bleyerová,")])
    blocks = [line("r167", (870, 409, 1411, 421), "S nejhlubším žalem sklíčeni, podáváme"),
              line("r154", (808, 426, 1411, 438), "truchlivou zvěsť, že naše vroucně milovaná"),
              line("r155", (808, 443, 931, 455), "sestra a švekruše"),
              line("r192", (1026, 545, 1191, 558), "choť advokáta v Praze,"),
              line("r152", (807, 580, 1409, 594), "zemřela oddána do vůle Boží v úterý dne"),
              line("r148", (806, 593, 1085, 610), "v 26. roce věku svého ochrnutím plic."),
              line("r165", (868, 676, 1088, 689), "V Praze, dne 21. srpna 1888."),
              line("r150", (806, 729, 988, 743), "Leo, Zdenka, Anna, děti."),
              _block("r184", RegionType.TEXT, [((999, 712, 1211, 726), "Dr. Šalomoun Žalud, manžel."),
                                               ((1034, 745, 1182, 759), "Julius Bleyer, bratr.")]),
              line("r205", (1207, 728, 1409, 742), "Karolina Bleyerová, matka."),
              line("r199", (1121, 765, 1330, 779), "Mathilda Žaludová, švekruše."),
              line("r170", (885, 766, 1052, 779), "Dr. Josef Žalud, švakr."),
              line("r164", (860, 802, 1358, 816), "Věnce s díkem odmítáme."),
              line("r188", (1005, 838, 1214, 851), "(Místo zvláštního oznámení.)")]
    layout = PageLayout((1842, 2574), 17.0, headlines=[[title]], text_blocks=blocks, frames=[(787, 373, 1432, 884)])
    read = [r.id for r in assemble(layout).regions if r.lines]
    assert read[:6] == ["r16", "r167", "r154", "r155", "r192", "r152"]
    names = ["r150", "r184", "r205", "r199", "r170"]
    assert read.index("r165") < min(map(read.index, names)) and max(map(read.index, names)) < read.index("r164")


def test_a_line_across_a_boxs_columns_is_read_where_it_stands():
    """Národní listy's `Ručíme za pravost` (czech_ads, unit 17, a closed frame): two centred lines
    under the title run across the two columns below them. Read by left edges they started columns
    of their own and came after the left column; the box is read in bands across it, the lines
    first, then its two columns."""
    def lines(region_id: str, x0: int, y0: int, x1: int, rows: int, text: str) -> Region:
        return _block(region_id, RegionType.TEXT, [((x0, y0 + 19 * k, x1, y0 + 19 * k + 15), f"{text} {k}")
                                                   for k in range(rows)])

    title = _block("r35", RegionType.TITLE, [((889, 1340, 1310, 1390), "Ručíme za pravost")])
    across = lines("r174", 889, 1400, 1325, 1, "našich po 36 roků pro svou výtečnou jakost")
    under = lines("r182", 990, 1420, 1223, 1, "nejchvalněji známých specialit:")
    left = lines("r135", 795, 1538, 1093, 8, "Dr. Béringuiera olej na vlasy")
    right = lines("r196", 1117, 1537, 1418, 8, "Dra. Béringufera aromatický korunní líh")
    layout = PageLayout((1842, 2574), 17.0, headlines=[[title]], text_blocks=[left, right, across, under],
                        frames=[(783, 1322, 1427, 1720)])
    read = [r.id for r in assemble(layout).regions if r.lines]
    assert read == ["r35", "r174", "r182", "r135", "r196"]


def test_a_list_whose_blocks_interleave_is_read_row_by_row():
    """Národní listy's carpet list (czech_ads, unit 17, a closed frame): each kind's display word
    `Koberce`, two lines tall, stands beside two lines naming the kinds, a line of prices under all
    three. The layout's blocks took the display words with the prices and the names apart, their
    lines interleaving, and each block was read whole: every price before the first name. Such
    blocks are read line by line now, a row's lines left to right."""
    def block(region_id: str, kind: RegionType, lines: list[tuple[tuple[int, int, int, int], str]]) -> Region:
        return _block(region_id, kind, lines)

    title = block("r99", RegionType.TITLE, [((285, 1461, 368, 1483), "Koberce")])
    left = block("r100", RegionType.TEXT, [
        ((298, 1483, 450, 1499), "od zl. 3.50 do zl. 120.—."), ((285, 1497, 368, 1526), "Koberce"),
        ((298, 1525, 497, 1543), "vanými od zl. 1.50 do zl. 60.—."), ((285, 1541, 398, 1570), "Koberčíky"),
        ((298, 1567, 498, 1586), "selské od zl. —.80 do zl. 15.—.")])
    right = block("r105", RegionType.TEXT, [
        ((376, 1461, 573, 1474), "salonní, vlněné, tapestrové, ve-"),
        ((376, 1474, 573, 1490), "lurové, bruselské a velvetové"),
        ((377, 1506, 574, 1520), "stolní, jutové, vlněné aneb ply-"),
        ((376, 1513, 574, 1530), "šové s obrubami zlatem vyší-"),
        ((396, 1549, 574, 1560), "k postelím, jutové, vlněné,"),
        ((395, 1565, 574, 1573), "tapestrové, velurové a bru-"),
        ((377, 1592, 574, 1608), "stůčkové, pruhované a vzorko-"),
        ((377, 1600, 574, 1616), "vané metr od zl. —.20 do zl.")])
    foot = block("r101", RegionType.TEXT, [((298, 1619, 325, 1628), "6.—.")])
    layout = PageLayout((1842, 2574), 17.0, headlines=[[title]], text_blocks=[left, right, foot],
                        frames=[(277, 1443, 582, 1884)])
    read = [line.text for r in assemble(layout).regions for line in r.lines]
    assert read == ["Koberce", "salonní, vlněné, tapestrové, ve-", "lurové, bruselské a velvetové",
                    "od zl. 3.50 do zl. 120.—.", "Koberce", "stolní, jutové, vlněné aneb ply-",
                    "šové s obrubami zlatem vyší-", "vanými od zl. 1.50 do zl. 60.—.", "Koberčíky",
                    "k postelím, jutové, vlněné,", "tapestrové, velurové a bru-", "selské od zl. —.80 do zl. 15.—.",
                    "stůčkové, pruhované a vzorko-", "vané metr od zl. —.20 do zl.", "6.—."]


def test_a_centred_line_found_apart_inside_a_notice_is_read_in_place():
    """Národní listy's thanks notice (czech_ads, unit 17, no closed frame): the line under the
    deceased's name, centred, is a block of its own standing between two lines of the notice's
    block, and was read after the whole notice."""
    notice = _block("r243", RegionType.TEXT, [
        ((1459, 1713, 1713, 1729), "lované, nezapomenutelné matky a babičky"),
        ((1468, 1738, 1755, 1764), "Františky Zabranské,"),
        ((1458, 1781, 1762, 1792), "poněkud zmírniti, stalo se tak neočekávaně hoj-"),
        ((1458, 1797, 1762, 1811), "ným účastenstvím a upřímnými projevy soustrasti")])
    name = _block("r255", RegionType.TEXT, [((1528, 1763, 1693, 1773), "výměnkářky v Hlubočepích")])
    read = [line.text for r in assemble(PageLayout((1842, 2574), 17.0, text_blocks=[notice, name])).regions
            for line in r.lines]
    assert read.index("výměnkářky v Hlubočepích") == read.index("Františky Zabranské,") + 1
