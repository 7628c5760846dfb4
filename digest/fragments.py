"""Fragments rendered once and reused: a story's card appears on the home page, the English
index, a month and each of its tags' pages; a tag link on every article that has the tag;
a story's related link on the articles it is related to.

The theme's own macros (`macros.html`: `story_card`, `dated_card`, `related_link`,
`tag_link`) render each fragment once with a marker in place of the page's relative root;
each use swaps in the page's root. So the theme stays overridable and each fragment costs
one macro call per build, not one per use.
"""
from __future__ import annotations

from typing import Any

import jinja2
from markupsafe import Markup

ROOT_MARK = "\ue002"  # private-use code point: never in text (render_body strips its neighbours too)


class Fragments:
    def __init__(self, env: jinja2.Environment):
        self.env = env
        self._macros: Any = None
        self._cards: dict[tuple[int, bool], str] = {}
        self._dated_cards: dict[int, str] = {}
        self._related_links: dict[int, str] = {}
        self._tag_links: dict[tuple[str, Any], str] = {}

    def install(self) -> None:
        """Make `card(story, root, english)`, `dated_card(story, root)`,
        `related_link(story, root)` and `tag_link(tag, root, count)` template globals."""
        self.env.globals["card"] = self.card
        self.env.globals["dated_card"] = self.dated_card
        self.env.globals["related_link"] = self.related_link
        self.env.globals["tag_link"] = self.tag_link

    def _module(self) -> Any:
        if self._macros is None:
            self._macros = self.env.get_template("macros.html").module
        return self._macros

    def card(self, story: Any, root: str, english: bool = False) -> Markup:
        key = (story.index, english)
        html = self._cards.get(key)
        if html is None:
            html = self._cards[key] = str(self._module().story_card(story, ROOT_MARK, english_first=english))
        return Markup(html.replace(ROOT_MARK, root))

    def dated_card(self, story: Any, root: str) -> Markup:
        html = self._dated_cards.get(story.index)
        if html is None:
            html = self._dated_cards[story.index] = str(self._module().dated_card(story, ROOT_MARK))
        return Markup(html.replace(ROOT_MARK, root))

    def related_link(self, story: Any, root: str) -> Markup:
        html = self._related_links.get(story.index)
        if html is None:
            html = self._related_links[story.index] = str(self._module().related_link(story, ROOT_MARK))
        return Markup(html.replace(ROOT_MARK, root))

    def tag_link(self, tag: Any, root: str, count: Any = None) -> Markup:
        key = (tag.key, count)
        html = self._tag_links.get(key)
        if html is None:
            html = self._tag_links[key] = str(self._module().tag_link(tag, ROOT_MARK, count))
        return Markup(html.replace(ROOT_MARK, root))
