"""The station's painted widgets: the verdict banner and the notes box, and the pictures of the lines (ui layer).

Painted directly: a style sheet would cost milliseconds on every scan, the time the packer waits for the verdict.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QLabel, QWidget

from app.services.images import ImageCache
from ui.station.verdicts import STATE_COLOURS

PICTURE_PX = 64  # product pictures in the lines table
ROW_PX, PICTURE_ROW_PX = 36, PICTURE_PX + 8


def load_picture(cache: ImageCache, url: str, px: int = PICTURE_PX) -> QImage | None:
    """The picture for `url`, fetched when needed and scaled to fit `px` (worker thread: QImage, not QPixmap)."""
    path = cache.fetch(url)
    if path is None:
        return None
    image = QImage(str(path))
    if image.isNull():
        return None
    return image.scaled(px, px, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)


class VerdictBanner(QLabel):
    """The verdict: a large white word on its state's colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colour = QColor(STATE_COLOURS["idle"])

    def set_colour(self, colour: str) -> None:
        if QColor(colour) != self._colour:
            self._colour = QColor(colour)
            self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802, ANN001
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._colour)
        painter.drawRoundedRect(self.rect(), 6, 6)
        painter.setPen(QColor("white"))
        painter.setFont(self.font())
        painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignCenter), self.text())
        painter.end()


class NotesLabel(QLabel):
    """The buyer's message and the seller's memo: dark text on yellow, framed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setContentsMargins(10, 8, 10, 8)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#212121"))
        self.setPalette(palette)

    def paintEvent(self, event) -> None:  # noqa: N802, ANN001
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#f9a825"), 2))
        painter.setBrush(QColor("#fff59d"))
        painter.drawRoundedRect(self.rect().adjusted(1, 1, -1, -1), 4, 4)
        painter.end()
        super().paintEvent(event)  # the text, inside the margins
