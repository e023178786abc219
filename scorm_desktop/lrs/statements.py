"""The Statement resource of the local LRS: store (PUT, POST) and fetch (by id, or by the filters AUs use, with
`more` paging), voiding, and the outbox rows that forward each statement unchanged to the central LRS.

`store_statements()` is also how the app itself records statements (cmi5 "launched", "satisfied", "abandoned"): in
the caller's transaction, statements and outbox rows together.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlencode

from sqlalchemy import select

from ..storage.db import utcnow
from ..storage.models import LrsStatement
from ..storage.records import Records
from .http import HttpError
from .validate import VOIDED, Invalid, agent_key, check_agent, check_statement, check_timestamp, is_uuid

#: The authority the local LRS names on statements it returns (the central LRS sets its own on forwarding).
AUTHORITY_HOME = "https://w3id.org/xapi/scorm-desktop"
MAX_LIMIT = 500
_FILTERS = {"agent", "verb", "activity", "registration", "related_activities", "related_agents", "since", "until",
            "limit", "format", "attachments", "ascending", "cursor"}
_SINGLE = {"statementId", "voidedStatementId", "format", "attachments"}


def authority(name: str) -> dict:
    return {"objectType": "Agent", "account": {"homePage": AUTHORITY_HOME, "name": name}}


def canonical(statement: dict) -> str:
    return json.dumps(statement, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _comparable(st: dict, new: dict) -> dict:
    out = {k: v for k, v in st.items() if k not in ("stored", "authority", "version")}
    if "timestamp" not in new:
        out.pop("timestamp", None)
    return out


def prepare(statement: Any, now: str) -> dict:
    """Validate one statement and give it an id when it has none (the timestamp, when missing, is set as it is
    stored); stored and authority are the LRS's own and are not kept in what is forwarded. Invalid → HttpError 400
    with the reason."""
    try:
        st = dict(check_statement(statement))
    except Invalid as exc:
        raise HttpError(400, str(exc)) from None
    st.setdefault("id", str(uuid.uuid4()))
    st["id"] = st["id"].lower()
    st.pop("stored", None)
    st.pop("authority", None)
    return st


def store_statements(s, statements: list[dict], authority_name: str, forward: bool, now: str | None = None) -> list[str]:
    """Store prepared statements in the caller's transaction (all or nothing), each with its outbox row when
    `forward`. A statement whose id is already stored with the same content is accepted again and stored once; with
    other content it is refused (409), as is a batch that repeats an id."""
    now = now or utcnow()
    ids = [st["id"] for st in statements]
    if len(set(ids)) != len(ids):
        raise HttpError(400, "The batch holds the same statement id twice.")
    fresh: list[dict] = []
    for st in statements:
        old = s.scalars(select(LrsStatement).where(LrsStatement.statement_id == st["id"])).first()
        if old is not None:
            if canonical(_comparable(json.loads(old.body), st)) != canonical(_comparable(st, st)):
                raise HttpError(409, f"A different statement with the id {st['id']} is already stored.")
            continue
        fresh.append(st)
    for st in fresh:
        st.setdefault("timestamp", now)
        obj = st["object"]
        kind = obj.get("objectType", "Activity")
        voids = obj["id"].lower() if st["verb"]["id"] == VOIDED else None
        if voids is not None:
            target = s.scalars(select(LrsStatement).where(LrsStatement.statement_id == voids)).first()
            if target is not None and target.voids is not None:
                raise HttpError(400, f"The statement {voids} is itself a voiding statement and cannot be voided.")
            if target is not None:
                target.voided = 1
        s.add(LrsStatement(
            statement_id=st["id"], registration=(st.get("context") or {}).get("registration"),
            verb_id=st["verb"]["id"], activity_id=obj["id"] if kind == "Activity" else None,
            actor_key=agent_key(st["actor"]), stored=now, timestamp=st["timestamp"], voided=0, voids=voids,
            forwarded=1 if forward else 0, authority=json.dumps(authority(authority_name)), body=canonical(st),
        ))
    s.flush()
    if forward and fresh:
        Records.queue_statements(
            s, [(st["id"], (st.get("context") or {}).get("registration") or "", canonical(st)) for st in fresh], now
        )
    return ids


def output(row: LrsStatement, fmt: str = "exact") -> dict:
    st = json.loads(row.body)
    st["stored"] = row.stored
    st["authority"] = json.loads(row.authority)
    st.setdefault("version", "1.0.0")
    return _ids_only(st) if fmt == "ids" else st


def _ids_only(st: dict) -> dict:
    def agent(a: dict) -> dict:
        out = {k: a[k] for k in ("objectType", "mbox", "mbox_sha1sum", "openid", "account") if k in a}
        if "member" in a and not any(k in a for k in ("mbox", "mbox_sha1sum", "openid", "account")):
            out["member"] = [agent(m) for m in a["member"]]
        return out

    def obj(o: dict) -> dict:
        kind = o.get("objectType", "Activity")
        if kind in ("Agent", "Group"):
            return agent(o)
        if kind == "Activity":
            return {"objectType": "Activity", "id": o["id"]} if "objectType" in o else {"id": o["id"]}
        return o

    out = dict(st)
    out["actor"] = agent(st["actor"])
    out["verb"] = {"id": st["verb"]["id"]}
    out["object"] = obj(st["object"])
    return out


# --------------------------------------------------------------------------------------------------- reading


def get_one(s, query: dict[str, str]) -> dict:
    extra = set(query) - _SINGLE
    if extra:
        raise HttpError(400, f"The parameter '{sorted(extra)[0]}' cannot be combined with a statement id.")
    voided = "voidedStatementId" in query
    if voided and "statementId" in query:
        raise HttpError(400, "Give statementId or voidedStatementId, not both.")
    sid = query.get("voidedStatementId" if voided else "statementId", "")
    if not is_uuid(sid):
        raise HttpError(400, f"The statement id {sid!r} is not a UUID.")
    row = s.scalars(select(LrsStatement).where(LrsStatement.statement_id == sid.lower())).first()
    if row is None or bool(row.voided) != voided:
        raise HttpError(404, f"There is no {'voided ' if voided else ''}statement with the id {sid}.")
    return output(row, query.get("format", "exact"))


def _bool(query: dict[str, str], name: str) -> bool:
    value = query.get(name, "false").lower()
    if value not in ("true", "false"):
        raise HttpError(400, f"The parameter {name} must be true or false.")
    return value == "true"


def _related_agents(st: dict) -> Iterator[dict]:
    yield st["actor"]
    obj = st["object"]
    if obj.get("objectType") in ("Agent", "Group"):
        yield obj
    ctx = st.get("context") or {}
    for key in ("instructor", "team"):
        if key in ctx:
            yield ctx[key]
    if obj.get("objectType") == "SubStatement":
        yield from _related_agents(obj)
    for a in [st["actor"]] + [v for v in (obj, ctx.get("instructor"), ctx.get("team")) if isinstance(v, dict)]:
        yield from a.get("member", []) if isinstance(a.get("member"), list) else []


def _related_activities(st: dict) -> Iterator[str]:
    obj = st["object"]
    if obj.get("objectType", "Activity") == "Activity":
        yield obj["id"]
    for acts in ((st.get("context") or {}).get("contextActivities") or {}).values():
        for act in acts if isinstance(acts, list) else [acts]:
            yield act["id"]
    if obj.get("objectType") == "SubStatement":
        yield from _related_activities(obj)


def query_statements(s, query: dict[str, str], base_path: str = "") -> dict:
    """GET statements with filters; newest first unless ascending; `more` pages on."""
    unknown = set(query) - _FILTERS
    if unknown:
        raise HttpError(400, f"The parameter '{sorted(unknown)[0]}' is not a statement filter.")
    t = LrsStatement
    q = select(t).where(t.voided == 0)
    checks: list[Callable[[dict], bool]] = []
    if "agent" in query:
        try:
            key = agent_key(check_agent(json.loads(query["agent"]), "The agent parameter"))
        except (ValueError, Invalid) as exc:
            raise HttpError(400, f"The agent parameter is not a valid agent ({exc}).") from None
        if _bool(query, "related_agents"):
            checks.append(lambda st: any(agent_key(a) == key for a in _related_agents(st)))
        else:
            q = q.where(t.actor_key == key)
    if "verb" in query:
        q = q.where(t.verb_id == query["verb"])
    if "activity" in query:
        act = query["activity"]
        if _bool(query, "related_activities"):
            checks.append(lambda st: act in set(_related_activities(st)))
        else:
            q = q.where(t.activity_id == act)
    if "registration" in query:
        if not is_uuid(query["registration"]):
            raise HttpError(400, "The registration parameter must be a UUID.")
        q = q.where(t.registration == query["registration"].lower())
    for name, op in (("since", t.stored.__gt__), ("until", t.stored.__le__)):
        if name in query:
            try:
                check_timestamp(query[name], f"The {name} parameter")
            except Invalid as exc:
                raise HttpError(400, str(exc)) from None
            q = q.where(op(_utc(query[name])))
    ascending = _bool(query, "ascending")
    try:
        limit = int(query.get("limit", "0"))
        cursor = int(query["cursor"]) if "cursor" in query else None
    except ValueError:
        raise HttpError(400, "limit must be a whole number.") from None
    if limit < 0:
        raise HttpError(400, "limit must not be negative.")
    limit = MAX_LIMIT if limit == 0 else min(limit, MAX_LIMIT)
    if cursor is not None:
        q = q.where(t.pk > cursor if ascending else t.pk < cursor)
    q = q.order_by(t.pk.asc() if ascending else t.pk.desc())
    fmt = query.get("format", "exact")
    if fmt not in ("exact", "ids", "canonical"):
        raise HttpError(400, f"The format {fmt!r} is not exact, ids or canonical.")
    found: list[LrsStatement] = []
    more = False
    for row in s.scalars(q.execution_options(yield_per=200)):
        if checks and not all(check(json.loads(row.body)) for check in checks):
            continue
        if len(found) == limit:
            more = True
            break
        found.append(row)
    result: dict[str, Any] = {"statements": [output(r, fmt) for r in found], "more": ""}
    if more:
        params = {k: v for k, v in query.items() if k != "cursor"}
        params["cursor"] = str(found[-1].pk)
        result["more"] = f"{base_path}statements?{urlencode(params)}"
    return result


def _utc(stamp: str) -> str:
    """A timestamp as the LRS stores `stored` (UTC, milliseconds, Z) so text comparison orders them."""
    from datetime import datetime, timezone

    dt = datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone(timezone.utc)
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}Z"
