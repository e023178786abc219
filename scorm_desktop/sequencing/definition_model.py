"""The sequencing definition model (SN book, section 3) as dataclasses with the SN defaults, and the rule
vocabularies. definition.py parses imsss:sequencing into these (and re-exports them).
"""

from __future__ import annotations

from dataclasses import dataclass, field


#: Rule actions by rule kind (SN 3.4.2).
PRE_ACTIONS = ("skip", "disabled", "hiddenFromChoice", "stopForwardTraversal")
EXIT_ACTIONS = ("exit",)
POST_ACTIONS = ("exitParent", "exitAll", "retry", "retryAll", "continue", "previous")
ROLLUP_ACTIONS = ("satisfied", "notSatisfied", "completed", "incomplete")

#: Sequencing rule condition vocabulary (SN 3.4.3, imsss:ruleCondition/@condition).
RULE_CONDITIONS = (
    "satisfied",
    "objectiveStatusKnown",
    "objectiveMeasureKnown",
    "objectiveMeasureGreaterThan",
    "objectiveMeasureLessThan",
    "completed",
    "activityProgressKnown",
    "attempted",
    "attemptLimitExceeded",
    "timeLimitExceeded",
    "outsideAvailableTimeRange",
    "always",
)
#: Rollup condition vocabulary (SN 3.7.1, imsss:rollupCondition/@condition).
ROLLUP_CONDITIONS = (
    "satisfied",
    "objectiveStatusKnown",
    "objectiveMeasureKnown",
    "completed",
    "activityProgressKnown",
    "attempted",
    "attemptLimitExceeded",
    "timeLimitExceeded",
    "outsideAvailableTimeRange",
)
REQUIRED_VALUES = ("always", "ifAttempted", "ifNotSkipped", "ifNotSuspended")


@dataclass
class ControlMode:
    """imsss:controlMode (SN 3.2)."""

    choice: bool = True
    choice_exit: bool = True
    flow: bool = False
    forward_only: bool = False
    use_current_attempt_objective_info: bool = True
    use_current_attempt_progress_info: bool = True


@dataclass
class RuleCondition:
    """imsss:ruleCondition: `condition` from RULE_CONDITIONS, `operator` "not" or "noOp"."""

    condition: str
    operator: str = "noOp"
    referenced_objective: str | None = None
    measure_threshold: float = 0.0


@dataclass
class SequencingRule:
    """A pre-, exit- or post-condition rule (imsss:preConditionRule etc.)."""

    action: str
    conditions: list[RuleCondition] = field(default_factory=list)
    combination: str = "all"


@dataclass
class RollupCondition:
    condition: str
    operator: str = "noOp"


@dataclass
class RollupRule:
    """imsss:rollupRule (SN 3.7.1)."""

    action: str
    conditions: list[RollupCondition] = field(default_factory=list)
    combination: str = "any"
    child_activity_set: str = "all"
    minimum_count: int = 0
    minimum_percent: float = 0.0


@dataclass
class LimitConditions:
    """imsss:limitConditions. attemptLimit 0 / absent means no limit; the duration is kept as text and centiseconds."""

    attempt_limit: int | None = None
    attempt_absolute_duration_limit: str | None = None
    attempt_absolute_duration_limit_cs: int | None = None

    @property
    def attempt_control(self) -> bool:
        return bool(self.attempt_limit)


@dataclass
class RollupConsiderations:
    """adlseq:rollupConsiderations (SN 3.7.3)."""

    required_for_satisfied: str = "always"
    required_for_not_satisfied: str = "always"
    required_for_completed: str = "always"
    required_for_incomplete: str = "always"
    measure_satisfaction_if_active: bool = True


@dataclass
class MapInfo:
    """One objective map to a global (shared) objective: imsss:mapInfo and/or 4th ed. adlseq:mapInfo flags."""

    target_id: str
    read_satisfied: bool = False
    read_measure: bool = False
    write_satisfied: bool = False
    write_measure: bool = False
    read_completion: bool = False
    write_completion: bool = False
    read_progress_measure: bool = False
    write_progress_measure: bool = False
    read_raw: bool = False
    write_raw: bool = False
    read_min: bool = False
    write_min: bool = False
    read_max: bool = False
    write_max: bool = False


@dataclass
class ObjectiveDefinition:
    """imsss:primaryObjective / imsss:objective. The primary objective is the one that contributes to rollup."""

    objective_id: str
    primary: bool = False
    satisfied_by_measure: bool = False
    min_normalized_measure: float = 1.0
    #: imsss:minNormalizedMeasure as the manifest writes it ("" when absent or invalid).
    min_normalized_measure_text: str = ""
    maps: list[MapInfo] = field(default_factory=list)


@dataclass
class RandomizationControls:
    """imsss:randomizationControls (SN 3.10)."""

    randomization_timing: str = "never"
    select_count: int | None = None
    reorder_children: bool = False
    selection_timing: str = "never"


@dataclass
class DeliveryControls:
    """imsss:deliveryControls (SN 3.11)."""

    tracked: bool = True
    completion_set_by_content: bool = False
    objective_set_by_content: bool = False


@dataclass
class SequencingDefinition:
    """Everything the sequencer needs to know about one activity, SN defaults where the manifest says nothing."""

    control_mode: ControlMode = field(default_factory=ControlMode)
    constrain_choice: bool = False
    prevent_activation: bool = False
    pre_rules: list[SequencingRule] = field(default_factory=list)
    exit_rules: list[SequencingRule] = field(default_factory=list)
    post_rules: list[SequencingRule] = field(default_factory=list)
    limit_conditions: LimitConditions = field(default_factory=LimitConditions)
    rollup_rules: list[RollupRule] = field(default_factory=list)
    rollup_objective_satisfied: bool = True
    rollup_progress_completion: bool = True
    objective_measure_weight: float = 1.0
    rollup_considerations: RollupConsiderations = field(default_factory=RollupConsiderations)
    #: The primary objective first, then the others in document order. Never empty: an activity without a declared
    #: primary objective gets one with the empty id (SN 3.9: every activity has exactly one rolled-up objective).
    objectives: list[ObjectiveDefinition] = field(default_factory=list)
    randomization: RandomizationControls = field(default_factory=RandomizationControls)
    delivery: DeliveryControls = field(default_factory=DeliveryControls)
    # From adlcp:completionThreshold on the item (4th ed.), filled in by the tree builder.
    completed_by_measure: bool = False
    min_progress_measure: float = 1.0
    progress_weight: float = 1.0

    @property
    def primary_objective(self) -> ObjectiveDefinition:
        return self.objectives[0]

    def objective(self, objective_id: str | None) -> ObjectiveDefinition | None:
        """The objective with this id; None or "" names the primary objective."""
        if not objective_id:
            return self.objectives[0]
        for obj in self.objectives:
            if obj.objective_id == objective_id:
                return obj
        return None
