"""The Alembic migrations build exactly the schema the models describe."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade

from lti_tool import create_app
from lti_tool.extensions import db


def test_migrations_upgrade_to_the_models_and_back(tmp_path, monkeypatch):
    monkeypatch.setenv("LEERNETWERK_INSTANCE_PATH", str(tmp_path))
    app = create_app({"CONFIG_NAME": "development", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'm.db'}"})
    with app.app_context():
        upgrade()
        with db.engine.connect() as connection:
            diff = compare_metadata(MigrationContext.configure(connection), db.metadata)
        assert diff == []
        downgrade(revision="base")
        with db.engine.connect() as connection:
            tables = set(db.inspect(connection).get_table_names()) - {"alembic_version"}
        assert tables == set()
