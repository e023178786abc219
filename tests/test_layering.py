"""The layering rule: Qt (PySide6 / shiboken6) lives in ui/, bridge/, app.py, cli/ and __main__.py only.

Checked twice: statically (every import statement of every file, wherever it sits) and dynamically (importing every
other module in a fresh interpreter loads no Qt module, directly or through anything it imports). And no two modules
import each other, directly or around a circle (`test_no_import_cycle_between_modules`), nor do two packages
(`test_no_import_cycle_between_packages`: the same graph collapsed to scorm_desktop.X).
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import scorm_desktop

PACKAGE = Path(scorm_desktop.__file__).resolve().parent
ROOT = PACKAGE.parent
QT_PACKAGES = ("PySide6", "shiboken6")
#: Paths (relative to the package) allowed to import Qt: folders end with "/".
QT_ALLOWED = ("ui/", "bridge/", "app.py", "cli/", "__main__.py")


def module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def qt_allowed(path: Path) -> bool:
    rel = path.relative_to(PACKAGE).as_posix()
    return any(rel.startswith(a) if a.endswith("/") else rel == a for a in QT_ALLOWED)


def all_sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def non_qt_modules() -> list[str]:
    return [module_name(p) for p in all_sources() if not qt_allowed(p)]


def qt_imports(path: Path) -> list[str]:
    """Every `import X` / `from X import` naming a Qt package, at any depth (functions and try blocks included)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        found += [f"{path.relative_to(ROOT)}:{node.lineno} {n}" for n in names if n.split(".")[0] in QT_PACKAGES]
    return found


def qt_modules_after_import(modules: list[str]) -> list[str]:
    """Qt modules loaded by importing `modules` in a fresh interpreter (fails the test when an import fails)."""
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {QT_PACKAGES!r})))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_the_walk_finds_the_core_modules() -> None:
    names = non_qt_modules()
    for expected in (
        "scorm_desktop",
        "scorm_desktop.library.courses",
        "scorm_desktop.storage.records",
        "scorm_desktop.storage.db",
        "scorm_desktop.launch",
        "scorm_desktop.services",
        "scorm_desktop.reports.rows",
        "scorm_desktop.status",
        "scorm_desktop.paths",
        "scorm_desktop.package.archive",
        "scorm_desktop.cmi.session",
    ):
        assert expected in names
    assert not any(n.startswith(("scorm_desktop.ui", "scorm_desktop.bridge")) for n in names)
    assert "scorm_desktop.app" not in names and "scorm_desktop.cli" not in names


def test_static_check_sees_qt_imports_where_they_are_allowed() -> None:
    """The checker itself works: it finds the Qt imports the bridge is allowed to have."""
    assert any("PySide6" in hit for hit in qt_imports(PACKAGE / "bridge" / "scheme.py"))


def test_no_qt_import_outside_the_gui_layers() -> None:
    offending = [hit for p in all_sources() if not qt_allowed(p) for hit in qt_imports(p)]
    assert offending == []


def test_importing_every_core_module_loads_no_qt() -> None:
    assert qt_modules_after_import(non_qt_modules()) == []


def test_dynamic_check_sees_qt_when_a_gui_module_is_imported() -> None:
    """The subprocess check itself works: importing the scheme handler does load PySide6."""
    assert "PySide6" in qt_modules_after_import(["scorm_desktop.bridge.scheme"])


@pytest.mark.parametrize("name", ["scorm_desktop.library.courses", "scorm_desktop.services", "scorm_desktop.launch"])
def test_core_entry_points_load_no_qt_on_their_own(name: str) -> None:
    """Each on its own too: a module could rely on another having been imported first."""
    assert qt_modules_after_import([name]) == []


def test_the_ui_imports_no_sqlalchemy() -> None:
    """The UI reaches the database only through the core (storage/, reports/ ...): no ui/ or bridge/ module imports
    SQLAlchemy itself, wherever the import statement sits."""
    offenders = []
    for path in all_sources():
        rel = path.relative_to(PACKAGE).as_posix()
        if not rel.startswith(("ui/", "bridge/")):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else [])
            offenders += [f"{rel}:{node.lineno}" for n in names if n.split(".")[0] == "sqlalchemy"]
    assert offenders == []


#: Modules renovated by issue 19 (records split by table, reports package, package and definition splits): they stay
#: under 500 lines and import nothing they do not use.
RENOVATED = (
    "storage/records.py", "storage/learners.py", "storage/attempts.py", "storage/summaries.py", "storage/outbox.py",
    "status.py", "settings.py", "launch.py", "navigation.py", "reports/queries.py", "reports/rows.py",
    "reports/csv_export.py", "reports/pdf_html.py", "ui/dashboard.py", "ui/dashboard_tabs.py",
    "ui/dashboard_models.py", "ui/report_pdf.py", "package/manifest.py", "package/manifest_xml.py",
    "package/manifest_tree.py", "package/archive.py", "package/entries.py", "sequencing/definition.py",
    "sequencing/definition_model.py", "cli/__init__.py", "cli/entry.py", "cli/common.py", "cli/library.py",
    "cli/play.py", "cli/report.py", "cli/learners.py", "cli/sync.py", "cli/media.py", "cli/check.py", "cli/dispatch.py",
    "storage/models.py", "storage/models_base.py", "storage/models_lrs.py", "storage/models_dispatch.py",
    "dispatch/gate.py",
)


def _unused_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    exported: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            exported = {e.value for e in node.value.elts}
    out = []
    for node in tree.body:  # module-level imports (a function's own import is used where it sits)
        if isinstance(node, (ast.Import, ast.ImportFrom)) and not (isinstance(node, ast.ImportFrom)
                                                                   and node.module == "__future__"):
            out += [f"{path.name}:{node.lineno} {a.asname or a.name}" for a in node.names
                    if (a.asname or a.name).split(".")[0] not in used | exported]
    return out


def test_renovated_modules_are_short_and_import_only_what_they_use() -> None:
    # Names other modules import from here (re-exports kept so callers did not change).
    reexported = {"storage/records.py", "sequencing/definition.py", "package/archive.py", "reports/queries.py",
                  "package/manifest.py"}
    long = [f"{rel}: {n}" for rel in RENOVATED
            if (n := len((PACKAGE / rel).read_text(encoding="utf-8").splitlines())) > 500]
    assert long == []
    unused = [u for rel in RENOVATED if rel not in reexported for u in _unused_imports(PACKAGE / rel)]
    assert unused == []


def test_launch_and_navigation_define_nothing_unused() -> None:
    """Every top-level function and constant of launch.py and navigation.py is used somewhere in the app or tests."""
    sources = [p.read_text(encoding="utf-8") for p in all_sources()]
    sources += [p.read_text(encoding="utf-8") for p in (ROOT / "tests").rglob("*.py")]
    unused = []
    for rel in ("launch.py", "navigation.py"):
        tree = ast.parse((PACKAGE / rel).read_text(encoding="utf-8"))
        names = [n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))]
        names += [t.id for n in tree.body if isinstance(n, ast.Assign) for t in n.targets if isinstance(t, ast.Name)]
        for name in names:
            uses = sum(len(re.findall(rf"\b{re.escape(name)}\b", src)) for src in sources)
            if uses <= 1:  # only its own definition
                unused.append(f"{rel}: {name}")
    assert unused == []


# -- import cycles -------------------------------------------------------------------------------------------------
#: Imports made inside a function (run when it is called, not when the module loads) that close a circle of
#: imports, as "importer -> imported". Allowed, but each one is named here; none is needed today.
LAZY_CYCLE_EDGES: set[str] = set()


def _resolve(importer: str, node: ast.Import | ast.ImportFrom, known: dict[str, Path]) -> list[str]:
    """The app's modules an import statement loads: the deepest existing module of each name it gives (`from . import
    x` names the submodule x when there is one, else the package)."""
    def deepest(name: str) -> str | None:
        while name and name not in known:
            name = name.rpartition(".")[0]
        return name or None

    if isinstance(node, ast.Import):
        found = [deepest(a.name) for a in node.names]
    else:
        if node.level:
            base = importer.split(".")
            if known[importer].name != "__init__.py":
                base = base[:-1]
            base = base[:len(base) - (node.level - 1)]
            full = ".".join(base + ([node.module] if node.module else []))
        else:
            full = node.module or ""
        found = [f"{full}.{a.name}" if f"{full}.{a.name}" in known else deepest(full) for a in node.names]
    return [f for f in found if f and f != importer and f.split(".")[0] == "scorm_desktop"]


def import_graph(lazy: bool) -> dict[str, set[str]]:
    """module -> the app's modules it imports when it loads (`lazy`: also those its functions import when called).
    `if TYPE_CHECKING:` blocks never run, so they do not count."""
    known = {module_name(p): p for p in all_sources()}
    graph: dict[str, set[str]] = {}
    for name, path in known.items():
        targets: set[str] = set()

        def visit(node: ast.AST) -> None:
            for child in ast.iter_child_nodes(node):
                if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)) and not lazy:
                    continue
                if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.dump(child.test):
                    continue
                if isinstance(child, (ast.Import, ast.ImportFrom)):
                    targets.update(_resolve(name, child, known))
                visit(child)

        visit(ast.parse(path.read_text(encoding="utf-8")))
        graph[name] = targets
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph.get(root, ()))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            v, children = work[-1]
            w = next(children, None)
            if w is not None:
                if w not in index:
                    index[w] = low[w] = len(index)
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(sorted(graph.get(w, ())))))
                elif w in on_stack:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                if len(comp) > 1:
                    found.append(sorted(comp))
    return found


def test_cycle_check_sees_a_circle() -> None:
    """The checker itself works: a circle of three, and a pair, are found; a chain is not."""
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"e"}, "e": {"d"}, "f": {"a"}}
    assert sorted(cycles(graph)) == [["a", "b", "c"], ["d", "e"]]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": set()}) == []
    # And it reads real imports: the CLI's entry point imports its shared helpers when it loads.
    assert "scorm_desktop.cli.common" in import_graph(lazy=False)["scorm_desktop.cli.entry"]


def test_no_import_cycle_between_modules() -> None:
    """No circle of imports among the modules as they load; counting the imports functions make when called, only
    the circles that pass through an edge listed in LAZY_CYCLE_EDGES."""
    assert cycles(import_graph(lazy=False)) == []
    lazy = import_graph(lazy=True)
    for edge in LAZY_CYCLE_EDGES:
        importer, imported = edge.split(" -> ")
        lazy[importer].discard(imported)
    assert cycles(lazy) == []


# -- UI pieces take the services they use, not the window (issue 19) ---------------------------------------------------
#: The module that is the main window (it wires the pieces together); app.py, the other wiring, is outside ui/.
MAIN_WINDOW_MODULE = "ui/main_window.py"
#: Parameter names that say "the window" (any annotation), and annotations that say it (any name).
WINDOW_PARAMETERS = {"window", "main_window", "win", "w"}
WINDOW_TYPES = {"MainWindow", "QMainWindow"}
#: A main window's own parts: another object's are reached only through its own methods (a piece is handed the bar).
WINDOW_PARTS = {"statusBar", "menuBar"}
#: Functions that lay out the window they are called with: the player windows' own construction helpers, called with
#: `self` by `PlayerWindow` and `XapiWindow` (they build that window, they do not reach into another one).
OWN_WINDOW_HELPERS = {("ui/player_window.py", "lay_out"), ("ui/player_window.py", "make_close_action")}


def _names_in(node: ast.AST | None) -> set[str]:
    """The names an annotation mentions (`QMainWindow`, `"MainWindow"`, `ui.MainWindow | None` ...)."""
    if node is None:
        return set()
    if isinstance(node, ast.Constant) and isinstance(node.value, str):  # a string annotation
        try:
            node = ast.parse(node.value, mode="eval")
        except SyntaxError:
            return set()
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)} | {
        n.attr for n in ast.walk(node) if isinstance(n, ast.Attribute)}


def window_reaches(rel: str, source: str) -> list[str]:
    """Where a ui/ module names `MainWindow`, or takes the window as a parameter and does more with it than hand it
    on as an argument (a call's argument is how a parent widget is given to a dialog or to `super().__init__`):
    reading an attribute of it (`window.services`, `window.statusBar()`, `window._current_course()`), keeping it
    (`self.window = window`, which lets any method reach in later), or `getattr`/`setattr`/`hasattr` on it; and
    asking anything but `self` for its status bar or menu bar (`self.host.statusBar()`, whatever the name)."""
    tree = ast.parse(source)
    found = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in WINDOW_PARTS
                and not (isinstance(node.func.value, ast.Name) and node.func.value.id == "self")):
            found.append(f"{rel}:{node.lineno} asks another object for its {node.func.attr}()")
        if isinstance(node, ast.Name) and node.id == "MainWindow":
            found.append(f"{rel}:{node.lineno} names MainWindow")
        elif isinstance(node, ast.Attribute) and node.attr == "MainWindow":
            found.append(f"{rel}:{node.lineno} names MainWindow")
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            found += [f"{rel}:{node.lineno} imports MainWindow" for a in node.names
                      if a.name.split(".")[-1] == "MainWindow"]
    for func in ast.walk(tree):
        if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        if (rel, getattr(func, "name", "")) in OWN_WINDOW_HELPERS:
            continue
        args = func.args
        params = {a.arg for a in args.posonlyargs + args.args + args.kwonlyargs
                  if a.arg in WINDOW_PARAMETERS or _names_in(a.annotation) & WINDOW_TYPES}
        if not params:
            continue
        handed_on: set[int] = set()  # ids of Name nodes that are a call's argument
        for call in ast.walk(func):
            if isinstance(call, ast.Call) and not (isinstance(call.func, ast.Name)
                                                   and call.func.id in ("getattr", "setattr", "hasattr")):
                handed_on.update(id(a) for a in call.args)
                handed_on.update(id(k.value) for k in call.keywords)
        for use in ast.walk(func):
            if (isinstance(use, ast.Name) and use.id in params and isinstance(use.ctx, ast.Load)
                    and id(use) not in handed_on):
                found.append(f"{rel}:{use.lineno} reaches into its parameter {use.id!r}")
    return sorted(found, key=lambda hit: int(hit.split(" ", 1)[0].rsplit(":", 1)[1]))


def test_the_window_check_sees_a_piece_that_reaches_into_the_window() -> None:
    """The checker itself works: each way of reaching into the window is found; a parent handed on is not."""
    reaching = (
        "from .main_window import MainWindow\n"
        "def a(window):\n    window.statusBar().showMessage('x')\n"
        "def b(main_window, services):\n    main_window._dashboard_window = None\n"
        "class C:\n    def __init__(self, window):\n        self.window = window\n"
        "def d(parent: 'QMainWindow'):\n    return parent.menuBar()\n"
        "def e(w):\n    return getattr(w, '_dispatch_window', None)\n"
        "def f(win):\n    win.env.worker.submit(print)\n"
        "class G:\n    def say(self):\n        self.host.statusBar().showMessage('x')\n"
    )
    hits = window_reaches("ui/x.py", reaching)
    assert sorted({int(h.split(" ", 1)[0].rsplit(":", 1)[1]) for h in hits}) == [1, 3, 5, 8, 10, 12, 14, 17], hits
    assert "ui/x.py:17 asks another object for its statusBar()" in hits
    handed_on = (
        "from PySide6.QtWidgets import QMainWindow, QWidget\n"
        "class P(QMainWindow):\n    def __init__(self):\n        self.statusBar().showMessage('x')\n"
        "def g(parent: QWidget, services):\n    QMessageBox.warning(parent, 't', 'x')\n"
        "class D(QObject):\n    def __init__(self, window):\n        super().__init__(window)\n"
        "        QAction('t', window)\n        Dialog(services=None, parent=window).exec()\n"
        "translate('MainWindow', 'Play')\n"
    )
    assert window_reaches("ui/y.py", handed_on) == []


def test_ui_pieces_take_what_they_use_not_the_main_window() -> None:
    """Menus, dialogs and flows receive the services, the worker, a parent widget and callables for the window's few
    actions; only the main window itself (which wires them) knows the `MainWindow` and reaches into it."""
    found = []
    for path in all_sources():
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith("ui/") and rel != MAIN_WINDOW_MODULE:
            found += window_reaches(rel, path.read_text(encoding="utf-8"))
    assert found == []


# -- package cycles ------------------------------------------------------------------------------------------------
#: Imports between packages that close a circle of packages, as "importer module -> imported module", each with the
#: reason it is allowed. None is needed: a layer that must reach one above it is handed what it calls (a hook, as
#: `SyncEngine(steps=...)` from `Services.sync_engine`).
PACKAGE_CYCLE_EDGES: dict[str, str] = {}


def package_of(module: str) -> str:
    """The node a module counts for: its subpackage of scorm_desktop, or itself for a top-level module."""
    return ".".join(module.split(".")[:2])


def package_graph(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """A module graph collapsed to packages (imports inside one package dropped)."""
    packages: dict[str, set[str]] = {}
    for module, imported in graph.items():
        node = packages.setdefault(package_of(module), set())
        node.update(package_of(m) for m in imported if package_of(m) != package_of(module))
    return packages


def test_package_cycle_check_collapses_modules_to_packages() -> None:
    """The checker itself works: modules of two packages that import each other's make a circle of packages even
    when no two modules do; imports inside a package do not count; a top-level module is its own node."""
    graph = {"scorm_desktop.a.x": {"scorm_desktop.b.y"}, "scorm_desktop.b.z": {"scorm_desktop.a.w"},
             "scorm_desktop.a.w": {"scorm_desktop.a.x"}, "scorm_desktop.b.y": set(),
             "scorm_desktop.top": {"scorm_desktop.a.x"}}
    assert cycles(graph) == []
    assert package_graph(graph)["scorm_desktop.top"] == {"scorm_desktop.a"}
    assert cycles(package_graph(graph)) == [["scorm_desktop.a", "scorm_desktop.b"]]
    # And on the app: the cmi5 LMS reads packages (package/descriptor.py), package reading never reaches the LMS.
    real = package_graph(import_graph(lazy=True))
    assert "scorm_desktop.package" in real["scorm_desktop.cmi5"]
    assert "scorm_desktop.cmi5" not in real["scorm_desktop.package"]


def test_no_import_cycle_between_packages() -> None:
    """No circle among the app's packages (scorm_desktop.X: a subpackage, or a top-level module), counting the imports
    functions make when called, except through an edge listed in PACKAGE_CYCLE_EDGES. A failure names the module
    imports that close each circle."""
    lazy = import_graph(lazy=True)
    for edge in PACKAGE_CYCLE_EDGES:
        importer, imported = edge.split(" -> ")
        lazy[importer].discard(imported)
    found = cycles(package_graph(lazy))
    closing = [f"{m} -> {d}" for circle in found for m in sorted(lazy) for d in sorted(lazy[m])
               if package_of(m) in circle and package_of(d) in circle and package_of(m) != package_of(d)]
    assert found == [], closing
