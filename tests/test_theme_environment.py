"""The theme environment records what each template it compiles references, through public
Jinja API only (no override of Jinja's private `_parse`)."""
from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from click.testing import CliRunner

from digest.cli import cli
from digest.render import templaterefs
from digest.render.environment import ThemeEnvironment, make_environment

OVERRIDE = '{% extends "!builtin/base.html" %}{% import "macros.html" as m %}{% block content %}{% include "partials/x.html" %}{% endblock %}'


def test_no_private_jinja_method_is_overridden() -> None:
    private = [name for name in vars(ThemeEnvironment) if name.startswith("_") and not name.startswith("__")]
    assert private == []


def test_compiling_a_template_records_what_it_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(templaterefs, "_TABLE", {})
    monkeypatch.setattr(templaterefs, "_LOADED_WITH", {})
    (tmp_path / "templates" / "partials").mkdir(parents=True)
    (tmp_path / "templates" / "page.html").write_text(OVERRIDE, encoding="utf-8")
    env = make_environment(tmp_path)
    env.get_template("page.html")  # compiled: parsed once, recorded
    assert templaterefs.loaded_with(OVERRIDE) == frozenset({"!builtin/base.html", "macros.html"})
    # references() finds it recorded and does not parse again.
    monkeypatch.setattr(jinja2.Environment, "parse", lambda *a, **k: pytest.fail("parsed twice"))
    assert templaterefs.references(env, OVERRIDE) == {"!builtin/base.html", "macros.html", "partials/x.html"}


def test_a_syntax_error_in_an_override_is_one_line_with_file_and_line(site_root: Path) -> None:
    (site_root / "templates").mkdir()
    (site_root / "templates" / "article.html").write_text('{% extends "!builtin/article.html" %}\n{% block x %}\n{% endfor %}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["-C", str(site_root), "build", "--offline", "--drafts"])
    assert result.exit_code == 1
    assert "templates/article.html:3:" in result.output and "Traceback" not in result.output
