"""xAPI 1.0.3 statement validation: the rules an LRS must enforce before it stores a statement.

`check_statement(obj)` raises `Invalid` with one sentence naming the first fault (the LRS answers 400 with it).
Covered: the allowed properties of every object (nothing unknown), ids as UUIDs, IRIs, language maps, agents and
groups with exactly one identifier, activities and their definitions, statement references and sub-statements,
results (score ranges, ISO 8601 durations), contexts (registration, contextActivities, revision and platform only for
activities), timestamps with a time zone, the version, attachments, and the voiding rule. Plain Python.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from ..package.course_structure import is_iri

VOIDED = "http://adlnet.gov/expapi/verbs/voided"

_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$")
_LANG = re.compile(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")
_SHA1 = re.compile(r"^[0-9a-fA-F]{40}$")
_DURATION = re.compile(
    r"^P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$"
)
_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$")
_INTERACTION_TYPES = {
    "true-false", "choice", "fill-in", "long-fill-in", "matching", "performance", "sequencing", "likert", "numeric",
    "other",
}
_STATEMENT_KEYS = {"id", "actor", "verb", "object", "result", "context", "timestamp", "stored", "authority", "version",
                   "attachments"}
_SUB_KEYS = {"objectType", "actor", "verb", "object", "result", "context", "timestamp", "attachments"}


class Invalid(ValueError):
    """A statement or parameter breaks the xAPI rules; str() is the reason the LRS gives."""


def _need(cond: bool, reason: str) -> None:
    if not cond:
        raise Invalid(reason)


def _obj(value: Any, where: str, allowed: set[str]) -> dict:
    _need(isinstance(value, dict), f"{where} must be a JSON object.")
    unknown = sorted(set(value) - allowed)
    _need(not unknown, f"{where} has the property '{unknown[0] if unknown else ''}', which xAPI does not define.")
    return value


def _string(value: Any, where: str) -> str:
    _need(isinstance(value, str), f"{where} must be a string.")
    return value


def _iri(value: Any, where: str) -> str:
    _need(isinstance(value, str) and is_iri(value), f"{where} must be an IRI (such as https://…), not {value!r}.")
    return value


def is_uuid(value: Any) -> bool:
    return isinstance(value, str) and bool(_UUID.match(value))


def _uuid(value: Any, where: str) -> str:
    _need(is_uuid(value), f"{where} must be a UUID, not {value!r}.")
    return value


def _lang_map(value: Any, where: str) -> None:
    _need(isinstance(value, dict), f"{where} must be a language map (an object of language tags).")
    for tag, text in value.items():
        _need(bool(_LANG.match(tag)), f"{where} has '{tag}', which is not a language tag.")
        _need(isinstance(text, str), f"{where}['{tag}'] must be a string.")


def _extensions(value: Any, where: str) -> None:
    _need(isinstance(value, dict), f"{where} must be an object.")
    for key in value:
        _iri(key, f"The key of {where}")


def check_timestamp(value: Any, where: str = "The timestamp") -> str:
    _need(isinstance(value, str) and bool(_TIMESTAMP.match(value)),
          f"{where} must be an ISO 8601 date and time with a time zone, not {value!r}.")
    _need(not value.endswith("-00:00") and not value.endswith("-0000"), f"{where} may not use the offset -00:00.")
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise Invalid(f"{where} is not a real date and time: {value!r}.") from None
    return value


def check_duration(value: Any, where: str = "result.duration") -> None:
    _need(isinstance(value, str) and bool(_DURATION.match(value)), f"{where} must be an ISO 8601 duration, not {value!r}.")


# --------------------------------------------------------------------------------------------------- agents


def _ifis(value: dict) -> list[str]:
    return [k for k in ("mbox", "mbox_sha1sum", "openid", "account") if k in value]


def _ifi(value: dict, where: str) -> None:
    if "mbox" in value:
        _need(isinstance(value["mbox"], str) and value["mbox"].startswith("mailto:") and "@" in value["mbox"],
              f"{where}.mbox must be a mailto: IRI.")
    if "mbox_sha1sum" in value:
        _need(isinstance(value["mbox_sha1sum"], str) and bool(_SHA1.match(value["mbox_sha1sum"])),
              f"{where}.mbox_sha1sum must be 40 hexadecimal digits.")
    if "openid" in value:
        _iri(value["openid"], f"{where}.openid")
    if "account" in value:
        acc = _obj(value["account"], f"{where}.account", {"homePage", "name"})
        _need("homePage" in acc and "name" in acc, f"{where}.account needs both homePage and name.")
        _iri(acc["homePage"], f"{where}.account.homePage")
        _string(acc["name"], f"{where}.account.name")


def check_agent(value: Any, where: str = "The actor", group_ok: bool = True) -> dict:
    """An Agent or (when group_ok) a Group, as the actor, instructor, an object or a document's agent."""
    _need(isinstance(value, dict), f"{where} must be a JSON object.")
    kind = value.get("objectType", "Agent")
    if kind == "Group" and group_ok:
        _obj(value, where, {"objectType", "name", "member", "mbox", "mbox_sha1sum", "openid", "account"})
        ifis = _ifis(value)
        _need(len(ifis) <= 1, f"{where} has more than one identifier ({', '.join(ifis)}).")
        if ifis:
            _ifi(value, where)
        else:
            _need("member" in value, f"{where} is an anonymous group without members.")
        if "member" in value:
            _need(isinstance(value["member"], list), f"{where}.member must be a list.")
            for n, m in enumerate(value["member"]):
                check_agent(m, f"{where}.member[{n}]", group_ok=False)
    else:
        _need(kind == "Agent", f"{where} has objectType {kind!r}; it must be Agent{' or Group' if group_ok else ''}.")
        _obj(value, where, {"objectType", "name", "mbox", "mbox_sha1sum", "openid", "account"})
        ifis = _ifis(value)
        _need(len(ifis) == 1, f"{where} must have exactly one identifier (mbox, mbox_sha1sum, openid or account).")
        _ifi(value, where)
    if "name" in value:
        _string(value["name"], f"{where}.name")
    return value


def agent_key(agent: dict) -> str:
    """The canonical identifier of an agent or identified group, for storage and matching."""
    if "mbox" in agent:
        return "mbox:" + agent["mbox"].lower()
    if "mbox_sha1sum" in agent:
        return "sha1:" + agent["mbox_sha1sum"].lower()
    if "openid" in agent:
        return "openid:" + agent["openid"]
    if "account" in agent:
        return "account:" + agent["account"]["homePage"] + "|" + agent["account"]["name"]
    return ""


# --------------------------------------------------------------------------------------------------- activities


def _definition(value: Any, where: str) -> None:
    d = _obj(value, where, {"name", "description", "type", "moreInfo", "extensions", "interactionType",
                            "correctResponsesPattern", "choices", "scale", "source", "target", "steps"})
    for key in ("name", "description"):
        if key in d:
            _lang_map(d[key], f"{where}.{key}")
    if "type" in d:
        _iri(d["type"], f"{where}.type")
    if "moreInfo" in d:
        _iri(d["moreInfo"], f"{where}.moreInfo")
    if "extensions" in d:
        _extensions(d["extensions"], f"{where}.extensions")
    if "interactionType" in d:
        _need(d["interactionType"] in _INTERACTION_TYPES, f"{where}.interactionType {d['interactionType']!r} is unknown.")
    if "correctResponsesPattern" in d:
        crp = d["correctResponsesPattern"]
        _need(isinstance(crp, list) and all(isinstance(x, str) for x in crp),
              f"{where}.correctResponsesPattern must be a list of strings.")
    for key in ("choices", "scale", "source", "target", "steps"):
        if key in d:
            _need("interactionType" in d, f"{where}.{key} needs an interactionType.")
            _need(isinstance(d[key], list), f"{where}.{key} must be a list.")
            seen = set()
            for n, comp in enumerate(d[key]):
                c = _obj(comp, f"{where}.{key}[{n}]", {"id", "description"})
                _need(isinstance(c.get("id"), str), f"{where}.{key}[{n}].id must be a string.")
                _need(c["id"] not in seen, f"{where}.{key} repeats the id {c['id']!r}.")
                seen.add(c["id"])
                if "description" in c:
                    _lang_map(c["description"], f"{where}.{key}[{n}].description")


def check_activity(value: Any, where: str) -> dict:
    a = _obj(value, where, {"objectType", "id", "definition"})
    _need(a.get("objectType", "Activity") == "Activity", f"{where} must be an Activity.")
    _need("id" in a, f"{where} has no id.")
    _iri(a["id"], f"{where}.id")
    if "definition" in a:
        _definition(a["definition"], f"{where}.definition")
    return a


def _object(value: Any, where: str, sub: bool) -> str:
    _need(isinstance(value, dict), f"{where} must be a JSON object.")
    kind = value.get("objectType", "Activity")
    if kind == "Activity":
        check_activity(value, where)
    elif kind in ("Agent", "Group"):
        check_agent(value, where)
    elif kind == "StatementRef":
        _obj(value, where, {"objectType", "id"})
        _uuid(value.get("id"), f"{where}.id")
    elif kind == "SubStatement":
        _need(not sub, f"{where}: a sub-statement may not hold another sub-statement.")
        _statement_body(_obj(value, where, _SUB_KEYS), where, sub=True)
    else:
        raise Invalid(f"{where} has the objectType {kind!r}, which xAPI does not define.")
    return kind


# --------------------------------------------------------------------------------------------------- parts


def _verb(value: Any) -> None:
    v = _obj(value, "The verb", {"id", "display"})
    _need("id" in v, "The verb has no id.")
    _iri(v["id"], "The verb id")
    if "display" in v:
        _lang_map(v["display"], "The verb's display")


def _result(value: Any) -> None:
    r = _obj(value, "The result", {"score", "success", "completion", "response", "duration", "extensions"})
    if "score" in r:
        s = _obj(r["score"], "The result's score", {"scaled", "raw", "min", "max"})
        for key in s:
            _need(isinstance(s[key], (int, float)) and not isinstance(s[key], bool), f"score.{key} must be a number.")
        if "scaled" in s:
            _need(-1 <= s["scaled"] <= 1, f"score.scaled must be from -1 to 1, not {s['scaled']}.")
        if "min" in s and "max" in s:
            _need(s["min"] < s["max"], "score.min must be less than score.max.")
        if "raw" in s:
            _need(s.get("min", s["raw"]) <= s["raw"] <= s.get("max", s["raw"]), "score.raw must lie from min to max.")
    for key in ("success", "completion"):
        if key in r:
            _need(isinstance(r[key], bool), f"result.{key} must be true or false.")
    if "response" in r:
        _string(r["response"], "result.response")
    if "duration" in r:
        check_duration(r["duration"])
    if "extensions" in r:
        _extensions(r["extensions"], "result.extensions")


def _context(value: Any, object_kind: str) -> None:
    c = _obj(value, "The context", {"registration", "instructor", "team", "contextActivities", "revision", "platform",
                                    "language", "statement", "extensions"})
    if "registration" in c:
        _uuid(c["registration"], "context.registration")
    if "instructor" in c:
        check_agent(c["instructor"], "context.instructor")
    if "team" in c:
        check_agent(c["team"], "context.team")
        _need(c["team"].get("objectType") == "Group", "context.team must be a Group.")
    if "contextActivities" in c:
        ca = _obj(c["contextActivities"], "context.contextActivities", {"parent", "grouping", "category", "other"})
        for key, acts in ca.items():
            for n, act in enumerate(acts if isinstance(acts, list) else [acts]):
                check_activity(act, f"context.contextActivities.{key}[{n}]")
    for key in ("revision", "platform"):
        if key in c:
            _string(c[key], f"context.{key}")
            _need(object_kind == "Activity", f"context.{key} may only be used when the object is an activity.")
    if "language" in c:
        _need(isinstance(c["language"], str) and bool(_LANG.match(c["language"])), "context.language must be a language tag.")
    if "statement" in c:
        ref = _obj(c["statement"], "context.statement", {"objectType", "id"})
        _need(ref.get("objectType") == "StatementRef", "context.statement must be a StatementRef.")
        _uuid(ref.get("id"), "context.statement.id")
    if "extensions" in c:
        _extensions(c["extensions"], "context.extensions")


def _attachments(value: Any) -> None:
    _need(isinstance(value, list), "attachments must be a list.")
    for n, a in enumerate(value):
        where = f"attachments[{n}]"
        att = _obj(a, where, {"usageType", "display", "description", "contentType", "length", "sha2", "fileUrl"})
        for key in ("usageType", "display", "contentType", "length", "sha2"):
            _need(key in att, f"{where} has no {key}.")
        _iri(att["usageType"], f"{where}.usageType")
        _lang_map(att["display"], f"{where}.display")
        _need(isinstance(att["length"], int) and not isinstance(att["length"], bool), f"{where}.length must be an integer.")


def _statement_body(st: dict, where: str, sub: bool) -> None:
    for key in ("actor", "verb", "object"):
        _need(key in st, f"{where} has no {key}.")
    check_agent(st["actor"], "The actor" if not sub else f"{where}.actor")
    _verb(st["verb"])
    kind = _object(st["object"], "The object" if not sub else f"{where}.object", sub)
    if "result" in st:
        _result(st["result"])
    if "context" in st:
        _context(st["context"], kind)
    if "timestamp" in st:
        check_timestamp(st["timestamp"])
    if "attachments" in st:
        _attachments(st["attachments"])
    if st["verb"]["id"] == VOIDED:
        _need(kind == "StatementRef", "A voiding statement's object must be a StatementRef.")


def check_statement(st: Any) -> dict:
    """Validate one statement as received; returns it, or raises Invalid with the reason."""
    st = _obj(st, "The statement", _STATEMENT_KEYS)
    if "id" in st:
        _uuid(st["id"], "The statement id")
    _statement_body(st, "The statement", sub=False)
    if "stored" in st:
        check_timestamp(st["stored"], "stored")
    if "authority" in st:
        check_agent(st["authority"], "The authority")
    if "version" in st:
        _need(isinstance(st["version"], str) and re.match(r"^1\.0(\.\d+)?$", st["version"]) is not None,
              f"The version {st.get('version')!r} is not an xAPI 1.0 version.")
    return st
