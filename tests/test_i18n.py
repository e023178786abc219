"""Translations: every text the GUI shows goes through Qt's translation system; the French and Spanish files are
complete and built; the language is chosen by --lang, SCORM_DESKTOP_LANG, the Settings or the system; the command
line's refusals are translated too.

The GUI check runs the real windows offscreen under a pseudo-language that wraps every translated text in ⟦ ⟧, then
reads every text a user can see or hear (labels, buttons, menus, tool tips, accessible names, headers, combo items,
window titles): one without ⟦ that is not the library's own data (course and learner names, numbers) fails the test.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWebEngineWidgets")

from PySide6.QtCore import QCoreApplication, Qt, QTranslator  # noqa: E402
from PySide6.QtGui import QAction  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)

from scorm_desktop import i18n  # noqa: E402
from scorm_desktop.paths import DataPaths  # noqa: E402
from scorm_desktop.services import open_services  # noqa: E402
from scorm_desktop.ui.webenv import delete_now  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
MULTI = ROOT / "tests" / "data" / "sco-multi-12"
OPEN, CLOSE = "⟦", "⟧"


class Pseudo(QTranslator):
    """Every text asked for comes back wrapped: an unwrapped text on screen never went through tr()."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: set[tuple[str, str]] = set()

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D401 (Qt's name)
        self.seen.add((context, source))
        return f"{OPEN}{source}{CLOSE}" if source else source

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return False


@pytest.fixture
def pseudo(qapp):
    tr = Pseudo()
    qapp.installTranslator(tr)
    yield tr
    qapp.removeTranslator(tr)


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every text a user can see or a screen reader can say, in `root` and its children."""
    out: list[tuple[str, str]] = []
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        name = f"{type(w).__name__}:{w.objectName()}"
        if w.isWindow():
            out.append((name + " title", w.windowTitle()))
        for what, text in (("tooltip", w.toolTip()), ("accessible name", w.accessibleName()),
                           ("accessible description", w.accessibleDescription())):
            out.append((f"{name} {what}", text))
        if isinstance(w, (QLabel, QAbstractButton)):
            out.append((name, w.text()))
        if isinstance(w, QLineEdit):
            out.append((name + " placeholder", w.placeholderText()))
        if isinstance(w, QGroupBox):
            out.append((name, w.title()))
        if isinstance(w, QMenu):
            out.append((name, w.title()))
        if isinstance(w, QComboBox):
            out += [(f"{name} item", w.itemText(i)) for i in range(w.count())]
        if isinstance(w, QTabWidget):
            out += [(f"{name} tab", w.tabText(i)) for i in range(w.count())]
        if isinstance(w, (QTableView, QTreeView)) and w.model() is not None:
            m = w.model()
            out += [(f"{name} header", str(m.headerData(c, Qt.Orientation.Horizontal) or ""))
                    for c in range(m.columnCount())]
        for action in w.actions():
            out += [(f"{name} action", action.text()), (f"{name} action tip", action.toolTip())]
    for action in root.findChildren(QAction):
        out += [("action", action.text()), ("action tip", action.toolTip())]
    return [(where, t) for where, t in out if t]


def untranslated(root: QWidget, data: set[str]) -> list[str]:
    """The texts with words that went through no translation, leaving out the library's data."""
    bad = []
    for where, text in visible_texts(root):
        rest = re.sub(f"{OPEN}.*?{CLOSE}", "", text, flags=re.S)
        for value in sorted(data, key=len, reverse=True):
            rest = rest.replace(value, "")
        rest = re.sub(r"<[^>]+>", "", rest)  # rich text markup
        rest = re.sub(r"https?://\S+", "", rest)  # example addresses read the same in every language
        # Qt's default tool tip of an action is its text without the mnemonic: derived from a translated text.
        if re.search(r"[A-Za-z]{2,}", rest) and rest.replace("&", "") != rest.strip():
            bad.append(f"{where}: {text!r}")
        elif re.search(r"[A-Za-z]{2,}", rest):
            bad.append(f"{where}: {text!r}")
    return sorted(set(bad))


@pytest.fixture
def library(tmp_path):
    services = open_services(DataPaths(tmp_path / "data", explicit=True))
    services.library.import_package(MULTI)
    services.records.add_learner("Ana")
    yield services
    services.close()


def data_words(services) -> set[str]:
    # Names and symbols that read the same in every shipped language (SI unit symbols included).
    words = {"SCORM Desktop", "SCORM 1.2", "SCORM", "Ana", "UTC", "MB", "SCO", "SCOs", "PIN", "min"}
    words |= set(i18n.LANGUAGES.values())  # each language is named in its own language
    for c in services.library.courses():
        words |= {c.title, c.identifier, c.source_name}
        words |= {getattr(item, "title", "") for item in getattr(c, "items", []) or []}
    return {w for w in words if w}


def not_in_translations(pseudo: Pseudo) -> list[str]:
    """Texts the app asked Qt to translate that the French file does not translate: a dynamic text no marker
    (QT_TRANSLATE_NOOP) made lupdate extract, or a context that differs from lupdate's (`parent.tr`, QT_TR_NOOP in
    a class body): Qt finds a translation only under the very context it asks for."""
    done = set(i18n.catalog("fr"))
    ours = {(c, s) for c, s in pseudo.seen if c and not c.startswith("Q")}
    return sorted(f"{c}: {s!r}" for c, s in ours if (c, s) not in done)


def settle(qtbot, ms=600):
    qtbot.wait(ms)
    QApplication.processEvents()


def test_main_window_dashboard_and_dialogs_show_no_untranslated_text(qtbot, pseudo, library):
    from scorm_desktop.ui.learner_dialogs import CourseDetailsDialog
    from scorm_desktop.ui.main_window import MainWindow
    from scorm_desktop.ui.settings_dialog import SettingsDialog

    data = data_words(library)
    win = MainWindow(library)
    win.show()
    try:
        qtbot.waitUntil(lambda: win.proxy.rowCount() >= 1, timeout=5000)
        settle(qtbot)
        data |= {win.proxy.index(r, 0).data() for r in range(win.proxy.rowCount())}
        assert untranslated(win, data) == []
        dash = win.dashboards.open()
        settle(qtbot, 1500)
        assert untranslated(dash, data) == []
        course = library.library.courses()[0]
        details = CourseDetailsDialog(course, win)
        assert untranslated(details, data | {course.imported_at[:16].replace("T", " ")}) == []
        details.deleteLater()
        settings = SettingsDialog(library.settings, library.paths.root, True, win)
        assert untranslated(settings, data | {str(library.paths.root)}) == []
        settings.deleteLater()
        dash.close()
        from scorm_desktop.ui.learner_dialogs import PinDialog, SwitchLearnerDialog
        from scorm_desktop.ui.sync_settings_dialog import SyncSettingsDialog
        from scorm_desktop.ui.welcome import WelcomeDialog

        for dialog in (WelcomeDialog("Ana", win), SwitchLearnerDialog(library.records.learners(), "Ana", win),
                       PinDialog("Ana", win, new=True), SyncSettingsDialog(library, win.env.worker, win)):
            dialog.show()
            assert untranslated(dialog, data) == [], type(dialog).__name__
            dialog.close()
            dialog.deleteLater()
        assert not_in_translations(pseudo) == []
    finally:
        win.close()
        win.dispose()
        delete_now(win)


def test_player_window_shows_no_untranslated_text(qtbot, pseudo, library):
    from scorm_desktop.ui.player_window import PlayerWindow
    from scorm_desktop.ui.webenv import WebEnv

    data = data_words(library)
    course = library.library.courses()[0]
    env = WebEnv(library)
    win = PlayerWindow(library, env, learner="Ana")
    win.show()
    try:
        win.open_course(course.id)
        settle(qtbot, 2500)
        tree = win.findChild(QAbstractItemView)
        if tree is not None:
            m = tree.model()
            stack = [m.index(r, 0) for r in range(m.rowCount())]
            while stack:
                idx = stack.pop()
                data.add(str(idx.data() or ""))
                stack += [m.index(r, 0, idx) for r in range(m.rowCount(idx))]
        assert untranslated(win, data) == []
        assert not_in_translations(pseudo) == []
    finally:
        with qtbot.waitSignal(win.finished, timeout=10000):
            win.close()
        delete_now(win)
        env.shutdown()


# -- the files ---------------------------------------------------------------------------------------------------
TRANSLATED = [c for c in i18n.LANGUAGES if c != i18n.SOURCE_LANGUAGE]
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%p|<[^>]+>|\n")


def ts_messages(code: str):
    root = ET.parse(i18n.ts_path(code)).getroot()
    for ctx in root.iter("context"):
        for msg in ctx.iter("message"):
            yield ctx.findtext("name") or "", msg.findtext("source"), msg.find("translation")


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_message_is_translated_and_keeps_its_placeholders(code):
    problems = []
    for ctx, source, tr in ts_messages(code):
        forms = [nf.text or "" for nf in tr.findall("numerusform")] or [tr.text or ""]  # a plural: every form
        if tr.get("type") in ("unfinished", "obsolete", "vanished") or not all(f.strip() for f in forms):
            problems.append(f"{ctx}: {source!r} is not translated")
        for text in forms:
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
                problems.append(f"{ctx}: {source!r} -> {text!r}: placeholders or markup differ")
    assert problems == []


def test_ts_files_hold_every_text_of_the_sources(tmp_path):
    """lupdate run now on the sources finds nothing the committed .ts files lack (a new tr() needs its translation)."""
    import shutil

    for code in TRANSLATED:
        shutil.copy(i18n.ts_path(code), tmp_path / i18n.ts_path(code).name)
    sys.path.insert(0, str(ROOT / "scripts"))
    from i18n import SOURCES  # scripts/i18n.py

    files = [str(p) for s in SOURCES
             for p in (sorted((ROOT / s).rglob("*.py")) if (ROOT / s).is_dir() else [ROOT / s])]
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.fail(f"pyside6-lupdate is not beside {sys.executable}: it comes with PySide6 (pip install PySide6)")
    out = subprocess.run([str(lupdate), "-no-obsolete", "-locations", "none", "-tr-function-alias", "tr+=_,tr+=_tr", *files,
                          "-ts", *(str(tmp_path / i18n.ts_path(c).name) for c in TRANSLATED)],
                         capture_output=True, text=True, cwd=ROOT, check=True).stdout
    found = [line for line in out.splitlines() if "Found" in line]
    assert len(found) == len(TRANSLATED) and all("(0 new and" in line for line in found), out


def test_qm_files_are_built_from_the_current_ts():
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "i18n.py"), "--check"], capture_output=True,
                         text=True)
    assert out.returncode == 0, out.stderr


def test_real_french_translator_translates_the_main_window(qtbot, library):
    from scorm_desktop.ui import translator
    from scorm_desktop.ui.main_window import MainWindow

    app = QApplication.instance()
    assert translator.install(app, "fr") == "fr"
    try:
        win = MainWindow(library)
        menus = [a.text() for a in win.menuBar().actions()]
        assert "&Fichier" in menus and "&Cours" in menus
        # Sync comes before Help in French too (it was put last when Help was looked for by its English text)
        assert menus[-2:] == [QCoreApplication.translate("SyncUi", "&Sync"),
                              QCoreApplication.translate("MainWindow", "&Help")], menus
        assert win.model.headerData(0, Qt.Orientation.Horizontal) == "Titre"
        win.close()
        win.dispose()
        delete_now(win)
    finally:
        translator.install(app, "en")
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


# -- choosing the language ---------------------------------------------------------------------------------------
def test_language_resolution_order(monkeypatch):
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE", i18n.ENV):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    assert i18n.resolve() == "es"  # the system's
    assert i18n.resolve(setting="fr") == "fr"  # the Settings choice beats the system
    monkeypatch.setenv(i18n.ENV, "en")
    assert i18n.resolve(setting="fr") == "en"  # SCORM_DESKTOP_LANG beats the Settings
    assert i18n.resolve(setting="fr", override="fr-CA") == "fr"  # --lang beats everything
    monkeypatch.setenv(i18n.ENV, "klingon")
    assert i18n.resolve(setting="") == "es"  # a language we do not ship is skipped
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    monkeypatch.delenv(i18n.ENV)
    assert i18n.resolve() == "en"  # a system language we do not ship: English


def test_language_setting_is_saved_and_loaded(tmp_path):
    from scorm_desktop.settings import Settings

    s = Settings()
    assert s.language == ""  # follows the system
    s.language = "es"
    s.save(tmp_path / "settings.json")
    assert Settings.load(tmp_path / "settings.json").language == "es"


def test_settings_dialog_offers_the_languages(qtbot, tmp_path):
    from scorm_desktop.settings import Settings
    from scorm_desktop.ui.settings_dialog import SettingsDialog

    s = Settings(language="fr")
    dialog = SettingsDialog(s, tmp_path, False)
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "fr"
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    dialog.apply(s)
    assert s.language == "es"
    dialog.language.setCurrentIndex(0)
    dialog.apply(s)
    assert s.language == ""


def run_cli(*args, env=None):
    e = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    e.pop(i18n.ENV, None) if env is None or i18n.ENV not in env else None
    return subprocess.run([sys.executable, "-m", "scorm_desktop", *args], capture_output=True, text=True, env=e,
                          cwd=ROOT, timeout=120)


def test_cli_refusal_in_french_with_lang_and_env(tmp_path):
    bad = tmp_path / "nothing.zip"
    bad.write_bytes(b"not a zip")
    out = run_cli("--data-dir", str(tmp_path / "d"), "--lang", "fr", "import", str(bad))
    assert out.returncode == 1
    assert out.stderr.startswith("refusé : "), out.stderr
    assert "Traceback" not in out.stderr
    out = run_cli("--data-dir", str(tmp_path / "d"), "remove", "999", env={i18n.ENV: "es", "LANG": "C"})
    assert out.returncode == 2 and out.stderr.startswith("error: "), out.stderr  # same word in Spanish
    out = run_cli("--data-dir", str(tmp_path / "d"), "report", env={i18n.ENV: "es", "LANG": "C"})
    assert out.stdout.strip() == "Todavía no hay registros de aprendizaje.", out.stdout
    out = run_cli("--data-dir", str(tmp_path / "d"), "report", env={"LANG": "C"})
    assert out.stdout.strip() == "No learning records yet."


def test_cli_listings_and_help_speak_the_language(corpus, tmp_path):
    """What the commands print for a person follows --lang: headings, status words, lines, --help and argparse's own
    words; the English text is gone. (--json and exit statuses do not change: the refusal test above.)"""
    data = str(tmp_path / "d")
    course = run_cli("--data-dir", data, "import", str(corpus / "good" / "moodle-singlescobasic-12.zip"))
    assert course.returncode == 0, course.stderr
    cid = course.stdout.strip()
    added = subprocess.run([sys.executable, "-m", "scorm_desktop", "--data-dir", data, "learner", "add", "Ana", "--pin"],
                           input="1234\n", capture_output=True, text=True, cwd=ROOT, timeout=120,
                           env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert added.returncode == 0, added.stderr
    assert run_cli("--data-dir", data, "reset", cid, "--learner", "Ana", "--yes").returncode == 0
    cases = [  # (language, command, text expected in its output, the English text it replaces)
        ("fr", ["courses"], "TITRE", "TITLE"),
        ("fr", ["courses"], "non commencé", "not started"),
        ("fr", ["courses"], "SCORM 1.2", "Edition"),
        ("es", ["courses"], "ESTADO", "STATUS"),
        ("fr", ["report"], "DERNIÈRE ACTIVITÉ", "LAST ACTIVITY"),
        ("es", ["report"], "ALUMNO", "LEARNER"),
        ("es", ["attempts", cid, "--learner", "Ana"], "intento 1: no iniciado, empezado el", "attempt 1"),
        ("fr", ["learners"], "Ana  (code PIN)", "(PIN)"),
        ("fr", ["dispatch", "list"], "Aucun envoi émis pour l'instant.", "No dispatches issued yet"),
        ("es", ["dispatch", "list"], "Todavía no se ha emitido ningún envío.", "No dispatches issued yet"),
        ("fr", ["courses", "--help"], "utilisation : scorm-desktop courses", "usage:"),
        ("fr", ["courses", "--help"], "afficher cette aide et quitter", "show this help message"),
        ("es", ["--help"], "Reproductor sin conexión para cursos SCORM", "Offline-first player"),
        ("es", ["--help"], "mostrar las líneas informativas del registro en stderr", "print informational log"),
        ("fr", ["dispatch", "--help"], "relire depuis le LRS les déclarations des envois", "read the dispatches'"),
    ]
    for lang, command, expected, english in cases:
        out = run_cli("--data-dir", data, "--lang", lang, *command)
        assert out.returncode == 0, (command, out.stderr)
        assert expected in out.stdout and english not in out.stdout, (lang, command, out.stdout)
    fresh = run_cli("--data-dir", str(tmp_path / "empty"), "--lang", "es", "learners")
    assert fresh.stdout.strip() == "Todavía no hay alumnos. Añada uno con: scorm-desktop learner add NOMBRE"
    typo = run_cli("--data-dir", data, "--lang", "fr", "cuorses")
    assert typo.returncode == 2 and "commande inconnue « cuorses » (vouliez-vous dire « courses » ?)" in typo.stderr
    english = run_cli("--data-dir", data, "courses", env={"LANG": "C"})
    assert english.stdout.split()[:5] == ["ID", "STANDARD", "SCOS", "STATUS", "TITLE"]


def test_player_guidance_follows_the_language():
    from scorm_desktop.navigation import guidance

    ui = {"buttons": {"continue": True, "previous": True}, "toc": [{"enabled": True, "status": "completed"}],
          "course": {"completion": "completed"}}
    try:
        i18n.set_language("fr")
        assert guidance(ui) == ("Vous avez terminé ce cours. Vous pouvez fermer le lecteur, ou choisir Continuer ou "
                                "Précédent ou un élément du sommaire pour le revoir.")
        i18n.set_language("es")
        assert guidance({"buttons": {}, "toc": [], "course": {}}).startswith("Ahora no se puede abrir nada más")
    finally:
        i18n.set_language("en")
    assert guidance({"buttons": {}, "toc": [], "course": {}}).startswith("Nothing more can be opened")


def test_pdf_report_text_is_translated(qapp):
    from scorm_desktop.reports import pdf_html
    from scorm_desktop.reports.queries import CourseFigures, Totals
    from scorm_desktop.ui import report_pdf, translator

    try:
        translator.install(qapp, "fr")
        tr = report_pdf._tr  # the app's translation, as the PDF writers pass it
        learner = html.unescape(re.sub(r"<style.*?</style>|<[^>]+>", " ", pdf_html.learner_html("Ana", [], Totals(), _tr=tr),
                                       flags=re.S))
        overview = html.unescape(re.sub(r"<style.*?</style>|<[^>]+>", " ",
                                        pdf_html.overview_html([CourseFigures(1, "Golf", Totals())], _tr=tr), flags=re.S))
    finally:
        translator.install(qapp, "en")
    assert "Rapport d'apprentissage : apprenant" in learner and "Point de reprise" in learner
    assert "Non commencé" in overview and "Taux d'achèvement" in overview
    english = re.compile(r"\b(Learning report|Report date|Totals|Status|Progress|Resume point|Not started|"
                         r"Completion rate|Average|Total time|No rows|Learners?|Courses?)\b")
    assert english.findall(learner + overview) == []


def test_gui_start_installs_the_settings_language_unless_overridden(qapp, library, monkeypatch):
    from scorm_desktop import app as entry
    from scorm_desktop.ui import translator

    monkeypatch.delenv(i18n.ENV, raising=False)
    library.settings.language = "es"
    try:
        entry.install_language(qapp, library)
        assert QCoreApplication.translate("MainWindow", "&File") == "&Archivo"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"  # Qt's own buttons too
        monkeypatch.setenv(i18n.ENV, "fr")  # what --lang sets before the GUI starts
        entry.install_language(qapp, library)
        assert QCoreApplication.translate("MainWindow", "&File") == "&Fichier"
    finally:
        translator.install(qapp, "en")


# -- the core's sentences (import refusals, LRS errors, dispatch licences) ----------------------------------------
#: A broken package of the corpus (or made here) -> the start of its refusal in French.
FRENCH_REFUSALS = {
    "moodle-invalid.zip": "Le paquet ne contient pas d'imsmanifest.xml : ce n'est pas un paquet SCORM.",
    "emp-bad-malformedxml-12.zip": "Le manifeste imsmanifest.xml n'est pas du XML bien formé (ligne 27 : ",
    "catapult-lts-209-not-a-zip.zip": "« catapult-lts-209-not-a-zip.zip » n'est pas une archive ZIP.",
    "bomb": "L'entrée « pad/0000.bin » du paquet se décompresse à plus de ",
}
#: The core modules whose user-facing sentences must go through `_()` (scripts/i18n.py SOURCES lists them).
CORE = ("scorm_desktop/package", "scorm_desktop/library/courses.py", "scorm_desktop/package/descriptor.py",
        "scorm_desktop/sync/client.py", "scorm_desktop/sync/bundles.py",
        "scorm_desktop/dispatch/store.py", "scorm_desktop/dispatch/licence.py", "scorm_desktop/cmi5/waive.py",
        "scorm_desktop/media")


def broken_package(corpus: Path, tmp_path: Path, name: str) -> Path:
    from tests.data.crafted import archives

    return archives.exact_mib_entries(tmp_path, count=8) if name == "bomb" else corpus / "bad" / name


@pytest.mark.parametrize("name", sorted(FRENCH_REFUSALS))
def test_import_refusals_are_french_in_the_library_and_the_cli(corpus, tmp_path, name):
    from scorm_desktop.package.model import PackageError

    path = broken_package(corpus, tmp_path, name)
    services = open_services(DataPaths(tmp_path / "lib", explicit=True), with_sample=False)
    try:
        i18n.set_language("fr")
        with pytest.raises(PackageError) as refused:
            services.library.import_package(path)
    finally:
        i18n.set_language("en")
        services.close()
    assert str(refused.value).startswith(FRENCH_REFUSALS[name]), refused.value
    out = run_cli("--data-dir", str(tmp_path / "cli"), "import", str(path), env={i18n.ENV: "fr"})
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert f"refusé : {path} : {FRENCH_REFUSALS[name]}" in out.stderr, out.stderr


def test_lrs_error_on_a_closed_port_is_french():
    from scorm_desktop.sync.client import RETRY, LrsClient
    from scorm_desktop.sync.settings import SyncSettings
    from tests.lrs import free_port

    client = LrsClient(SyncSettings(endpoint=f"http://127.0.0.1:{free_port()}/xAPI/", username="u", timeout=5), "p")
    try:
        i18n.set_language("fr")
        french = client.post(["{}"])
        i18n.set_language("en")
        english = client.post(["{}"])
    finally:
        i18n.set_language("en")
        client.close()
    assert french.kind == RETRY and french.message.startswith("le LRS est injoignable ("), french.message
    assert english.message.startswith("the LRS could not be reached ("), english.message


def test_dispatch_licence_summary_follows_the_language():
    from datetime import datetime, timezone

    from scorm_desktop.dispatch.licence import Licence
    from scorm_desktop.dispatch.store import LicenceState

    fields = {name: None for name in Licence.__dataclass_fields__ if name != "format"}
    lic = Licence(**{**fields, "max_launches": 20, "expires": "2027-03-31"})
    state = LicenceState(lic, 8, 0, False, datetime(2026, 1, 1, tzinfo=timezone.utc))
    try:
        i18n.set_language("es")
        assert state.summary() == "quedan 12 de 20 lanzamientos, caduca el 31 de marzo de 2027"
    finally:
        i18n.set_language("en")
    assert state.summary() == "12 of 20 launches left, expires 31 March 2027"


def test_core_sentences_are_extracted_and_never_built_as_english_f_strings():
    """The core modules are in scripts/i18n.py SOURCES (so the test above checks their texts are in the .ts files),
    and none raises or warns with a sentence that skips `_()`."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from i18n import SOURCES  # scripts/i18n.py

    assert set(CORE) <= set(SOURCES)
    english = re.compile(r"(?:raise \w+\(|\.warn\(|warnings\.append\(|Answer\(\w+, [\w.]+, )"
                         r"\s*f?[\"'](?!HTTP )[A-Za-z'{]")  # {: a sentence that starts with a name
    found = [f"{p.relative_to(ROOT)}: {m.group(0)!r}" for c in CORE
             for p in ((ROOT / c).rglob("*.py") if (ROOT / c).is_dir() else [ROOT / c])
             for m in english.finditer(p.read_text(encoding="utf-8"))]
    assert found == []


def test_cli_sentences_never_skip_the_translation():
    """No command prints, refuses or documents itself with an English sentence written in place: each goes through
    `_()` (machine-read lines such as `--json` output and the course id `import` prints start with no word)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from i18n import SOURCES  # scripts/i18n.py

    assert {"scorm_desktop/cli", "scorm_desktop/cmi5/commands.py", "scorm_desktop/reports/rows.py"} <= set(SOURCES)
    english = re.compile(r"(?:print\(|refuse\(|ArgumentTypeError\(|DispatchError\(|help=|description=|return )"
                         r"\s*f?[\"'][A-Za-z]")
    files = sorted((ROOT / "scorm_desktop" / "cli").glob("*.py")) + [ROOT / "scorm_desktop" / "cmi5" / "commands.py"]
    found = [f"{p.relative_to(ROOT)}: {m.group(0)!r}" for p in files
             for m in english.finditer(p.read_text(encoding="utf-8"))]
    assert found == []


# -- the last English sentences: play --headless's lines, backups, the dispatch report, check's text report ----------
#: Modules whose sentences for a person were English until issue 18's last pass; each goes through `_()` or `tr` now.
REST = ("scorm_desktop/storage/backup.py", "scorm_desktop/dispatch/report.py", "scorm_desktop/checker/report.py",
        "scorm_desktop/checker/idle.py", "scorm_desktop/ui/headless.py", "scorm_desktop/ui/xapi_headless.py")
#: Lines programs read, which stay as they are in every language.
MACHINE_READ = ("session:",)


def test_the_last_modules_never_build_an_english_sentence_in_place():
    """No sentence printed, returned, raised or put in the report's frame is an English literal or f-string: the
    core modules are extracted (scripts/i18n.py SOURCES) and use `_()`, the headless player uses Qt's translate."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from i18n import SOURCES  # scripts/i18n.py

    assert {p for p in REST if not p.startswith("scorm_desktop/ui/")} <= set(SOURCES)
    english = re.compile(r"(?:(?:print\(|say\(|raise \w+\(|return [\[(]?|\.append\(|lines = \[|reason = )\s*f?[\"']"
                         r"|<(?:h\d|p|th|td)>)[A-Za-z]+[ :]")
    found = [f"{p}: {m.group(0)!r}" for p in REST
             for m in english.finditer((ROOT / p).read_text(encoding="utf-8"))
             if not any(token in m.group(0) for token in MACHINE_READ)]
    assert found == []


def test_backup_labels_and_notices_are_french(tmp_path):
    from datetime import datetime, timezone

    from scorm_desktop.storage.backup import BackupInfo, apply_restore_request, request_restore

    info = BackupInfo(tmp_path / "b.sqlite3", datetime(2026, 3, 1, 9, 30, tzinfo=timezone.utc), "daily", 3 * 1024)
    schema = BackupInfo(info.path, info.created, "before-schema-7", 1024)
    try:
        i18n.set_language("fr")
        label, before = info.label, schema.label
        (tmp_path / "restore-request.json").write_text("{", encoding="utf-8")
        notice = apply_restore_request(tmp_path, tmp_path / "library.sqlite3")
        with pytest.raises(ValueError) as damaged:
            (tmp_path / "bad.sqlite3").write_bytes(b"not a database")
            request_restore(tmp_path, tmp_path / "bad.sqlite3")
    finally:
        i18n.set_language("en")
    assert label.endswith(" (quotidienne, 3 Kio)"), label
    assert before.endswith(" (avant le schéma 7, 1 Kio)"), before
    assert notice == ["Une demande de restauration d'une sauvegarde n'a pas pu être lue et a été ignorée."]
    assert str(damaged.value) == "La sauvegarde bad.sqlite3 est endommagée et ne peut pas être restaurée."
    assert info.label.endswith(" (daily, 3 KiB)")  # English again, as the CLI's listing shows it


def test_dispatch_missing_records_detail_is_french_and_the_csv_keeps_numbers():
    from scorm_desktop.dispatch.report import csv_rows, missing_text, report_html

    device = {"device": "d1", "launches": 2, "learners": 1, "completed": 1, "passed": 0, "average_score": None,
              "last_launch": None, "statements": 9, "highest_sequence": 40, "missing": [12, 40], "missing_count": 3}
    rep = {"dispatch_id": "D1", "course": "Golf", "recipient": "Acme", "revoked_at": "2026-01-01",
           "totals": dict(device, missing=3), "devices": [device]}
    try:
        i18n.set_language("fr")
        french = missing_text(device), missing_text({"missing": [], "missing_count": 0}), report_html([rep], "hier")
        rows = csv_rows([rep])
    finally:
        i18n.set_language("en")
    assert french[:2] == ("3 (numéros d'appareil 12, 40, et 1 de plus avant eux)", "aucun")
    assert "Rapport des envois" in french[2] and "Envoi D1 (révoqué)" in french[2] and "tous les appareils" in french[2]
    assert rows[0]["missing"] == "12 40"  # the CSV's column stays numbers only
    assert missing_text(device) == "3 (device numbers 12, 40 and 1 more before them)"


def test_check_text_report_is_french_and_its_json_stays_english():
    from scorm_desktop.checker.report import Finding, ItemReport, PackageReport, summary_json, text_report
    from scorm_desktop.checker.runtime import RunObservation, findings

    # an item that ended without a status: the checker's fixed sentence, translated in the text report
    done = RunObservation(outcome="terminated", found_api=True, initialized=True, terminated=True, calls=3)
    odd = Finding("warning", "case-mismatch", "A file name differs in case.")  # not one of the checker's sentences
    report = PackageReport(source="golf.zip", title="Golf", standard="SCORM", edition="1.2", items=[
        ItemReport("i1", "Intro", "sco"), ItemReport("i2", "Quiz", "sco", findings=[odd]),
        ItemReport("i3", "End", "sco", run=done.to_dict(), findings=findings(done, "sco", 10))])
    report.decide()
    try:
        i18n.set_language("fr")
        french = text_report(report)
    finally:
        i18n.set_language("en")
    assert french.splitlines()[0] == ("golf.zip : FONCTIONNE AVEC DES AVERTISSEMENTS — Élément « Quiz » : A file "
                                      "name differs in case.")
    assert "élément i1 « Intro » (sco) : non exécuté — Non exécuté : seul le paquet a été vérifié." in french
    assert "    avertissement : A file name differs in case." in french
    assert ("élément i3 « End » (sco) : fonctionne avec des avertissements — Il s'est terminé sans fixer de statut "
            "d'achèvement ni de réussite." in french), french
    doc = summary_json([report])
    assert doc["packages"][0]["reason"] == "Item “Quiz”: A file name differs in case."
    assert doc["packages"][0]["items"][2]["reason"] == "It terminated without setting a completion or success status."
    assert doc["verdict"] == "works with warnings"


def test_headless_stop_line_is_french(corpus, tmp_path):
    """`play --headless --lang fr`: the line a person reads when the content waits for a learner is French; the exit
    status (4) is the same in every language."""
    data = str(tmp_path / "d")
    course = run_cli("--data-dir", data, "import", str(corpus / "good" / "moodle-singlescobasic-12.zip"))
    assert course.returncode == 0, course.stderr
    played = run_cli("--data-dir", data, "--lang", "fr", "play", course.stdout.strip(), "--headless", "--idle", "2",
                     "--timeout", "120")
    assert played.returncode == 4, played.stderr[-2000:]
    assert ("arrêté : Le contenu attend un apprenant après " in played.stderr
            and "aucun appel ni aucune navigation depuis 2 s. Ses valeurs obtenues jusque-là sont conservées."
            in played.stderr), played.stderr[-2000:]
    assert "stopped:" not in played.stderr
