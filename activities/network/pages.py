"""What every learner page shares: the placement, the moment shown, the drawing and whether it can change."""
from dataclasses import dataclass

from flask import abort
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from activities.network.organisation import records
from activities.network import moments, progress, service
from activities.network import settings as network_settings
from activities.network.content import text_of
from lti_tool.i18n import current_language

NOTICES = {
    "added": (_l("Added to your network."), "success"),
    "added_many": (_l("Your classmates are added to your network."), "success"),
    "saved": (_l("Saved."), "success"),
    "removed": (_l("The contact is removed from your network."), "success"),
    "started": (_l("Your drawing for this moment is ready. It starts as a copy of your earlier one: update it."),
                "success"),
    "started_empty": (_l("Your drawing for this moment is ready. Start adding contacts."), "success"),
    "opened": (_l("The next moment is open. Participants now update their drawings."), "success"),
    "erased": (_l("The learner's drawings are erased."), "success"),
    "linked": (_l("Saved. Matches now follow your choice."), "success"),
    "confirm_open": (_l("Nothing changed: tick the box to confirm that the next moment may open. This cannot be "
                        "undone."), "warning"),
    "stale": (_l("Nothing changed: the page was out of date. Here is the current state."), "warning"),
    "org_out": (_l("You are left out of the organisation view, in every course, from its next look."), "success"),
    "org_in": (_l("You take part in the organisation view again."), "success"),
}
CONFLICT = _l("Your network was changed in another tab or window after this page was opened, so this change "
              "was not saved. Below is what is saved now; look it over and make your change again.")
MOMENT_MOVED = _l("The facilitator has opened a new moment, so this change was not saved to the earlier one. "
                  "Your earlier drawing is kept; continue in the new moment.")


def notice_for(code):
    """(message, kind) for a notice code from a redirect, or (None, None)."""
    return NOTICES.get(code, (None, None))


@dataclass
class LearnerView:
    """The placement as one learner sees it at one moment."""

    instance: object
    config: object
    language: str
    moments: list
    moment: object
    drawing: object
    earlier: object
    org_out: bool = False  # the learner left themselves out of the organisation view

    @property
    def editable(self):
        """Only the open moment can change."""
        return self.moment.is_current

    @property
    def version(self):
        """The version forms send back (0: no drawing yet)."""
        return service.version_of(self.drawing)

    @property
    def contacts(self):
        """The contacts of the shown drawing (none without a drawing)."""
        return list(self.drawing.contacts) if self.drawing is not None else []

    @property
    def checklist(self):
        """Completion criteria of the shown drawing."""
        return progress.checklist(self.drawing, self.config)

    @property
    def needs_start(self):
        """At a later moment without a drawing yet, the learner chooses to copy the earlier one."""
        return self.editable and self.drawing is None and self.earlier is not None

    def ring_label(self, ring):
        """The label of a ring number (0: not placed)."""
        if 1 <= ring <= self.config.ring_count:
            return text_of(self.config.rings[ring - 1], self.language)
        return _("Not placed yet")

    def location_label(self, key):
        """The label of a location category key."""
        loc = next((loc for loc in self.config.locations if loc["key"] == key), None)
        return text_of(loc, self.language) if loc else ""

    def relation_label(self, key):
        """The label of a relation key."""
        rel = next((r for r in self.config.relations if r["key"] == key), None)
        return text_of(rel, self.language) if rel else ""


def learner_view(launch, instance, moment_key=None):
    """The learner's view of a moment (default: the open one); a moment not yet open is not found."""
    config = network_settings.load(instance.settings)
    language = current_language()
    listing = moments.listing(instance, config, language)
    current = next(m for m in listing if m.is_current)
    moment = current if not moment_key else next((m for m in listing if m.key == moment_key), None)
    if moment is None or moment.status == "future":
        abort(404)
    drawing = service.drawing_of(instance, launch.user_id, moment.key)
    earlier = service.earlier_drawing(instance, launch.user_id, config, moment.key) if drawing is None else None
    org_out = config.organisation_view and records.opted_out(launch.user_id)
    return LearnerView(instance, config, language, listing, moment, drawing, earlier, org_out)
