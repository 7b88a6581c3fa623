"""The migration that gives placed contacts an angle of their own: distinct, and the same at every moment."""
import sqlalchemy as sa
from flask_migrate import upgrade

from lti_tool import create_app
from lti_tool.extensions import db
from tests.activities.network.geometry_checks import shared_angles

BEFORE = "3b8e5c0d2f41"


def test_placed_contacts_without_an_angle_get_one_kept_across_moments(tmp_path, monkeypatch):
    monkeypatch.setenv("LEERNETWERK_INSTANCE_PATH", str(tmp_path))
    app = create_app({"CONFIG_NAME": "development", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'a.db'}"})
    with app.app_context():
        upgrade(revision=BEFORE)
        with db.engine.begin() as c:
            c.execute(sa.text("PRAGMA foreign_keys=OFF"))
            for drawing_id, moment in ((1, "start"), (2, "end")):
                c.execute(sa.text(
                    "INSERT INTO network_drawing (id, activity_instance_id, user_id, moment_key, version, offer_tags,"
                    " offer_note, need_tags, need_note, suggest_consent, reflection_hard, reflection_plan, created_at,"
                    " updated_at) VALUES (:id, 1, 1, :m, 1, '[]', '', '[]', '', 0, '', '', :t, :t)"),
                    {"id": drawing_id, "m": moment, "t": f"2026-01-0{drawing_id} 00:00:00"})
                for n, (ring, angle) in enumerate(((1, None), (2, None), (3, 45.0), (0, None), (2, None))):
                    c.execute(sa.text(
                        "INSERT INTO network_contact (drawing_id, key, label, label_norm, role, location, ring, angle,"
                        " relations, knows, access, cost_note, created_at) VALUES (:d, :k, :k, :k, '', '', :r, :a,"
                        " '[]', '[]', '', '', '2026-01-01 00:00:00')"),
                        {"d": drawing_id, "k": f"k{n}", "r": ring, "a": angle})
        upgrade()
        with db.engine.connect() as c:
            rows = c.execute(sa.text("SELECT drawing_id, key, ring, angle FROM network_contact")).all()
    angles = {(d, k): a for d, k, r, a in rows if r}
    assert all(a is not None for a in angles.values())
    assert [a for (d, k), a in angles.items() if d == 1] == [a for (d, k), a in angles.items() if d == 2]
    assert not shared_angles({k: a for (d, k), a in angles.items() if d == 1})
    assert angles[(1, "k2")] == 45.0  # a stored angle is left alone
    assert all(a is None for d, k, r, a in rows if not r)
