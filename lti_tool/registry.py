"""The activity class behind a placement, for core code (the registry is imported at call time because
every activity imports the core)."""


def activity_of(instance):
    """The registered activity of a placement, or None while it has no activity type."""
    from activities import get_activity

    return get_activity(instance.activity_type) if instance.activity_type else None
