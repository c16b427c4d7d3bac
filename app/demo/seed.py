"""The demo shop: two associated shops, a catalogue with real EAN-13 barcodes, waybill accounts, and orders.

Everything comes from one `random.Random(seed)`, so the same seed gives the same shops, products and orders. Times
are laid out relative to an anchor (by default the start of the current six-hour block, China time), so runs close
together are identical and the ship-by deadlines always look like a real backlog: pay times over the last 72 hours,
most of them recent, so some deadlines are past, some are due within hours and most are later.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.demo.geo import COMPOUNDS, PROVINCES, STREETS, TOWNS
from app.domain.barcodes import gtin_check_digit, make_ean13
from app.domain.enums import Flag, OrderStatus, Platform, RefundStatus
from app.domain.errors import InvalidInput
from app.domain.masking import mask_name, mask_phone
from app.domain.messages import msg
from app.domain.orders import CHINA_TZ, DEFAULT_SHIP_WITHIN
from app.persistence.rows import (
    BarcodeRow,
    OrderLineRow,
    OrderRow,
    ProductRow,
    ShopGroupRow,
    ShopRow,
    WaybillAccountRow,
)
from resources import resource_path

GROUP_NAME = "小鹿家居 (演示)"
SHOPS = (("小鹿家居旗舰店", Platform.TMALL), ("小鹿生活馆", Platform.TAOBAO))
DEMO_CARRIERS = ("ZTO", "YTO", "STO", "YUNDA", "SF", "EMS")

# (sku stem, title, price, weight g, variant axis, variants, case pack units or 0)
_CATALOGUE = (
    ("TEE", "纯棉圆领短袖T恤", "59.00", 220, "颜色", ("白色", "黑色", "灰色", "藏青"), 0),
    ("HOOD", "加绒连帽卫衣", "129.00", 520, "尺码", ("M", "L", "XL", "XXL"), 0),
    ("MUG", "陶瓷马克杯 350ml", "29.90", 380, "颜色", ("米白", "雾蓝", "豆绿", "樱粉"), 0),
    ("BOTTLE", "316不锈钢保温杯 500ml", "89.00", 420, "颜色", ("曜石黑", "珍珠白", "薄荷绿", "奶茶色"), 0),
    ("TOWEL", "长绒棉毛巾 三条装", "39.90", 300, "颜色", ("灰白蓝", "粉白黄", "咖啡色", "纯白"), 0),
    ("PILLOW", "记忆棉抱枕", "69.00", 650, "款式", ("小熊", "兔子", "云朵", "猫咪"), 0),
    ("CASE", "磨砂手机壳", "19.90", 40, "型号", ("iPhone 16", "iPhone 16 Pro", "华为 Mate 70", "小米 15"), 0),
    ("CABLE", "Type-C 快充数据线 1.5m", "15.90", 50, "颜色", ("白色", "黑色", "编织灰", "编织红"), 0),
    ("BOX", "桌面收纳盒", "25.00", 280, "尺寸", ("小号", "中号", "大号", "三件套"), 0),
    ("TEA", "明前龙井 罐装 100g", "128.00", 200, "等级", ("一级", "特级", "精品", "礼盒"), 6),
    ("NUTS", "每日坚果 30袋", "79.90", 750, "口味", ("原味", "果仁", "酸奶", "儿童"), 12),
    ("SHAMPOO", "氨基酸洗发水 500ml", "49.90", 560, "香型", ("栀子", "白茶", "海盐", "无香"), 12),
    ("HAND", "护手霜 50g", "22.00", 70, "香型", ("玫瑰", "樱花", "白桃", "乳木果"), 24),
    ("TISSUE", "原木抽纸 3层100抽", "3.50", 150, "包装", ("单包", "6包", "12包", "18包"), 24),
    ("SOCK", "精梳棉中筒袜", "9.90", 45, "颜色", ("黑色", "白色", "灰色", "混色"), 0),
    ("LAMP", "LED护眼台灯", "159.00", 980, "颜色", ("白色", "黑色", "木纹", "银灰"), 0),
)

_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈欧阳司马"
)
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉晶佳琪子轩梓涵浩宇欣怡雨桐"
_NICK_WORDS = ("阳光", "小猪", "快乐", "星星", "橘子", "晴天", "奶茶", "木木", "糖糖", "风铃", "喵喵", "大白")
_MESSAGES = (
    "请尽快发货，谢谢",
    "麻烦发顺丰，运费可以补",
    "送人的，不要放价格单和发票",
    "周末家里没人，请放丰巢快递柜😊",
    "谢谢老板🙏 上次买的很好用，这次多买几个送朋友",
    "杯子请多包几层气泡膜，上次收到碎了一个，这次一定要包好，拜托拜托！！！如果能加个纸箱更好，谢谢",
    "颜色要和图片一样的",
    "🎁 生日礼物，能帮忙写张贺卡吗：祝妈妈生日快乐",
)
_MEMOS = (
    "送小样",
    "老客户，加赠试用装",
    "已与买家确认改为白色",
    "买家要求发货前电话联系，电话见聊天记录；地址已核对无误，注意不要发到旧地址",
    "加急",
    "⚠ 上次投诉包装破损，务必加固",
)


@dataclass(frozen=True)
class SeedReport:
    orders: int
    products: int
    barcodes: int
    shops: tuple[str, ...]


ANCHOR_BLOCK_HOURS = 6


def default_anchor(now: datetime | None = None) -> datetime:
    """The start of the current six-hour block in China time (00, 06, 12, 18 h), as UTC."""
    local = (now or datetime.now(UTC)).astimezone(CHINA_TZ)
    block = time(local.hour - local.hour % ANCHOR_BLOCK_HOURS, 0)
    return datetime.combine(local.date(), block, tzinfo=CHINA_TZ).astimezone(UTC)


def _digits(rng: random.Random, n: int) -> str:
    return str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(n - 1))


def seed_demo(session: Session, *, orders: int = 200, seed: int = 1, anchor: datetime | None = None) -> SeedReport:
    """Writes the demo shop group, catalogue, waybill accounts and `orders` orders (the caller commits).

    Raises:
        InvalidInput: when the demo shops are already there (seeding again would mix two demo data sets).
    """
    if orders < 0 or orders > 1_000_000:
        raise InvalidInput(msg("demo.orders_range"))
    if session.execute(select(ShopGroupRow).where(ShopGroupRow.name == GROUP_NAME)).first():
        raise InvalidInput(msg("demo.already_seeded"))
    rng = random.Random(seed)
    anchor = anchor or default_anchor()

    group = ShopGroupRow(
        name=GROUP_NAME,
        sender_name="小鹿家居",
        sender_phone="0571-8888" + _digits(rng, 4),
        sender_province="浙江省",
        sender_city="杭州市",
        sender_district="余杭区",
        sender_detail="仓前街道文一西路1500号 小鹿电商仓",
    )
    session.add(group)
    shops = [ShopRow(name=n, platform=p.value, group=group, created_at=anchor) for n, p in SHOPS]
    session.add_all(shops)
    for i, code in enumerate(DEMO_CARRIERS):
        # S10 (EMS) serials have 8 digits; the others 13-14, so their ranges are wide.
        start = rng.randrange(10**7, 5 * 10**7) if code == "EMS" else rng.randrange(10**6, 10**7) * 1000
        session.add(
            WaybillAccountRow(
                group=group,
                carrier=code,
                name=f"{code} 演示账户",
                kind="demo",
                next_serial=start,
                serial_end=10**8 if code == "EMS" else start + 10**9,
                is_default=i == 0,
            )
        )

    products = _catalogue(session, rng)
    for n in range(orders):
        session.add(_order(rng, n, shops, products, anchor))
        if n % 2000 == 1999:
            session.flush()
    session.flush()
    _track_stock(session, products, anchor)
    return SeedReport(
        orders=orders,
        products=len(products),
        barcodes=sum(len(p.barcodes) for p in products),
        shops=tuple(s.name for s in shops),
    )


# SKUs whose stock the demo keeps, (on hand, safety stock): a few short of what waiting orders ask, so the demo shows
# orders out of stock (缺货待补货) with the SKUs they miss and low-stock warnings. Every other SKU is untracked: its
# orders are never short.
TRACKED = {"LAMP-01": (1, 5), "LAMP-02": (0, 3), "PILLOW-03": (2, 4), "TEA-04": (12, 6)}


def _track_stock(session: Session, products: list[ProductRow], anchor: datetime) -> None:
    from app.persistence.stock import StockRepository  # each figure a `set` move, as `stock set` records it
    from app.services.stock import recompute  # the demo's stock allotted as production allots it

    for product in products:
        if product.sku in TRACKED:
            product.stock, product.safety_stock = 0, TRACKED[product.sku][1]  # counted from none, as a set says
    session.flush()
    repo = StockRepository(session)
    for product in products:
        if product.sku in TRACKED:
            repo.set_on_hand(product.id, TRACKED[product.sku][0], "set", "demo", "demo", anchor)
    recompute(session)


def _picture_uri(sku: str) -> str:
    """The bundled picture of a demo product (packaging/make_demo_pictures.py) as a file URI, "" if missing."""
    path = resource_path("demo", "products", f"{sku}.png")
    return path.as_uri() if path.exists() else ""


def _catalogue(session: Session, rng: random.Random) -> list[ProductRow]:
    company = _digits(rng, 5)
    products: list[ProductRow] = []
    item = 0
    for stem, title, price, weight, axis, variants, case_units in _CATALOGUE:
        for v_index, variant in enumerate(variants):
            item += 1
            body = "69" + company + f"{item:05d}"
            product = ProductRow(
                sku=f"{stem}-{v_index + 1:02d}",
                title=title,
                spec=f"{axis}:{variant}",
                price=Decimal(price),
                weight_g=weight,
                stock=rng.randint(0, 400),
                image_url=_picture_uri(f"{stem}-{v_index + 1:02d}"),
            )
            product.barcodes.append(BarcodeRow(code=make_ean13(body), units=1))
            if case_units:
                # The case carries a GTIN-14 with packaging indicator 1 over the same item reference.
                gtin14 = "1" + body
                product.barcodes.append(BarcodeRow(code=gtin14 + str(gtin_check_digit(gtin14)), units=case_units))
            products.append(product)
    session.add_all(products)
    session.flush()
    return products


def _receiver(rng: random.Random) -> dict[str, str]:
    province = rng.choice(list(PROVINCES))
    city, _prefix, districts, _centre = rng.choice(PROVINCES[province])
    district = rng.choice(districts)
    surname = rng.choice(("欧阳", "司马")) if rng.random() < 0.03 else rng.choice(_SURNAMES[:-4])
    name = surname + "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2))))
    phone = "1" + rng.choice("3456789") + _digits(rng, 9)
    detail = (
        f"{rng.choice(STREETS)}{rng.randint(1, 999)}号{rng.choice(COMPOUNDS)}"
        f"{rng.randint(1, 30)}栋{rng.randint(1, 6)}单元{rng.randint(1, 33)}{rng.randint(1, 4):02d}室"
    )
    return {
        "receiver_name": mask_name(name),
        "receiver_phone": mask_phone(phone),
        "receiver_province": province,
        "receiver_city": city,
        "receiver_district": district,
        "receiver_town": rng.choice(TOWNS) if not district.endswith("镇") else "",
        "receiver_address": detail,
    }


def _order(rng: random.Random, n: int, shops: list[ShopRow], products: list[ProductRow], anchor: datetime) -> OrderRow:
    shop = shops[0] if rng.random() < 0.6 else shops[1]
    paid_at = anchor - timedelta(seconds=int(72 * 3600 * rng.random() ** 3))  # most orders are recent
    roll = rng.random()
    status = OrderStatus.AWAITING_SHIPMENT
    if roll < 0.03:
        status = OrderStatus.CLOSED
    elif roll < 0.05:
        status = OrderStatus.ON_HOLD
    # A roll under 0.08 was a random 缺货待补货; out of stock now follows from the tracked SKUs' stock (_track_stock),
    # and these orders only keep the random stream (and so every demo order) as it was.
    formerly_short = status is OrderStatus.AWAITING_SHIPMENT and roll < 0.08

    n_lines = rng.choices((1, 2, 3, 4, 5, 6), weights=(50, 25, 12, 7, 4, 2))[0]
    chosen = rng.sample(products, n_lines)
    tid = _digits(rng, 19)
    lines = []
    total = Decimal("0.00")
    waiting = status is OrderStatus.AWAITING_SHIPMENT and not formerly_short
    refund_line = rng.randrange(n_lines) if waiting and rng.random() < 0.05 else -1
    for i, product in enumerate(chosen):
        case = next((b.units for b in product.barcodes if b.units > 1), 0)
        qty = case if case and rng.random() < 0.25 else rng.choices((1, 2, 3), weights=(75, 20, 5))[0]
        refund = RefundStatus.NONE
        if status is OrderStatus.CLOSED:
            refund = RefundStatus.REFUNDED
        elif i == refund_line:
            refund = RefundStatus.REQUESTED
        total += product.price * qty
        lines.append(
            OrderLineRow(
                line_no=tid[:-4] + f"{i + 1:04d}",
                sku=product.sku,
                title=product.title,
                spec=product.spec,
                qty=qty,
                price=product.price,
                refund_status=refund.value,
            )
        )
    flag = rng.choices(list(Flag), weights=(70, 8, 6, 6, 6, 4))[0]
    return OrderRow(
        shop=shop,
        order_no=tid,
        platform=shop.platform,
        status=status.value,
        platform_status="",
        buyer_nick=_nick(rng),
        buyer_message=rng.choice(_MESSAGES) if rng.random() < 0.3 else "",
        seller_memo=rng.choice(_MEMOS) if rng.random() < 0.2 else "",
        flag=int(flag),
        total=total,
        post_fee=Decimal("0.00"),
        paid_at=paid_at,
        deadline=paid_at + DEFAULT_SHIP_WITHIN,
        modified_at=paid_at + timedelta(seconds=rng.randint(1, 600)),
        lines=lines,
        **_receiver(rng),
    )


def _nick(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"tb{_digits(rng, 8)}_{rng.randint(2008, 2024)}"
    return rng.choice(_NICK_WORDS) + rng.choice(_NICK_WORDS) + "_" + _digits(rng, 3)
