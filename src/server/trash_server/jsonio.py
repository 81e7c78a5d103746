"""JSON at the edges: the API error type, strict request-body parsing, field validation and timestamps.

Everything a client sends passes through here, so every malformed input becomes one clear 400.
"""
import datetime
import json
import time

TYPES = ("project", "version", "model", "dataset", "workflow")
CHILD_TYPES = ("version", "model")
MAX_BODY_BYTES = 1 << 20


class ApiError(Exception):
    """An error whose message is safe to show to the client, with its HTTP status."""

    def __init__(self, status, message, extra=None, headers=None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.extra = extra or {}
        self.headers = headers or {}

    def body(self):
        return dict({"error": self.message}, **self.extra)


def _system_ms():
    return int(time.time() * 1000)


# Every reading of the time goes through now_ms(), so a test can stand the whole server at a
# fixed instant by replacing this (tests/server/test_contract.py moves it by days).
clock = _system_ms


def now_ms():
    return clock()


def iso(ms):
    """ISO 8601 UTC with milliseconds and Z, the reference's timestamp format."""
    if ms is None:
        return None
    seconds, millis = divmod(int(ms), 1000)
    t = time.gmtime(seconds)
    return "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ" % (t[0], t[1], t[2], t[3], t[4], t[5], millis)


def parse_iso(text):
    """Parse an ISO 8601 time (a trailing Z or an offset; naive means UTC) into epoch milliseconds."""
    try:
        value = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError("not an ISO 8601 time: %r" % text) from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=datetime.timezone.utc)
    return int(value.timestamp() * 1000)


def _reject_constant(name):
    raise ValueError("%s is not valid JSON" % name)


def _no_duplicates(pairs):
    obj = {}
    for key, value in pairs:
        if key in obj:
            raise ValueError("duplicate key %r" % key)
        obj[key] = value
    return obj


def parse_body(raw):
    """Decode a request body that must be one JSON object; anything else is a 400."""
    if not raw:
        raise ApiError(400, "Request body must be a JSON object")
    try:
        text = raw.decode("utf-8")
        value = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_no_duplicates)
    except (UnicodeDecodeError, ValueError) as exc:
        raise ApiError(400, "Malformed JSON: %s" % _short(exc)) from None
    except RecursionError:
        raise ApiError(400, "Malformed JSON: nested too deeply") from None
    if not isinstance(value, dict):
        raise ApiError(400, "Request body must be a JSON object")
    if "\\u" in text:
        _reject_lone_surrogates(value)
    return value


def _reject_lone_surrogates(value):
    """JSON text may escape half of a UTF-16 pair ("\\ud800"), which no UTF-8 string can hold:
    SQLite, the log and every answer would fail on it later, so it is refused here, once."""
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise ApiError(400, "Malformed JSON: a string holds a lone surrogate (\\ud800-\\udfff)") from None


def _short(exc):
    return str(exc).split("\n")[0][:200]


def get_str(body, name, required=True):
    value = body.get(name)
    if value is None:
        if required:
            raise ApiError(400, "%s is required" % name)
        return None
    if not isinstance(value, str) or not value:
        raise ApiError(400, "%s must be a non-empty string" % name)
    if len(value) > 200:
        raise ApiError(400, "%s is too long" % name)
    return value


def get_bool(body, name):
    value = body.get(name, False)
    if not isinstance(value, bool):
        raise ApiError(400, "%s must be true or false" % name)
    return value


def get_int(body, name, low, high):
    value = body.get(name)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ApiError(400, "%s must be an integer" % name)
    if not low <= value <= high:
        raise ApiError(400, "%s must be between %d and %d" % (name, low, high))
    return value


def check_type(value):
    if not isinstance(value, str):
        raise ApiError(400, "type must be a string")
    if value not in TYPES:
        raise ApiError(400, 'Unknown type "%s"; expected one of %s' % (value[:40], ", ".join(TYPES)))
    return value


def item_ref(body, id_names=("id",)):
    """Read {"type", "id", "parentId"?} from a body; versions and models need their parentId."""
    if not isinstance(body, dict):
        raise ApiError(400, "Each item must be a JSON object")
    kind = check_type(body.get("type")) if "type" in body else None
    if kind is None:
        raise ApiError(400, "type is required")
    item_id = None
    for name in id_names:
        item_id = get_str(body, name, required=False)
        if item_id is not None:
            break
    if item_id is None:
        raise ApiError(400, "%s is required" % " or ".join(id_names))
    parent_id = get_str(body, "parentId", required=False)
    if kind in CHILD_TYPES and parent_id is None:
        raise ApiError(400, "parentId is required for %ss" % kind)
    return kind, item_id, parent_id


def dumps(value):
    """Compact UTF-8 JSON; the C encoder keeps a 100,000-item listing well under a second."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
