"""A real LRS on loopback for the sync tests, and a fault-injecting proxy to put in front of it.

`lrs` (session fixture): Learning Locker's statement service (`xapi-statements` from npm, installed into .lrs/ by
scripts/setup-lrs.sh), run in memory on a free port; yields its xAPI base URL (".../xAPI/"). Import the fixture into a
test module with ``from lrs import lrs  # noqa: F401``.

`FaultProxy`: a threaded HTTP server on loopback that forwards to the LRS, except for the faults it is told to
inject on the next POSTs, in order: an HTTP status, a time-out, a dropped connection before or after the LRS stored
the batch, or a hang after forwarding (to kill a client mid-batch). Every request is logged.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parent.parent
LRS_DIR = Path(os.environ.get("SCORM_DESKTOP_LRS_DIR", ROOT / ".lrs"))
ENTRY = LRS_DIR / "node_modules" / "xapi-statements" / "dist" / "index.js"
HEADERS = {"X-Experience-API-Version": "1.0.3"}
AUTH = ("test", "test")  # the in-memory LRS accepts any credentials


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def lrs(tmp_path_factory):
    if not ENTRY.exists():
        subprocess.run([str(ROOT / "scripts" / "setup-lrs.sh")], check=False)
    if not ENTRY.exists() or shutil.which("node") is None:
        pytest.skip("the test LRS is not installed (needs node and npm: run scripts/setup-lrs.sh)")
    work = tmp_path_factory.mktemp("lrs")
    port = free_port()
    env = {
        **os.environ,
        "MODELS_REPO": "memory", "STORAGE_REPO": "local", "AUTH_REPO": "test", "EVENTS_REPO": "test",
        "SERVICE_AWAIT_UPDATES": "true", "EXPRESS_PORT": str(port),
        "FS_LOCAL_STORAGE_DIR": str(work), "EXPRESS_MORGAN_DIRECTORY": str(work),
    }
    with open(work / "lrs.log", "wb") as out:
        proc = subprocess.Popen(
            ["node", str(ENTRY)], cwd=LRS_DIR, env=env, stdout=out, stderr=subprocess.STDOUT
        )
    base = f"http://127.0.0.1:{port}/xAPI/"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                r = httpx.get(base + "about", headers=HEADERS, timeout=1)
                if r.status_code == 200 and "1.0.3" in r.text:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the test LRS did not start; see {work / 'lrs.log'}")
            time.sleep(0.05)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def lrs_statements(base: str, **params) -> list[dict]:
    """Every statement the LRS holds (following `more` links), optionally filtered (e.g. registration=...)."""
    out: list[dict] = []
    url = base + "statements"
    query: dict | None = {"limit": 500, **params}
    while url:
        r = httpx.get(url, params=query, headers=HEADERS, auth=AUTH, timeout=10)
        r.raise_for_status()
        data = r.json()
        out += data["statements"]
        more = data.get("more")
        url = httpx.URL(base).join(more).__str__() if more else ""
        query = None
    return out


def post_statements(base: str, statements: list[dict]) -> httpx.Response:
    return httpx.post(base + "statements", json=statements, headers=HEADERS, auth=AUTH, timeout=10)


# ------------------------------------------------------------------------------------------------ fault injection
@dataclass
class Fault:
    """What to do with one POST. kind: "status" (answer `status` with `headers`/`body` without forwarding),
    "timeout" (say nothing for `delay` s, then close), "drop" (close before forwarding), "drop-after" (forward, the
    LRS stores the batch, then close without answering), "hang-after" (forward, then hold the connection until
    `release` is set)."""

    kind: str
    status: int = 500
    headers: dict = field(default_factory=dict)
    body: str = '{"message": "injected"}'
    delay: float = 1.0


class FaultProxy:
    def __init__(self, upstream: str) -> None:
        self.upstream = upstream.rstrip("/")  # http://127.0.0.1:port/xAPI
        self.faults: deque[Fault] = deque()
        #: (method, path, number of statements or None, status answered or the fault's kind)
        self.log: list[tuple[str, str, int | None, object]] = []
        #: POSTs the LRS stored (answered 200, whether or not the answer reached the client), with their ids.
        self.accepted: list[tuple[str, str, int | None, int, list[str]]] = []
        self.forwarded = threading.Event()
        self.release = threading.Event()
        #: Optional rule applied to every POST that has no queued fault: fn(statements) -> Fault | None.
        self.rule = None
        self._lock = threading.Lock()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                self._forward(None)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                try:
                    count = len(json.loads(body))
                except ValueError:
                    count = None
                with proxy._lock:
                    fault = proxy.faults.popleft() if proxy.faults else None
                if fault is None and proxy.rule is not None:
                    fault = proxy.rule(json.loads(body))
                if fault is None:
                    self._forward(body, count)
                    return
                if fault.kind in ("drop-after", "hang-after"):
                    self._upstream_and_note(body, count)
                proxy.log.append(("POST", self.path, count, fault.kind if fault.kind != "status" else fault.status))
                if fault.kind == "status":
                    data = fault.body.encode()
                    self.send_response(fault.status)
                    for k, v in {"Content-Type": "application/json", **fault.headers}.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                elif fault.kind == "timeout":
                    time.sleep(fault.delay)
                    self._drop()
                elif fault.kind == "drop":
                    self._drop()
                elif fault.kind == "drop-after":
                    self._drop()
                elif fault.kind == "hang-after":
                    proxy.forwarded.set()
                    proxy.release.wait(30)
                    self._drop()

            def _upstream(self, method: str, body: bytes | None) -> httpx.Response:
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "content-length")}
                return httpx.request(
                    method, proxy.upstream + self.path.removeprefix("/xAPI"), content=body, headers=headers,
                    timeout=30,
                )

            def _upstream_and_note(self, body: bytes, count: int | None) -> httpx.Response:
                resp = self._upstream("POST", body)
                if resp.status_code == 200:
                    ids = [st.get("id") for st in json.loads(body)]
                    proxy.accepted.append(("POST", self.path, count, resp.status_code, ids))
                return resp

            def _forward(self, body: bytes | None, count: int | None = None) -> None:
                if self.command == "POST":
                    resp = self._upstream_and_note(body or b"", count)
                else:
                    resp = self._upstream(self.command, body)
                proxy.log.append((self.command, self.path, count, resp.status_code))
                data = resp.content
                self.send_response(resp.status_code)
                for k, v in resp.headers.items():
                    if k.lower() not in ("content-length", "transfer-encoding", "connection", "content-encoding"):
                        self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _drop(self) -> None:
                self.close_connection = True
                try:
                    self.connection.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/xAPI/"

    def inject(self, *faults: Fault) -> None:
        with self._lock:
            self.faults.extend(faults)

    def posts(self) -> list[tuple]:
        return [entry for entry in self.log if entry[0] == "POST"]

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def proxy(lrs):
    p = FaultProxy(lrs)
    yield p
    p.close()


# ------------------------------------------------------------------------------------------------ records to send
def open_recording_services(root: Path):
    """Services on a fresh data folder whose records write xAPI statements (as the app wires them)."""
    from scorm_desktop.paths import DataPaths
    from scorm_desktop.services import open_services
    from scorm_desktop.xapi import StatementBuilder

    svc = open_services(DataPaths(root, explicit=True), with_sample=False)
    svc.records.statements = StatementBuilder()
    return svc


def quiz_events(answers: int = 2, passed: bool = True) -> list[dict]:
    """A 2004 session: initialize, `answers` interactions, score, completion, success, terminate (seq numbered)."""
    evs: list[dict] = [{"op": "initialize"}]
    for n in range(answers):
        p = f"cmi.interactions.{n}."
        evs += [
            {"op": "set", "element": p + "id", "value": f"q{n + 1}"},
            {"op": "set", "element": p + "type", "value": "choice"},
            {"op": "set", "element": p + "description", "value": f"Question {n + 1}"},
            {"op": "set", "element": p + "correct_responses.0.pattern", "value": "a[,]c"},
            {"op": "set", "element": p + "learner_response", "value": "a[,]c" if passed else "b"},
            {"op": "set", "element": p + "result", "value": "correct" if passed else "incorrect"},
            {"op": "set", "element": p + "latency", "value": "PT4.5S"},
        ]
    evs += [
        {"op": "set", "element": "cmi.progress_measure", "value": "1"},
        {"op": "set", "element": "cmi.score.scaled", "value": "0.9" if passed else "0.2"},
        {"op": "set", "element": "cmi.score.raw", "value": "90" if passed else "20"},
        {"op": "set", "element": "cmi.score.min", "value": "0"},
        {"op": "set", "element": "cmi.score.max", "value": "100"},
        {"op": "set", "element": "cmi.completion_status", "value": "completed"},
        {"op": "set", "element": "cmi.success_status", "value": "passed" if passed else "failed"},
        {"op": "set", "element": "cmi.exit", "value": "normal"},
        {"op": "terminate"},
    ]
    for i, ev in enumerate(evs, 1):
        ev["seq"] = i
    return evs


def play(svc, course_id: int, learner: str, events: list[dict], mode: str | None = None, reason: str = "terminated"):
    """One session as the player runs it: prepare, the event batch, finish. Returns the Launch."""
    from scorm_desktop import launch

    la = launch.prepare(svc.library, svc.records, course_id, learner, mode=mode)
    svc.records.apply_events(la.record.session_id, events)
    la.terminated = any(ev.get("op") == "terminate" for ev in events)
    launch.finish(svc.records, la, reason)
    return la


def outbox_rows(svc) -> list[tuple]:
    """(statement_id, registration, seq, state, verb) for every outbox row, in order."""
    from sqlalchemy import text

    with svc.engine.connect() as conn:
        rows = conn.execute(text("SELECT statement_id, registration, seq, state, body FROM outbox ORDER BY id"))
        return [(r[0], r[1], r[2], r[3], json.loads(r[4])["verb"].get("display", {}).get("en-US", "")) for r in rows]


# ------------------------------------------------------------------------------------------------ documents too
#: Learning Locker's activity service (the branch cmi5rec installs the same package into the same folder).
_ACTIVITIES_PACKAGE = "xapi-activities@3.0.6"


@pytest.fixture(scope="session")
def lrs_documents(lrs, tmp_path_factory):
    """A central LRS with the document resources as well: Learning Locker's activity service (`xapi-activities` from
    npm, installed on first use into .lrs/activities/, run in memory) beside the statement service of `lrs`, behind
    one base URL as Learning Locker deploys them: ``activities/...`` goes to the first, everything else to the
    second. Learning Locker's activity service has only the Activity Profile resource (no npm package serves State or
    Agent Profile), so ``activities/state`` and ``agents/profile`` go to a third service: the app's own LRS
    (`scorm_desktop.lrs`, its loopback server over a throwaway database, taking any credentials), whose document
    API keeps the xAPI concurrency rules (ETags, 412, 409 on a profile PUT without a precondition). Yields a
    `RoutedLrs` (`.url` is the xAPI base; `.refuse(method, path, body) -> bool` may be set to answer 400 to chosen
    requests, or return a status to answer with it; `.documents` is the third service's base URL)."""
    folder = LRS_DIR / "activities"
    entry = folder / "node_modules" / "xapi-activities" / "dist" / "index.js"
    if not entry.exists() and shutil.which("npm") and shutil.which("node"):
        folder.mkdir(parents=True, exist_ok=True)
        if not (folder / "package.json").exists():  # its own, so npm neither walks up nor prunes the other one
            (folder / "package.json").write_text('{"name": "scorm-desktop-test-lrs-activities", "private": true}')
        subprocess.run(["npm", "install", "--prefix", str(folder), "--no-audit", "--no-fund", "--loglevel=error",
                        "--omit=dev", _ACTIVITIES_PACKAGE], check=False, timeout=600)
    if not entry.exists() or shutil.which("node") is None:
        pytest.skip("the document LRS is not installed (needs node and npm: xapi-activities)")
    work = tmp_path_factory.mktemp("lrs-activities")
    port = free_port()
    env = {**os.environ, "MODELS_REPO": "memory", "STORAGE_REPO": "local", "AUTH_REPO": "test",
           "EXPRESS_PORT": str(port), "FS_LOCAL_STORAGE_DIR": str(work), "EXPRESS_MORGAN_DIRECTORY": str(work)}
    with open(work / "lrs.log", "wb") as out:
        proc = subprocess.Popen(["node", str(entry)], cwd=folder, env=env, stdout=out, stderr=subprocess.STDOUT)
    activities = f"http://127.0.0.1:{port}/xAPI/"
    router = None
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                if httpx.get(activities + "activities/profile", params={"activityId": "http://example.com/a"},
                             headers=HEADERS, auth=AUTH, timeout=1).status_code in (200, 400, 404):
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the document LRS did not start; see {work / 'lrs.log'}")
            time.sleep(0.05)
        own = _own_document_lrs(tmp_path_factory.mktemp("lrs-own-documents"))
        router = RoutedLrs(statements=lrs, activities=activities, documents=own.endpoint)
        yield router
    finally:
        if router is not None:
            router.close()
            own.stop()
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _own_document_lrs(folder: Path):
    """The app's local LRS on loopback over its own database, answering anyone (the State and Agent Profile
    resources of `lrs_documents`)."""
    from scorm_desktop.lrs import LRS
    from scorm_desktop.lrs.core import Principal
    from scorm_desktop.lrs.server import LoopbackLRS
    from scorm_desktop.storage.db import open_engine, session_factory

    sessions = session_factory(open_engine(folder / "central.sqlite3", folder / "backups"))
    return LoopbackLRS(LRS(sessions, lambda _auth: Principal("central", forward=False))).start()


class RoutedLrs:
    """The router of `lrs_documents`: every method forwarded by path to one of the services."""

    def __init__(self, statements: str, activities: str, documents: str | None = None) -> None:
        self.documents = documents
        self.refuse = None  # fn(method, path, body) -> bool | int: answer 400 (or that status) instead of forwarding
        self.log: list[tuple[str, str, int]] = []
        router = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def _any(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                path = self.path.removeprefix("/xAPI/")
                verdict = router.refuse(self.command, path, body) if router.refuse is not None else False
                if verdict:  # True: 400; a number: that status
                    status = 400 if verdict is True else int(verdict)
                    headers, data = {"Content-Type": "application/json"}, b'{"message": "refused"}'
                else:
                    base = statements
                    if path.startswith(("activities/state", "agents/profile")) and documents:
                        base = documents
                    elif path.startswith("activities"):
                        base = activities
                    resp = httpx.request(self.command, base + path, content=body or None, timeout=30, headers={
                        k: v for k, v in self.headers.items() if k.lower() not in ("host", "content-length")})
                    status, headers, data = resp.status_code, resp.headers, resp.content
                router.log.append((self.command, path, status))
                self.send_response(status)
                for k, v in headers.items():
                    if k.lower() not in ("content-length", "transfer-encoding", "connection", "content-encoding"):
                        self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_DELETE = _any

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/xAPI/"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
