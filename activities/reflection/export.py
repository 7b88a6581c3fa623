"""CSV exports: the anonymous aggregate, and every answer (pseudonymous, or with names as personal data).

The aggregate holds what any learner may see on the board, no more: counts, medians and the quotes
learners shared (not those the facilitator hid), each only at the placement's minimum group size. The answers export holds everything, private answers included; with names it is personal
data, and the page says so wherever it offers it.
"""

from flask_babel import format_decimal
from flask_babel import gettext as _

from activities.reflection import board as boards
from activities.reflection import tagging
from activities.reflection.content import ACTION, FACTORS, OTHER_GROUP, OTHER_GROUP_LABEL, SHARING, SITUATIONS, \
    TRUST, text_in
from activities.reflection.progress import everyone
from lti_tool.csv_export import to_csv as write_csv
from lti_tool.extensions import db
from lti_tool.participant_codes import codes_for
from lti_tool.models import User

AGGREGATE_COLUMNS = ("section", "item", "measure", "count", "median", "distribution", "text")
ANSWER_COLUMNS = ("participant", "part", "item", "question", "answer", "shared_with_group", "hidden_by_facilitator",
                  "updated")


def _row(section, item="", measure="", count="", median="", distribution="", text=""):
    return dict(section=section, item=item, measure=measure, count=count, median=median,
                distribution=distribution, text=text)


def _quote_text(quote):
    return " / ".join(f"{label}: {text}" if label else text for label, text in quote.lines)


def median_text(value):
    """A median as the board shows it: at most one decimal, in the reader's locale (7, 7,5)."""
    return "" if value is None else format_decimal(value, format="0.#")


def aggregate_rows(instance, config, language):
    """Counts, medians, distributions and shared quotes of the whole placement, without names or codes.

    Built from the board as a learner sees it, so the export never shows a group the board hides."""
    board = boards.build(instance, config, language)
    rows = [_row("participants", measure=_("learners who answered"), count=board.contributors)]
    sections = {part: section for part, section in board.sections.items() if section.enough}
    if SITUATIONS in sections:
        for label, easy, hard in sections[SITUATIONS].items:
            rows += [_row(SITUATIONS, label, _("went easily"), easy), _row(SITUATIONS, label, _("did not go easily"), hard)]
        rows += [_row(SITUATIONS, measure=_("shared story"), text=_quote_text(q))
                 for q in sections[SITUATIONS].quotes if not q.hidden]
    if FACTORS in sections:
        for theme in sections[FACTORS].items:
            rows += [_row(FACTORS, theme.label, _("hinder"), theme.brake_count),
                     _row(FACTORS, theme.label, _("driver"), theme.engine_count)]
            rows += [_row(FACTORS, theme.label, side, text=_quote_text(q))
                     for side, quotes in ((_("hinder"), theme.brake_quotes), (_("driver"), theme.engine_quotes))
                     for q in quotes if not q.hidden]
    if TRUST in sections:
        for trust in sections[TRUST].items:
            for measure, stat in ((_("trust given"), trust.given), (_("trust received"), trust.received)):
                shown = trust.shown and stat.n
                rows.append(_row(TRUST, trust.label, measure, stat.n, median_text(stat.median) if shown else "",
                                 " ".join(f"{score}:{count}" for score, count in enumerate(stat.counts, 1))
                                 if shown else ""))
            rows += [_row(TRUST, trust.label, _("why"), text=_quote_text(q)) for q in trust.quotes if not q.hidden]
    if SHARING in sections:
        for label, quotes in sections[SHARING].items:
            rows += [_row(SHARING, label, text=_quote_text(q)) for q in quotes if not q.hidden]
    if ACTION in sections:
        rows += [_row(ACTION, text=_quote_text(q)) for q in sections[ACTION].quotes if not q.hidden]
    return rows


def _answers_of(uid, answers, config, language):
    """(part, item, question, answer, row) for every saved answer of one learner."""
    groups = {g["key"]: text_in(g, language) for g in config.groups}
    groups[OTHER_GROUP] = str(OTHER_GROUP_LABEL)
    out = []
    for kind, row in sorted(answers.situations.items()):
        out += [(SITUATIONS, kind, "what", row.what, row), (SITUATIONS, kind, "with_whom",
                                                             groups.get(row.with_whom, row.with_whom), row),
                (SITUATIONS, kind, "knowledge", row.knowledge, row)]
    for side, row in sorted(answers.factors.items()):
        tags = [tagging.label_of(t.tag_key, t.label, config.tags, language) for t in row.tags]
        out += [(FACTORS, side, "text", row.text, row), (FACTORS, side, "tags", "; ".join(tags), row)]
    for key, row in sorted(answers.trust.items()):
        label = groups.get(key, key)
        out += [(TRUST, label, "given", "n/a" if row.not_applicable else (row.given or ""), row),
                (TRUST, label, "received", "n/a" if row.not_applicable else (row.received or ""), row),
                (TRUST, label, "why", row.why, row)]
    for key, row in sorted(answers.sharing.items()):
        out += [(SHARING, key, "would", row.would, row), (SHARING, key, "would_not", row.would_not, row),
                (SHARING, key, "why", row.why, row)]
    if answers.action is not None:
        out.append((ACTION, "", "text", answers.action.text, answers.action))
    return out


def answer_rows(instance, config, language, with_names=False):
    """One row per answer, private ones included; participants by code, or by name when `with_names`."""
    people = everyone(instance)
    names = {u.id: u.name for u in db.session.query(User).filter(User.id.in_(list(people)))} if with_names else {}
    rows = []
    codes = codes_for(instance, people)
    for uid, answers in people.items():
        who = codes.get(uid, "")
        for part, item, question, answer, row in _answers_of(uid, answers, config, language):
            if answer in ("", None):
                continue
            record = dict(participant=who, part=part, item=item, question=question, answer=answer,
                          shared_with_group="yes" if row.shared else "no",
                          hidden_by_facilitator="yes" if row.hidden else "no",
                          updated=row.updated_at.isoformat(timespec="seconds") if row.updated_at else "")
            if with_names:
                record = dict(name=names.get(uid, ""), **record)
            rows.append(record)
    rows.sort(key=lambda r: (r.get("name", ""), r["participant"], r["part"], str(r["item"]), r["question"]))
    return rows


def to_csv(rows, columns):
    """CSV text of answer or summary rows."""
    return write_csv(rows, columns)
