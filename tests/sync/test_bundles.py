"""USB bundles: pending statements exported to a signed file, imported and sent by another machine, never twice."""

from __future__ import annotations

import base64
import json
from argparse import Namespace
from pathlib import Path

import pytest

from helpers import PROBE_2004
from lrs import lrs, lrs_statements, open_recording_services, outbox_rows, play, quiz_events  # noqa: F401
from scorm_desktop.sync import BundleError, SyncEngine, SyncSettings, export_records, import_records
from scorm_desktop.sync.bundles import MAGIC, device_key, read_bundle
from scorm_desktop.cli.sync import cmd_export_records, cmd_import_records


@pytest.fixture
def laptop(tmp_path: Path):
    """The offline machine, with two finished sessions."""
    s = open_recording_services(tmp_path / "laptop")
    course = s.library.import_package(PROBE_2004).course.id
    play(s, course, "Ada", quiz_events(answers=2))
    play(s, course, "Bob", quiz_events(answers=1, passed=False))
    yield s
    s.close()


@pytest.fixture
def office(tmp_path: Path):
    """The connected machine (its own library, no courses needed)."""
    s = open_recording_services(tmp_path / "office")
    yield s
    s.close()


def test_export_import_keeps_ids_bodies_and_order(laptop, office, tmp_path: Path) -> None:
    bundle = tmp_path / "records.sdrecords"
    exported = export_records(laptop.sessions, bundle)
    source = outbox_rows(laptop)
    assert exported.count == len(source) > 0
    assert bundle.read_bytes().startswith(MAGIC)
    result = import_records(office.sessions, bundle)
    assert (result.count, result.queued, result.already_known, result.new_device) == (len(source), len(source), 0, True)
    assert result.device_id == exported.device_id and result.fingerprint == exported.fingerprint
    assert outbox_rows(office) == source  # same ids, registrations, order within each registration and state
    assert _bodies(office) == _bodies(laptop)
    again = import_records(office.sessions, bundle)
    assert (again.queued, again.already_known, again.new_device) == (0, len(source), False)
    assert len(outbox_rows(office)) == len(source)


def test_a_statement_reaches_the_lrs_once_whichever_machine_sends(laptop, office, lrs: str, tmp_path: Path) -> None:
    bundle = tmp_path / "records.sdrecords"
    export_records(laptop.sessions, bundle)
    import_records(office.sessions, bundle)
    import_records(office.sessions, bundle)
    cfg = SyncSettings(endpoint=lrs, username="test")
    assert SyncEngine(office.sessions, cfg, "x").run().complete
    assert SyncEngine(laptop.sessions, cfg, "x").run().complete  # the laptop gets online later
    ids = {r[0] for r in outbox_rows(laptop)}
    held = [st["id"] for st in lrs_statements(lrs) if st["id"] in ids]
    assert sorted(held) == sorted(ids)


def test_only_pending_statements_are_exported(laptop, tmp_path: Path) -> None:
    from sqlalchemy import text

    with laptop.engine.begin() as conn:
        conn.execute(text("UPDATE outbox SET state = 'sent' WHERE id <= 3"))
    result = export_records(laptop.sessions, tmp_path / "b.sdrecords")
    assert result.count == len(outbox_rows(laptop)) - 3
    _, statements = read_bundle(tmp_path / "b.sdrecords")
    assert [s["id"] for s in statements] == [r[0] for r in outbox_rows(laptop)[3:]]


def test_a_changed_byte_is_refused(laptop, office, tmp_path: Path) -> None:
    bundle = tmp_path / "records.sdrecords"
    export_records(laptop.sessions, bundle)
    data = bytearray(bundle.read_bytes())
    data[-40] ^= 0x01  # inside the compressed statements
    bundle.write_bytes(bytes(data))
    with pytest.raises(BundleError, match="signature does not match"):
        import_records(office.sessions, bundle)
    assert outbox_rows(office) == []


def test_a_changed_header_is_refused(laptop, office, tmp_path: Path) -> None:
    bundle = tmp_path / "records.sdrecords"
    export_records(laptop.sessions, bundle)
    data = bundle.read_bytes().replace(b'"count": ', b'"count": 1', 1)
    bundle.write_bytes(data)
    with pytest.raises(BundleError):
        import_records(office.sessions, bundle)


def test_a_bundle_re_signed_with_another_key_for_a_known_device_is_refused(laptop, office, tmp_path: Path) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    bundle = tmp_path / "records.sdrecords"
    export_records(laptop.sessions, bundle)
    import_records(office.sessions, bundle)  # the laptop's key is pinned now
    data = bundle.read_bytes()[len(MAGIC):]
    header_line, rest = data.split(b"\n", 1)
    _, payload = rest.split(b"\n", 1)
    header = json.loads(header_line)
    forged = Ed25519PrivateKey.generate()
    header["public_key"] = base64.b64encode(forged.public_key().public_bytes_raw()).decode()
    new_header = json.dumps(header, sort_keys=True).encode() + b"\n"
    sig = forged.sign(MAGIC + new_header + payload)
    bundle.write_bytes(MAGIC + new_header + base64.b64encode(sig) + b"\n" + payload)
    read_bundle(bundle)  # a valid signature in itself...
    with pytest.raises(BundleError, match="another key"):
        import_records(office.sessions, bundle)  # ...but not by the key this device was first seen with


def test_not_a_bundle(office, tmp_path: Path) -> None:
    junk = tmp_path / "junk.sdrecords"
    junk.write_bytes(b"PK\x03\x04 not ours")
    with pytest.raises(BundleError, match="not a SCORM Desktop records bundle"):
        import_records(office.sessions, junk)


def test_the_device_key_is_made_once_and_kept(laptop, tmp_path: Path) -> None:
    first = device_key(laptop.sessions)
    assert device_key(laptop.sessions).device_id == first.device_id
    assert device_key(laptop.sessions).public_b64 == first.public_b64


def test_commands(laptop, office, tmp_path: Path, capsys) -> None:
    bundle = str(tmp_path / "usb" / "records.sdrecords")
    (tmp_path / "usb").mkdir()
    assert cmd_export_records(laptop, Namespace(file=bundle, json=True)) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["count"] == len(outbox_rows(laptop))
    assert cmd_import_records(office, Namespace(file=bundle, json=False)) == 0
    assert f"queued {out['count']} of {out['count']}" in capsys.readouterr().out
    assert cmd_import_records(office, Namespace(file=bundle, json=True)) == 0
    assert json.loads(capsys.readouterr().out)["queued"] == 0
    Path(bundle).write_bytes(b"garbage")
    assert cmd_import_records(office, Namespace(file=bundle, json=False)) == 1
    assert capsys.readouterr().err.startswith("refused: ")
    assert cmd_export_records(laptop, Namespace(file=str(tmp_path / "missing" / "x"), json=False)) == 1


def _bodies(svc) -> list[str]:
    from sqlalchemy import text

    with svc.engine.connect() as conn:
        return [r[0] for r in conn.execute(text("SELECT body FROM outbox ORDER BY id"))]
