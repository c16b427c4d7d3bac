"""Writes the demo shop's product pictures (resources/demo/products/<SKU>.png).

Run from the repository root: `.venv/bin/python packaging/make_demo_pictures.py`. The PNGs are committed; this script
is how they were made. Each is a tile in the variant's colour (or a shade of the product's colour) with the product's
short name and the variant, so the packer tells 白色 from 黑色 at a glance, as on a real product photo.
"""

from __future__ import annotations

import colorsys
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.demo.seed import _CATALOGUE  # noqa: E402
from resources import FONT_FILE, resource_path  # noqa: E402

OUT = ROOT / "resources" / "demo" / "products"
SIZE = 240

SHORT_NAMES = {
    "TEE": "T恤", "HOOD": "卫衣", "MUG": "马克杯", "BOTTLE": "保温杯", "TOWEL": "毛巾", "PILLOW": "抱枕",
    "CASE": "手机壳", "CABLE": "数据线", "BOX": "收纳盒", "TEA": "龙井", "NUTS": "坚果", "SHAMPOO": "洗发水",
    "HAND": "护手霜", "TISSUE": "抽纸", "SOCK": "袜子", "LAMP": "台灯",
}  # fmt: skip

VARIANT_COLOURS = {
    "白色": "#f5f5f5", "黑色": "#212121", "灰色": "#9e9e9e", "藏青": "#1a237e", "米白": "#efe6d2",
    "雾蓝": "#7fa7c9", "豆绿": "#a5c8a0", "樱粉": "#f4b6c2", "曜石黑": "#1c1c1c", "珍珠白": "#f2efe6",
    "薄荷绿": "#98e0c0", "奶茶色": "#c8a27c", "灰白蓝": "#b0c4de", "粉白黄": "#f8d7a8", "咖啡色": "#6d4c41",
    "纯白": "#ffffff", "编织灰": "#757575", "编织红": "#c62828", "木纹": "#a1887f", "银灰": "#b0bec5",
    "混色": "#8d6e63",
}  # fmt: skip


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def _shade(product_no: int, variant_no: int) -> tuple[int, int, int]:
    hue = (product_no * 0.137) % 1.0
    r, g, b = colorsys.hls_to_rgb(hue, 0.35 + 0.12 * variant_no, 0.55)
    return int(r * 255), int(g * 255), int(b * 255)


def picture(stem: str, product_no: int, variant: str, variant_no: int) -> Image.Image:
    background = _rgb(VARIANT_COLOURS[variant]) if variant in VARIANT_COLOURS else _shade(product_no, variant_no)
    light = sum(c * w for c, w in zip(background, (0.299, 0.587, 0.114), strict=True)) > 150
    ink = (33, 33, 33) if light else (255, 255, 255)
    image = Image.new("RGB", (SIZE, SIZE), background)
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((6, 6, SIZE - 7, SIZE - 7), radius=18, outline=ink, width=3)
    font_path = str(resource_path(*FONT_FILE))
    name = SHORT_NAMES[stem]
    big = ImageFont.truetype(font_path, 78 if len(name) <= 2 else 60)
    small = ImageFont.truetype(font_path, 34)
    draw.text((SIZE / 2, SIZE * 0.42), name, font=big, fill=ink, anchor="mm")
    draw.text((SIZE / 2, SIZE * 0.78), variant, font=small, fill=ink, anchor="mm")
    return image


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for product_no, (stem, _title, _price, _weight, _axis, variants, _case) in enumerate(_CATALOGUE):
        for variant_no, variant in enumerate(variants):
            sku = f"{stem}-{variant_no + 1:02d}"
            picture(stem, product_no, variant, variant_no).quantize(colors=32).save(OUT / f"{sku}.png", optimize=True)
    print(f"wrote {sum(len(c[5]) for c in _CATALOGUE)} pictures to {OUT}")


if __name__ == "__main__":
    main()
