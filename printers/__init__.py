"""Label printing, standalone: waybill layout -> 1-bit raster (Pillow) -> printer language bytes -> transport.

Nothing here imports PySide6 or app/: the package takes plain data (printers.waybill.Waybill) and a printer URI.
"""
