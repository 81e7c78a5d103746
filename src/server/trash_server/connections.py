"""The connection layer under httpd: one selector thread reads every connection without blocking
until a whole request (headers and body) has arrived, then hands it to a fixed pool of workers.
Idle keep-alive connections cost no thread, stalled headers or bodies end in a 408, and the open
connections are capped (the oldest waiting one is closed to make room for a new one). Requests that
wait on a scarce resource (sign-ins queue for the two scrypt threads) have their own lane of
workers, so a flood of them never holds the workers everything else needs.
"""
import json
import queue
import selectors
import socket
import threading
import time
import traceback

MAX_HEAD_BYTES = 64 * 1024
EXPIRY_SCAN_SECONDS = 0.1
IDLE, HEAD, BODY, BUSY = "idle", "head", "body", "busy"


def canned(status, reason, message):
    """A whole JSON error answer that closes the connection, for refusals made before any handler."""
    body = b'{"error":"%s"}' % message.encode()
    return (b"HTTP/1.1 %d %s\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: %d\r\n"
            b"Connection: close\r\n\r\n%s" % (status, reason.encode(), len(body), body))


TIMED_OUT = canned(408, "Request Timeout", "Request timed out")
HEAD_TOO_LARGE = canned(431, "Request Header Fields Too Large", "Request headers are too large")
BUSY_ANSWER = canned(503, "Service Unavailable", "Too many open connections")


class Connection:
    """One client connection: its socket, the bytes read but not yet handled, and its wait."""

    def __init__(self, sock, address):
        self.sock, self.address = sock, address
        self.buffer = bytearray()
        self.phase = IDLE
        self.deadline = 0.0
        self.since = time.monotonic()

    def sendall(self, data):
        """Every answer leaves through here, one call per response (tests count them)."""
        self.sock.sendall(data)


def body_length(head, max_body):
    """The body length a request head announces, or 0 when it announces none or one we refuse
    (duplicate, malformed, too large, chunked): the handler then answers 400/411/413 and closes.
    Answers (length, expects 100-continue)."""
    lengths, expect = [], False
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name == b"content-length":
            lengths.append(value.strip())
        elif name == b"transfer-encoding":
            return 0, False
        elif name == b"expect":
            expect = value.strip().lower() == b"100-continue"
    if len(lengths) != 1 or not lengths[0].isdigit() or int(lengths[0]) > max_body:
        return 0, False
    return int(lengths[0]), expect


class ConnectionLoop:
    """Accepts, reads and times out connections on one thread; `handle(conn, request_bytes)` runs
    on a worker and answers whether the connection stays open. `slow_lane` is (request-line prefix,
    workers): requests starting with that prefix are answered by those workers only."""

    def __init__(self, listener, settings, handle, log, max_body, slow_lane=(b"\0", 1)):
        self.listener, self.settings, self.handle, self.log = listener, settings, handle, log
        self.max_body = max_body
        self.slow_prefix, self.slow_workers = slow_lane
        self.selector = selectors.DefaultSelector()
        self.connections = {}
        self.work = queue.Queue()
        self.slow_work = queue.Queue()
        self.returned = queue.Queue()
        self.wake_reader, self.wake_writer = socket.socketpair()
        self.wake_reader.setblocking(False)
        self.wake_writer.setblocking(False)
        self.stopping = threading.Event()
        self.stop_requested = False  # set from a signal handler, which must take no lock
        self.stopped = threading.Event()
        self.last_scan = 0.0

    # [SECTION] The selector thread

    def serve_forever(self, poll_interval=0.5):
        self.listener.setblocking(False)
        self.selector.register(self.listener, selectors.EVENT_READ, "accept")
        self.selector.register(self.wake_reader, selectors.EVENT_READ, "wake")
        workers = [threading.Thread(target=self._work, args=(self.work,), daemon=True, name="trash-worker-%d" % i)
                   for i in range(max(1, self.settings.workers))]
        workers += [threading.Thread(target=self._work, args=(self.slow_work,), daemon=True, name="trash-slow-%d" % i)
                    for i in range(max(1, self.slow_workers))]
        for worker in workers:
            worker.start()
        try:
            while not (self.stopping.is_set() or self.stop_requested):
                for key, _ in self.selector.select(min(poll_interval, EXPIRY_SCAN_SECONDS)):
                    if key.data == "accept":
                        self._accept()
                    elif key.data == "wake":
                        self._drain_wake()
                    else:
                        self._read(key.data)
                self._take_back()
                self._expire()
        finally:
            self.stopping.set()
            for worker in workers:
                (self.slow_work if worker.name.startswith("trash-slow") else self.work).put(None)
            give_up = time.monotonic() + 5  # one budget for all: a stuck worker is a daemon anyway
            for worker in workers:
                worker.join(max(0.0, give_up - time.monotonic()))
            self._take_back()
            for conn in list(self.connections.values()):
                self._close(conn)
            self.selector.close()
            self.wake_reader.close()
            self.wake_writer.close()
            self.stopped.set()

    def request_stop(self):
        """Safe from a signal handler: sets a plain flag and wakes the selector, taking no lock
        (an exception raised by the handler could otherwise leave a queue's lock held forever)."""
        self.stop_requested = True
        self._wake()

    def shutdown(self):
        self.stopping.set()
        self._wake()
        self.stopped.wait()

    def open_count(self):
        return len(self.connections)

    def _accept(self):
        while True:
            try:
                sock, address = self.listener.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as exc:  # out of descriptors: the rest wait in the backlog
                self.log(json.dumps({"message": "accept failed: %s" % exc.strerror}))
                return
            sock.setblocking(False)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if len(self.connections) >= self.settings.max_connections and not self._evict():
                self._refuse_now(sock, BUSY_ANSWER)
                continue
            conn = Connection(sock, address)
            conn.deadline = time.monotonic() + self.settings.idle_timeout
            self.connections[sock.fileno()] = conn
            self.selector.register(sock, selectors.EVENT_READ, conn)

    def _evict(self):
        """Close the connection that has waited longest without a request being handled."""
        waiting = [c for c in self.connections.values() if c.phase != BUSY]
        if not waiting:
            return False
        self._close(min(waiting, key=lambda c: (c.phase != IDLE, c.since)))
        return True

    def _read(self, conn):
        try:
            data = conn.sock.recv(65536)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        if not data:
            self._close(conn)
            return
        conn.buffer += data
        self._advance(conn)

    def _advance(self, conn):
        """Hand a whole request to the workers, or note what the connection now waits for."""
        now = time.monotonic()
        if not conn.buffer:
            conn.phase, conn.since, conn.deadline = IDLE, now, now + self.settings.idle_timeout
            return
        if conn.phase == IDLE:
            conn.phase, conn.since, conn.deadline = HEAD, now, now + self.settings.header_timeout
        head_end = conn.buffer.find(b"\r\n\r\n")
        if head_end < 0:
            if len(conn.buffer) > MAX_HEAD_BYTES:
                self._refuse(conn, HEAD_TOO_LARGE)
            return
        length, expect = body_length(bytes(conn.buffer[:head_end]), self.max_body)
        need = head_end + 4 + length
        if len(conn.buffer) >= need:
            request = bytes(conn.buffer[:need])
            del conn.buffer[:need]
            conn.phase = BUSY
            self.selector.unregister(conn.sock)
            lane = self.slow_work if request.startswith(self.slow_prefix) else self.work
            lane.put((conn, request))
        elif conn.phase == HEAD:
            conn.phase, conn.deadline = BODY, now + self.settings.body_timeout
            if expect:
                self._send_quietly(conn.sock, b"HTTP/1.1 100 Continue\r\n\r\n")

    def _expire(self):
        now = time.monotonic()
        if now - self.last_scan < EXPIRY_SCAN_SECONDS:
            return
        self.last_scan = now
        for conn in [c for c in self.connections.values() if c.phase != BUSY and c.deadline < now]:
            if conn.phase == IDLE:
                self._close(conn)
            else:
                self._refuse(conn, TIMED_OUT)

    def _take_back(self):
        while True:
            try:
                conn, keep = self.returned.get_nowait()
            except queue.Empty:
                return
            if not keep or self.stopping.is_set():
                self._close(conn, registered=False)
                continue
            conn.phase = IDLE
            self.selector.register(conn.sock, selectors.EVENT_READ, conn)
            self._advance(conn)

    def _refuse(self, conn, answer):
        self._send_quietly(conn.sock, answer)
        self._close(conn)

    def _refuse_now(self, sock, answer):
        self._send_quietly(sock, answer)
        sock.close()

    @staticmethod
    def _send_quietly(sock, data):
        try:
            sock.send(data)
        except OSError:
            pass

    def _close(self, conn, registered=True):
        self.connections.pop(conn.sock.fileno(), None)
        if registered:
            try:
                self.selector.unregister(conn.sock)
            except (KeyError, ValueError):
                pass
        try:
            conn.sock.close()
        except OSError:
            pass

    def _wake(self):
        try:
            self.wake_writer.send(b"x")
        except OSError:
            pass

    def _drain_wake(self):
        try:
            while self.wake_reader.recv(4096):
                pass
        except OSError:
            pass

    # [SECTION] Workers

    def _work(self, lane):
        while True:
            item = lane.get()
            if item is None:
                return
            conn, request = item
            keep = False
            try:
                conn.sock.settimeout(self.settings.write_timeout)
                keep = self.handle(conn, request)
                conn.sock.setblocking(False)
            except OSError:
                keep = False
            except Exception:  # the handler answers its own errors; this is a last resort
                self.log(json.dumps({"error": traceback.format_exc()}))
            self.returned.put((conn, keep))
            self._wake()
