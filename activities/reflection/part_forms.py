"""The learner's forms, one per part; each checks its own input and says what to fix in plain words."""
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, RadioField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length

from activities.reflection import tagging
from activities.reflection.content import (
    ACTION, AUDIENCES, BRAKE, EASY, ENGINE, FACTORS, HARD, OTHER_GROUP, OTHER_GROUP_LABEL, SHARING, SITUATIONS, TRUST,
    text_in)
from activities.reflection.forms import CheckboxesField, LaunchForm

MAX_TEXT, MAX_SHORT = 2000, 1000
SCORES = tuple(str(n) for n in range(1, 11))


def _clean(value):
    # Browsers send textarea line breaks as CRLF; count them as one character, as the page does.
    return value.replace("\r\n", "\n").strip() if isinstance(value, str) else value


def _text(label, limit):
    return TextAreaField(label, filters=[_clean], validators=[Length(max=limit, message=_l(
        "Keep this under %(max)d characters.", max=limit))])


def _share():
    return BooleanField(_l("Share anonymously with the group"))


class PartForm(LaunchForm):
    """A part's form: field checks, then the rules that span fields; `contexts` prefix error messages."""

    contexts = {}

    def check(self):
        """Rules across fields; returns False when something needs fixing."""
        return True

    def validate(self, extra_validators=None):
        """Field checks and the part's own rules, all reported at once."""
        valid = super().validate(extra_validators)
        return self.check() and valid

    def error_items(self):
        """(link, message) pairs for the error summary, in page order."""
        items = []
        for field in self:
            anchor = f"#{field.id}-0" if field.type in ("RadioField", "CheckboxesField") else f"#{field.id}"
            prefix = self.contexts.get(field.name)
            items += [(anchor, f"{prefix}: {e}" if prefix else str(e)) for e in field.errors]
        return items


def _choice_error(field, allowed, message):
    if field.data not in (None, "", "None") and field.data not in allowed:
        field.errors.append(message)
        return False
    return True


def _filled(field):
    return field.data not in (None, "", "None")


class SituationsForm(PartForm):
    """Two situations: what happened, with whom, what knowledge."""

    group_keys = ()

    def check(self):
        """Rules across fields."""
        ok = True
        for kind in (EASY, HARD):
            ok &= _choice_error(self[f"{kind}_with"], self.group_keys, _l("Choose one of the groups."))
            described = bool(self[f"{kind}_what"].data)
            if not described and (self[f"{kind}_knowledge"].data or _filled(self[f"{kind}_with"])):
                self[f"{kind}_what"].errors.append(_l("Describe what happened."))
                ok = False
        return ok


def situations_form(config, language, formdata=None, data=None):
    """The two situations, with the placement's stakeholder groups as 'with whom'."""
    options = [SelectChoice(g["key"], text_in(g, language)) for g in config.groups]
    options.append(SelectChoice(OTHER_GROUP, OTHER_GROUP_LABEL))
    attrs = {"group_keys": tuple(o.value for o in options), "contexts": {}}
    for kind, context in ((EASY, _l("Went easily")), (HARD, _l("Did not go easily"))):
        attrs[f"{kind}_what"] = _text(_l("What happened?"), MAX_TEXT)
        attrs[f"{kind}_with"] = RadioField(_l("With whom?"), choices=options, validate_choice=False)
        attrs[f"{kind}_knowledge"] = _text(_l("What knowledge or information was it?"), MAX_SHORT)
        attrs[f"{kind}_shared"] = _share()
        attrs["contexts"].update({f"{kind}_{name}": context for name in ("what", "with", "knowledge")})
    return type("SituationsForm", (SituationsForm,), attrs)(formdata=formdata, data=data or {})


class FactorsForm(PartForm):
    """Brakes and engines: text, taxonomy tags and own tags."""

    tag_keys = ()
    own_tags = True
    parsed_own = None

    def check(self):
        """Rules across fields."""
        ok = True
        self.parsed_own = {}
        for side in (BRAKE, ENGINE):
            chosen = self[f"{side}_tags"].data or []
            unknown = [t for t in chosen if t not in self.tag_keys]
            if unknown:
                self[f"{side}_tags"].errors.append(_l("Choose tags from the list; these are unknown: %(tags)s.",
                                                      tags=", ".join(t[:40] for t in unknown[:5])))
                ok = False
            own_field = self[f"{side}_own"] if self.own_tags else None
            own, problems = tagging.parse_own(own_field.data if own_field else "")
            if own_field is not None and problems:
                own_field.errors.extend(problems)
                ok = False
            self.parsed_own[side] = own
        return ok


def factors_form(config, language, formdata=None, data=None):
    """Brakes and engines with the placement's tags (and own tags when allowed)."""
    options = [SelectChoice(t["key"], text_in(t, language)) for t in config.tags]
    attrs = {"tag_keys": tuple(o.value for o in options), "own_tags": config.own_tags, "contexts": {}}
    labels = {BRAKE: (_l("What hindered you?"), _l("Hinders")), ENGINE: (_l("What helped you?"), _l("Drivers"))}
    for side, (label, context) in labels.items():
        attrs[f"{side}_text"] = _text(label, MAX_TEXT)
        attrs[f"{side}_tags"] = CheckboxesField(_l("Tags"), choices=options, validate_choice=False)
        if config.own_tags:
            attrs[f"{side}_own"] = StringField(_l("Your own tags"), filters=[_clean], validators=[Length(
                max=tagging.MAX_OWN_INPUT, message=_l("Keep this under %(max)d characters.",
                                                      max=tagging.MAX_OWN_INPUT))])
        attrs[f"{side}_shared"] = _share()
        attrs["contexts"].update({f"{side}_{n}": context for n in ("text", "tags", "own")})
    return type("FactorsForm", (FactorsForm,), attrs)(formdata=formdata, data=data or {})


class TrustForm(PartForm):
    """Per stakeholder group: trust given and received (1–10), why, or 'does not apply'."""

    group_keys = ()

    def check(self):
        """Rules across fields."""
        ok = True
        for key in self.group_keys:
            for name in (f"given_{key}", f"received_{key}"):
                ok &= _choice_error(self[name], SCORES, _l("Choose a score from 1 to 10."))
            scored = _filled(self[f"given_{key}"]) or _filled(self[f"received_{key}"])
            if self[f"na_{key}"].data and scored:
                self[f"na_{key}"].errors.append(_l("You ticked “does not apply” and gave a score: untick the box "
                                                   "or leave the scores empty."))
                ok = False
        return ok


def trust_form(config, language, formdata=None, data=None):
    """Two 1–10 scales, a reason and 'does not apply' for every stakeholder group."""
    scale = [SelectChoice(s, s) for s in SCORES]
    attrs = {"group_keys": tuple(g["key"] for g in config.groups), "contexts": {}}
    for group in config.groups:
        key, label = group["key"], text_in(group, language)
        attrs[f"given_{key}"] = RadioField(_l("Trust I give"), choices=scale, validate_choice=False)
        attrs[f"received_{key}"] = RadioField(_l("Trust I receive"), choices=scale, validate_choice=False)
        attrs[f"why_{key}"] = _text(_l("Why these scores?"), MAX_SHORT)
        attrs[f"na_{key}"] = BooleanField(_l("Does not apply to me"))
        attrs[f"shared_{key}"] = _share()
        attrs["contexts"].update({f"{n}_{key}": label for n in ("given", "received", "why", "na")})
    return type("TrustForm", (TrustForm,), attrs)(formdata=formdata, data=data or {})


def sharing_form(config, language, formdata=None, data=None):
    """Per audience of the training: what I would share, would not share, and why."""
    attrs = {"contexts": {}}
    for audience in AUDIENCES:
        key, label = audience["key"], text_in(audience, language)
        attrs[f"would_{key}"] = _text(_l("What I would share"), MAX_SHORT)
        attrs[f"wouldnot_{key}"] = _text(_l("What I would not share"), MAX_SHORT)
        attrs[f"why_{key}"] = _text(_l("Why?"), MAX_SHORT)
        attrs[f"shared_{key}"] = _share()
        attrs["contexts"].update({f"{n}_{key}": label for n in ("would", "wouldnot", "why")})
    return type("SharingForm", (PartForm,), attrs)(formdata=formdata, data=data or {})


def action_form(config, language, formdata=None, data=None):
    """One action: what I will do differently."""
    attrs = {"action_text": _text(_l("What will you do differently?"), MAX_SHORT), "action_shared": _share()}
    return type("ActionForm", (PartForm,), attrs)(formdata=formdata, data=data or {})


BUILDERS = {SITUATIONS: situations_form, FACTORS: factors_form, TRUST: trust_form, SHARING: sharing_form,
            ACTION: action_form}


def part_form(part, config, language, formdata=None, data=None):
    """The form of one part, filled from the request or from saved answers."""
    return BUILDERS[part](config, language, formdata=formdata, data=data)
