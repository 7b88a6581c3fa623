"""The explicit activity registry refuses duplicates and incomplete activities."""
import pytest

from activities import ACTIVITY_CLASSES, _build_registry
from activities.voting import VotingActivity


def test_registered_activities_are_complete_and_unique():
    assert set(_build_registry(ACTIVITY_CLASSES)) == {"voting", "network", "reflection", "expectations", "organisation"}


def test_duplicate_ids_are_refused():
    with pytest.raises(RuntimeError, match="share the id"):
        _build_registry([VotingActivity, VotingActivity])


def test_an_activity_without_the_contract_is_refused():
    class Half(VotingActivity):
        id = "half"
        erase = None

    with pytest.raises(RuntimeError, match="does not define erase"):
        _build_registry([Half])
