"""What a SCO's launch reads from its imsss:sequencing (objective IDs, cmi.scaled_passing_score) follows the same
rules as the sequencer's definition (sequencing/definition.py): one parse, one set of rules (issue 19)."""

from __future__ import annotations

import pytest

from scorm_desktop import launch
from scorm_desktop.package.model import Item
from scorm_desktop.sequencing.definition import definition_from_element, parse_collection, parse_xml

IMSSS = "http://www.imsglobal.org/xsd/imsss"


def seq(objectives: str, idref: str = "") -> str:
    ref = f' IDRef="{idref}"' if idref else ""
    return f'<imsss:sequencing xmlns:imsss="{IMSSS}"{ref}><imsss:objectives>{objectives}</imsss:objectives></imsss:sequencing>'


def primary(measure: str | None, by_measure: str = "true", oid: str = "P") -> str:
    mnm = f"<imsss:minNormalizedMeasure>{measure}</imsss:minNormalizedMeasure>" if measure is not None else ""
    return f'<imsss:primaryObjective objectiveID="{oid}" satisfiedByMeasure="{by_measure}">{mnm}</imsss:primaryObjective>'


@pytest.mark.parametrize("measure, expected", [
    ("0.6", 0.6),
    (" -0.25 ", -0.25),
    (None, 1.0),       # satisfiedByMeasure without a measure: the schema's default
    ("1.5", 1.0),      # outside -1..1 (imsss measureType): the SN default, as the sequencer uses it
    ("-3", 1.0),
    ("abc", 1.0),
])
def test_scaled_passing_score_follows_the_sequencers_rule(measure, expected) -> None:
    item = Item("I", "I", "R", sequencing_xml=seq(primary(measure)))
    ids, passing = launch.declared_objectives(item, None)
    definition = definition_from_element(parse_xml(item.sequencing_xml), parse_collection(None))
    assert passing == expected == definition.primary_objective.min_normalized_measure
    assert ids == ("P",)


def test_satisfied_by_measure_spelled_1_counts_and_false_gives_no_passing_score() -> None:
    assert launch.declared_objectives(Item("I", "I", "R", sequencing_xml=seq(primary("0.5", "1"))), None)[1] == 0.5
    assert launch.declared_objectives(Item("I", "I", "R", sequencing_xml=seq(primary("0.5", "false"))), None)[1] is None


def test_objective_ids_primary_first_unique_and_from_the_collection_when_the_item_has_none() -> None:
    objectives = primary(None, "false", "P") + '<imsss:objective objectiveID="A"/><imsss:objective objectiveID="A"/>' \
        + '<imsss:objective objectiveID=" B%20c "/>'
    item = Item("I", "I", "R", sequencing_xml=seq(objectives))
    assert launch.declared_objectives(item, None) == (("P", "A", "B c"), None)
    collection = f'<imsss:sequencingCollection xmlns:imsss="{IMSSS}">' + seq(primary("0.7", oid="S")).replace(
        "<imsss:sequencing ", '<imsss:sequencing ID="shared" ') + "</imsss:sequencingCollection>"
    shared = Item("I", "I", "R", sequencing_xml=f'<imsss:sequencing xmlns:imsss="{IMSSS}" IDRef="shared"/>')
    assert launch.declared_objectives(shared, collection) == (("S",), 0.7)
    assert launch.declared_objectives(Item("I", "I", "R"), collection) == ((), None)
