"""The fast layer: layout, postprocess and the rest without loading a model (see replay.py)."""
