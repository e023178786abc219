"""Walk SCORM Desktop's AT-SPI tree the way a screen reader (Orca) sees it, with the real AT-SPI stack.

Run by tests/ui/test_a11y_atspi.py with the SYSTEM Python (Debian's python3-pyatspi), inside a D-Bus session where the
app runs under Xvfb with QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1. It finds the app on the accessibility bus, walks the
main window, opens the dashboard (Course › Dashboard) and the player (selects the first course, presses Play) through
AT-SPI actions, as an assistive technology would, and walks each new window. Prints one JSON object:
{"windows": {title: node count}, "unnamed": ["window › role (path)", ...], "actions": [...]}.
"""

from __future__ import annotations

import json
import sys
import time

import pyatspi

# Roles a user tabs to and operates; a focusable one of these with no name is announced as just its role.
CONTROL_ROLES = {
    "push button", "toggle button", "check box", "radio button", "combo box", "text", "password text", "entry",
    "spin button", "slider", "table", "tree table", "tree", "list", "list box", "page tab", "page tab list",
    "menu item", "check menu item", "radio menu item", "link", "scroll bar",
}
# Course content shown in the web view is the author's, not the app's: its subtree is counted, not judged.
CONTENT_ROLES = {"document web", "document frame", "internal frame"}
MAX_NODES = 4000


def find_app(timeout: float = 40.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        desk = pyatspi.Registry.getDesktop(0)
        for i in range(desk.childCount):
            a = desk.getChildAtIndex(i)
            if a is not None and (a.name or "").startswith("scorm") and a.childCount:
                return a
        time.sleep(0.5)
    raise SystemExit("the app never appeared on the AT-SPI bus")


def frames(app) -> dict[str, object]:
    out = {}
    for i in range(app.childCount):
        f = app.getChildAtIndex(i)
        if f is not None:
            out[f.name or f"(untitled {i})"] = f
    return out


def walk(frame, title: str, unnamed: list[str]) -> int:
    count = 0
    todo = [(frame, title, False)]
    while todo and count < MAX_NODES:
        node, path, in_content = todo.pop()
        count += 1
        try:
            role, name, states = node.getRoleName(), node.name or "", node.getState()
        except Exception:  # a node that went away while walking
            continue
        here = f"{path} › {role}" + (f" '{name[:40]}'" if name else "")
        content = in_content or role in CONTENT_ROLES
        if (
            not content
            and role in CONTROL_ROLES
            and states.contains(pyatspi.STATE_FOCUSABLE)
            and states.contains(pyatspi.STATE_SHOWING)
            and not name.strip()
        ):
            unnamed.append(here)
        for i in range(min(node.childCount, 500)):
            child = node.getChildAtIndex(i)
            if child is not None:
                todo.append((child, here if len(here) < 300 else path, content))
    return count


def find(node, role: str, name: str, depth: int = 0):
    if node is None or depth > 30:
        return None
    try:
        if node.getRoleName() == role and (node.name or "") == name:
            return node
        kids = [node.getChildAtIndex(i) for i in range(min(node.childCount, 500))]
    except Exception:
        return None
    for k in kids:
        hit = find(k, role, name, depth + 1)
        if hit is not None:
            return hit
    return None


def press(node) -> bool:
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("press", "click", "activate", "Press", "Trigger", "trigger"):
            return bool(action.doAction(i))
    return bool(action.nActions and action.doAction(0))


def wait_new_frame(app, before: set[str], timeout: float = 30.0):
    """(title, frame) of a window that was not there before, once it has a title and content."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        for title, f in frames(app).items():
            try:
                ready = title not in before and not title.startswith("(untitled") and f.childCount > 0
            except Exception:
                ready = False
            if ready:
                time.sleep(2.0)  # let the window fill in
                return title, f
        time.sleep(0.5)
    return None


def main() -> int:
    app = find_app()
    time.sleep(1.0)
    result = {"windows": {}, "unnamed": [], "actions": []}
    main_title, main_frame = next(iter(frames(app).items()))
    result["windows"][main_title] = walk(main_frame, main_title, result["unnamed"])

    # The dashboard, through the Course menu's "Dashboard" item.
    item = find(main_frame, "menu item", sys.argv[1] if len(sys.argv) > 1 else "Dashboard")
    if item is None:
        result["actions"].append("no 'Dashboard' menu item")
    else:
        before = set(frames(app))
        result["actions"].append(f"Dashboard pressed: {press(item)}")
        got = wait_new_frame(app, before)
        if got:
            result["windows"][got[0]] = walk(got[1], got[0], result["unnamed"])
        else:
            result["actions"].append("no dashboard window appeared")

    # The player: select the first course in the library table, press Play.
    table = find(main_frame, "table", "Course library")
    play = find(main_frame, "push button", "Play")
    if table is None or play is None:
        result["actions"].append("no library table or Play button")
    else:
        table.querySelection().selectChild(0)
        time.sleep(0.5)
        before = set(frames(app))
        result["actions"].append(f"Play pressed: {press(play)}")
        got = wait_new_frame(app, before)
        if got:
            result["windows"][got[0]] = walk(got[1], got[0], result["unnamed"])
        else:
            result["actions"].append("no player window appeared")
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
