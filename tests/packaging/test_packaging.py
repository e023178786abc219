"""Packaging files, checked without building anything (the real build + smoke test is packaging/build.sh and
packaging/smoke-test.sh): the PyInstaller spec on each platform, the icons it names, the Linux desktop entry and
AppStream metadata, and the build scripts."""

from __future__ import annotations

import ast
import configparser
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import scorm_desktop
from scorm_desktop import resources

ROOT = Path(__file__).resolve().parent.parent.parent
PKG = ROOT / "packaging"
SPEC = PKG / "scorm-desktop.spec"
LAUNCHER = PKG / "launcher.py"
ICONS = PKG / "icons"
APP_ID = "org.scormdesktop.ScormDesktop"
DESKTOP = PKG / "linux" / f"{APP_ID}.desktop"
METAINFO = PKG / "linux" / f"{APP_ID}.metainfo.xml"
QT_UNUSED = {"PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtOpenGL"}


# -- the spec, run with stand-ins for PyInstaller's build classes --------------------------------------------------
class _Recorder:
    def __init__(self, kind: str, calls: dict, *args, **kwargs) -> None:
        self.args, self.kwargs = args, kwargs
        calls.setdefault(kind, []).append(self)


def run_spec(platform: str, workpath: Path, monkeypatch) -> tuple[dict, dict]:
    """Execute the spec as PyInstaller would on `platform`, recording what it asks to build."""
    calls: dict[str, list[_Recorder]] = {}

    def analysis(scripts, **kwargs):
        rec = _Recorder("Analysis", calls, scripts, **kwargs)
        # What the hooks would add: one kept and one dropped WebEngine locale, Qt translations, a library.
        rec.pure, rec.scripts, rec.binaries = [], [], []
        rec.datas = [(dest, src, "DATA") for src, dest in kwargs["datas"]] + [
            ("PySide6/Qt/translations/qtwebengine_locales/en-US.pak", "x", "DATA"),
            ("PySide6/Qt/translations/qtwebengine_locales/de.pak", "x", "DATA"),
            ("QtWebEngineCore.framework/Versions/A/Resources/qtwebengine_locales/ja.pak", "x", "DATA"),
            ("PySide6/Qt/translations/qtwebengine_locales/fr.pak", "x", "DATA"),
            ("PySide6/Qt/translations/qtwebengine_locales/es.pak", "x", "DATA"),
            ("PySide6/Qt/translations/qtbase_fr.qm", "x", "DATA"),
            ("PySide6/Qt/translations/qt_help_es.qm", "x", "DATA"),
            ("PySide6/Qt/resources/qtwebengine_devtools_resources.pak", "x", "DATA"),
            ("PySide6/Qt/translations/qtbase_de.qm", "x", "DATA"),
            ("PySide6/Qt/translations/qtbase_en.qm", "x", "DATA"),
            ("PySide6/Qt/resources/qtwebengine_resources.pak", "x", "DATA"),
        ]
        return rec

    stubs = {
        "Analysis": analysis,
        **{
            kind: (lambda kind: lambda *a, **k: _Recorder(kind, calls, *a, **k))(kind)
            for kind in ("PYZ", "EXE", "COLLECT", "BUNDLE")
        },
    }
    namespace = {"SPECPATH": str(PKG), "workpath": str(workpath), "__file__": str(SPEC), **stubs}
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(sys, "path", list(sys.path))  # the spec puts packaging/ on sys.path
    monkeypatch.delitem(sys.modules, "appinfo", raising=False)
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    monkeypatch.undo()
    return calls, namespace


def test_spec_parses_as_python():
    ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))


def test_spec_freezes_the_console_entry_point(tmp_path, monkeypatch):
    calls, ns = run_spec("linux", tmp_path, monkeypatch)
    assert ns["ENTRY_POINT"] == "scorm_desktop.cli:main"
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'scorm-desktop = "{ns["ENTRY_POINT"]}"' in pyproject  # the same as the installed command
    (analysis,) = calls["Analysis"]
    assert analysis.args[0] == [str(LAUNCHER)]
    # The launcher calls exactly that function.
    tree = ast.parse(LAUNCHER.read_text(encoding="utf-8"))
    imports = [n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert any(n.module == "scorm_desktop.cli" and [a.name for a in n.names] == ["main"] for n in imports)
    assert "sys.exit(main())" in LAUNCHER.read_text(encoding="utf-8")


def test_spec_bundles_resources_where_the_frozen_app_looks(tmp_path, monkeypatch):
    calls, _ = run_spec("linux", tmp_path, monkeypatch)
    (analysis,) = calls["Analysis"]
    assert (str(ROOT / "resources"), "resources") in analysis.kwargs["datas"]
    for needed in ("player/player.html", "player/runtime.js", "icons/scorm-desktop.svg", "sample-course/imsmanifest.xml"):
        assert (ROOT / "resources" / needed).is_file(), needed
    # resources.resource_dir() in a frozen build: sys._MEIPASS/resources, the destination above.
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resource_dir() == tmp_path / "resources"


def test_spec_excludes_unused_qt_and_keeps_only_our_languages(tmp_path, monkeypatch):
    calls, _ = run_spec("linux", tmp_path, monkeypatch)
    (analysis,) = calls["Analysis"]
    assert QT_UNUSED <= set(analysis.kwargs["excludes"])
    assert not {"PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtWebChannel"} & set(
        analysis.kwargs["excludes"]
    )
    kept = {dest for dest, _, _ in analysis.datas}
    assert "PySide6/Qt/translations/qtwebengine_locales/en-US.pak" in kept
    assert "PySide6/Qt/translations/qtwebengine_locales/de.pak" not in kept
    assert "QtWebEngineCore.framework/Versions/A/Resources/qtwebengine_locales/ja.pak" not in kept
    assert "PySide6/Qt/translations/qtbase_de.qm" not in kept
    assert "PySide6/Qt/translations/qtbase_en.qm" in kept
    # The languages the app ships (en, fr, es) keep Qt's and Chromium's own strings.
    assert {
        "PySide6/Qt/translations/qtwebengine_locales/fr.pak",
        "PySide6/Qt/translations/qtwebengine_locales/es.pak",
        "PySide6/Qt/translations/qtbase_fr.qm",
        "PySide6/Qt/translations/qt_help_es.qm",
    } <= kept
    assert "PySide6/Qt/resources/qtwebengine_devtools_resources.pak" not in kept  # the app never opens devtools
    assert "PySide6/Qt/resources/qtwebengine_resources.pak" in kept
    assert "resources" in kept


def test_spec_leaves_out_python_packages_the_app_never_runs(tmp_path, monkeypatch):
    calls, namespace = run_spec("linux", tmp_path, monkeypatch)
    excludes = set(calls["Analysis"][0].kwargs["excludes"])
    assert {"pygments", "rich", "sqlalchemy.dialects.postgresql", "sqlalchemy.dialects.mysql"} <= excludes
    assert not any(e.startswith("sqlalchemy.dialects.sqlite") or e in ("httpx", "sqlalchemy") for e in excludes)
    # The app with those modules unimportable: httpx imports, the storage opens, a course imports, a report runs.
    code = (
        "import sys, tempfile\n"
        "from pathlib import Path\n"
        "for m in sys.argv[2:]: sys.modules[m] = None\n"
        "import httpx\n"
        "from scorm_desktop.cli import main\n"
        "d = tempfile.mkdtemp()\n"
        "assert main(['--data-dir', d, 'import', sys.argv[1]]) == 0\n"
        "assert main(['--data-dir', d, 'report', '--json']) == 0\n"
        "assert main(['--data-dir', d, 'courses', '--json']) == 0\n"
    )
    r = subprocess.run([sys.executable, "-c", code, str(ROOT / "tests" / "data" / "sco-multi-12"),
                        *namespace["UNUSED_PYTHON"]], capture_output=True, text=True, timeout=120,
                       cwd=ROOT, env={**__import__("os").environ, "PYTHONPATH": str(ROOT)})
    assert r.returncode == 0, r.stderr[-2000:]
    assert "Two SCOs" in r.stdout


def test_spec_builds_one_folder_named_scorm_desktop(tmp_path, monkeypatch):
    calls, _ = run_spec("linux", tmp_path, monkeypatch)
    (exe,) = calls["EXE"]
    (coll,) = calls["COLLECT"]
    assert exe.kwargs["name"] == "scorm-desktop" and exe.kwargs["exclude_binaries"] is True  # --onedir
    assert coll.kwargs["name"] == "scorm-desktop"
    assert "BUNDLE" not in calls
    assert exe.kwargs["version"] is None and exe.kwargs["icon"] is None


def test_spec_on_windows_has_our_icon_and_a_version_resource(tmp_path, monkeypatch):
    calls, _ = run_spec("win32", tmp_path, monkeypatch)
    (exe,) = calls["EXE"]
    assert exe.kwargs["icon"] == str(ICONS / "scorm-desktop.ico")
    assert exe.kwargs["console"] is True and exe.kwargs["hide_console"] == "hide-early"
    version_file = Path(exe.kwargs["version"])
    assert version_file.parent == tmp_path
    text = version_file.read_text(encoding="utf-8")
    v = scorm_desktop.__version__
    assert f"StringStruct('ProductVersion', '{v}')" in text
    numbers = tuple(int(n) for n in v.split(".")) + (0,) * (4 - len(v.split(".")))
    assert f"filevers={numbers!r}" in text
    compile(text, str(version_file), "eval")  # PyInstaller eval()s it


def test_spec_on_macos_makes_an_app_with_our_identifier_and_zip_document_type(tmp_path, monkeypatch):
    calls, _ = run_spec("darwin", tmp_path, monkeypatch)
    (exe,) = calls["EXE"]
    (bundle,) = calls["BUNDLE"]
    assert exe.kwargs["icon"] == str(ICONS / "scorm-desktop.icns")
    assert exe.kwargs["argv_emulation"] is True and exe.kwargs["console"] is False
    assert bundle.kwargs["bundle_identifier"] == APP_ID
    assert bundle.kwargs["version"] == scorm_desktop.__version__
    plist = bundle.kwargs["info_plist"]
    assert plist["CFBundleShortVersionString"] == scorm_desktop.__version__
    (doc,) = plist["CFBundleDocumentTypes"]
    assert "public.zip-archive" in doc["LSItemContentTypes"] and doc["CFBundleTypeExtensions"] == ["zip"]


def test_appinfo_version_matches_the_package_and_parses_suffixes():
    sys.path.insert(0, str(PKG))
    try:
        import appinfo
    finally:
        sys.path.remove(str(PKG))
    assert appinfo.read_version(ROOT / "scorm_desktop" / "__init__.py") == scorm_desktop.__version__
    assert appinfo.version_tuple("0.1.0") == (0, 1, 0, 0)
    assert appinfo.version_tuple("1.2.3rc1") == (1, 2, 3, 0)
    assert appinfo.version_tuple("2") == (2, 0, 0, 0)
    with pytest.raises(ValueError):
        appinfo.version_tuple("dev")


# -- icons ---------------------------------------------------------------------------------------------------------
def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_icons_exist_at_every_size_the_spec_names(tmp_path, monkeypatch):
    _, ns = run_spec("linux", tmp_path, monkeypatch)
    sizes = ns["ICON_SIZES"]
    assert min(sizes) == 16 and max(sizes) == 512
    for s in sizes:
        assert png_size(ICONS / f"scorm-desktop-{s}.png") == (s, s)
    assert png_size(ICONS / "scorm-desktop.png") == (256, 256)
    sys.path.insert(0, str(PKG))
    try:
        import make_icons
    finally:
        sys.path.remove(str(PKG))
    assert tuple(make_icons.SIZES) == tuple(sizes)  # the generator writes what the spec expects


def test_windows_icon_holds_16_to_256():
    data = (ICONS / "scorm-desktop.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for i in range(count):
        w, h, _, _, _, _, length, offset = struct.unpack("<BBBBHHII", data[6 + 16 * i : 22 + 16 * i])
        assert data[offset : offset + 8] == b"\x89PNG\r\n\x1a\n" and offset + length <= len(data)
        sizes.add(w or 256)
    assert {16, 32, 48, 256} <= sizes


def test_macos_icon_is_an_icns_with_512_and_1024():
    data = (ICONS / "scorm-desktop.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    kinds, pos = set(), 8
    while pos < len(data):
        kind, length = data[pos : pos + 4], struct.unpack(">I", data[pos + 4 : pos + 8])[0]
        assert length > 8
        kinds.add(kind)
        pos += length
    assert pos == len(data)
    assert {b"icp4", b"ic07", b"ic08", b"ic09", b"ic10"} <= kinds


# -- Linux desktop integration -------------------------------------------------------------------------------------
def read_desktop() -> configparser.SectionProxy:
    cp = configparser.ConfigParser(interpolation=None, strict=True)
    cp.optionxform = str  # keys are case-sensitive
    cp.read_string(DESKTOP.read_text(encoding="utf-8"))
    return cp["Desktop Entry"]


def test_desktop_entry_opens_zip_files_and_is_an_education_app():
    entry = read_desktop()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "SCORM Desktop"
    exec_args = entry["Exec"].split()
    assert exec_args[0] == "scorm-desktop" and exec_args[-1] == "%F"  # "Open with" passes the files
    assert entry["MimeType"].endswith(";")
    assert {"application/zip", "application/x-zip-compressed"} <= set(filter(None, entry["MimeType"].split(";")))
    assert "Education" in entry["Categories"].split(";")
    assert entry["Terminal"] == "false"
    assert entry["Icon"] == APP_ID  # installed from packaging/icons as hicolor/<N>x<N>/apps/<APP_ID>.png
    assert f"hicolor/${{s}}x${{s}}/apps/$APP_ID.png" in (PKG / "linux" / "install.sh").read_text(encoding="utf-8")


def test_metainfo_is_well_formed_with_the_required_elements():
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "Apache-2.0"
    assert root.findtext("name") == "SCORM Desktop"
    assert root.findtext("summary")
    assert len(root.findall("description/p")) >= 1
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP.name
    images = [img.text for img in root.findall("screenshots/screenshot/image")]
    assert any(img.endswith("docs/screenshots/library.png") for img in images)
    for img in images:
        assert (ROOT / "docs" / "screenshots" / img.rsplit("/", 1)[1]).is_file(), img
    assert root.find("screenshots/screenshot[@type='default']") is not None
    releases = root.findall("releases/release")
    assert releases and releases[0].get("version") == scorm_desktop.__version__  # newest first
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", releases[0].get("date", ""))
    rating = root.find("content_rating")
    assert rating is not None and rating.get("type", "").startswith("oars-")


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (apt-get install {'appstream' if 'appstream' in name else 'desktop-file-utils'})")
    return path


def test_metainfo_passes_appstreamcli_validate():
    r = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)], capture_output=True, text=True, timeout=60
    )
    assert r.returncode == 0, r.stdout + r.stderr


def test_desktop_entry_passes_desktop_file_validate():
    r = subprocess.run([_tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and not r.stdout.strip(), r.stdout + r.stderr


# -- scripts -------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "script",
    ["build.sh", "smoke-test.sh", "linux/install.sh", "linux/build-deb.sh", "linux/test-deb.sh", "macos/build-dmg.sh"],
)
def test_shell_scripts_are_executable_and_parse(script):
    path = PKG / script
    assert path.stat().st_mode & 0o111, f"{script} is not executable"
    r = subprocess.run(["bash", "-n", str(path)], capture_output=True, text=True, timeout=30)
    assert r.returncode == 0, r.stderr


def test_build_scripts_pin_the_same_pyinstaller_range():
    sh = re.search(r"PYINSTALLER_SPEC='([^']+)'", (PKG / "build.sh").read_text(encoding="utf-8"))
    ps1 = re.search(r'\$PyInstallerSpec = "([^"]+)"', (PKG / "build.ps1").read_text(encoding="utf-8"))
    assert sh and ps1 and sh.group(1) == ps1.group(1)
    assert re.fullmatch(r"pyinstaller>=6\.\d+,<7", sh.group(1))


def test_smoke_test_checks_the_built_program_end_to_end():
    text = (PKG / "smoke-test.sh").read_text(encoding="utf-8")
    for needed in (
        "QT_QPA_PLATFORM=offscreen",
        "--version",
        "golf-cp-singlesco-2004-3rd.zip",
        "sco-api-probe-2004",
        "--headless --timeout 60",
        "PROBE-END",
        "report --json",
        "--data-dir",
    ):
        assert needed in text, needed
    assert (ROOT / "tests" / "data" / "sco-api-probe-2004" / "imsmanifest.xml").is_file()



# -- the lean bundle (packaging/lean.py) ---------------------------------------------------------------------------
def _lean():
    sys.path.insert(0, str(PKG))
    try:
        import lean
    finally:
        sys.path.remove(str(PKG))
    return lean


def test_lean_drops_unused_plugins_and_only_the_libraries_nothing_kept_links_to():
    lean = _lean()
    q = "PySide6/Qt"
    binaries = [
        (f"{q}/plugins/platforms/libqxcb.so", "/s/libqxcb.so", "BINARY"),
        (f"{q}/plugins/platforms/libqeglfs.so", "/s/libqeglfs.so", "BINARY"),
        (f"{q}/plugins/printsupport/libcupsprintersupport.so", "/s/libcupsprintersupport.so", "BINARY"),
        (f"{q}/plugins/imageformats/libqpdf.so", "/s/libqpdf.so", "BINARY"),
        (f"{q}/lib/libQt6Pdf.so.6", "/s/libQt6Pdf.so.6", "BINARY"),
        (f"{q}/lib/libQt6EglFSDeviceIntegration.so.6", "/s/libQt6EglFSDeviceIntegration.so.6", "BINARY"),
        (f"{q}/lib/libQt6Gui.so.6", "/s/libQt6Gui.so.6", "BINARY"),
        ("libcups.so.2", "/s/libcups.so.2", "BINARY"),
        ("libgnutls.so.30", "/s/libgnutls.so.30", "BINARY"),  # cups links it, and so does a kept library
        ("libcurl.so.4", "/s/libcurl.so.4", "BINARY"),
        ("libavahi-client.so.3", "/s/libavahi-client.so.3", "BINARY"),  # only cups links it
        ("libnssckbi.so", "/s/libnssckbi.so", "BINARY"),  # nothing links it (NSS loads it with dlopen): stays
        ("libQt6Pdf.so.6", f"{q}/lib/libQt6Pdf.so.6", "SYMLINK"),
    ]
    needed = {
        "/s/libqxcb.so": {"libQt6Gui.so.6", "libcurl.so.4"},
        "/s/libqeglfs.so": {"libQt6EglFSDeviceIntegration.so.6", "libQt6Gui.so.6"},
        "/s/libcupsprintersupport.so": {"libcups.so.2", "libQt6Gui.so.6"},
        "/s/libqpdf.so": {"libQt6Pdf.so.6"},
        "/s/libcups.so.2": {"libgnutls.so.30", "libavahi-client.so.3"},
        "/s/libcurl.so.4": {"libgnutls.so.30"},
    }
    kept, dropped = lean.prune_binaries(binaries, lambda path: needed.get(path, set()))
    kept_names = {e[0].rsplit("/", 1)[-1] for e in kept}
    dropped_names = {e[0].rsplit("/", 1)[-1] for e in dropped}
    assert dropped_names == {
        "libqeglfs.so", "libcupsprintersupport.so", "libqpdf.so", "libQt6Pdf.so.6",
        "libQt6EglFSDeviceIntegration.so.6", "libcups.so.2", "libavahi-client.so.3",
    }
    assert {"libqxcb.so", "libQt6Gui.so.6", "libgnutls.so.30", "libcurl.so.4", "libnssckbi.so"} <= kept_names
    assert not [e for e in kept if e[2] == "SYMLINK"]  # the link to the dropped libQt6Pdf went with it
    assert all(reason for *_, reason in dropped)
    report = lean.size_report(dropped)
    assert report[-1].strip().endswith("groups)")


def test_lean_drops_links_to_dropped_libraries_from_the_data_list():
    lean = _lean()
    datas = [
        ("libQt6Pdf.so.6", "PySide6/Qt/lib/libQt6Pdf.so.6", "SYMLINK"),
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
        ("resources/player/player.html", "/r/player.html", "DATA"),
    ]
    kept, gone = lean.drop_links(datas, [("PySide6/Qt/lib/libQt6Pdf.so.6", "/s", "BINARY", "why")])
    assert [e[0] for e in kept] == ["libQt6Gui.so.6", "resources/player/player.html"]
    assert [e[0] for e in gone] == ["libQt6Pdf.so.6"]


def test_spec_strips_binaries_on_linux_only(tmp_path, monkeypatch):
    for platform, strip in (("linux", True), ("win32", False), ("darwin", False)):
        calls, _ = run_spec(platform, tmp_path, monkeypatch)
        assert calls["EXE"][0].kwargs["strip"] is strip and calls["COLLECT"][0].kwargs["strip"] is strip, platform


def test_smoke_test_checks_the_lean_layout():
    text = (PKG / "smoke-test.sh").read_text(encoding="utf-8")
    for gone in ("qtwebengine_devtools_resources.pak", "libqgtk3.so", "libcupsprintersupport.so", "libQt6Pdf.so"):
        assert gone in text, gone
    assert "convert-media" in text  # the course with video stays in the smoke test


# -- installers ------------------------------------------------------------------------------------------------------
def test_deb_layout_and_dependencies_follow_setup_system():
    text = (PKG / "linux" / "build-deb.sh").read_text(encoding="utf-8")
    assert 'cp -a "$BUNDLE" "$pkg/opt/scorm-desktop"' in text
    assert "ln -s /opt/scorm-desktop/scorm-desktop \"$pkg/usr/bin/scorm-desktop\"" in text
    for where in ("usr/share/applications/$APP_ID.desktop", "usr/share/metainfo/$APP_ID.metainfo.xml",
                  "usr/share/icons/hicolor/${s}x${s}/apps/$APP_ID.png"):
        assert where in text, where
    depends = re.search(r'depends="([^"]+)"', text).group(1)
    declared = {alt.split()[0] for part in depends.split(",") for alt in part.split("|") if alt.strip()}
    setup = (ROOT / "scripts" / "setup-system.sh").read_text(encoding="utf-8")
    runtime = re.search(r"PACKAGES=\(([^)]*)\)", setup).group(1).split()
    tools = {"xvfb", "appstream", "desktop-file-utils", "poppler-utils"}  # test tools, not the app's needs
    assert set(runtime) - tools <= declared, set(runtime) - tools - declared
    assert "dpkg-deb --root-owner-group" in text


def test_full_ci_run_builds_installs_and_runs_the_deb():
    text = (ROOT / "scripts" / "test").read_text(encoding="utf-8")
    order = [text.index(s) for s in ("packaging/build.sh", "packaging/smoke-test.sh", "packaging/linux/build-deb.sh",
                                     "packaging/linux/test-deb.sh")]
    assert order == sorted(order)
    deb_test = (PKG / "linux" / "test-deb.sh").read_text(encoding="utf-8")
    for needed in ('apt-get install -y -qq --no-install-recommends "$DEB"', "play \"$id\" --headless",
                   "PROBE-END", "apt-get remove", 'id -u)" -ne 0'):
        assert needed in deb_test, needed


def test_windows_and_macos_installers_and_the_ci_matrix():
    iss = (PKG / "windows" / "scorm-desktop.iss").read_text(encoding="utf-8")
    assert "..\\..\\dist\\scorm-desktop\\*" in iss and "OpenWithProgids" in iss and "SetupIconFile" in iss
    dmg = (PKG / "macos" / "build-dmg.sh").read_text(encoding="utf-8")
    assert "hdiutil create" in dmg and "/Applications" in dmg
    workflow = (ROOT / ".github" / "workflows" / "build.yml").read_text(encoding="utf-8")
    matrix = re.search(r"os: \[([^\]]+)\]", workflow).group(1)
    assert {"ubuntu", "windows", "macos"} == {os_.strip().split("-")[0] for os_ in matrix.split(",")}
    for step in ("packaging/build.sh", "packaging\\build.ps1", "packaging/smoke-test.sh",
                 "packaging/linux/build-deb.sh", "build-installer.ps1", "packaging/macos/build-dmg.sh"):
        assert step in workflow, step
