"""SCORM 1.2 `adlcp:prerequisites` (type "aicc_script"): parse, evaluate, and which items a learner may launch.

The grammar is the AICC CMI001 script subset SCORM 1.2 adopts (CAM 1.2, 2.3.2.2):

    expr    := or
    or      := and ("|" and)*
    and     := unary ("&" unary)*
    unary   := "~" unary | primary
    primary := "(" expr ")" | N "*" set | set | IDENT [("=" | "<>") STATUS]
    set     := "{" expr ("," expr)* "}"

An identifier names an item of the course and is true when that item's cmi.core.lesson_status is "passed" or
"completed". `IDENT = status` / `IDENT <> status` compare the status (full word or AICC letter: p c f i b n);
`N*{a,b,c}` is true when at least N members are; a bare `{...}` needs all of them. The words AND, OR and NOT are
accepted for `&`, `|` and `~` when no item is named so (real packages write them).

A script that does not parse, or names no item of the course, is reported and treated as met: locking a learner out
of content because of an authoring mistake helps nobody.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Mapping

from scorm_desktop.package.model import Manifest
from scorm_desktop.status import Status, course_status

MET = ("passed", "completed")
_STATUS_LETTERS = {
    "p": "passed", "c": "completed", "f": "failed", "i": "incomplete", "b": "browsed", "n": "not attempted",
}
_TOKEN = re.compile(r'\s*(<>|[&|~(){},*=]|"[^"]*"|\'[^\']*\'|[^\s&|~(){},*=<>"\']+)')

Predicate = Callable[[Mapping[str, str]], bool]


class PrerequisiteError(ValueError):
    """A prerequisites script that does not parse; the message names the problem."""


def _norm_status(text: str) -> str:
    t = text.strip().strip("\"'").strip().lower()
    return _STATUS_LETTERS.get(t, t)


def _tokens(text: str) -> list[str]:
    out, pos = [], 0
    text = text.strip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or not m.group(1):
            raise PrerequisiteError(f"unexpected character {text[pos]!r} at position {pos} in {text!r}")
        out.append(m.group(1))
        pos = m.end()
        while pos < len(text) and text[pos].isspace():
            pos += 1
    return out


class _Parser:
    def __init__(self, text: str, known: set[str] | None):
        self.text = text
        self.toks = _tokens(text)
        self.i = 0
        self.known = known
        self.identifiers: list[str] = []

    def peek(self) -> str | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self, expected: str | None = None) -> str:
        tok = self.peek()
        if tok is None:
            raise PrerequisiteError(f"{self.text!r} ends too early")
        if expected is not None and tok != expected:
            raise PrerequisiteError(f"expected {expected!r} but found {tok!r} in {self.text!r}")
        self.i += 1
        return tok

    def _is_word(self, tok: str | None, word: str) -> bool:
        return tok is not None and tok.upper() == word and (self.known is None or tok not in self.known)

    def parse(self) -> Predicate:
        if not self.toks:
            return lambda s: True
        pred = self.expr()
        if self.peek() is not None:
            raise PrerequisiteError(f"unexpected {self.peek()!r} in {self.text!r}")
        return pred

    def expr(self) -> Predicate:
        terms = [self.and_()]
        while self.peek() == "|" or self._is_word(self.peek(), "OR"):
            self.take()
            terms.append(self.and_())
        return terms[0] if len(terms) == 1 else (lambda s, ts=tuple(terms): any(t(s) for t in ts))

    def and_(self) -> Predicate:
        terms = [self.unary()]
        while self.peek() == "&" or self._is_word(self.peek(), "AND"):
            self.take()
            terms.append(self.unary())
        return terms[0] if len(terms) == 1 else (lambda s, ts=tuple(terms): all(t(s) for t in ts))

    def unary(self) -> Predicate:
        if self.peek() == "~" or self._is_word(self.peek(), "NOT"):
            self.take()
            inner = self.unary()
            return lambda s: not inner(s)
        return self.primary()

    def primary(self) -> Predicate:
        tok = self.peek()
        if tok == "(":
            self.take("(")
            inner = self.expr()
            self.take(")")
            return inner
        if tok == "{":
            members = self.set_()
            return lambda s: all(m(s) for m in members)
        if tok is not None and tok.isdigit() and self.i + 1 < len(self.toks) and self.toks[self.i + 1] == "*":
            count = int(self.take())
            self.take("*")
            members = self.set_()
            return lambda s: sum(1 for m in members if m(s)) >= count
        if tok is None or tok in ("&", "|", "~", ")", "}", ",", "*", "=", "<>"):
            raise PrerequisiteError(f"expected an item identifier but found {tok or 'the end'!r} in {self.text!r}")
        ident = self.take()
        self.identifiers.append(ident)
        if self.peek() in ("=", "<>"):
            op = self.take()
            value = _norm_status(self.take())
            if op == "=":
                return lambda s: _norm_status(s.get(ident, "not attempted")) == value
            return lambda s: _norm_status(s.get(ident, "not attempted")) != value
        return lambda s: _norm_status(s.get(ident, "not attempted")) in MET

    def set_(self) -> list[Predicate]:
        self.take("{")
        members = [self.expr()]
        while self.peek() == ",":
            self.take(",")
            members.append(self.expr())
        self.take("}")
        return members


@dataclass
class Prerequisite:
    """A parsed script: `met(statuses)` with statuses = item identifier -> cmi.core.lesson_status."""

    text: str
    identifiers: list[str]
    _pred: Predicate = field(repr=False)

    def met(self, statuses: Mapping[str, str]) -> bool:
        return self._pred(statuses)


def parse_prerequisites(text: str | None, known: set[str] | None = None) -> Prerequisite:
    """Parse a prerequisites script (empty means always met). Raises PrerequisiteError naming the problem.

    `known` (the course's item identifiers) lets AND/OR/NOT be read as operators unless an item has that name.
    """
    parser = _Parser(text or "", known)
    pred = parser.parse()
    return Prerequisite(text or "", parser.identifiers, pred)


@dataclass
class Course12State:
    """What a SCORM 1.2 player needs for its menu: which items may be launched, and the course roll-up."""

    #: Launchable items (with a resource href) in document order -> True when their prerequisites are met.
    launchable: dict[str, bool]
    #: The course status from the SCOs' lesson_status (scorm_desktop.status.course_status).
    course: Status
    #: One sentence per item whose prerequisites could not be used (treated as met).
    warnings: list[str] = field(default_factory=list)

    def next_item(self, current: str | None) -> str | None:
        """The next launchable item after `current` (the first one when None), in document order."""
        ids = list(self.launchable)
        start = ids.index(current) + 1 if current in ids else 0
        return next((i for i in ids[start:] if self.launchable[i]), None)

    def previous_item(self, current: str | None) -> str | None:
        ids = list(self.launchable)
        if current not in ids:
            return None
        end = ids.index(current)
        return next((i for i in reversed(ids[:end]) if self.launchable[i]), None)


def evaluate_course_12(manifest: Manifest, statuses: Mapping[str, str]) -> Course12State:
    """For a SCORM 1.2 course: prerequisites of every launchable item against `statuses`, and the course status.

    `statuses` maps item identifiers to their cmi.core.lesson_status (missing = "not attempted").
    """
    known = {i.identifier for i in manifest.organization.walk()}
    items = manifest.launchable_items()
    launchable: dict[str, bool] = {}
    warnings: list[str] = []
    for item in items:
        text = (item.prerequisites or "").strip()
        if not text:
            launchable[item.identifier] = True
            continue
        if item.prerequisites_type and item.prerequisites_type.lower() != "aicc_script":
            warnings.append(
                f"The prerequisites of '{item.title}' are of type '{item.prerequisites_type}', not aicc_script; "
                "they are ignored."
            )
            launchable[item.identifier] = True
            continue
        try:
            prereq = parse_prerequisites(text, known)
        except PrerequisiteError as error:
            warnings.append(f"The prerequisites of '{item.title}' cannot be read ({error}); they are ignored.")
            launchable[item.identifier] = True
            continue
        unknown = [i for i in prereq.identifiers if i not in known]
        if unknown:
            warnings.append(
                f"The prerequisites of '{item.title}' name {', '.join(repr(u) for u in unknown)}, which the course "
                "does not have; they are ignored."
            )
            launchable[item.identifier] = True
            continue
        launchable[item.identifier] = prereq.met(statuses)
    scos = [i for i in items if manifest.is_sco(i)] or items
    values = [{"cmi.core.lesson_status": statuses[i.identifier]} for i in scos if statuses.get(i.identifier)]
    return Course12State(launchable, course_status("1.2", values, len(scos)), warnings)
