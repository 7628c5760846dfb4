"""`digest build`: the pipeline, output staging and swap, the build lock."""
