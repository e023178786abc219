"""The activity tree (SN 2.1) and its tracking model (SN 4.2), built from a parsed `Manifest`.

The organization is the root activity; every item is an activity; a leaf is an item that references a resource and
has no children of its own. Each activity carries its `SequencingDefinition` and its `ActivityState` (attempt count,
progress and durations, objective progress per objective, suspended / active). The global objectives shared through
objective maps live in one dict (`ActivityTree.global_objectives`): when the organization says
`adlseq:objectivesGlobalToSystem="false"` the store belongs to this course only, else to the learner across courses;
the caller decides where to persist it either way.
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Iterator

from scorm_desktop.package.model import Item, Manifest
from scorm_desktop.sequencing.definition import (
    SequencingDefinition,
    definition_from_element,
    parse_collection,
    parse_xml,
)


@dataclass
class ObjectiveState:
    """Objective progress information (SN 4.2.1), plus the 4th ed. completion/progress/score fields of an objective."""

    progress_status: bool = False  # Objective Progress Status: satisfaction is known
    satisfied: bool = False  # Objective Satisfied Status
    measure_status: bool = False
    measure: float = 0.0  # Objective Normalized Measure, -1..1
    completion_known: bool = False  # 4th ed. (non-primary objectives; the primary mirrors the attempt progress)
    completed: bool = False
    progress_measure_status: bool = False
    progress_measure: float = 0.0
    raw: float | None = None
    min: float | None = None
    max: float | None = None
    #: The numbers as the content wrote them ("measure", "progress_measure", "raw", "min", "max" -> "1.0"), so that
    #: another SCO reading them through a global gets the same text back (ADL OB-06, SX-11a).
    text: dict[str, str] = field(default_factory=dict)

    def reset(self) -> None:
        for f in fields(self):
            setattr(self, f.name, {} if f.name == "text" else f.default)

    def number_text(self, name: str) -> str | None:
        """The number `name` as written, when the text still says the value held."""
        value = getattr(self, name)
        text = self.text.get(name)
        if value is None or text is None:
            return None
        try:
            return text if float(text) == float(value) else None
        except ValueError:
            return None


@dataclass
class ActivityState:
    """Activity and attempt progress information for one activity (SN 4.2.1 / 4.2.2), plus its state flags."""

    attempt_count: int = 0
    activity_absolute_duration: int = 0  # centiseconds, over all attempts
    activity_experienced_duration: int = 0
    attempt_progress_status: bool = False  # completion is known for the current attempt
    attempt_completion_status: bool = False
    attempt_completion_amount_status: bool = False
    attempt_completion_amount: float = 0.0  # progress measure 0..1
    attempt_absolute_duration: int = 0
    attempt_experienced_duration: int = 0
    is_active: bool = False
    is_suspended: bool = False
    #: The parent's attempt count when this activity's current attempt began (useCurrentAttempt*Info, SN 3.2.1).
    parent_attempt: int = 0
    objectives: dict[str, ObjectiveState] = field(default_factory=dict)
    #: The SCO set cmi.completion_status / cmi.success_status (any value, "unknown" too) during this attempt: the
    #: End Attempt Process then leaves them as they are (ADL CM-06; the reference sequencer's "set by SCO").
    progress_set_by_content: bool = False
    status_set_by_content: bool = False
    #: Available Children (SR.1/SR.2) as ids; None for leaves and until selection has run.
    available: list[str] | None = None

    @property
    def activity_progress_status(self) -> bool:
        """Activity Progress Status: true once the first attempt on the activity began."""
        return self.attempt_count > 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "ActivityState":
        d = {k: v for k, v in data.items() if k in {f.name for f in fields(cls)}}
        d["objectives"] = {k: _objective_state(v) for k, v in data.get("objectives", {}).items()}
        return cls(**d)


@dataclass(eq=False)
class Activity:
    id: str
    title: str
    definition: SequencingDefinition
    is_visible: bool = True
    #: True when the item references a resource and has no children (the only kind of activity that is delivered).
    is_leaf: bool = False
    parent: "Activity | None" = None
    #: Children in manifest order; the sequencer walks `available_children` (selection / randomization applied).
    children: list["Activity"] = field(default_factory=list)
    hide_lms_ui: tuple[str, ...] = ()
    depth: int = 0
    state: ActivityState = field(default_factory=ActivityState)
    #: The manifest item (None for the organization).
    item: Item | None = field(default=None, repr=False)
    available_children: list["Activity"] = field(default_factory=list, repr=False)

    def __hash__(self) -> int:
        return id(self)

    @property
    def is_root(self) -> bool:
        return self.parent is None

    def ancestors(self, include_self: bool = True) -> list["Activity"]:
        """This activity (optionally) and its ancestors, nearest first, root last."""
        out = []
        node = self if include_self else self.parent
        while node is not None:
            out.append(node)
            node = node.parent
        return out

    def is_descendant_of(self, other: "Activity") -> bool:
        node = self.parent
        while node is not None:
            if node is other:
                return True
            node = node.parent
        return False

    def objective_state(self, objective_id: str) -> ObjectiveState:
        st = self.state.objectives.get(objective_id)
        if st is None:
            st = self.state.objectives[objective_id] = ObjectiveState()
        return st


class ActivityTree:
    """The activity tree of one organization with the tracking state of every activity and the global objectives."""

    def __init__(self, root: Activity, objectives_global_to_system: bool = True, seed: int | None = None):
        self.root = root
        self.objectives_global_to_system = objectives_global_to_system
        #: Global (shared) objectives: target id -> ObjectiveState.
        self.global_objectives: dict[str, ObjectiveState] = {}
        self.activities: dict[str, Activity] = {}
        self._rng = random.Random(seed)
        for act in self._walk_all(root):
            self.activities.setdefault(act.id, act)
        self._order: dict[Activity, int] | None = None
        self._preorder: list[Activity] | None = None
        for act in self.activities.values():
            if not act.is_leaf:
                act.available_children = list(act.children)

    # --- construction ------------------------------------------------------------------------------------------------

    @classmethod
    def from_manifest(cls, manifest: Manifest, seed: int | None = None) -> "ActivityTree":
        """The tree of the manifest's playing organization, every activity's sequencing definition parsed."""
        collection = parse_collection(manifest.sequencing_collection_xml)
        org = manifest.organization
        root = Activity(
            id=org.identifier,
            title=org.title,
            definition=definition_from_element(parse_xml(org.sequencing_xml), collection),
        )

        def build(item: Item, parent: Activity) -> Activity:
            definition = definition_from_element(parse_xml(item.sequencing_xml), collection)
            definition.completed_by_measure = bool(item.completed_by_measure)
            if item.completion_threshold is not None:
                definition.min_progress_measure = float(item.completion_threshold)
            if item.progress_weight is not None:
                definition.progress_weight = float(item.progress_weight)
            act = Activity(
                id=item.identifier,
                title=item.title,
                definition=definition,
                is_visible=item.is_visible,
                parent=parent,
                hide_lms_ui=tuple(item.hide_lms_ui),
                depth=parent.depth + 1,
                item=item,
            )
            act.children = [build(c, act) for c in item.children]
            res = manifest.resources.get(item.identifierref or "")
            act.is_leaf = not act.children and res is not None and bool(res.href)
            return act

        root.children = [build(i, root) for i in org.items]
        tree = cls(root, org.objectives_global_to_system, seed)
        tree.select_and_randomize_all()
        return tree

    @staticmethod
    def _walk_all(act: Activity) -> Iterator[Activity]:
        yield act
        for child in act.children:
            yield from ActivityTree._walk_all(child)

    # --- order -------------------------------------------------------------------------------------------------------

    def walk(self) -> Iterator[Activity]:
        """Every activity in preorder over the Available Children (what flow traverses)."""
        return iter(self.preorder())

    def preorder(self) -> list[Activity]:
        if self._preorder is None:
            out: list[Activity] = []
            stack = [self.root]
            while stack:
                act = stack.pop()
                out.append(act)
                stack.extend(reversed(act.available_children))
            self._preorder = out
            self._order = {a: i for i, a in enumerate(out)}
        return self._preorder

    def position(self, act: Activity) -> int:
        """Index of the activity in a forward preorder traversal (-1 when not available, e.g. not selected)."""
        if self._order is None:
            self.preorder()
        assert self._order is not None
        return self._order.get(act, -1)

    def invalidate_order(self) -> None:
        self._order = None
        self._preorder = None

    def get(self, activity_id: str | None) -> Activity | None:
        return self.activities.get(activity_id or "")

    def __getitem__(self, activity_id: str) -> Activity:
        return self.activities[activity_id]

    def leaves(self) -> list[Activity]:
        return [a for a in self.preorder() if a.is_leaf]

    def is_available(self, act: Activity) -> bool:
        """The activity is the root or is in its parent's Available Children (and so on up)."""
        return self.position(act) >= 0

    # --- selection and randomization (SR.1, SR.2) --------------------------------------------------------------------

    def select_children(self, act: Activity) -> None:
        """Select Children Process [SR.1]."""
        if act.is_leaf or not act.children:
            return
        if act.state.is_suspended or act.state.is_active:
            return
        rc = act.definition.randomization
        if rc.selection_timing == "once" and not act.state.activity_progress_status and rc.select_count is not None:
            count = min(rc.select_count, len(act.children))
            chosen = set(self._rng.sample(range(len(act.children)), count))
            act.available_children = [c for i, c in enumerate(act.children) if i in chosen]
            self.invalidate_order()

    def randomize_children(self, act: Activity) -> None:
        """Randomize Children Process [SR.2]."""
        if act.is_leaf or not act.children:
            return
        if act.state.is_suspended or act.state.is_active:
            return
        rc = act.definition.randomization
        if not rc.reorder_children:
            return
        if (rc.randomization_timing == "once" and not act.state.activity_progress_status) or (
            rc.randomization_timing == "onEachNewAttempt"
        ):
            shuffled = list(act.available_children)
            self._rng.shuffle(shuffled)
            act.available_children = shuffled
            self.invalidate_order()

    def select_and_randomize_all(self) -> None:
        for act in list(self._walk_all(self.root)):
            self.select_children(act)
            self.randomize_children(act)
        self._store_available()

    def _store_available(self) -> None:
        for act in self.activities.values():
            act.state.available = None if act.is_leaf else [c.id for c in act.available_children]

    # --- state -------------------------------------------------------------------------------------------------------

    def state_dict(self) -> dict[str, Any]:
        self._store_available()
        return {
            "activities": {a.id: a.state.to_dict() for a in self.activities.values()},
            "global_objectives": {k: asdict(v) for k, v in self.global_objectives.items()},
        }

    def load_state_dict(self, data: dict[str, Any]) -> None:
        for aid, st in data.get("activities", {}).items():
            act = self.activities.get(aid)
            if act is None:
                continue
            act.state = ActivityState.from_dict(st)
            if act.state.available is not None and not act.is_leaf:
                by_id = {c.id: c for c in act.children}
                chosen = [by_id[i] for i in act.state.available if i in by_id]
                act.available_children = chosen if chosen or not act.children else list(act.children)
        self.global_objectives = {
            k: _objective_state(v) for k, v in data.get("global_objectives", {}).items()
        }
        self.invalidate_order()


def _objective_state(data: dict[str, Any]) -> ObjectiveState:
    names = {f.name for f in fields(ObjectiveState)}
    return ObjectiveState(**{k: v for k, v in data.items() if k in names})
