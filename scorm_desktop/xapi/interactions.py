"""A SCORM interaction (cmi.interactions.n.*) as an xAPI cmi.interaction activity and its result.

SCORM 2004's response formats are the ones xAPI adopted ("a[,]b", "1[.]a"), so they pass unchanged; SCORM 1.2's
("a,b", "1.a", "t") are converted. SCORM declares no list of choices, so `choices` is left out of the definition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..cmi import timefmt
from .vocab import INTERACTION_TYPES

_INTERACTION = re.compile(r"^cmi\.interactions\.(\d+)\.(.+)$")


def interaction_index(element: str) -> int | None:
    m = _INTERACTION.match(element)
    return int(m.group(1)) if m else None


@dataclass
class Interaction:
    index: int
    id: str = ""
    type: str = ""
    description: str = ""
    response: str | None = None
    result: str = ""
    latency: str = ""
    weighting: str = ""
    correct: list[str] = field(default_factory=list)

    @property
    def answered(self) -> bool:
        return self.response is not None or bool(self.result)


def read_interaction(version: str, values: dict[str, str], index: int) -> Interaction:
    p = f"cmi.interactions.{index}."
    get = lambda name: values.get(p + name, "")  # noqa: E731
    response_name = "student_response" if version == "1.2" else "learner_response"
    it = Interaction(
        index=index,
        id=get("id"),
        type=get("type"),
        description=get("description"),
        response=values.get(p + response_name),
        result=get("result"),
        latency=get("latency"),
        weighting=get("weighting"),
    )
    patterns: list[tuple[int, str]] = []
    for key, value in values.items():
        if key.startswith(p + "correct_responses.") and key.endswith(".pattern"):
            middle = key[len(p + "correct_responses.") : -len(".pattern")]
            if middle.isdigit():
                patterns.append((int(middle), value))
    it.correct = [v for _, v in sorted(patterns)]
    if version == "1.2":
        it.response = None if it.response is None else response_12(it.type, it.response)
        it.correct = [response_12(it.type, v) for v in it.correct]
    return it


def response_12(kind: str, text: str) -> str:
    """A SCORM 1.2 response or pattern in the xAPI (= SCORM 2004) form of its interaction type."""
    text = text.strip()
    if kind == "true-false":
        low = text.lower()
        if low in ("t", "1", "true"):
            return "true"
        if low in ("f", "0", "false"):
            return "false"
        return text
    if kind in ("choice", "sequencing"):
        inner = text[1:-1] if text.startswith("{") and text.endswith("}") else text
        return "[,]".join(part.strip() for part in inner.split(",") if part.strip())
    if kind == "matching":
        inner = text[1:-1] if text.startswith("{") and text.endswith("}") else text
        pairs = [part.strip() for part in inner.split(",") if part.strip()]
        return "[,]".join("[.]".join(s.strip() for s in pair.split(".", 1)) for pair in pairs)
    return text


def definition(it: Interaction, language: str) -> dict:
    d: dict = {"type": "http://adlnet.gov/expapi/activities/cmi.interaction"}
    d["name"] = {language: it.id or f"interaction {it.index}"}
    if it.description:
        d["description"] = {language: it.description}
    if it.type in INTERACTION_TYPES:
        d["interactionType"] = it.type
        if it.correct:
            d["correctResponsesPattern"] = list(it.correct)
    return d


def result(it: Interaction) -> dict:
    out: dict = {}
    if it.response is not None:
        out["response"] = it.response
    outcome = it.result.strip().lower()
    if outcome == "correct":
        out["success"] = True
    elif outcome in ("incorrect", "wrong"):
        out["success"] = False
    else:
        try:
            out["score"] = {"raw": float(it.result)}
        except ValueError:
            pass
    latency = timefmt.try_parse(it.latency)
    if latency is not None:
        out["duration"] = timefmt.format_duration(latency)
    return out
