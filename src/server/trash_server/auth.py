"""Credentials and permissions: scrypt passwords, API keys with scopes, web sessions with CSRF
tokens, and the checks each route makes (role permission for sessions, scope for keys).

Secrets are stored only as hashes and compared with hmac.compare_digest.
"""
import hashlib
import hmac
import secrets

from .jsonio import ApiError, now_ms

PERMISSIONS = ("view_trash", "trash_dataset", "restore_dataset", "trash_version", "restore_version",
               "trash_model", "restore_model", "trash_workflow", "restore_workflow",
               "delete_permanently", "view_activity")
SCOPES = ("project:read", "project:update", "version:update", "model:update", "dataset:update",
          "workflow:update")

# The design's table: which permission pair and which key scope govern each type.
TRASH_PERMISSION = {"project": "trash_dataset", "dataset": "trash_dataset", "version": "trash_version",
                    "model": "trash_model", "workflow": "trash_workflow"}
RESTORE_PERMISSION = {"project": "restore_dataset", "dataset": "restore_dataset",
                      "version": "restore_version", "model": "restore_model",
                      "workflow": "restore_workflow"}
UPDATE_SCOPE = {"project": "project:update", "version": "version:update", "model": "model:update",
                "dataset": "dataset:update", "workflow": "workflow:update"}

SESSION_COOKIE = "trash_session"
SESSION_LIFETIME_MS = 12 * 3600 * 1000
WEB_ONLY = "Permanent deletion is only available from the Trash page in the web app"

# OWASP's minimum for scrypt (128 MiB, a few hundred ms a hash); the sign-in runs at most two at a
# time (sign_in.SignInGuard). Stored hashes carry their own cost, so older ones still verify and are
# upgraded at the next sign-in.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2 ** 17, 8, 1


def _scrypt(password, salt, n, r, p):
    # OpenSSL refuses above `maxmem` (32 MiB by default); scrypt needs 128 * n * r bytes plus a little.
    return hashlib.scrypt(password.encode("utf-8", "surrogatepass"), salt=salt, n=n, r=r, p=p, dklen=32,
                          maxmem=128 * r * (n + p + 2) + (1 << 20))


def hash_password(password, n=SCRYPT_N):
    salt = secrets.token_bytes(16)
    digest = _scrypt(password, salt, n, SCRYPT_R, SCRYPT_P)
    return "scrypt$%d$%d$%d$%s$%s" % (n, SCRYPT_R, SCRYPT_P, salt.hex(), digest.hex())


def hash_cost(stored):
    """The scrypt N a stored hash was made with (0 when unreadable)."""
    parts = stored.split("$")
    return int(parts[1]) if len(parts) == 6 and parts[1].isdigit() else 0


def verify_password(password, stored):
    try:
        _, n, r, p, salt, digest = stored.split("$")
        actual = _scrypt(password, bytes.fromhex(salt), int(n), int(r), int(p))
    except ValueError:
        return False
    return hmac.compare_digest(actual.hex(), digest)


def token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def parse_permissions(value):
    """A role's permissions from the fixture: "all" or a list of known permission names."""
    if value == "all":
        return list(PERMISSIONS)
    unknown = [p for p in value if p not in PERMISSIONS]
    if unknown:
        raise ValueError("unknown permissions: %s" % ", ".join(unknown))
    return [p for p in PERMISSIONS if p in value]


class Principal:
    """Who is calling: an API key (scopes) or a signed-in user (role permissions)."""

    def __init__(self, kind, workspace, scopes=(), user=None, role=None, permissions=(), csrf=None,
                 session_hash=None, key_hash=None, key_name=None):
        self.kind = kind
        self.workspace = workspace
        self.scopes = set(scopes)
        self.user = user
        self.role = role
        self.permissions = set(permissions)
        self.csrf = csrf
        self.session_hash = session_hash
        self.key_hash = key_hash
        self.key_name = key_name

    @property
    def via(self):
        return "api" if self.kind == "key" else "web"

    @property
    def actor_id(self):
        return self.user["id"] if self.user else None

    @property
    def actor_name(self):
        return self.user["name"] if self.user else "API key"

    def need_permission(self, permission):
        if permission not in self.permissions:
            raise ApiError(403, "Your role lacks the %s permission" % permission)

    def need_scope(self, scope):
        if scope not in self.scopes:
            raise ApiError(401, "This API key lacks the %s scope" % scope)

    def need(self, permission, scope):
        """Sessions are judged by role (403), keys by scope (401, as the reference says)."""
        if self.kind == "key":
            self.need_scope(scope)
        else:
            self.need_permission(permission)

    def need_session(self):
        if self.kind != "session":
            raise ApiError(403, WEB_ONLY)


def _workspace(conn, workspace_id):
    return conn.execute("SELECT * FROM workspaces WHERE id = ?", (workspace_id,)).fetchone()


def principal_for_key(conn, key):
    digest = token_hash(key)
    row = conn.execute("SELECT * FROM api_keys WHERE key_hash = ?", (digest,)).fetchone()
    if row is None or not hmac.compare_digest(row["key_hash"], digest):
        raise ApiError(401, "Invalid API key")
    return Principal("key", _workspace(conn, row["workspace_id"]), scopes=row["scopes"].split(), key_hash=digest,
                     key_name=row["name"])


def principal_for_session(conn, token):
    digest = token_hash(token)
    row = conn.execute(
        "SELECT s.token_hash, s.csrf_token, s.expires_at, u.id, u.name, u.email, u.workspace_id,"
        " r.name AS role_name, r.permissions FROM sessions s JOIN users u ON u.id = s.user_id"
        " JOIN roles r ON r.pk = u.role_pk WHERE s.token_hash = ?", (digest,)).fetchone()
    if row is None or not hmac.compare_digest(row["token_hash"], digest) or row["expires_at"] < now_ms():
        return None
    user = {"id": row["id"], "name": row["name"], "email": row["email"]}
    return Principal("session", _workspace(conn, row["workspace_id"]), user=user,
                     role=row["role_name"], permissions=row["permissions"].split(),
                     csrf=row["csrf_token"], session_hash=digest)


def create_session(conn, user_id):
    """A new session for the user; answers the cookie's token (stored only as its hash)."""
    token, now = secrets.token_urlsafe(32), now_ms()
    conn.execute("DELETE FROM sessions WHERE expires_at < ?", (now,))
    conn.execute("INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES (?, ?, ?, ?)",
                 (token_hash(token), user_id, secrets.token_urlsafe(32), now + SESSION_LIFETIME_MS))
    return token


def sign_out(conn, principal):
    conn.execute("DELETE FROM sessions WHERE token_hash = ?", (principal.session_hash,))


def check_csrf(principal, header_value):
    if principal.kind != "session":
        return
    if not header_value or not hmac.compare_digest(header_value.encode(), principal.csrf.encode()):
        raise ApiError(403, "Missing or invalid CSRF token")
