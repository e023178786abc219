"""The database side of dispatch: issuing, trusting issuers, receiving a dispatch, enforcing its licence at launch,
and revocations (the numbers on a dispatched course's statements are `storage/dispatch_sequence.py`'s).

Time: every check uses `effective_now`: the device keeps the latest time it has seen (``dispatch_state``
'latest_seen'); a clock set back by more than `CLOCK_TOLERANCE` is treated as `latest_seen - CLOCK_TOLERANCE`, so
turning the clock back gains at most that much. Tests inject the clock (`clock=`), or, for the CLI, set
``SCORM_DESKTOP_TEST_NOW`` to an ISO time.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from ..i18n import _, plural
from ..package.model import PackageError
from ..storage.db import utcnow
from ..storage.dispatch_sequence import (  # noqa: F401  (the statement numbers; re-exported for the report and tests)
    DEVICE_SEQUENCE_EXTENSION, DISPATCH_ACTIVITY, DISPATCH_EXTENSION, PREVIOUS_EXTENSION, SEQUENCE_EXTENSION,
)
from ..storage.models import (
    Course, DispatchIssued, DispatchIssuer, DispatchLaunch, DispatchLicence, DispatchRevocation, DispatchState,
)
from ..sync.bundles import device_key, fingerprint
from ..xapi.mapping import to_json
from .gate import PENDING
from .licence import (
    DispatchError, Licence, read_dispatch, sha256_file, sign_licence, sign_revocations, verify_revocations, write_dispatch,
)

Clock = Callable[[], datetime]
CLOCK_ENV = "SCORM_DESKTOP_TEST_NOW"
#: How far back the clock may honestly drift (or be corrected) before the device's latest-seen time wins.
CLOCK_TOLERANCE = timedelta(hours=12)

LAUNCHED = "http://adlnet.gov/expapi/verbs/launched"


def system_clock() -> datetime:
    forced = os.environ.get(CLOCK_ENV)
    if forced:
        return datetime.fromisoformat(forced.replace("Z", "+00:00"))
    return datetime.now(timezone.utc)


def _iso(t: datetime) -> str:
    return t.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


# -- issuing ----------------------------------------------------------------------------------------------------------
def issuer_public_key(sessions: sessionmaker) -> str:
    return device_key(sessions).public_b64


def create_dispatch(
    sessions: sessionmaker, course, out: Path, recipient: str, max_launches: int | None = None,
    max_learners: int | None = None, expires: str | None = None, clock: Clock = system_clock,
) -> Licence:
    """Write `out`: the course's package and a licence signed with this installation's key; record the dispatch."""
    if not recipient.strip():
        raise DispatchError(_("Name the recipient with --to (the site or organisation the course is for)."))
    for name, limit in (("--max-launches", max_launches), ("--max-learners", max_learners)):
        if limit is not None and limit < 1:
            raise DispatchError(_("{0} must be 1 or more.").format(name))
    if expires is not None:
        try:
            date.fromisoformat(expires)
        except ValueError:
            raise DispatchError(_("--expires '{0}' is not a date like 2027-03-31.").format(expires)) from None
    if not Path(out).absolute().parent.is_dir():
        raise DispatchError(_("The folder {0} does not exist; choose another place for the dispatch file.").format(
            Path(out).absolute().parent))
    if course.removed or not course.folder.is_dir():
        raise DispatchError(
            _("The files of '{0}' are not in the library; import it again to dispatch it.").format(course.title))
    from ..package.archive import open_package  # the package's modules load for a dispatch, not for every `play`
    from . import writing  # a kill at any point leaves nothing, or the recorded dispatch with its whole file

    intent = writing.begin(sessions, str(uuid.uuid4()), out)
    package, partial = Path(intent["package"]), Path(intent["partial"])
    try:
        zip_folder(course.folder, package)
        with open_package(package) as pkg:
            content_hash = pkg.content_hash()
        key = device_key(sessions)
        licence = Licence(
            dispatch_id=intent["dispatch_id"], course_identifier=course.identifier, course_title=course.title,
            content_hash=content_hash, package_sha256=sha256_file(package), recipient=recipient.strip(),
            max_launches=max_launches, max_learners=max_learners, expires=expires, issued_at=_iso(clock()),
            issuer_key=key.public_b64,
        )
        signature = sign_licence(key.private, licence)
        write_dispatch(partial, licence, signature, package)
        writing.pause_for_tests("after-file")
        with sessions.begin() as s:
            s.add(DispatchIssued(
                dispatch_id=licence.dispatch_id, course_id=course.id, course_title=course.title,
                recipient=licence.recipient, licence_json=licence.to_line().decode(),
                signature=base64.b64encode(signature).decode(), issued_at=licence.issued_at,
            ))
    except BaseException:
        writing.abandon(sessions, intent)
        raise
    writing.pause_for_tests("after-row")
    writing.complete(sessions, intent)
    return licence


def zip_folder(folder: Path, target: Path) -> None:
    """Write the course folder as a ZIP to `target` (sorted entries, fixed dates: the same folder gives the same
    bytes); the app's own files (converted media, bookkeeping) are not the course and stay out."""
    import zipfile

    from ..package.archive import is_reserved

    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()):
            relpath = path.relative_to(folder).as_posix()
            if is_reserved(relpath):
                continue
            info = zipfile.ZipInfo(relpath, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            with open(path, "rb") as src, zf.open(info, "w") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)


def issued(sessions: sessionmaker) -> list[dict]:
    from .writing import finish_interrupted

    finish_interrupted(sessions)  # a `dispatch create` killed midway: finished or undone first
    with sessions() as s:
        rows = s.scalars(select(DispatchIssued).order_by(DispatchIssued.issued_at)).all()
        return [{**json.loads(r.licence_json), "course_id": r.course_id, "revoked_at": r.revoked_at} for r in rows]


def revoke(sessions: sessionmaker, dispatch_id: str, clock: Clock = system_clock) -> dict:
    """Mark an issued dispatch revoked; returns the signed revocation list of every dispatch revoked so far."""
    with sessions.begin() as s:
        row = s.get(DispatchIssued, dispatch_id)
        if row is None:
            raise DispatchError(_("This installation issued no dispatch '{0}' (see: dispatch list).").format(dispatch_id))
        row.revoked_at = row.revoked_at or _iso(clock())
    return revocation_list(sessions, clock)


def revocation_list(sessions: sessionmaker, clock: Clock = system_clock) -> dict:
    key = device_key(sessions)
    with sessions() as s:
        revoked = {r.dispatch_id: r.revoked_at for r in s.scalars(
            select(DispatchIssued).where(DispatchIssued.revoked_at.is_not(None)))}
    return sign_revocations(key.private, key.public_b64, revoked, _iso(clock()))


# -- trusting and receiving -------------------------------------------------------------------------------------------
def read_key_file(path: Path) -> str:
    """An issuer's public key from a key file (`dispatch key --out`): the base64 key on a line of its own."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DispatchError(_("'{0}' cannot be read as an issuer key file ({1}).").format(path.name, exc)) from None
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            try:
                if len(base64.b64decode(line, validate=True)) == 32:
                    return line
            except ValueError:
                pass
    raise DispatchError(
        _("'{0}' holds no issuer key (write one with: scorm-desktop dispatch key --out FILE).").format(path.name))


def key_file_text(public_b64: str) -> str:
    return f"# SCORM Desktop dispatch issuer key, fingerprint {fingerprint(public_b64)}\n{public_b64}\n"


def trust(sessions: sessionmaker, public_b64: str) -> str:
    with sessions.begin() as s:
        if s.get(DispatchIssuer, public_b64) is None:
            s.add(DispatchIssuer(public_key=public_b64, fingerprint=fingerprint(public_b64), trusted_at=utcnow()))
    return fingerprint(public_b64)


def trusted(sessions: sessionmaker) -> list[str]:
    with sessions() as s:
        return list(s.scalars(select(DispatchIssuer.public_key)))


def untrusted_issuers(sessions: sessionmaker, paths: list[Path]) -> dict[str, list[Path]]:
    """{issuer key: files} for the genuine dispatch files (signature and course intact) among `paths` whose issuer is
    not trusted yet: what a first-use confirmation asks about."""
    from .licence import is_dispatch_file

    found: dict[str, list[Path]] = {}
    known = set(trusted(sessions))
    for path in paths:
        if not is_dispatch_file(path):
            continue
        try:
            licence, _sig = read_dispatch(path)
        except DispatchError:
            continue
        if licence.issuer_key not in known:
            found.setdefault(licence.issuer_key, []).append(path)
    return found


def check_dispatch(sessions: sessionmaker, path: Path, staging: Path) -> tuple[Licence, bytes, Path]:
    """Everything checked before anything is written: format, signature, package hash, a trusted issuer, not
    revoked, and the course's content hash. Returns (licence, signature, the package as a ZIP in `staging`)."""
    from ..package.archive import open_package

    licence, signature = read_dispatch(path)  # checked once without writing anything
    with sessions() as s:
        if s.get(DispatchIssuer, licence.issuer_key) is None:
            raise DispatchError(
                _("'{0}' comes from an issuer this computer does not trust (fingerprint "
                  "{1}); trust it first with: scorm-desktop dispatch trust KEYFILE.").format(
                    path.name, licence.issuer_fingerprint)
            )
        if s.get(DispatchRevocation, (licence.issuer_key, licence.dispatch_id)) is not None:
            raise DispatchError(_("'{0}' was revoked by its issuer; ask the issuer for a new dispatch.").format(path.name))
    staging.mkdir(parents=True, exist_ok=True)
    tmp = staging / f"dispatch-{licence.dispatch_id}.zip"
    read_dispatch(path, copy_to=tmp)  # the copy is checked again as it is written (the file may change meanwhile)
    try:
        with open_package(tmp) as pkg:
            digest = pkg.content_hash()
    except PackageError:
        tmp.unlink(missing_ok=True)
        raise
    if digest != licence.content_hash:
        tmp.unlink(missing_ok=True)
        raise DispatchError(_("'{0}' holds another course than its licence names; not imported.").format(path.name))
    return licence, signature, tmp


def remember_pending(sessions: sessionmaker, licence: Licence, signature: bytes) -> None:
    """Before the course is imported: keep the checked licence under the course's content hash, so an import killed
    after its course was recorded (or finished by the next start's tidy) still gets its licence (`adopt_pending`)."""
    with sessions.begin() as s:
        _put(s, PENDING + licence.content_hash,
             json.dumps({"licence": licence.to_line().decode(), "signature": base64.b64encode(signature).decode()}))


def forget_pending(sessions: sessionmaker, licence: Licence) -> None:
    with sessions.begin() as s:
        row = s.get(DispatchState, PENDING + licence.content_hash)
        if row is not None:
            s.delete(row)


def adopt_pending(sessions: sessionmaker) -> None:
    """Attach every pending licence whose course is in the library now (nothing to do, and no write, usually)."""
    with sessions() as s:
        pending = s.execute(select(DispatchState.key, DispatchState.value, Course.id).join(
            Course, Course.content_hash == func.substr(DispatchState.key, len(PENDING) + 1)).where(
            DispatchState.key.like(PENDING + "%"))).all()
    for _key, value, course_id in pending:
        data = json.loads(value)
        attach_licence(sessions, course_id, Licence.from_json(json.loads(data["licence"])),
                       base64.b64decode(data["signature"]))


def attach_licence(sessions: sessionmaker, course_id: int, licence: Licence, signature: bytes,
                   clock: Clock = system_clock) -> None:
    """Record the licence on the imported course (a newer dispatch of the same course replaces the older one)."""
    with sessions.begin() as s:
        _see(s, clock())
        pending = s.get(DispatchState, PENDING + licence.content_hash)
        if pending is not None:
            s.delete(pending)
        for old in s.scalars(select(DispatchLicence).where(DispatchLicence.course_id == course_id)):
            s.delete(old)
        s.flush()
        s.merge(DispatchLicence(
            dispatch_id=licence.dispatch_id, course_id=course_id, issuer_key=licence.issuer_key,
            licence_json=licence.to_line().decode(), signature=base64.b64encode(signature).decode(),
            imported_at=utcnow(),
        ))


# -- what a device shows and enforces ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class LicenceState:
    licence: Licence
    launches: int
    learners: int
    revoked: bool
    now: datetime

    @property
    def launches_left(self) -> int | None:
        cap = self.licence.max_launches
        return None if cap is None else max(0, cap - self.launches)

    @property
    def expired(self) -> bool:
        end = self.licence.expires_at()
        return end is not None and self.now >= end

    def summary(self) -> str:
        """One line for the library: "12 of 20 launches left, expires 31 March 2027"."""
        lic = self.licence
        if self.revoked:
            return _("revoked by the issuer")
        parts = []
        if lic.max_launches is not None:
            parts.append(_("{0} of {1} launches left").format(self.launches_left, lic.max_launches))
        if lic.max_learners is not None:
            parts.append(_("{0} of {1} learners").format(self.learners, lic.max_learners))
        if lic.expires is not None:
            d = date.fromisoformat(lic.expires)
            months = (_("January"), _("February"), _("March"), _("April"), _("May"), _("June"), _("July"),
                      _("August"), _("September"), _("October"), _("November"), _("December"))
            day = _("{0} {1} {2}").format(d.day, months[d.month - 1], d.year)  # "31 March 2027", "31 de marzo de 2027"
            parts.append((_("expired {0}") if self.expired else _("expires {0}")).format(day))
        return ", ".join(parts) or _("no limits")

    def to_json(self) -> dict:
        return {**self.licence.to_json(), "launches": self.launches, "learners": self.learners,
                "launches_left": self.launches_left, "revoked": self.revoked, "expired": self.expired,
                "summary": self.summary()}


def licence_state(sessions: sessionmaker, course_id: int, clock: Clock = system_clock) -> LicenceState | None:
    adopt_pending(sessions)
    with sessions() as s:
        return _state(s, course_id, _effective(s, clock()))


def licence_lines(sessions: sessionmaker, clock: Clock = system_clock) -> dict[int, str]:
    """{course id: the licence's one-line summary} for every course that carries a licence (for the library)."""
    adopt_pending(sessions)
    with sessions() as s:
        now = _effective(s, clock())
        ids = list(s.scalars(select(DispatchLicence.course_id)))
        return {cid: st.summary() for cid in ids if (st := _state(s, cid, now)) is not None}


def _state(s, course_id: int, now: datetime) -> LicenceState | None:
    row = s.scalars(select(DispatchLicence).where(DispatchLicence.course_id == course_id)).first()
    if row is None:
        return None
    lic = Licence.from_json(json.loads(row.licence_json))
    launches = s.execute(select(func.count()).where(DispatchLaunch.dispatch_id == lic.dispatch_id)).scalar_one()
    learners = s.execute(select(func.count(func.distinct(DispatchLaunch.learner_uid))).where(
        DispatchLaunch.dispatch_id == lic.dispatch_id)).scalar_one()
    revoked = s.get(DispatchRevocation, (lic.issuer_key, lic.dispatch_id)) is not None
    return LicenceState(lic, launches, learners, revoked, now)


def admit_launch(records, course, learner, clock: Clock = system_clock) -> LicenceState | None:
    """Called once before a launch is recorded: refuse it (DispatchError) if the course's licence does not allow it,
    else count it and queue a "launched" statement in the same transaction. None for a course with no licence."""
    sessions = records.sessions
    adopt_pending(sessions)
    with sessions() as s:
        has = s.scalars(select(DispatchLicence.dispatch_id).where(DispatchLicence.course_id == course.id)).first()
    if has is None:
        return None  # a course with no licence: nothing written, nothing checked
    with sessions.begin() as s:
        _see(s, clock())  # kept even when the launch is refused
    _attempt_id, registration = records.current_attempt(learner.id, course.id)
    with sessions.begin() as s:
        st = _state(s, course.id, _effective(s, clock()))
        lic = st.licence
        known = _refuse(s, st, course.title, learner.uid)
        launch = DispatchLaunch(dispatch_id=lic.dispatch_id, learner_uid=learner.uid, launched_at=utcnow())
        s.add(launch)
        s.flush()
        if records.statements is not None:
            b = records.statements
            stmt = {
                # launch ids restart after a restore from backup: the time and registration keep the id new
                "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{DISPATCH_ACTIVITY}{lic.dispatch_id}/launch/{launch.id}/"
                                                         f"{registration}/{launch.launched_at}")),
                "actor": b.actor(learner.uid, learner.name),
                "verb": {"id": LAUNCHED, "display": {"en-US": "launched"}},
                "object": {"objectType": "Activity", "id": b.course_iri(course.identifier),
                           "definition": {"name": {"en-US": course.title},
                                          "type": "http://adlnet.gov/expapi/activities/course"}},
                "context": {"registration": registration, "platform": b.options.platform},
                "timestamp": launch.launched_at,
            }
            if b.options.device_id:
                stmt["context"]["extensions"] = {b.options.device_extension: b.options.device_id}
            records.queue_statements(s, [(stmt["id"], registration, to_json(stmt))], launch.launched_at)
        return LicenceState(lic, st.launches + 1, st.learners + (not known), False, st.now)


def _refuse(s, st: LicenceState, title: str, learner_uid: str | None) -> bool:
    """Raise DispatchError (one sentence that says what to do) if the licence does not allow a launch by this
    learner (None: a learner not created yet); else whether the learner has launched under it before."""
    lic = st.licence
    ask = _("ask the issuer for a new dispatch of this course; earlier results are kept and still synced.")
    if st.revoked:
        raise DispatchError(_("'{0}' was revoked by its issuer: {1}").format(title, ask))
    if st.expired:
        raise DispatchError(_("The licence for '{0}' expired on {1}: {2}").format(title, lic.expires, ask))
    if lic.max_launches is not None and st.launches >= lic.max_launches:
        if lic.max_launches == 1:
            raise DispatchError(_("'{0}' has used the one launch of its licence: {1}").format(title, ask))
        raise DispatchError(_("'{0}' has used all {1} launches of its licence: {2}").format(
            title, lic.max_launches, ask))
    known = learner_uid is not None and s.scalars(select(DispatchLaunch.id).where(
        DispatchLaunch.dispatch_id == lic.dispatch_id, DispatchLaunch.learner_uid == learner_uid)).first() is not None
    if not known and lic.max_learners is not None and st.learners >= lic.max_learners:
        raise DispatchError(
            _("'{0}' is licensed for {1}, all taken: {2}").format(
                title, plural(lic.max_learners, _("{0} learner"), _("{0} learners")), ask))
    return known


def refusal_before_play(services, course, learner_name: str | None, preview: bool) -> str | None:
    """For `play`: the sentence a launch would be refused with, found before any window or engine starts (nothing
    is recorded; the launch itself is checked and counted again by `admit_launch`)."""
    if preview:
        return None
    records = services.records
    if learner_name is None:
        learner = min(records.learners(), key=lambda lr: lr.id, default=None)
    else:
        learner = records.find_learner(learner_name)
    adopt_pending(services.sessions)
    with services.sessions() as s:
        st = _state(s, course.id, _effective(s, system_clock()))
        if st is None:
            return None
        try:
            _refuse(s, st, course.title, learner.uid if learner else None)
        except DispatchError as exc:
            return str(exc)
    return None


def _get(s, key: str) -> str | None:
    row = s.get(DispatchState, key)
    return None if row is None else row.value


def _put(s, key: str, value: str) -> None:
    s.merge(DispatchState(key=key, value=value))


def _see(s, now: datetime) -> None:
    latest = _get(s, "latest_seen")
    if latest is None or now > datetime.fromisoformat(latest):
        _put(s, "latest_seen", now.astimezone(timezone.utc).isoformat())


def _effective(s, now: datetime) -> datetime:
    latest = _get(s, "latest_seen")
    if latest is None:
        return now
    return max(now, datetime.fromisoformat(latest) - CLOCK_TOLERANCE)


# -- revocations ------------------------------------------------------------------------------------------------------
def apply_revocations(sessions: sessionmaker, doc: object, source: str) -> list[str]:
    """Record a signed revocation list from a trusted issuer; returns the dispatch ids newly revoked."""
    body = verify_revocations(doc, source)
    issuer = body["issuer"]
    added = []
    with sessions.begin() as s:
        if s.get(DispatchIssuer, issuer) is None:
            raise DispatchError(
                _("{0} comes from an issuer this computer does not trust (fingerprint {1}); "
                  "nothing was changed.").format(source, fingerprint(issuer)))
        for dispatch_id, when in body["revoked"].items():
            if s.get(DispatchRevocation, (issuer, dispatch_id)) is None:
                s.add(DispatchRevocation(issuer_key=issuer, dispatch_id=dispatch_id, revoked_at=when))
                added.append(dispatch_id)
    return added


def course_of(sessions: sessionmaker, dispatch_id: str) -> int | None:
    with sessions() as s:
        return s.scalars(select(DispatchLicence.course_id).where(DispatchLicence.dispatch_id == dispatch_id)).first()
