"""The whole job for one page: load image -> normalize -> layout -> ocr -> postprocess -> export.

One `Pipeline` serves the CLI, batch, the watcher and Python callers alike; models load once.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from broadsheet import postprocess
from broadsheet.errors import FileAccessError
from broadsheet.export import DEFAULT_FORMATS, debug_layout, remove_page, write_page
from broadsheet.imageio import load_image
from broadsheet.inputs import PageOrigin
from broadsheet.layout import GeometricLayout, LayoutAnalyzer, PageLayout
from broadsheet.model import LATIN, Page
from broadsheet.normalize import PageFrame, normalize_page, page_to_input
from broadsheet.ocr import DEFAULT_ENGINE, OcrEngine, get_engine, read_lines
from broadsheet.ocr.engine import for_latin
from broadsheet.ocr.fraktur import FRAKTUR_LANGUAGE, long_s
from broadsheet.ocr.language_model import with_language_model
from broadsheet.ocr.quality import assess
from broadsheet.options import PipelineOptions
from broadsheet.postprocess.punctuation import Punctuation
from broadsheet.postprocess.script import page_script


@dataclass
class PageResult:
    page: Page
    outputs: list[Path]
    seconds: float
    engine: str  # the engine that read the page's lines, as auto chose it: "rapidocr", "tesseract:frk"


@dataclass
class _Processed:
    page: Page
    reader: OcrEngine
    layout: PageLayout
    frame: PageFrame


class Pipeline:
    def __init__(self, engine: str | OcrEngine = DEFAULT_ENGINE, deskew: bool = True,
                 threads: int | None = None, layout: LayoutAnalyzer | None = None,
                 scale: float | None = None, punctuation: str = "default", debug_layout: bool = False,
                 language_model: bool = True) -> None:
        self.engine = get_engine(engine, threads) if isinstance(engine, str) else engine
        self.layout = layout or GeometricLayout()
        self.deskew = deskew
        self.scale = scale
        self.debug_layout = debug_layout  # process_and_write adds a picture per layout pass
        self.language_model = language_model  # rescore enlarged CJK lines with character bigrams
        self.punctuation = Punctuation(punctuation)  # a bad policy fails here, before any page

    @classmethod
    def from_options(cls, options: PipelineOptions, threads: int | None = None) -> Pipeline:
        """`threads`: model threads, decided by whoever runs several pipelines on one machine."""
        return cls(options.engine, options.deskew, threads, scale=options.scale, punctuation=options.punctuation,
                   debug_layout=options.debug_layout, language_model=options.language_model)

    def process(self, source: str | Path | np.ndarray) -> Page:
        """A page image (path or RGB array) -> the structured page."""
        if isinstance(source, np.ndarray):
            return self.process_image(source)
        return self.process_image(load_image(source), source=Path(source).name)

    def process_image(self, image: np.ndarray, source: str | None = None) -> Page:
        return self._process(image, source).page

    def _process(self, image: np.ndarray, source: str | None) -> _Processed:
        """The page, the engine that read its lines, the layout it was built from and the frame
        between their pixels."""
        normalized = normalize_page(image, self.engine, deskew=self.deskew, scale=self.scale)
        working = normalized.page
        timings = dict(normalized.timings)

        start = time.perf_counter()
        page_layout = self.layout.analyze(working.image, normalized.boxes)
        timings["layout"] = time.perf_counter() - start

        start = time.perf_counter()
        body = [line for region in page_layout.text_blocks for line in region.lines]
        latin = page_script(normalized.sample) == LATIN
        reader = self.engine.for_page(latin, body, working.pixels, working.frame.scale)
        if self.language_model:
            reader = with_language_model(reader, latin, working.frame.scale)
        read_lines(for_latin(reader, latin), working.pixels, page_layout.text_lines())
        if FRAKTUR_LANGUAGE in reader.recognizer.info.languages:
            long_s(page_layout.regions)
        timings["ocr"] = time.perf_counter() - start

        start = time.perf_counter()
        page = postprocess.assemble(page_layout, self.punctuation)
        page_to_input(page, working.frame)
        timings["postprocess"] = time.perf_counter() - start

        page.source = source
        page.engines = reader.info()
        page.text_size = round(page_layout.unit / working.frame.scale, 1)
        page.reading = assess(page)
        page.timings = {k: round(v, 3) for k, v in timings.items()}
        return _Processed(page, reader, page_layout, working.frame)

    def process_and_write(self, image: np.ndarray, out_dir: str | Path, name: str,
                          formats: tuple[str, ...] = DEFAULT_FORMATS, source: str | None = None,
                          before_write: Callable[[], None] | None = None,
                          origin: PageOrigin | None = None) -> PageResult:
        """Process a page and write its outputs as OUT_DIR/NAME.*; each appears only when complete.
        `before_write` may raise to write nothing (the run is gone, or its output folder): it is asked
        before the page is written and again after, when a page written meanwhile is taken back; `origin`
        is the file and page the image was decoded from, for writers that embed its own bytes."""
        start = time.perf_counter()
        done = self._process(image, source)
        if before_write is not None:
            before_write()
        outputs = write_page(done.page, image, Path(out_dir), name, formats, origin)
        try:
            if self.debug_layout:
                outputs += debug_layout.write(done.page, done.layout.trace, done.frame, image, Path(out_dir), name)
            if before_write is not None:
                before_write()  # the run may have gone while the page was being written
        except BaseException as exc:  # the page is whole with its pictures or not done (redone next time)
            remove_page(Path(out_dir), name, formats, outputs)
            if isinstance(exc, OSError):
                raise FileAccessError(f"cannot write to {out_dir}: {exc.strerror or exc}") from exc
            raise
        return PageResult(done.page, outputs, time.perf_counter() - start, done.reader.name)
