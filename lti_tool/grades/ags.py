"""AGS client: posting scores to a line item, and finding or creating the line item of a placement."""
import json
import logging
import threading
from urllib.parse import urlsplit, urlunsplit

from sqlalchemy import select

from lti_tool.extensions import db
from lti_tool.grades.tokens import service_request
from lti_tool.service_http import ServiceError, error_for
from lti_tool.models import ActivityInstance

SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"
LINEITEM_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem"
SCORE_TYPE = "application/vnd.ims.lis.v1.score+json"
LINEITEM_TYPE = "application/vnd.ims.lis.v2.lineitem+json"
LINEITEMS_TYPE = "application/vnd.ims.lis.v2.lineitemcontainer+json"
TAG_PREFIX = "leernetwerk-"
NO_GRADEBOOK = "The platform offered no gradebook column (AGS line item) for this activity."

log = logging.getLogger(__name__)
# Striped locks: bounded memory however many placements one worker process meets.
_instance_locks = [threading.Lock() for _ in range(64)]


def scores_url(lineitem_url):
    """The line item's scores endpoint: `/scores` appended to the path, before any query string."""
    parts = urlsplit(lineitem_url)
    return urlunsplit(parts._replace(path=parts.path.rstrip("/") + "/scores"))


def score_payload(user_sub, score_given, score_maximum, activity_progress, grading_progress, timestamp,
                  comment=""):
    """The AGS score document for one learner."""
    payload = {
        "userId": user_sub, "scoreGiven": score_given, "scoreMaximum": score_maximum,
        "activityProgress": activity_progress, "gradingProgress": grading_progress, "timestamp": timestamp,
    }
    if comment:
        payload["comment"] = comment
    return payload


def post_score(platform, lineitem_url, payload):
    """POST one score; raises ServiceError (retryable or permanent) unless the platform accepts it."""
    response = service_request(platform, (SCORE_SCOPE,), "POST", scores_url(lineitem_url),
                               data=json.dumps(payload), headers={"Content-Type": SCORE_TYPE})
    if not 200 <= response.status_code < 300:
        raise error_for(response, "Score")


def lineitem_document(instance):
    """The line item we create for a placement (the same fields deep linking sends)."""
    document = {
        "label": instance.title or "Leernetwerk", "scoreMaximum": instance.score_maximum or 1.0,
        "resourceId": str(instance.id), "tag": TAG_PREFIX + (instance.activity_type or "activity"),
    }
    if instance.resource_link_id:
        document["resourceLinkId"] = instance.resource_link_id
    return document


def find_lineitem(platform, lineitems_url, resource_link_id):
    """The id of an existing line item for this resource link (ours preferred), or None."""
    response = service_request(platform, (LINEITEM_SCOPE,), "GET", lineitems_url,
                               params={"resource_link_id": resource_link_id}, headers={"Accept": LINEITEMS_TYPE})
    if not 200 <= response.status_code < 300:
        error = error_for(response, "Line item lookup")
        if error.retryable:
            raise error
        log.info("line item lookup refused, creating one instead: %s", error.reason)
        return None
    try:
        items = response.json()
    except ValueError:
        return None
    matching = [item for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)
                and item.get("resourceLinkId") == resource_link_id] if isinstance(items, list) else []
    matching.sort(key=lambda item: not str(item.get("tag", "")).startswith(TAG_PREFIX))
    return matching[0]["id"] if matching else None


def create_lineitem(platform, lineitems_url, instance):
    """POST a new line item for the placement; returns its id (URL)."""
    response = service_request(platform, (LINEITEM_SCOPE,), "POST", lineitems_url,
                               data=json.dumps(lineitem_document(instance)),
                               headers={"Content-Type": LINEITEM_TYPE, "Accept": LINEITEM_TYPE})
    if not 200 <= response.status_code < 300:
        raise error_for(response, "Line item")
    try:
        item_id = response.json().get("id")
    except (ValueError, AttributeError):
        item_id = None
    if not isinstance(item_id, str) or not item_id:
        raise ServiceError("Line item: the platform created it but returned no id.", retryable=False)
    return item_id


def ensure_lineitem(platform, instance_id):
    """The placement's line item URL; looks one up or creates it once and stores it. Commits.

    The row lock (FOR NO KEY UPDATE on PostgreSQL, so learners' score inserts are not blocked)
    makes concurrent workers wait for the first one's line item instead of creating another.
    """
    with _instance_locks[instance_id % len(_instance_locks)]:
        db.session.commit()
        try:
            instance = db.session.execute(
                select(ActivityInstance).where(ActivityInstance.id == instance_id)
                .with_for_update(key_share=True).execution_options(populate_existing=True)).scalar_one()
            if not instance.lineitem_url:
                if not instance.lineitems_url:
                    raise ServiceError(NO_GRADEBOOK, retryable=False)
                instance.lineitem_url = (
                    instance.resource_link_id and find_lineitem(platform, instance.lineitems_url,
                                                                instance.resource_link_id)
                    or create_lineitem(platform, instance.lineitems_url, instance))
            url = instance.lineitem_url
            db.session.commit()
            return url
        except BaseException:
            db.session.rollback()
            raise
