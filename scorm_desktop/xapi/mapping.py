"""What the learner did in a SCO session, as xAPI statements (ADL xAPI SCORM Profile).

`StatementBuilder.for_events` looks at one ordered batch of run-time events with the SCO's values before and after
it; `for_end` at the values the LMS writes when the session ends. Only normal-mode sessions produce statements:
review and browse never change a record, so they never report one.

| statement | made when |
|---|---|
| initialized / resumed | Initialize (resumed when the attempt resumes a suspended one: entry = resume) |
| responded | an interaction gets a learner response or result (one per interaction and batch) |
| progressed | cmi.progress_measure changes (2004) |
| scored | the score changes |
| completed | the status becomes completed (completion_status, or 1.2 lesson_status completed/passed/failed) |
| passed / failed | success_status (1.2 lesson_status) becomes passed / failed |
| suspended / terminated | the session ends with exit = suspend / any other exit (only after Initialize) |

Every statement's context carries this installation's device id as an extension (`vocab.DEVICE_EXTENSION`) when the
options name one (`services.open_services` always does).

Ids are uuid5 over (registration, SCO, SCO attempt, session, event seq, kind): building statements again from the
same events gives the same ids, so the outbox (INSERT OR IGNORE on the id) and the LRS never hold one twice.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from ..cmi import timefmt
from ..cmi.events import RuntimeEvent
from ..cmi.names import ROLES, parse_float
from ..cmi.session import entry_for
from ..status import sco_status
from . import interactions as ia
from . import vocab
from .options import XapiOptions

#: Namespace of every statement id (never change it: ids written earlier would no longer match).
NAMESPACE = uuid.UUID("6f0a3f0c-2f53-4c9e-9d3e-0b6a4d1f7c21")
_ATTEMPT_NAMESPACE = uuid.uuid5(NAMESPACE, "sco-attempt")


def statement_id(registration: str, item: str, sco_attempt: int, session_id: int, seq: int | str, kind: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{registration}|{item}|{sco_attempt}|{session_id}|{seq}|{kind}"))


@dataclass(frozen=True)
class SessionFacts:
    """Who, where and which attempt one session belongs to: everything a statement needs besides the values."""

    registration: str
    course_id: int
    course_identifier: str
    course_title: str
    #: "1.2" or "2004".
    version: str
    item_identifier: str
    item_title: str
    sco_attempt: int
    session_id: int
    mode: str
    learner_uid: str
    learner_name: str
    #: The content called Initialize in this session.
    initialized: bool = False


# Element names per version for the groups that make statements.
def _by_role(*roles: str) -> dict[str, tuple[str, ...]]:
    return {v: tuple(names[r] for r in roles if r in names) for v, names in ROLES.items()}


_STATUS = _by_role("lesson_status", "completion_status", "success_status")
_SCORE = _by_role("score_scaled", "score_raw", "score_min", "score_max")
_PROGRESS = ROLES["2004"]["progress"]
_TOTAL = {v: names["total_time"] for v, names in ROLES.items()}
_EXIT = {v: names["exit"] for v, names in ROLES.items()}


class StatementBuilder:
    def __init__(self, options: XapiOptions | None = None) -> None:
        self.options = options or XapiOptions()
        self._titles: dict[int, dict[str, str]] = {}

    def item_title(self, course_id: int, manifest_json: str, item_identifier: str) -> str:
        """The item's title from the course's stored manifest (parsed once per course: a course never changes)."""
        titles = self._titles.get(course_id)
        if titles is None:
            try:
                titles = item_titles(json.loads(manifest_json))
            except (ValueError, TypeError, AttributeError):
                titles = {}
            self._titles[course_id] = titles
        return titles.get(item_identifier) or item_identifier

    # -- the two entry points --------------------------------------------------------------------------------------
    def for_events(
        self, facts: SessionFacts, before: dict[str, str], after: dict[str, str], events: list[dict], now: str,
        first_seq: int = 1,
    ) -> list[dict]:
        """Statements for one batch, in the order of the events that caused them.

        `first_seq` numbers events that carry no ``seq`` (the session's event count before the batch, plus one).
        """
        if facts.mode != "normal":
            return []
        out: list[tuple[int, int, dict]] = []
        last: dict[str, int] = {}
        groups: dict[str, str | None] = {}  # a batch often sets the same few elements again and again
        for i, ev in enumerate(events):
            if isinstance(ev, RuntimeEvent):
                seq, op, element = ev.seq or first_seq + i, ev.op, ev.element or ""
            else:
                seq = ev.get("seq")
                seq = seq if isinstance(seq, int) and not isinstance(seq, bool) else first_seq + i
                op, element = ev.get("op"), str(ev.get("element", ""))
            if op == "initialize" and "init" not in last:
                last["init"] = seq
            elif op == "set":
                if element in groups:
                    group = groups[element]
                else:
                    group = groups[element] = self._group(facts.version, element)
                if group:
                    last[group] = seq
        if "init" in last:
            verb = "resumed" if entry_for(facts.version, before) == "resume" else "initialized"
            out.append((last["init"], 0, self._sco_statement(facts, verb, now, last["init"], None)))
        touched = sorted({int(g.split(":")[1]) for g in last if g.startswith("i:")})
        if touched:  # group the values by interaction once: a batch may touch thousands of them
            was, now_is = _by_interaction(before), _by_interaction(after)
        for index in touched:
            stmt = self._responded(facts, was.get(index, {}), now_is.get(index, {}), index, now, last[f"i:{index}"])
            if stmt is not None:
                out.append((last[f"i:{index}"], 1, stmt))
        for seq, order, stmt in self._transitions(facts, before, after, now, last):
            out.append((seq, order, stmt))
        out.sort(key=lambda t: (t[0], t[1]))
        return [stmt for _, _, stmt in out]

    def for_end(self, facts: SessionFacts, before: dict[str, str], after: dict[str, str], now: str) -> list[dict]:
        """Statements for the end of a session: status changes the LMS made, then suspended or terminated."""
        if facts.mode != "normal":
            return []
        end = {"status": "end", "score": "end", "progress": "end"}
        out = [stmt for _, _, stmt in self._transitions(facts, before, after, now, end)]  # type: ignore[arg-type]
        if facts.initialized:
            verb = "suspended" if after.get(_EXIT[facts.version]) == "suspend" else "terminated"
            result = self._overall_result(facts.version, after)
            spent = (timefmt.try_parse(after.get(_TOTAL[facts.version])) or 0) - (
                timefmt.try_parse(before.get(_TOTAL[facts.version])) or 0
            )
            result["duration"] = timefmt.format_duration(max(0, spent))
            out.append(self._sco_statement(facts, verb, now, "end", result))
        return out

    # -- what changed ----------------------------------------------------------------------------------------------
    @staticmethod
    def _group(version: str, element: str) -> str | None:
        if element in _STATUS[version]:
            return "status"
        if element in _SCORE[version]:
            return "score"
        if version == "2004" and element == _PROGRESS:
            return "progress"
        index = ia.interaction_index(element)
        return None if index is None else f"i:{index}"

    def _transitions(self, facts, before, after, now, last: dict[str, Any]) -> list[tuple[Any, int, dict]]:
        v = facts.version
        out: list[tuple[Any, int, dict]] = []
        if "progress" in last and before.get(_PROGRESS) != after.get(_PROGRESS):
            progress = parse_float(after.get(_PROGRESS))
            if progress is not None and 0 <= progress <= 1:
                result = {"extensions": {vocab.PROGRESS_EXTENSION: round(progress * 100)}}
                stmt = self._sco_statement(facts, "progressed", now, last["progress"], result)
                out.append((last["progress"], 2, stmt))
        if "score" in last and _pick(before, _SCORE[v]) != _pick(after, _SCORE[v]):
            score = _score(v, after)
            if score:
                stmt = self._sco_statement(facts, "scored", now, last["score"], {"score": score})
                out.append((last["score"], 3, stmt))
        if "status" in last:
            s0, s1 = sco_status(v, before), sco_status(v, after)
            seq = last["status"]
            if s1.completion == "completed" and s0.completion != "completed":
                result = {"completion": True}
                out.append((seq, 4, self._sco_statement(facts, "completed", now, seq, result)))
            if s1.success in ("passed", "failed") and s1.success != s0.success:
                result = self._overall_result(v, after)
                out.append((seq, 5, self._sco_statement(facts, s1.success, now, seq, result)))
        return out

    def _overall_result(self, version: str, values: dict[str, str]) -> dict:
        st = sco_status(version, values)
        result: dict = {}
        if st.success in ("passed", "failed"):
            result["success"] = st.success == "passed"
        if st.completion in ("completed", "incomplete"):
            result["completion"] = st.completion == "completed"
        score = _score(version, values)
        if score:
            result["score"] = score
        return result

    def _responded(self, facts, before: dict, after: dict, index: int, now: str, seq) -> dict | None:
        """`before` / `after`: the values of this one interaction."""
        it = ia.read_interaction(facts.version, after, index)
        if not it.answered or before == after:
            return None
        sco = self._sco_activity(facts)
        obj = {
            "objectType": "Activity",
            "id": f"{sco['id']}/interactions/{_part(it.id or str(index))}",
            "definition": ia.definition(it, self.options.language),
        }
        return self._statement(
            facts, "responded", obj, now, seq, f"responded:{index}", ia.result(it) or None, parent=sco
        )

    # -- statement parts -------------------------------------------------------------------------------------------
    def _sco_statement(self, facts, verb: str, now: str, seq: Any, result: dict | None) -> dict:
        return self._statement(facts, verb, self._sco_activity(facts), now, seq, verb, result)

    def _statement(self, facts, verb, obj, now, seq, kind, result, parent: dict | None = None) -> dict:
        grouping = [self._course_activity(facts), self._attempt_activity(facts)]
        context_activities: dict = {"grouping": grouping, "category": [self._profile_activity()]}
        if parent is not None:
            context_activities["parent"] = [parent]
        stmt: dict = {
            "id": statement_id(
                facts.registration, facts.item_identifier, facts.sco_attempt, facts.session_id, seq, kind
            ),
            "actor": self.actor(facts.learner_uid, facts.learner_name),
            "verb": {"id": vocab.VERBS[verb], "display": {"en-US": verb}},
            "object": obj,
        }
        if result:
            stmt["result"] = result
        stmt["context"] = {
            "registration": facts.registration,
            "platform": self.options.platform,
            "contextActivities": context_activities,
        }
        if self.options.device_id:
            stmt["context"]["extensions"] = {self.options.device_extension: self.options.device_id}
        stmt["timestamp"] = now
        return stmt

    def actor(self, uid: str, name: str) -> dict:
        o = self.options
        if o.actor == "mbox":
            address = o.mboxes.get(name) or (name if "@" in name else "")
            if not address and o.mbox_domain:
                address = f"{name}@{o.mbox_domain}"
            if address and " " not in address:
                return {"objectType": "Agent", "name": name, "mbox": f"mailto:{address}"}
        return {"objectType": "Agent", "name": name, "account": {"homePage": o.home_page, "name": uid}}

    def course_iri(self, course_identifier: str) -> str:
        return f"{self.options.base_iri}{_part(course_identifier)}"

    def sco_iri(self, course_identifier: str, item_identifier: str) -> str:
        return f"{self.course_iri(course_identifier)}/sco/{_part(item_identifier)}"

    def _course_activity(self, facts) -> dict:
        return _activity(self.course_iri(facts.course_identifier), facts.course_title, vocab.COURSE, self.options)

    def _sco_activity(self, facts) -> dict:
        iri = self.sco_iri(facts.course_identifier, facts.item_identifier)
        return _activity(iri, facts.item_title or facts.item_identifier, vocab.LESSON, self.options)

    def _attempt_activity(self, facts) -> dict:
        attempt = uuid.uuid5(_ATTEMPT_NAMESPACE, f"{facts.registration}|{facts.item_identifier}|{facts.sco_attempt}")
        iri = f"{self.sco_iri(facts.course_identifier, facts.item_identifier)}?attemptId={attempt}"
        title = f"Attempt {facts.sco_attempt} of {facts.item_title or facts.item_identifier}"
        return _activity(iri, title, vocab.ATTEMPT, self.options)

    @staticmethod
    def _profile_activity() -> dict:
        return {"objectType": "Activity", "id": vocab.SCORM_PROFILE, "definition": {"type": vocab.PROFILE_TYPE}}


def to_json(statement: dict) -> str:
    """The exact text stored in the outbox and sent to the LRS."""
    return json.dumps(statement, ensure_ascii=False, separators=(",", ":"))


def item_titles(manifest: dict) -> dict[str, str]:
    """{item identifier: title} for every item of every organization of a manifest dict (Manifest.to_dict())."""
    out: dict[str, str] = {}

    def walk(items: list) -> None:
        for item in items or []:
            out.setdefault(str(item.get("identifier", "")), str(item.get("title") or ""))
            walk(item.get("children") or [])

    for org in manifest.get("organizations") or [manifest.get("organization") or {}]:
        walk(org.get("items") or [])
    return out


def _by_interaction(values: dict[str, str]) -> dict[int, dict[str, str]]:
    out: dict[int, dict[str, str]] = {}
    for key, value in values.items():
        if key.startswith("cmi.interactions."):
            index = ia.interaction_index(key)
            if index is not None:
                out.setdefault(index, {})[key] = value
    return out


def _activity(iri: str, name: str, kind: str, options: XapiOptions) -> dict:
    return {"objectType": "Activity", "id": iri, "definition": {"name": {options.language: name}, "type": kind}}


def _part(text: str) -> str:
    """One IRI path segment: identifiers may hold any character; percent-encode all but the unreserved ones."""
    return quote(text, safe="-._~")


def _pick(values: dict[str, str], names: tuple[str, ...]) -> tuple:
    return tuple(values.get(n) for n in names)


def _score(version: str, values: dict[str, str]) -> dict:
    """result.score from the SCO's score elements, keeping only what xAPI allows (scaled in -1..1, min < max,
    raw within min..max)."""
    prefix = "cmi.core.score." if version == "1.2" else "cmi.score."
    raw, lo, hi = (parse_float(values.get(prefix + n)) for n in ("raw", "min", "max"))
    scaled = parse_float(values.get("cmi.score.scaled")) if version == "2004" else None
    score: dict = {}
    if lo is not None and hi is not None and lo < hi and (raw is None or lo <= raw <= hi):
        score["min"], score["max"] = lo, hi
        if scaled is None and raw is not None and version == "1.2":
            scaled = (raw - lo) / (hi - lo)
    if raw is not None:
        score["raw"] = raw
    if scaled is not None and -1 <= scaled <= 1:
        score["scaled"] = round(scaled, 7)
    return score
