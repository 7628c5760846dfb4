"""content/*.md: front matter (read, write, round-trip edit), entries, validation."""
