"""The closing report: each learning goal from the start through the meetings to the close, and the texts."""
from dataclasses import dataclass

from flask_babel import gettext as _

from activities.expectations import meetings, results
from activities.expectations.models import Ballot
from lti_tool.csv_export import table_csv
from lti_tool.extensions import db

COLUMNS = ("section", "item", "measure", "value")


@dataclass
class GoalJourney:
    """One learning goal: dots at the start, progress score per held meeting, verdicts at the close."""

    goal: object
    meeting_scores: list
    closing: object


@dataclass
class Report:
    """Everything the closing report shows, without names."""

    goals: list
    meetings: list
    closing: object
    voters: int

    @property
    def by_meeting(self):
        """{meeting id: MeetingResult} of the held meetings."""
        return {r.meeting.id: r for r in self.meetings}


def closing_summary(instance, config, goals, language):
    """The closing evaluations, aggregated without names."""
    return results.closing_result(instance, config, goals, language)


def build(instance, config, goals, language):
    """Assemble the report from the board, the meeting evaluations and the closing evaluations."""
    held = [m for m in meetings.meetings_of(instance) if meetings.is_held(m)]
    by_meeting = results.meeting_results(instance, held, goals, config.min_group_size)
    closing = closing_summary(instance, config, goals, language)
    journeys = []
    for index, goal in enumerate(goals):
        scores = [(by_meeting[m.id], by_meeting[m.id].goals[index]) for m in held]
        journeys.append(GoalJourney(goal, scores, closing.goals[index]))
    voters = db.session.query(Ballot).filter_by(activity_instance_id=instance.id).count()
    return Report(journeys, [by_meeting[m.id] for m in held], closing, voters)


def _meeting_name(result):
    return f"{result.meeting.held_on.isoformat()} {result.meeting.topic}"


def rows(report):
    """The report as (section, item, measure, value) rows, in the order the page shows it."""
    out = []
    for journey in report.goals:
        goal = journey.goal.text
        out.append((_("Learning goal"), goal, _("Dots at the start"), journey.goal.dots))
        for result, line in journey.meeting_scores:
            out.append((_("Learning goal"), goal, _("Progress score, %(meeting)s", meeting=_meeting_name(result)),
                        "" if line.score is None else line.score))
        for share in journey.closing.shares:
            out.append((_("Learning goal"), goal, _("At the close: %(answer)s", answer=share.label), share.count))
    for result in report.meetings:
        out.append((_("Meeting"), _meeting_name(result), _("Evaluations"), result.responses))
        out.append((_("Meeting"), _meeting_name(result), _("Average usefulness (1–5)"),
                    "" if result.average is None else result.average))
    closing = report.closing
    out.append((_("Closing evaluation"), "", _("Evaluations"), closing.responses))
    for name, form_shares in closing.forms:
        for share in form_shares:
            out.append((_("Way of learning"), name, str(share.label), share.count))
    for share in closing.aftercare:
        out.append((_("After-care"), str(share.label), _("Participants"), share.count))
    for section, texts in ((_("What worked"), closing.worked), (_("What worked less"), closing.worked_less),
                           (_("Suggestion for future networks"), closing.suggestions),
                           (_("Follow-up wanted"), closing.aftercare_notes)):
        out += [(section, "", _("Text"), text) for text in texts]
    return out


def to_csv(report):
    """CSV text of the report."""
    return table_csv(COLUMNS, rows(report))
