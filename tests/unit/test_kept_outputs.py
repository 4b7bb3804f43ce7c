"""The recogniser's per-step answers kept beside rapidocr's decoder (`rapid._KeptOutputs`): copied
where the runtime writes each batch into one buffer (OpenVINO), kept as returned where every batch
is an array of its own (ONNX Runtime)."""

from __future__ import annotations

import numpy as np

from broadsheet.ocr.rapid import _KeptOutputs


class OneBuffer:
    """A session that answers every batch in the same buffer, as OpenVINO's request does."""

    def __init__(self) -> None:
        self.buffer = np.zeros((1, 2, 3), np.float32)

    def __call__(self, batch: np.ndarray) -> np.ndarray:
        self.buffer[:] = batch.sum()
        return self.buffer


class FreshArrays:
    def __call__(self, batch: np.ndarray) -> np.ndarray:
        return np.full((1, 2, 3), batch.sum(), np.float32)


def test_a_reused_buffer_is_copied_batch_by_batch():
    kept = _KeptOutputs(OneBuffer(), copy=True)
    kept(np.ones(1)), kept(np.ones(2))
    assert [float(b[0, 0, 0]) for b in kept.batches] == [1.0, 2.0]


def test_arrays_of_their_own_are_kept_as_returned():
    session = FreshArrays()
    kept = _KeptOutputs(session, copy=False)
    outputs = [kept(np.ones(1)), kept(np.ones(2))]
    assert all(a is b for a, b in zip(kept.batches, outputs))  # no copy
    assert [float(b[0, 0, 0]) for b in kept.batches] == [1.0, 2.0]
