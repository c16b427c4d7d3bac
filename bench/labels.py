"""Label rendering and encoding against python-escpos's own image encoder, on the same raster."""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from datetime import UTC, datetime

from bench.common import Figure, per_call_ms
from printers import escpos
from printers.media import Media
from printers.render import render_waybill
from printers.waybill import Item, Party, Routing, Waybill

SAMPLE = Waybill(
    tracking_no="73600316247086",
    carrier_name="中通快递",
    receiver=Party("马*", "138****5678", "四川省成都市都江堰市玉堂镇青城山路188号幸福小区3栋2单元1101室"),
    sender=Party("小鹿家居", "0571-88886666", "浙江省杭州市余杭区仓前街道文一西路1500号 小鹿电商仓"),
    order_no="5118609024991031607",
    printed_at=datetime(2026, 11, 22, 10, 30, tzinfo=UTC),
    routing=Routing("830 都江堰", "830-120-00 012", "成都转运中心"),
    items=(Item("TEE-01", "纯棉圆领短袖T恤 白色", 2), Item("MUG-02", "陶瓷马克杯 350ml 雾蓝", 1)),
    buyer_message="请尽快发货，谢谢",
    seller_memo="送小样",
)


def run() -> list[Figure]:
    media = Media(100, 150, 203)
    image = render_waybill(SAMPLE, media)
    ours_encode = per_call_ms(lambda: escpos.encode_label(image))
    ours_total = per_call_ms(lambda: escpos.encode_label(render_waybill(SAMPLE, media)))

    # python-escpos's Dummy printer, same raster, its default raster implementation.
    os.environ.setdefault("ESCPOS_CAPABILITIES_PICKLE_DIR", tempfile.gettempdir())
    with contextlib.redirect_stdout(io.StringIO()):  # it prints diagnostics
        from escpos.printer import Dummy

        def theirs() -> bytes:
            printer = Dummy()
            printer.image(image.convert("1"), impl="bitImageRaster", fragment_height=256)
            return printer.output

        theirs_ms = per_call_ms(theirs, repeat=10, warmup=1)
        theirs_bytes = len(theirs())
    figures = [
        Figure(
            "label 100x150 render+encode (ESC/POS)",
            ours_total,
            "ms",
            "python-escpos image() encode only",
            theirs_ms,
            goal="<= 10 ms",
        ),
        Figure(
            "label 100x150 encode only (ESC/POS)", ours_encode, "ms", "python-escpos image() encode only", theirs_ms
        ),
        Figure(
            "label 100x150 ESC/POS bytes", len(escpos.encode_label(image)), "bytes", "python-escpos bytes", theirs_bytes
        ),
    ]
    for size in ((76, 130), (100, 180)):
        m = Media(*size)
        figures.append(
            Figure(
                f"label {m.size_text} render+encode (ESC/POS)",
                per_call_ms(lambda m=m: escpos.encode_label(render_waybill(SAMPLE, m))),
                "ms",
            )
        )
    return figures
