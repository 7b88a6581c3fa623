"""The explicit activity registry: one line per activity package."""
from activities.expectations import ExpectationsActivity
from activities.network import NetworkActivity
from activities.network.organisation.activity import OrganisationActivity
from activities.reflection import ReflectionActivity
from activities.voting import VotingActivity

ACTIVITY_CLASSES = (
    VotingActivity,
    NetworkActivity,
    ReflectionActivity,
    ExpectationsActivity,
    OrganisationActivity,
)

ACTIVITIES = {}


def _build_registry(classes):
    registry = {}
    for cls in classes:
        if cls.id in registry:
            raise RuntimeError(f"Two activities share the id {cls.id!r}.")
        missing = [name for name in cls.REQUIRED if not callable(getattr(cls, name, None))]
        if missing:
            raise RuntimeError(f"Activity {cls.id!r} does not define {', '.join(missing)}.")
        registry[cls.id] = cls
    return registry


def get_activity(type_id):
    """The activity class for a type id, or None."""
    return ACTIVITIES.get(type_id)


def all_activities():
    """Every registered activity class, in registry order."""
    return list(ACTIVITIES.values())


def register_activities(app):
    """Fill the registry (refusing duplicate ids) and mount each activity's blueprint."""
    ACTIVITIES.clear()
    ACTIVITIES.update(_build_registry(ACTIVITY_CLASSES))
    # The core checks a placement's type against the blueprint its view belongs to.
    app.extensions["activity_blueprints"] = {cls.blueprint.name: cls.id for cls in ACTIVITIES.values()}
    for cls in ACTIVITIES.values():
        if cls.blueprint.name not in app.blueprints:
            app.register_blueprint(cls.blueprint)
