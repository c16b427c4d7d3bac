"""The calibration page: millimetre rulers along the edges, the label outline, a centre cross and a test barcode.

Printed with the printer's offsets applied, it shows at a glance whether the label sits right: the outline must
touch the label's edges and the rulers read the label's true size. Off by N mm? Set x= or y= to -N.
"""

from __future__ import annotations

from PIL import Image, ImageDraw

from printers.render import code128_modules, font
from printers.uri import PrinterSpec

BLACK, WHITE = 0, 255


def render_test_page(spec: PrinterSpec) -> Image.Image:
    media = spec.media
    w, h = media.width_dots, media.height_dots
    image = Image.new("1", (w, h), WHITE)
    draw = ImageDraw.Draw(image)
    d = media.dots
    draw.rectangle((0, 0, w - 1, h - 1), outline=BLACK, width=2)
    small = font(max(10, d(2.2)))
    for mm in range(1, int(media.width_mm)):
        x = d(mm)
        tick = d(4) if mm % 10 == 0 else d(2.5) if mm % 5 == 0 else d(1.2)
        draw.line((x, 0, x, tick), fill=BLACK)
        draw.line((x, h - 1, x, h - 1 - tick), fill=BLACK)
        if mm % 10 == 0:
            draw.text((x, tick + 2), str(mm), font=small, fill=BLACK, anchor="ma")
    for mm in range(1, int(media.height_mm)):
        y = d(mm)
        tick = d(4) if mm % 10 == 0 else d(2.5) if mm % 5 == 0 else d(1.2)
        draw.line((0, y, tick, y), fill=BLACK)
        draw.line((w - 1, y, w - 1 - tick, y), fill=BLACK)
        if mm % 10 == 0:
            draw.text((tick + 3, y), str(mm), font=small, fill=BLACK, anchor="lm")
    cx, cy = w // 2, h // 2
    draw.line((cx - d(8), cy, cx + d(8), cy), fill=BLACK, width=2)
    draw.line((cx, cy - d(8), cx, cy + d(8)), fill=BLACK, width=2)
    big = font(d(5))
    lines = [
        "PackDesk 打印测试 / test page",
        f"{media.width_mm:g} x {media.height_mm:g} mm  {media.dpi} dpi  {spec.lang}",
        f"x={spec.x_mm:g} mm  y={spec.y_mm:g} mm",
    ]
    for i, text in enumerate(lines):
        draw.text((cx, d(14) + i * d(7)), text, font=big if i == 0 else font(d(3.6)), fill=BLACK, anchor="ma")
    modules = code128_modules("PACKDESK-TEST")
    module = max(1, min(3, (w - d(20)) // (len(modules) + 20)))
    left = (w - module * len(modules)) // 2
    top = cy + d(14)
    for i, value in enumerate(modules):
        if value == 0:
            draw.rectangle((left + i * module, top, left + (i + 1) * module - 1, top + d(12)), fill=BLACK)
    draw.text((cx, top + d(13)), "PACKDESK-TEST", font=font(d(3)), fill=BLACK, anchor="ma")
    return image
