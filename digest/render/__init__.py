"""Jinja environment, Markdown, fragments, pages -> bytes."""
