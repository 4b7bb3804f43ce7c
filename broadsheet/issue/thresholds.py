"""Every threshold of the issue step, in one place, each with its reason."""

# A jump head is the story's title cut short, read by the recogniser: `春耕生产` over the later part
# of `春耕生产有序推进`. The share of the shorter head's character pairs found in the other: a
# short head of 4 characters has 3 pairs, and one misread character costs two of them.
CJK_HEAD_OVERLAP = 0.5
# Latin heads agree when they share a word this long: a jump head is a word of the title (TROTSKY
# of `Trotsky Exiled to Alma-Ata`), and shorter words (the, of, and) are shared by any two titles.
LATIN_HEAD_WORD = 4
