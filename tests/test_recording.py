"""digest.render.recording: the theme environment's attribute lookup gives templates exactly
what Jinja's own gives them, and notes what a page read as dependency keys."""
from __future__ import annotations

import datetime as dt
from typing import Any

import jinja2
import pytest

from digest.core.model import Entry
from digest.render.environment import ThemeEnvironment
from digest.render.recording import note, note_stories, note_tags, recording
from digest.sitemodel.stories import Story
from digest.sitemodel.taxonomy import Tag


class _Both:
    """An attribute and an item of the same name: getattr prefers the attribute."""

    name = "attribute"

    def __getitem__(self, key: str) -> str:
        if key in ("name", "only_item"):
            return f"item {key}"
        raise KeyError(key)


class _Raising:
    @property
    def broken(self) -> str:
        raise AttributeError("inside the property")


OBJECTS: list[Any] = [_Both(), {"key": 1, "items": 2}, [1, 2], "text", None, 3, _Raising(), jinja2.Undefined()]
NAMES = ["name", "only_item", "key", "items", "upper", "missing", "broken", "__class__"]


@pytest.mark.parametrize("obj", OBJECTS, ids=lambda o: type(o).__name__)
@pytest.mark.parametrize("name", NAMES)
def test_attribute_lookup_is_jinjas(obj: Any, name: str) -> None:
    theme, plain = ThemeEnvironment(undefined=jinja2.StrictUndefined), jinja2.Environment(undefined=jinja2.StrictUndefined)

    def outcome(env: jinja2.Environment) -> Any:
        try:
            value = env.getattr(obj, name)
        except Exception as exc:  # noqa: BLE001 - the same error is part of the same behaviour
            return ("raised", type(exc), str(exc))
        if isinstance(value, jinja2.Undefined):
            return ("undefined", type(value), value._undefined_name)
        return value

    with recording():
        assert outcome(theme) == outcome(plain)
    assert outcome(theme) == outcome(plain)  # and outside a recording


def _story(slug: str, tags: list[Tag]) -> Story:
    entry = Entry(slug=slug, title="عنوان", date=dt.date(2024, 1, 2), body="نص", tags=[t.name for t in tags])
    return Story(entry=entry, index=0, tags=tags, state="pending", title_en=None, summary_en=None, provenance="", machine_notice=False)


def test_reads_are_noted_as_keys_and_each_key_is_one_object() -> None:
    tag = Tag(key="k", name="وسم", slug="wsm")
    first, second = _story("a", [tag]), _story("b", [])
    env = ThemeEnvironment()
    template = env.from_string("{{ s.title_en }}{{ e.body }}{{ e.title }}{{ t.name }}")
    with recording() as keys:
        template.render(s=first, e=second.entry, t=tag)
        note_stories([first, second])
        note_tags([tag])
        note(("template", "x.html"))
    assert keys == {("card", "a"), ("body", "b"), ("card", "b"), ("tag", "k"), ("template", "x.html")}
    with recording() as again:
        template.render(s=first, e=second.entry, t=tag)
    shared = {key: key for key in keys}
    assert all(shared[key] is key for key in again if key[0] in ("card", "tag"))  # the same objects: pickled once
    with recording() as none:
        pass
    assert none == set()
    template.render(s=first, e=second.entry, t=tag)  # outside a recording: nothing noted, no error
