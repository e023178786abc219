"""The app's own icons: the application's, from resources/icons, and the status icons the players' contents draw."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPen, QPixmap

from ..resources import resource_dir
from ..status import LABEL_COLORS, SCO_STATUS_LABELS


def app_icon() -> QIcon:
    return QIcon(str(resource_dir() / "icons" / "scorm-desktop.svg"))


#: What each status icon means (also the tooltip's first words).
STATUS_TEXT = {
    "not attempted": QT_TRANSLATE_NOOP("PlayerWindow", "Not started"),
    "incomplete": QT_TRANSLATE_NOOP("PlayerWindow", "In progress"),
    "completed": QT_TRANSLATE_NOOP("PlayerWindow", "Completed"),
    "passed": QT_TRANSLATE_NOOP("PlayerWindow", "Passed"),
    "failed": QT_TRANSLATE_NOOP("PlayerWindow", "Failed"),
    "waived": QT_TRANSLATE_NOOP("PlayerWindow", "Waived (you are exempted from it)"),
}
#: Statuses of cmi5 AUs that SCORM items do not have, drawn in the colour of the status they count as.
_COUNTS_AS = {"waived": "completed"}

_ICONS: dict[str, QIcon] = {}


def status_icon(status: str) -> QIcon:
    """A small round icon per status, drawn once: an empty ring (not started), a half-filled ring (in progress), a
    filled disc with a tick (completed: blue), the same inside a ring (passed: green), a red disc with a cross
    (failed), a disc with a dash (waived: a cmi5 AU the learner is exempted from). Shapes differ, so no status is
    told by colour alone."""
    if status in _ICONS:
        return _ICONS[status]
    size = 32  # drawn at 2x, shown at 16 px
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    rect = QRectF(3, 3, size - 6, size - 6)
    counted = _COUNTS_AS.get(status, status)
    color = QColor(LABEL_COLORS[SCO_STATUS_LABELS.get(counted, "not started")])  # the one status palette
    p.setPen(QPen(color, 3))
    if status == "not attempted":
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(rect)
    elif status == "incomplete":
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(rect)
        p.setBrush(QBrush(color))
        p.drawPie(rect, 90 * 16, 180 * 16)  # the left half filled
    else:
        if status == "passed":  # a ring around the ticked disc: told apart from "completed" by shape, not hue
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(QRectF(1.5, 1.5, size - 3, size - 3))
            rect = QRectF(7, 7, size - 14, size - 14)
        p.setBrush(QBrush(color))
        p.drawEllipse(rect)
        p.setPen(QPen(QColor("white"), 3.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        if status == "passed":
            p.setPen(QPen(QColor("white"), 2.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                          Qt.PenJoinStyle.RoundJoin))
            p.drawPolyline([QPointF(11.5, 16.5), QPointF(14.5, 19.5), QPointF(20.5, 12.5)])
        elif status == "failed":
            p.drawLine(QPointF(11, 11), QPointF(21, 21))
            p.drawLine(QPointF(21, 11), QPointF(11, 21))
        elif status == "waived":
            p.drawLine(QPointF(10, 16), QPointF(22, 16))
        else:
            p.drawPolyline([QPointF(9.5, 16.5), QPointF(14, 21), QPointF(22.5, 11.5)])
    p.end()
    icon = QIcon(pm)
    _ICONS[status] = icon
    return icon
