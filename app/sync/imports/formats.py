"""The seller-centre exports PackDesk reads: each platform's columns, status and after-sale texts (sync layer).

A file is recognised by its header names, never by column position (every version of every export adds or drops
columns): `detect_format` tells which export a header is, `COLUMNS` which header names carry each field, `REQUIRED`
the fields without which a file cannot import at all, and `map_status` / `map_refund` read the platform's texts.
"""

from __future__ import annotations

from app.domain.enums import OrderStatus, Platform, RefundStatus
from app.domain.messages import msg
from app.sync.imports.cells import CellError, clean_cell, normalize_header

TAOBAO_ORDERS, TAOBAO_ITEMS, PDD, JD = "taobao_orders", "taobao_items", "pdd", "jd"
FORMATS = {fmt: msg(f"import.format.{fmt}") for fmt in (TAOBAO_ORDERS, TAOBAO_ITEMS, PDD, JD)}  # their names
FORMAT_NAMES = {fmt: name.render() for fmt, name in FORMATS.items()}
FORMAT_PLATFORM = {TAOBAO_ORDERS: Platform.TAOBAO, TAOBAO_ITEMS: Platform.TAOBAO, PDD: Platform.PDD, JD: Platform.JD}
# fmt: off
# The exports a shop takes: Tmall shops export the Taobao reports; a shop of platform "other" takes any export.
SHOP_TAKES = {
    Platform.TAOBAO: Platform.TAOBAO, Platform.TMALL: Platform.TAOBAO,
    Platform.PDD: Platform.PDD, Platform.JD: Platform.JD,
}
# Logical field -> the header names that carry it, per format (normalised: no spaces, half-width parentheses).
# The first name present in a file wins.
COLUMNS: dict[str, dict[str, tuple[str, ...]]] = {
    TAOBAO_ORDERS: {
        "order_no": ("订单编号",), "status": ("订单状态",), "paid": ("订单付款时间", "付款时间"),
        "created": ("订单创建时间",), "promise": ("承诺发货时间", "最晚发货时间"), "nick": ("买家会员名",),
        "name": ("收货人姓名",), "mobile": ("联系手机",), "phone": ("联系电话",), "address": ("收货地址",),
        "address_changed": ("修改后的收货地址",), "message": ("买家留言",), "memo": ("订单备注", "商家备注"),
        "total": ("买家实际支付金额", "买家实付金额", "总金额"), "post_fee": ("买家应付邮费",),
        "units": ("宝贝总数量",),
    },
    TAOBAO_ITEMS: {
        "order_no": ("订单编号", "主订单编号"), "line_no": ("子订单编号",), "title": ("标题", "商品标题", "宝贝标题"),
        "qty": ("购买数量", "宝贝数量"), "price": ("价格", "商品价格"), "spec": ("商品属性", "商品属性SKU"),
        "sku": ("商家编码",), "sku_alt": ("外部系统编号",), "line_status": ("订单状态",),
        "refund": ("退款状态", "售后状态"),
    },
    PDD: {
        "order_no": ("订单号",), "status": ("订单状态",), "paid": ("支付时间", "订单确认时间", "拼单成功时间"),
        "promise": ("承诺发货时间",), "name": ("收货人",), "mobile": ("手机", "收货人手机号"),
        "extension": ("隐私号的四位分机号",), "province": ("省",), "city": ("市",), "district": ("区",),
        "street": ("街道",), "message": ("买家留言",), "memo": ("商家备注",), "total": ("用户实付金额(元)",),
        "post_fee": ("邮费(元)",), "title": ("商品",), "qty": ("商品数量(件)",), "line_total": ("商品总价(元)",),
        "spec": ("商品规格",), "sku": ("商家编码-SKU维度",), "sku_alt": ("商家编码-商品维度",),
        "refund": ("售后状态", "退款状态"),
    },
    JD: {
        "order_no": ("订单号",), "status": ("订单状态",), "paid": ("付款确认时间",), "created": ("下单时间",),
        "nick": ("下单帐号", "下单账号"), "name": ("客户姓名",), "phone": ("联系电话",), "address": ("客户地址",),
        "message": ("订单备注",), "memo": ("商家备注",), "flag": ("商家备注等级(等级1-5为由高到低)", "商家备注等级"),
        "total": ("应付金额", "订单金额"), "post_fee": ("运费金额",), "title": ("商品名称",), "qty": ("订购数量",),
        "price": ("京东价",), "sku": ("商家编码",), "sku_alt": ("货号",), "refund": ("售后状态", "退款状态"),
    },
}
# Columns without which a format cannot import at all (a file missing one is refused as a whole).
REQUIRED = {
    TAOBAO_ORDERS: ("order_no", "status", "paid"), TAOBAO_ITEMS: ("order_no",),
    PDD: ("order_no", "status", "qty"), JD: ("order_no", "status", "qty"),
}
# Status texts by what they mean, normalised (no spaces, half-width commas and parentheses); Taobao/Tmall, PDD, JD.
# None: not paid yet, the order is skipped.
_STATUS_TEXTS: dict[OrderStatus | None, tuple[str, ...]] = {
    None: ("等待买家付款", "待支付", "待付款", "待成团", "拼团中", "等待付款"),
    OrderStatus.AWAITING_SHIPMENT: ("买家已付款,等待卖家发货", "等待卖家发货", "待发货", "等待出库", "等待发货"),
    OrderStatus.PARTLY_SHIPPED: ("卖家部分发货",),
    OrderStatus.SHIPPED: (
        "卖家已发货,等待买家确认", "卖家已发货", "买家已签收", "交易成功", "已发货,待签收", "已发货", "已签收",
        "等待确认收货", "已出库", "完成", "已完成",
    ),
    OrderStatus.CLOSED: (
        "交易关闭", "付款以后用户退款成功,交易自动关闭", "已取消", "交易已取消", "未发货,退款成功",
        "已发货,退款成功", "取消", "订单取消", "(删除)订单取消",
    ),
    OrderStatus.ON_HOLD: ("锁定", "暂停"),
}
# After-sale texts that mean "nothing going on"; other texts mean an after-sale is open unless it succeeded.
_NO_REFUND = {
    "", "-", "无", "无售后", "无售后或售后取消", "售后取消", "售后关闭", "买家撤销", "退款关闭", "没有申请退款",
}
# PDD 售后状态 codes: 5 refunded; 6 withdrawn, 12 cancelled; 16/18 exchanges; 10/11 returns open.
# An unknown code counts as open: a parcel must never leave after a refund.
_REFUND_CODES = {
    0: RefundStatus.NONE, 5: RefundStatus.REFUNDED, 6: RefundStatus.NONE, 12: RefundStatus.NONE,
    16: RefundStatus.NONE, 18: RefundStatus.NONE, 10: RefundStatus.REQUESTED, 11: RefundStatus.REQUESTED,
}
# fmt: on
_STATUSES = {text: status for status, texts in _STATUS_TEXTS.items() for text in texts}


def detect_format(headers: set[str]) -> str | None:
    """The export a set of normalised header names belongs to, or None."""
    if "主订单编号" in headers or {"订单编号", "标题", "购买数量"} <= headers and "收货地址" not in headers:
        return TAOBAO_ITEMS
    if "订单编号" in headers and ("收货地址" in headers or "收货人姓名" in headers):
        return TAOBAO_ORDERS
    if "订单号" in headers and "商品数量(件)" in headers:
        return PDD
    if "订单号" in headers and "订购数量" in headers:
        return JD
    return None


def map_status(text: str) -> OrderStatus | None:
    """A platform's status text as PackDesk's status; None for an order not paid yet.

    Raises:
        ValueError: a status PackDesk does not know (it cannot tell whether the order may ship).
    """
    key = normalize_header(text).replace("，", ",")
    if key not in _STATUSES:
        raise CellError(msg("import.cell.unknown_status", status=text.strip()))
    return _STATUSES[key]


def map_refund(text: str) -> RefundStatus:
    """An after-sale / refund cell (text like 退款成功, 售后处理中, or a PDD code) as a line's refund status."""
    key = normalize_header(clean_cell(text)).replace("，", ",")
    if key in _NO_REFUND:
        return RefundStatus.NONE
    if key.isdigit():
        return _REFUND_CODES.get(int(key), RefundStatus.REQUESTED)
    if "成功" in key and ("退款" in key or "退货" in key):
        return RefundStatus.REFUNDED
    if "换货" in key or "补寄" in key:
        return RefundStatus.NONE
    return RefundStatus.REQUESTED
