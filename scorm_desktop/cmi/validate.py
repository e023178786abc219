"""Python's own check of every run-time event, against the one data-model definition (`cmi.datamodel`).

The page's `runtime.js` answers the API and refuses bad calls, but the page is not trusted: content is same-origin
with the player frame and can reach the channel, hook `JSON.stringify`, or forge events outright. So every event that
reaches storage passes `SessionValidator.check` first, whatever path it came by (streamed batches, the batch drained
when the player closes, anything else). The rules are the runtime's own, read from the same definition: the element is
defined (array indices in range and in order, keys set first), the SCO may write it, the value has the element's type,
vocabulary, range and size (runtime options such as the 1.2 suspend_data limit apply exactly as in runtime.js), within
its element's ``cap`` and the attempt's ``limits.attemptChars`` budget (see `cmi.datamodel`), and the call is allowed in
the session's state (no SetValue before Initialize or after Terminate).

A validator follows one session: it starts from the values the page started with (`start_session`'s result) and
learns every event it accepts, so dependencies (an interaction's id before its type, `_count` order) are checked as
the page checks them. Plain Python, no Qt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .datamodel import OPTION_DEFAULTS, definition_cached, normalize_version
from .events import RuntimeEvent

_INDEX = re.compile(r"(?:0|[1-9][0-9]*)")
_TARGET = ".{target="
_KEYWORDS = re.compile(r"_(?:children|count|version)")
_DELIMITER = re.compile(r"\{([a-z_]+)=([^}]*)\}")


@dataclass(frozen=True, slots=True)
class Refusal:
    """An event Python would not store: the SCORM error code the page should have answered, and why."""

    event: RuntimeEvent
    code: int
    reason: str
    #: The API function the event stands for ("SetValue", "LMSSetValue", ...).
    fn: str = ""

    def log_entry(self) -> dict[str, Any]:
        """The API log's line for it (marked as decided by the player, not reported by the page)."""
        ev = self.event
        args = [ev.element or "", ev.value or ""] if ev.op == "set" else []
        return {"fn": self.fn or ev.op, "args": [a[:200] for a in args], "result": "refused",
                "error": str(self.code), "refused": self.reason, "source": "player", "seq": ev.seq}


@dataclass(slots=True)
class _Level:
    path: str
    pattern: str
    index: int
    array: dict | None
    rest: str
    record: str


@dataclass(slots=True)
class _Name:
    """What a concrete element name means, worked out once per name (it depends on the name only)."""

    tokens: list[str]
    pattern: str
    spec: dict | None
    levels: list[_Level]
    #: A refusal that does not depend on the values (undefined, keyword, unimplemented, read-only), else None.
    static: tuple[str, str] | None = None
    lenient: bool = False
    type: Any = None
    requires: tuple[str, ...] = ()
    check_same: bool = False


def _tokenize(element: str) -> list[str]:
    at = element.find(_TARGET)
    if at >= 0:
        head = element[:at].split(".")
        head.append(element[at + 1:])
        return head
    return element.split(".")


def _pattern(tokens: list[str]) -> str:
    """The data model's pattern of a name: indices become `n`. A literal `n` in the name is not an index (no element
    has a token `n`), so it is kept apart and matches nothing, as in runtime.js (`cmi.interactions.n.id`: 401)."""
    return ".".join(
        "n" if _INDEX.fullmatch(t) else "{target=}" if t.startswith("{target=") else "<n>" if t == "n" else t
        for t in tokens
    )


class SessionValidator:
    """Checks the events of one session in order; accepted events update its copy of the values."""

    def __init__(self, version: str, values: dict[str, str] | None = None, options: dict | None = None) -> None:
        self.version = normalize_version(version)
        model = definition_cached(self.version)
        self.model = model
        self.codes: dict[str, int] = model["codes"]
        self.elements: dict[str, dict] = model["elements"]
        self.arrays: dict[str, dict] = model.get("arrays", {})
        self.children: dict[str, str] = model.get("children", {})
        self.types: dict[str, Any] = model.get("types", {})
        self.syntax: dict[str, str] = model.get("syntax", {})
        self.options = dict(OPTION_DEFAULTS)
        self.options.update(options or {})
        self.state = "not-initialized"
        self.values: dict[str, str] = {}
        self.counts: dict[str, int] = {}
        #: Characters (names and values) the SCO's record holds, against the budget `limits.attemptChars`.
        self.budget: int = model["limits"]["attemptChars"]
        self.used = 0
        self._regex: dict[str, re.Pattern] = {}
        self._resolved: dict[str, _Name] = {}
        self._prefixes = {p.rsplit(".", i)[0] for p in self.elements for i in range(1, p.count(".") + 1)}
        explicit: list[tuple[str, int]] = []
        for key, raw in (values or {}).items():
            text = "" if raw is None else str(raw)
            if key.endswith("._count"):
                explicit.append((key[: -len("._count")], int(text) if text.isdigit() else 0))
                continue
            self.values[key] = text
            self.used += len(key) + len(text)
            self._note(self._levels(_tokenize(key)))
        for path, n in explicit:
            self.counts[path] = max(self.counts.get(path, 0), n)

    # -- the one entry point -----------------------------------------------------------------------------------------
    def check(self, ev: RuntimeEvent) -> Refusal | None:
        """None when the event is valid in this session (and it is then learnt), else why it is refused."""
        op = ev.op
        if op == "set":
            if self.state != "running":
                cond = "setBeforeInit" if self.state == "not-initialized" else "setAfterTerminate"
                return self._refuse(ev, cond, f"SetValue while the session is {self.state}")
            bad = self._check_set(ev.element or "", ev.value or "")
            return None if bad is None else self._refuse(ev, bad[0], bad[1])
        if op == "initialize":
            if self.state != "not-initialized":
                cond = "alreadyInitialized" if self.state == "running" else "initializeAfterTerminate"
                return self._refuse(ev, cond, f"Initialize while the session is {self.state}")
            self.state = "running"
            return None
        if op in ("commit", "terminate"):
            if self.state != "running":
                prefix = "commit" if op == "commit" else "terminate"
                cond = prefix + ("BeforeInit" if self.state == "not-initialized" else "AfterTerminate")
                return self._refuse(ev, cond, f"{op} while the session is {self.state}")
            if op == "terminate":
                self.state = "terminated"
            return None
        return self._refuse(ev, "general", f"unknown operation {op!r}")

    def _refuse(self, ev: RuntimeEvent, condition: str, reason: str) -> Refusal:
        role = {"set": "setValue", "initialize": "initialize", "commit": "commit", "terminate": "terminate"}
        fn = self.model["api"].get(role.get(ev.op, ""), ev.op)
        return Refusal(ev, self.codes.get(condition, self.codes["general"]), reason, fn)

    # -- SetValue ----------------------------------------------------------------------------------------------------
    def _check_set(self, element: str, value: str) -> tuple[str, str] | None:
        if element == "":
            return "setEmpty", "no element named"
        name = self._resolve(element)
        if name.static is not None:
            return name.static
        spec, levels, lenient = name.spec, name.levels, name.lenient
        assert spec is not None
        if spec.get("accessFrom"):
            access = spec["access"]
            key = self._concrete(spec["accessFrom"], levels)
            if key is not None and key in self.values:
                access = self.values[key]
            if "w" not in access:
                return "readOnly", f"{element} is read-only"
        if len(value) > spec["cap"]:
            return "overCap", f"{element}: {len(value)} characters, more than the {spec['cap']} kept"
        for i, level in enumerate(levels):
            arr = level.array
            if arr is None:
                return "undefined", f"{element} is not a data model element"
            count = self.counts.get(level.path, 0)
            if level.index > count:
                return "setIndex", f"index {level.index} skips ahead of {level.path}._count ({count})"
            innermost = i == len(levels) - 1
            key = arr.get("key")
            key_name = f"{level.record}.{key}" if key else None
            if level.index == count:
                if arr.get("fixed"):
                    return "setIndex", f"{level.path} cannot be extended by the content"
                if key and not (innermost and level.rest == key):
                    return "dependency", f"{level.record}.{key} must be set first"
                if arr.get("maxFrom") == "responses" and not lenient:
                    grammar = self._grammar(levels)
                    most = grammar.get("maxPatterns") if grammar else None
                    if most and level.index >= most:
                        return "tooMany", f"at most {most} correct response pattern(s)"
            elif key_name and key_name not in self.values and not (innermost and level.rest == key):
                return "dependency", f"{key_name} must be set first"
        for needed in name.requires:
            if needed not in self.values:
                return "dependency", f"{needed} must be set first"
        bad = self._value(name.type, value, levels)
        if bad is not None:
            return bad[0], f"{element}: {bad[1]}"
        if name.check_same:
            same = self._same_pattern(spec, levels, value)
            if same:
                return "notUnique", f"'{value[:80]}' repeats {same}"
        if spec.get("unique") and levels:
            own = levels[-1]
            for s in range(self.counts.get(own.path, 0)):
                other = f"{own.path}.{s}.{own.rest}"
                if s != own.index and self.values.get(other) == value:
                    return "notUnique", f"'{value[:80]}' is already used by {other}"
        if spec.get("immutable") and element in self.values and self.values[element] != value:
            return "immutable", f"{element} cannot change once set"
        old = self.values.get(element)
        grows = len(value) - len(old) if old is not None else len(element) + len(value)
        if self.used + grows > self.budget:
            return "overBudget", f"{element}: the record would exceed its {self.budget} characters"
        self.used += grows
        self.values[element] = value
        self._note(levels)
        return None

    # -- element resolution ------------------------------------------------------------------------------------------
    def _resolve(self, element: str) -> _Name:
        """What a name means; it depends on the name only, so each is worked out once."""
        hit = self._resolved.get(element)
        if hit is None:
            if len(self._resolved) >= 50_000:
                self._resolved.clear()
            hit = self._resolved[element] = self._name(element)
        return hit

    def _name(self, element: str) -> _Name:
        tokens = _tokenize(element)
        pattern = _pattern(tokens)
        spec = self.elements.get(pattern)
        levels = self._levels(tokens)
        name = _Name(tokens, pattern, spec, levels)
        if _KEYWORDS.fullmatch(tokens[-1]):
            if spec is not None or self._known_path(_pattern(tokens[:-1])):
                name.static = ("keywordSet", f"{element} is a keyword: it cannot be set")
            else:
                name.static = ("undefined", f"{element} is not a data model element")
            return name
        if spec is None:
            name.static = ("undefined", f"{element} is not a data model element")
            return name
        if spec.get("implemented") is False:
            name.static = ("unimplemented", f"{element} is not implemented")
            return name
        if not spec.get("accessFrom") and "w" not in spec["access"]:
            name.static = ("readOnly", f"{element} is read-only")
            return name
        name.lenient = self._lenient(spec)
        name.type = self._type(spec["lenient"]["type"]) if name.lenient else self._type(spec["type"])
        requires = spec.get("requires")
        if requires:
            concrete = (self._concrete(p, levels) for p in requires)
            name.requires = tuple(r for r in concrete if r is not None)
        t = self._type(spec["type"])
        name.check_same = bool(not name.lenient and levels and t and t.get("kind") == "response"
                               and t.get("role") == "pattern")
        return name

    def _levels(self, tokens: list[str]) -> list[_Level]:
        levels: list[_Level] = []
        pat: list[str] = []
        for i, t in enumerate(tokens):
            if i > 0 and _INDEX.fullmatch(t):
                array_pattern = ".".join(pat)
                levels.append(_Level(".".join(tokens[:i]), array_pattern, int(t), self.arrays.get(array_pattern),
                                     ".".join(tokens[i + 1:]), ".".join(tokens[: i + 1])))
                pat.append("n")
            else:
                pat.append("{target=}" if t.startswith("{target=") else t)
        return levels

    def _note(self, levels: list[_Level]) -> None:
        for level in levels:
            if self.counts.get(level.path, 0) < level.index + 1:
                self.counts[level.path] = level.index + 1

    def _known_path(self, pattern: str) -> bool:
        return pattern in self.elements or pattern in self.children or pattern in self.arrays or pattern in self._prefixes

    @staticmethod
    def _concrete(pattern: str, levels: list[_Level]) -> str | None:
        parts = pattern.split(".")
        k = 0
        for i, part in enumerate(parts):
            if part == "n":
                if k >= len(levels):
                    return None
                parts[i] = str(levels[k].index)
                k += 1
        return ".".join(parts)

    def _lenient(self, spec: dict) -> bool:
        lenient = spec.get("lenient")
        return bool(lenient and self.options.get(lenient["option"]))

    def _type(self, t: Any) -> dict | None:
        return self.types.get(t) if isinstance(t, str) else t

    def _re(self, source: str) -> re.Pattern:
        rx = self._regex.get(source)
        if rx is None:
            rx = self._regex[source] = re.compile(f"(?:{source})")
        return rx

    def _grammar(self, levels: list[_Level]) -> dict | None:
        if not levels:
            return None
        kind = self.values.get(levels[0].record + ".type")
        return self.model.get("responses", {}).get(kind) if kind else None

    # -- value types (runtime.js `check`) ----------------------------------------------------------------------------
    def _value(self, t: Any, value: str, levels: list[_Level]) -> tuple[str, str] | None:
        t = self._type(t)
        if not t:
            return None
        kind = t.get("kind")
        if kind == "string":
            most = self.options.get(t["maxOption"]) if t.get("maxOption") else t.get("max")
            if isinstance(most, (int, float)) and not isinstance(most, bool) and len(value) > most:
                return "typeMismatch", f"longer than {most} characters"
            if t.get("min") and len(value) < t["min"]:
                return "typeMismatch", "must not be empty"
            return None
        if kind == "localized":
            return self._delimiters(value, ["lang", *t.get("delimiters", [])])[0]
        if kind == "regex":
            if isinstance(t.get("max"), int) and len(value) > t["max"]:
                return "typeMismatch", f"longer than {t['max']} characters"
            return None if self._re(t["regex"]).fullmatch(value) else ("typeMismatch", "has the wrong format")
        if kind in ("short_identifier", "long_identifier"):
            return None if self._re(self.syntax["identifier"]).fullmatch(value) else ("typeMismatch", "not an identifier")
        if kind in ("real", "integer"):
            return self._number(t, value, self.syntax[kind])
        if kind == "vocab":
            if value in t["values"]:
                return None
            if t.get("or"):
                return self._value(t["or"], value, levels)
            return "typeMismatch", f"'{value[:80]}' is not one of: {', '.join(t['values'])}"
        if kind == "response":
            grammar = self._grammar(levels)
            if not grammar:
                return ("typeMismatch", "longer than 255 characters") if len(value) > 255 else None
            return self._value(grammar[t["role"]], value, levels)
        if kind == "list":
            return self._list(t, value, levels)
        if kind == "pair":
            return self._pair(t, value, levels)
        if kind == "step_answer":
            return self._range(value, True) if "[:]" in value else None
        if kind == "range":
            return self._range(value, bool(t.get("required")))
        return None

    def _number(self, t: dict, value: str, syntax: str) -> tuple[str, str] | None:
        if t.get("blank") and value == "":
            return None
        if not self._re(syntax).fullmatch(value):
            return "typeMismatch", f"not a number: '{value[:80]}'"
        n = float(value)
        if (t.get("min") is not None and n < t["min"]) or (t.get("max") is not None and n > t["max"]):
            return "outOfRange", f"{value[:80]} is outside [{t.get('min', '')}, {t.get('max', '')}]"
        return None

    def _delimiters(self, value: str, allowed: list[str] | None) -> tuple[tuple[str, str] | None, str]:
        seen: set[str] = set()
        while True:
            m = _DELIMITER.match(value)
            if m is None:
                break
            name = m.group(1)
            if not allowed or name not in allowed or name in seen:
                break
            if name == "lang":
                if not self._re(self.syntax["language"]).fullmatch(m.group(2)):
                    return ("typeMismatch", "bad language code"), value
            elif m.group(2) not in ("true", "false"):
                return ("typeMismatch", f"{{{name}}} must be true or false"), value
            seen.add(name)
            value = value[m.end():]
        if allowed and "lang" in allowed and "lang" not in seen and value.startswith("{lang="):
            return ("typeMismatch", "unterminated {lang=} delimiter"), value
        return None, value

    def _range(self, value: str, required: bool) -> tuple[str, str] | None:
        parts = value.split("[:]")
        real = self._re(self.syntax["real"])
        if len(parts) == 1:
            if required:
                return "typeMismatch", "a range is min[:]max"
            return None if real.fullmatch(value) else ("typeMismatch", "not a number or range")
        if len(parts) != 2:
            return "typeMismatch", "a range is min[:]max"
        for part in parts:
            if part and not real.fullmatch(part):
                return "typeMismatch", "not a number"
        if parts[0] and parts[1] and float(parts[0]) > float(parts[1]):
            return "typeMismatch", "range minimum above maximum"
        return None

    def _list(self, t: dict, value: str, levels: list[_Level]) -> tuple[str, str] | None:
        bad, rest = self._delimiters(value, t.get("delimiters"))
        if bad:
            return bad
        if rest == "":
            return None if t.get("empty") else ("typeMismatch", "must not be empty")
        seen: set[str] = set()
        for item in rest.split(t["sep"]):
            bad = self._value(t["item"], item, levels)
            if bad:
                return bad
            if t.get("unique"):
                if item in seen:
                    return "typeMismatch", "an item is repeated"
                seen.add(item)
        return None

    def _pair(self, t: dict, value: str, levels: list[_Level]) -> tuple[str, str] | None:
        parts = value.split(t["sep"])
        if len(parts) != 2:
            return "typeMismatch", f"must be two parts joined by {t['sep']}"
        left, right = parts
        if not left and not right:
            return "typeMismatch", "empty pair"
        for part, side, optional in ((left, "left", "leftOptional"), (right, "right", "rightOptional")):
            if part == "":
                if not t.get(optional):
                    return "typeMismatch", f"missing {side} part"
            else:
                bad = self._value(t[side], part, levels)
                if bad:
                    return bad
        return None

    def _same_pattern(self, spec: dict, levels: list[_Level], value: str) -> str | None:
        t = self._type(spec["type"])
        if not t or t.get("kind") != "response" or t.get("role") != "pattern" or not levels:
            return None
        grammar = self._grammar(levels)
        if not grammar or not grammar.get("uniquePatterns"):
            return None
        own = levels[-1]
        as_set = grammar["uniquePatterns"] == "set"

        def norm(text: str) -> str:
            return "[,]".join(sorted(text.split("[,]"))) if as_set else text

        wanted = norm(value)
        for i in range(self.counts.get(own.path, 0)):
            name = f"{own.path}.{i}.{own.rest}"
            if i != own.index and name in self.values and norm(self.values[name]) == wanted:
                return name
        return None
