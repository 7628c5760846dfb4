"""digest: a static site generator for a curated bilingual (Arabic/English) news digest."""

__version__ = "0.1.0"
