"""The built-in theme of digest (installed as the package digest.templates)."""
