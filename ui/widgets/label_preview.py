"""Shows a label as it will print: the printer raster itself, scaled to fit (ui layer)."""

from __future__ import annotations

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


def raster_to_qimage(image: Image.Image) -> QImage:
    """A copy of a Pillow label raster as a QImage (grey, so it scales smoothly on screen)."""
    grey = image.convert("L")
    return QImage(grey.tobytes(), grey.width, grey.height, grey.width, QImage.Format.Format_Grayscale8).copy()


class LabelPreviewWidget(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(240, 360)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setStyleSheet("QLabel { background: #9e9e9e; }")
        self._pixmap: QPixmap | None = None

    def show_raster(self, image: Image.Image | None) -> None:
        self._pixmap = QPixmap.fromImage(raster_to_qimage(image)) if image is not None else None
        self._rescale()

    def resizeEvent(self, event) -> None:  # noqa: N802, ANN001
        super().resizeEvent(event)
        self._rescale()

    def _rescale(self) -> None:
        if self._pixmap is None:
            self.clear()
            return
        self.setPixmap(
            self._pixmap.scaled(
                self.size() * 0.96, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )
