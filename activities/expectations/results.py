"""Anonymous aggregates of the evaluations: per meeting, the trend across meetings, and the close."""
import hashlib
from dataclasses import dataclass, field

from flask import current_app
from sqlalchemy import select

from activities.common.figures import percentages
from activities.expectations.content import AFTERCARE, FORM_RATINGS, PROGRESS, USEFULNESS, VERDICTS, text_in
from activities.expectations.models import ClosingEvaluation, GoalProgress, GoalVerdict, MeetingEvaluation
from lti_tool.extensions import db


@dataclass(frozen=True)
class Share:
    """One answer's part of a question: count and whole-number percentage."""

    key: str
    label: object
    count: int
    percent: int


@dataclass
class GoalLine:
    """How the group answered about one learning goal; score: 0–100 (full answers count 2, partial 1)."""

    goal: object
    shares: list
    total: int
    score: int | None


@dataclass
class MeetingResult:
    """A meeting's evaluations without names: usefulness, progress per goal, and the shuffled texts."""

    meeting: object
    responses: int
    min_group_size: int
    usefulness: list = field(default_factory=list)
    average: float | None = None
    goals: list = field(default_factory=list)
    went_well: list = field(default_factory=list)
    could_be_better: list = field(default_factory=list)

    @property
    def enough(self):
        """Whether enough participants answered for participants to see the aggregate."""
        return self.responses >= self.min_group_size


@dataclass
class ClosingResult:
    """The closing evaluations without names."""

    responses: int
    min_group_size: int
    goals: list
    forms: list
    aftercare: list
    worked: list
    worked_less: list
    suggestions: list
    aftercare_notes: list

    @property
    def enough(self):
        """Whether enough participants answered for participants to see the aggregate."""
        return self.responses >= self.min_group_size


def shares(pairs, answers):
    """Shares of a scale's answers, in the scale's order (unknown answers are left out)."""
    keys = [key for key, _label in pairs]
    counts = [sum(1 for a in answers if a == key) for key in keys]
    return [Share(key, label, n, p) for (key, label), n, p in zip(pairs, counts, percentages(counts))]


def _score(answer_shares):
    total = sum(s.count for s in answer_shares)
    if not total:
        return None
    full, partial = answer_shares[0].count, answer_shares[1].count
    return round((2 * full + partial) * 100 / (2 * total))


def goal_lines(pairs, goals, answers_by_goal):
    """One GoalLine per goal from {goal id: [answers]}."""
    lines = []
    for goal in goals:
        answers = answers_by_goal.get(goal.id, [])
        line_shares = shares(pairs, answers)
        lines.append(GoalLine(goal, line_shares, sum(s.count for s in line_shares), _score(line_shares)))
    return lines


def _shuffled(instance_id, items):
    # A keyed hash scatters texts, so their order does not reveal who answered when.
    secret = current_app.config["SECRET_KEY"]
    keyed = [(hashlib.sha256(f"{secret}:{instance_id}:{key}".encode()).hexdigest(), text)
             for key, text in items if text]
    return [text for _order, text in sorted(keyed)]


def meeting_results(instance, meetings, goals, min_group_size):
    """{meeting id: MeetingResult} for the given meetings, in two queries."""
    ids = [m.id for m in meetings]
    rows = db.session.execute(select(MeetingEvaluation).where(MeetingEvaluation.meeting_id.in_(ids))
                              ).scalars().all() if ids else []
    progress = db.session.execute(select(GoalProgress.evaluation_id, GoalProgress.goal_id, GoalProgress.answer)
                                  .where(GoalProgress.evaluation_id.in_([r.id for r in rows]))).all() if rows else []
    by_evaluation = {}
    for evaluation_id, goal_id, answer in progress:
        by_evaluation.setdefault(evaluation_id, {}).setdefault(goal_id, []).append(answer)
    results = {}
    for meeting in meetings:
        mine = [r for r in rows if r.meeting_id == meeting.id]
        answers = {}
        for r in mine:
            for goal_id, values in by_evaluation.get(r.id, {}).items():
                answers.setdefault(goal_id, []).extend(values)
        scores = [r.usefulness for r in mine]
        results[meeting.id] = MeetingResult(
            meeting, len(mine), min_group_size,
            usefulness=shares(USEFULNESS, [str(n) for n in scores]),
            average=round(sum(scores) / len(scores), 1) if scores else None,
            goals=goal_lines(PROGRESS, goals, answers),
            went_well=_shuffled(instance.id, [(f"w{r.id}", r.went_well) for r in mine]),
            could_be_better=_shuffled(instance.id, [(f"b{r.id}", r.could_be_better) for r in mine]))
    return results


def closing_result(instance, config, goals, language):
    """The closing evaluations aggregated: verdicts per goal, ways of learning, after-care, texts."""
    rows = db.session.execute(select(ClosingEvaluation).filter_by(activity_instance_id=instance.id)).scalars().all()
    verdicts = db.session.execute(select(GoalVerdict.goal_id, GoalVerdict.verdict).where(
        GoalVerdict.evaluation_id.in_([r.id for r in rows]))).all() if rows else []
    by_goal = {}
    for goal_id, verdict in verdicts:
        by_goal.setdefault(goal_id, []).append(verdict)
    forms = [(text_in(f, language), shares(FORM_RATINGS, [(r.forms or {}).get(f["key"]) for r in rows]))
             for f in config.learning_forms]
    return ClosingResult(
        responses=len(rows), min_group_size=config.min_group_size, goals=goal_lines(VERDICTS, goals, by_goal),
        forms=forms, aftercare=shares(AFTERCARE, [r.aftercare for r in rows]),
        worked=_shuffled(instance.id, [(f"w{r.id}", r.worked) for r in rows]),
        worked_less=_shuffled(instance.id, [(f"l{r.id}", r.worked_less) for r in rows]),
        suggestions=_shuffled(instance.id, [(f"s{r.id}", r.suggestions) for r in rows]),
        aftercare_notes=_shuffled(instance.id, [(f"a{r.id}", r.aftercare_note) for r in rows]))
