"""Background computations: one row per placement and kind, with its progress and its last result."""
from lti_tool.extensions import db

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"


class BackgroundJob(db.Model):
    """A computation too long for a request (the organisation view of a large organisation): the worker
    claims it, reports progress on the row, and keeps the result so the page serves the last one meanwhile."""

    __tablename__ = "background_job"
    __table_args__ = (db.UniqueConstraint("activity_instance_id", "kind", name="uq_background_job_placement"),
                      db.Index("ix_background_job_due", "status", "lease_until"))

    id = db.Column(db.Integer, primary_key=True)
    activity_instance_id = db.Column(
        db.Integer, db.ForeignKey("activity_instance.id", ondelete="CASCADE"), nullable=False)
    kind = db.Column(db.String(40), nullable=False)
    status = db.Column(db.String(10), nullable=False, default=QUEUED)
    progress = db.Column(db.SmallInteger, nullable=False, default=0)  # percent of the current run
    stage = db.Column(db.String(40), nullable=False, default="")  # what the run is doing, as a key the page words
    params = db.Column(db.JSON, nullable=False, default=dict)  # what the run computes with (language, settings)
    requested_at = db.Column(db.DateTime, nullable=False)
    started_at = db.Column(db.DateTime)
    lease_until = db.Column(db.DateTime)
    attempts = db.Column(db.Integer, nullable=False, default=0)
    error = db.Column(db.String(300), nullable=False, default="")
    result = db.Column(db.LargeBinary)  # the last finished run's result, kept while a new run computes
    result_params = db.Column(db.JSON)
    result_at = db.Column(db.DateTime)
