"""Names of the files a site root holds, for modules below the stages that read them.

The first piece of the issue-14 `SiteLayout`: the watcher (core) must know the glossary's
file names without importing the translation stage that reads the glossary.
"""
from __future__ import annotations

GLOSSARY_FILE = "glossary.toml"
GLOSSARY_FILES = (GLOSSARY_FILE, "glossary.yaml", "glossary.yml")  # the first one found is read
