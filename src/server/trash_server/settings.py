"""Server settings: the limits and switches of one serve.py, with production defaults. Tests pass
small limits (cheap scrypt, short windows and timeouts) through the same object; `{}` is always valid.
"""
import dataclasses

from . import auth


@dataclasses.dataclass
class Settings:
    # Connections: a fixed pool of workers serves complete requests; idle keep-alive connections
    # wait in one selector and cost no thread.
    workers: int = 8
    max_connections: int = 512
    header_timeout: float = 10.0   # from a request's first byte to the end of its headers
    body_timeout: float = 30.0     # from the end of the headers to the end of the body
    idle_timeout: float = 60.0     # a keep-alive connection with no request in flight
    write_timeout: float = 30.0    # a client that stops reading its answer
    # Sign-in: scrypt cost (OWASP's minimum), at most this many hashes at once, failed-attempt limits.
    scrypt_n: int = auth.SCRYPT_N
    scrypt_concurrency: int = 2
    sign_in_window_ms: int = 15 * 60 * 1000
    sign_in_failures_per_account: int = 5
    sign_in_failures_per_address: int = 20
    # Idempotency keys are kept this long.
    idempotency_ttl_ms: int = 24 * 3600 * 1000
    # Host names accepted besides those the server is bound to (DNS-rebinding defence).
    allowed_hosts: tuple = ()
    secure_cookies: bool = False
    # Peers whose X-Forwarded-For names the client (an HTTPS proxy in front): sign-in limits and the
    # access log then see the real client, not the proxy.
    trusted_proxies: tuple = ()
