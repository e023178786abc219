"""The sequencing definition model (SN book, section 3): what an imsss:sequencing element says, with the SN defaults.

The package parser keeps every item's and organization's imsss:sequencing as raw XML (`Item.sequencing_xml`,
`Organization.sequencing_xml`, `Manifest.sequencing_collection_xml`); this module turns that text into frozen-ish
dataclasses. An element that names a shared entry with `IDRef` starts from the collection's entry and every child
element the item writes itself (controlMode, sequencingRules, objectives, ...) replaces the collection's element of
the same kind (CAM 4th ed., 5.1.3).

Parsing is tolerant: a value that does not parse keeps the SN default. Nothing here touches tracking state.

The dataclasses themselves are definition_model.py (importable from here too).
"""

from __future__ import annotations

from urllib.parse import unquote
from xml.etree.ElementTree import Element

from defusedxml import ElementTree as SafeET

from scorm_desktop.cmi import timefmt
from scorm_desktop.sequencing.definition_model import (
    ControlMode,
    DeliveryControls,
    EXIT_ACTIONS,
    LimitConditions,
    MapInfo,
    ObjectiveDefinition,
    POST_ACTIONS,
    PRE_ACTIONS,
    ROLLUP_ACTIONS,
    ROLLUP_CONDITIONS,
    RULE_CONDITIONS,
    RandomizationControls,
    RollupCondition,
    RollupConsiderations,
    RollupRule,
    RuleCondition,
    SequencingDefinition,
    SequencingRule,
)


# --- XML helpers ---------------------------------------------------------------------------------------------------


def _local(tag: object) -> str:
    text = tag if isinstance(tag, str) else ""
    return text.rsplit("}", 1)[-1].lower()


def _kids(el: Element | None, name: str) -> list[Element]:
    if el is None:
        return []
    name = name.lower()
    return [c for c in el if _local(c.tag) == name]


def _kid(el: Element | None, name: str) -> Element | None:
    kids = _kids(el, name)
    return kids[0] if kids else None


def _attr(el: Element | None, name: str) -> str | None:
    if el is None:
        return None
    name = name.lower()
    for key, value in el.attrib.items():
        if _local(key) == name:
            return value.strip()
    return None


def _bool(el: Element | None, name: str, default: bool) -> bool:
    value = _attr(el, name)
    if value is None:
        return default
    low = value.lower()
    if low in ("true", "1"):
        return True
    if low in ("false", "0"):
        return False
    return default


def _float(el: Element | None, name: str, default: float, lo: float | None = None, hi: float | None = None) -> float:
    value = _attr(el, name)
    try:
        number = float(value) if value is not None else default
    except ValueError:
        return default
    if number != number or (lo is not None and number < lo) or (hi is not None and number > hi):
        return default
    return number


def _int(el: Element | None, name: str, default: int | None) -> int | None:
    value = _attr(el, name)
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _choice(el: Element | None, name: str, allowed: tuple[str, ...], default: str) -> str:
    value = _attr(el, name)
    if value is None:
        return default
    for a in allowed:
        if a.lower() == value.lower():
            return a
    return default


def _text(el: Element | None) -> str | None:
    if el is None or el.text is None:
        return None
    return el.text.strip() or None


def parse_xml(xml: str | None) -> Element | None:
    """The root element of a raw XML fragment, or None for None/empty/broken text."""
    if not xml or not xml.strip():
        return None
    try:
        return SafeET.fromstring(xml)
    except Exception:  # noqa: BLE001 - the manifest parser already accepted it; a broken fragment means "no sequencing"
        return None


def parse_collection(xml: str | None) -> dict[str, Element]:
    """imsss:sequencingCollection text -> {ID: imsss:sequencing element}."""
    root = parse_xml(xml)
    if root is None:
        return {}
    out: dict[str, Element] = {}
    for seq in _kids(root, "sequencing"):
        sid = _attr(seq, "ID")
        if sid:
            out.setdefault(sid, seq)
    return out


# --- element parsers -----------------------------------------------------------------------------------------------


def _control_mode(el: Element | None) -> ControlMode:
    d = ControlMode()
    return ControlMode(
        choice=_bool(el, "choice", d.choice),
        choice_exit=_bool(el, "choiceExit", d.choice_exit),
        flow=_bool(el, "flow", d.flow),
        forward_only=_bool(el, "forwardOnly", d.forward_only),
        use_current_attempt_objective_info=_bool(el, "useCurrentAttemptObjectiveInfo", True),
        use_current_attempt_progress_info=_bool(el, "useCurrentAttemptProgressInfo", True),
    )


def _rule(el: Element, actions: tuple[str, ...]) -> SequencingRule | None:
    action_el = _kid(el, "ruleAction")
    action = _choice(action_el, "action", actions, "")
    if not action:
        return None
    conds_el = _kid(el, "ruleConditions")
    conditions = []
    for c in _kids(conds_el, "ruleCondition"):
        cond = _choice(c, "condition", RULE_CONDITIONS, "")
        if not cond:
            continue
        conditions.append(
            RuleCondition(
                condition=cond,
                operator=_choice(c, "operator", ("not", "noOp"), "noOp"),
                referenced_objective=objective_id(_attr(c, "referencedObjective")) or None,
                measure_threshold=_float(c, "measureThreshold", 0.0, -1.0, 1.0),
            )
        )
    return SequencingRule(
        action=action,
        conditions=conditions,
        combination=_choice(conds_el, "conditionCombination", ("all", "any"), "all"),
    )


def _rules(el: Element | None, kind: str, actions: tuple[str, ...]) -> list[SequencingRule]:
    out = []
    for r in _kids(el, kind):
        rule = _rule(r, actions)
        if rule is not None:
            out.append(rule)
    return out


def _rollup_rules(el: Element | None) -> list[RollupRule]:
    out = []
    for r in _kids(el, "rollupRule"):
        action = _choice(_kid(r, "rollupAction"), "action", ROLLUP_ACTIONS, "")
        if not action:
            continue
        conds_el = _kid(r, "rollupConditions")
        conditions = [
            RollupCondition(cond, _choice(c, "operator", ("not", "noOp"), "noOp"))
            for c in _kids(conds_el, "rollupCondition")
            if (cond := _choice(c, "condition", ROLLUP_CONDITIONS, ""))
        ]
        out.append(
            RollupRule(
                action=action,
                conditions=conditions,
                combination=_choice(conds_el, "conditionCombination", ("all", "any"), "any"),
                child_activity_set=_choice(
                    r, "childActivitySet", ("all", "any", "none", "atLeastCount", "atLeastPercent"), "all"
                ),
                minimum_count=max(0, _int(r, "minimumCount", 0) or 0),
                minimum_percent=_float(r, "minimumPercent", 0.0, 0.0, 1.0),
            )
        )
    return out


def objective_id(text: str | None) -> str:
    """An objectiveID / targetObjectiveID (xs:anyURI) as the run-time sees it: trimmed, %-escapes decoded (ADL OB-12a
    declares " ob%20j%201 " and its SCO finds "ob j 1" in cmi.objectives); whitespace collapsed (OB-02a refers to
    "obj%201" as "  %20obj%20%201%20  ")."""
    return " ".join(unquote(text or "").split())


def _imsss_map(el: Element) -> MapInfo | None:
    target = objective_id(_attr(el, "targetObjectiveID"))
    if not target:
        return None
    return MapInfo(
        target_id=target,
        read_satisfied=_bool(el, "readSatisfiedStatus", True),
        read_measure=_bool(el, "readNormalizedMeasure", True),
        write_satisfied=_bool(el, "writeSatisfiedStatus", False),
        write_measure=_bool(el, "writeNormalizedMeasure", False),
    )


def _adlseq_map(el: Element) -> MapInfo | None:
    target = objective_id(_attr(el, "targetObjectiveID"))
    if not target:
        return None
    return MapInfo(
        target_id=target,
        read_completion=_bool(el, "readCompletionStatus", True),
        write_completion=_bool(el, "writeCompletionStatus", False),
        read_progress_measure=_bool(el, "readProgressMeasure", True),
        write_progress_measure=_bool(el, "writeProgressMeasure", False),
        read_raw=_bool(el, "readRawScore", True),
        write_raw=_bool(el, "writeRawScore", False),
        read_min=_bool(el, "readMinScore", True),
        write_min=_bool(el, "writeMinScore", False),
        read_max=_bool(el, "readMaxScore", True),
        write_max=_bool(el, "writeMaxScore", False),
    )


def _objective(el: Element, primary: bool) -> ObjectiveDefinition:
    satisfied_by_measure = _bool(el, "satisfiedByMeasure", False)
    mnm = _kid(el, "minNormalizedMeasure")
    minimum, text = 1.0, ""
    if mnm is not None:
        try:
            minimum, text = float(_text(mnm) or "1.0"), _text(mnm) or ""
        except ValueError:
            minimum, text = 1.0, ""
        if not -1.0 <= minimum <= 1.0:
            minimum, text = 1.0, ""
    return ObjectiveDefinition(
        objective_id=objective_id(_attr(el, "objectiveID")),
        primary=primary,
        satisfied_by_measure=satisfied_by_measure,
        min_normalized_measure=minimum,
        min_normalized_measure_text=text,
        maps=[m for mi in _kids(el, "mapInfo") if (m := _imsss_map(mi))],
    )


def _objectives(imsss_el: Element | None, adlseq_el: Element | None) -> list[ObjectiveDefinition]:
    primary_el = _kid(imsss_el, "primaryObjective")
    objectives = [_objective(primary_el, True) if primary_el is not None else ObjectiveDefinition("", primary=True)]
    for o in _kids(imsss_el, "objective"):
        obj = _objective(o, False)
        if obj.objective_id and all(x.objective_id != obj.objective_id for x in objectives):
            objectives.append(obj)
    # 4th ed. adlseq:objectives: extra maps (completion, progress measure, scores) on objectives declared in imsss.
    for o in _kids(adlseq_el, "objective"):
        oid = objective_id(_attr(o, "objectiveID"))
        target = next((x for x in objectives if x.objective_id == oid), None)
        if target is None:
            continue
        target.maps.extend(m for mi in _kids(o, "mapInfo") if (m := _adlseq_map(mi)))
    return objectives


def _limits(el: Element | None) -> LimitConditions:
    limit = _int(el, "attemptLimit", None)
    duration = _attr(el, "attemptAbsoluteDurationLimit")
    return LimitConditions(
        attempt_limit=limit if limit and limit > 0 else None,
        attempt_absolute_duration_limit=duration,
        attempt_absolute_duration_limit_cs=timefmt.try_parse(duration) or None,
    )


def _randomization(el: Element | None) -> RandomizationControls:
    timings = ("never", "once", "onEachNewAttempt")
    count = _int(el, "selectCount", None)
    return RandomizationControls(
        randomization_timing=_choice(el, "randomizationTiming", timings, "never"),
        select_count=count if count is not None and count >= 0 else None,
        reorder_children=_bool(el, "reorderChildren", False),
        selection_timing=_choice(el, "selectionTiming", timings, "never"),
    )


# --- the entry point -----------------------------------------------------------------------------------------------

#: The child elements of imsss:sequencing that an item overrides one by one over its collection entry.
_PARTS = (
    "controlMode",
    "sequencingRules",
    "limitConditions",
    "auxiliaryResources",
    "rollupRules",
    "objectives",
    "randomizationControls",
    "deliveryControls",
    "constrainedChoiceConsiderations",
    "rollupConsiderations",
)


def _merged_parts(own: Element | None, collection: dict[str, Element]) -> dict[str, Element | None]:
    """For each kind of child element, the item's own one, else the one of the collection entry named by IDRef.

    Both imsss:objectives and adlseq:objectives share the local name "objectives"; they are told apart by namespace.
    """
    parts: dict[str, Element | None] = {}

    def take(el: Element | None, overwrite: bool) -> None:
        if el is None:
            return
        for child in el:
            name = _local(child.tag)
            if name == "objectives" and "adlseq" in str(child.tag).lower():
                name = "adl:objectives"
            if overwrite or name not in parts:
                parts[name] = child

    take(own, True)
    shared = collection.get(_attr(own, "IDRef") or "") if own is not None else None
    take(shared, False)
    return parts


def parse_sequencing(xml: str | None, collection: dict[str, Element] | None = None) -> SequencingDefinition:
    """SB of one activity: the raw imsss:sequencing text (or None) merged with its collection entry, SN defaults."""
    return definition_from_element(parse_xml(xml), collection or {})


def definition_from_element(own: Element | None, collection: dict[str, Element]) -> SequencingDefinition:
    parts = _merged_parts(own, collection)
    rules_el = parts.get("sequencingrules")
    rollup_el = parts.get("rolluprules")
    cc_el = parts.get("constrainedchoiceconsiderations")
    rc_el = parts.get("rollupconsiderations")
    delivery_el = parts.get("deliverycontrols")
    required = ("always", "ifAttempted", "ifNotSkipped", "ifNotSuspended")
    return SequencingDefinition(
        control_mode=_control_mode(parts.get("controlmode")),
        constrain_choice=_bool(cc_el, "constrainChoice", False),
        prevent_activation=_bool(cc_el, "preventActivation", False),
        pre_rules=_rules(rules_el, "preConditionRule", PRE_ACTIONS),
        exit_rules=_rules(rules_el, "exitConditionRule", EXIT_ACTIONS),
        post_rules=_rules(rules_el, "postConditionRule", POST_ACTIONS),
        limit_conditions=_limits(parts.get("limitconditions")),
        rollup_rules=_rollup_rules(rollup_el),
        rollup_objective_satisfied=_bool(rollup_el, "rollupObjectiveSatisfied", True),
        rollup_progress_completion=_bool(rollup_el, "rollupProgressCompletion", True),
        objective_measure_weight=_float(rollup_el, "objectiveMeasureWeight", 1.0, 0.0, 1.0),
        rollup_considerations=RollupConsiderations(
            required_for_satisfied=_choice(rc_el, "requiredForSatisfied", required, "always"),
            required_for_not_satisfied=_choice(rc_el, "requiredForNotSatisfied", required, "always"),
            required_for_completed=_choice(rc_el, "requiredForCompleted", required, "always"),
            required_for_incomplete=_choice(rc_el, "requiredForIncomplete", required, "always"),
            measure_satisfaction_if_active=_bool(rc_el, "measureSatisfactionIfActive", True),
        ),
        objectives=_objectives(parts.get("objectives"), parts.get("adl:objectives")),
        randomization=_randomization(parts.get("randomizationcontrols")),
        delivery=DeliveryControls(
            tracked=_bool(delivery_el, "tracked", True),
            completion_set_by_content=_bool(delivery_el, "completionSetByContent", False),
            objective_set_by_content=_bool(delivery_el, "objectiveSetByContent", False),
        ),
    )
