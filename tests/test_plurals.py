"""Counts read the way a person writes them: "1 course", "2 courses" ("0 cours" in French), never "course(s)".

`i18n.plural` picks a whole translated phrase by the language's rule; a static check finds any "(s)" left in the
text of the core and command-line modules whose sentences people read (scripts/i18n.py SOURCES), outside log lines
and docstrings. The GUI's counts use Qt's own plural forms (`tr("%n course(s)", "", n)`), whose English forms come from
resources/i18n/scorm_desktop_en.ts (plural forms only); tests/ui/test_first_use.py checks them on screen."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

from scorm_desktop.i18n import plural

ROOT = Path(__file__).resolve().parent.parent
BRACKETED_PLURAL = re.compile(r"[A-Za-z]\(s\)")


def test_plural_picks_the_form_by_the_languages_rule():
    one, other = "{0} one-form", "{0} other-form"
    assert [plural(n, one, other, "en") for n in (0, 1, 2)] == ["0 other-form", "1 one-form", "2 other-form"]
    assert [plural(n, one, other, "es") for n in (0, 1, 2)] == ["0 other-form", "1 one-form", "2 other-form"]
    assert [plural(n, one, other, "fr") for n in (0, 1, 2)] == ["0 one-form", "1 one-form", "2 other-form"]
    assert plural(1, "its only item", "all {0} items", "en") == "its only item"  # a form may leave the number out


def _docstrings(tree: ast.AST) -> set[int]:
    return {id(node.body[0].value) for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
            and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}


def _log_texts(tree: ast.AST) -> set[int]:
    """String constants passed to log.debug/info/warning/error/exception (for developers, in English)."""
    out: set[int] = set()
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name) and node.func.value.id in ("log", "logger", "logging")):
            out |= {id(c) for arg in node.args for c in ast.walk(arg) if isinstance(c, ast.Constant)}
    return out


def test_no_text_people_read_says_plural_in_brackets():
    sys.path.insert(0, str(ROOT / "scripts"))
    from i18n import SOURCES  # scripts/i18n.py

    files = sorted({p for s in SOURCES for p in ((ROOT / s).rglob("*.py") if (ROOT / s).is_dir() else [ROOT / s])
                    if not s.startswith("scorm_desktop/ui")})
    assert len(files) > 40
    found = []
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _docstrings(tree) | _log_texts(tree)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
                    and BRACKETED_PLURAL.search(node.value)):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value[:70]!r}")
    assert found == []
