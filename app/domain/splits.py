"""Split parcels (拆单): which lines and units of an order its next parcel carries, and which sub-orders that
parcel's ship-back names (domain layer, pure).

A seller splits an order that cannot or should not leave in one box (one item is out of stock, a bulky item goes by
another carrier, a pre-sale line comes later): the next parcel carries the chosen lines, or some units of a line;
the rest waits, and once the first parcel ships the order is partly shipped (部分发货) until the next parcel takes
what is left. `plan` checks the seller's choice and returns the units per line; the order as the repository reads it
then carries them (`OrderLine.planned`), so the bench expects exactly them, the label lists them and the shipment
takes them off stock.

The rule for quantity splits. The platforms take shipments per sub-order only: Taobao's
`taobao.logistics.offline.send` ships the sub-orders named in `sub_tid` (with `is_split=1`), each once, with one
tracking number; there is no "2 of the 3 units". PackDesk therefore reports a sub-order with the parcel that carries
its *last* units, and a split parcel must complete at least one sub-order (be it a whole line, or the rest of a line
an earlier parcel began). So every parcel has a ship-back, and the buyer gets a tracking number for each parcel;
the platform marks a sub-order shipped only once all its units left (a buyer who asks for a refund of a line half
sent is not told it all left). The other rule (report a sub-order with its first units) would let the platform show
the whole line shipped while units of it still wait, and the parcel with the rest would have no ship-back at all: no
tracking number for the buyer, and nothing the seller could correct later. A parcel of some units of one line only
is therefore refused with the reason; the seller adds another line to it, or sends the line whole.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from app.domain.enums import OrderStatus
from app.domain.errors import InvalidInput, NotPackable
from app.domain.messages import msg
from app.domain.orders import Order, OrderLine, is_packable

_ITEM = re.compile(r"\s*([^\s:,]+)\s*(?::\s*(\d+)\s*)?")


def parse_lines(text: str) -> list[tuple[str, int | None]]:
    """The lines of `packdesk split --lines`: "LINE_NO[:QTY][,...]" -> [(line, qty or None for all)].

    Raises:
        InvalidInput: not that shape.
    """
    found: list[tuple[str, int | None]] = []
    for part in text.split(","):
        if not part.strip():
            continue
        match = _ITEM.fullmatch(part)
        if match is None:
            raise InvalidInput(msg("split.bad_lines", text=text))
        found.append((match.group(1), int(match.group(2)) if match.group(2) is not None else None))
    if not found:
        raise InvalidInput(msg("split.no_lines"))
    return found


def left(line: OrderLine) -> int:
    """Units of `line` still to ship, whatever a split planned."""
    return 0 if line.shipped else line.qty - line.sent


def open_lines(order: Order) -> list[OrderLine]:
    """The lines a parcel may carry now: not shipped, no refund stopping them, units left."""
    return [ln for ln in order.lines if is_packable(ln.refund, shipped=ln.shipped) and left(ln) > 0]


def _line(order: Order, key: str, lines: Sequence[OrderLine]) -> OrderLine:
    """The line `key` names: its line number (the sub-order id), else a SKU only one line still to ship has."""
    for ln in order.lines:
        if ln.line_no == key:
            return ln
    by_sku = [ln for ln in lines if ln.sku == key]
    if len(by_sku) == 1:
        return by_sku[0]
    known = ", ".join(f"{ln.line_no} ({ln.sku} ×{left(ln)})" for ln in lines)
    raise InvalidInput(msg("split.unknown_line", order_no=order.order_no, line=key, known=known))


def refusal(order: Order) -> NotPackable | None:
    """Why `order` cannot be split now (closed, shipped, held, nothing left to ship), or None."""
    status = order.status
    code = {OrderStatus.CLOSED: "closed", OrderStatus.SHIPPED: "shipped", OrderStatus.ON_HOLD: "on_hold",
            OrderStatus.AWAITING_PAYMENT: "unpaid"}.get(status)  # fmt: skip
    if code is None and not open_lines(order):
        code = "refund"
    if code is None:
        return None
    return NotPackable(msg("split.blocked", order_no=order.order_no, reason=msg(f"order.blocked.{code}")), reason=code)


def plan(order: Order, wanted: Sequence[tuple[str, int | None]]) -> dict[str, int]:
    """The units of each line still to ship that the order's next parcel carries (0: it stays for a later one).

    Args:
        order: the order as cached (an earlier split of it is replaced).
        wanted: (line number or SKU, units or None for all that is left), as the seller chose them.

    Raises:
        NotPackable: the order cannot be split (closed, shipped, held, nothing left to ship).
        InvalidInput: an unknown line, a line shipped or refunded, a quantity out of range, a line named twice, all
            that is left (nothing to split), or a parcel that completes no sub-order (see the module's rule).
    """
    stop = refusal(order)
    if stop is not None:
        raise stop
    lines = open_lines(order)
    if not wanted:
        raise InvalidInput(msg("split.no_lines"))
    chosen: dict[str, int] = {}
    for key, qty in wanted:
        line = _line(order, key.strip(), lines)
        if line.line_no in chosen:
            raise InvalidInput(msg("split.line_twice", line=line.line_no))
        if line not in lines:
            state = msg("split.line_shipped" if line.shipped else "split.line_refund")
            raise InvalidInput(msg("split.line_not_open", order_no=order.order_no, line=line.line_no, state=state))
        most = left(line)
        units = most if qty is None else qty
        if not 1 <= units <= most:
            raise InvalidInput(msg("split.qty_range", order_no=order.order_no, line=line.line_no, left=most))
        chosen[line.line_no] = units
    if all(chosen.get(ln.line_no, 0) == left(ln) for ln in lines):
        raise InvalidInput(msg("split.nothing_left", order_no=order.order_no))
    if not any(chosen.get(ln.line_no, 0) == left(ln) for ln in lines):
        raise InvalidInput(msg("split.completes_none", order_no=order.order_no))
    return {ln.line_no: chosen.get(ln.line_no, 0) for ln in lines}


def parcel_units(order: Order) -> dict[str, int]:
    """Units of each line the order's next parcel carries (its split's, else all that is left)."""
    return {ln.line_no: ln.units for ln in order.lines if ln.packable}


def completed(order: Order) -> tuple[str, ...]:
    """The sub-orders (line numbers) whose last units the order's next parcel carries: those its ship-back names."""
    return tuple(ln.line_no for ln in order.lines if ln.completes)


def staying(order: Order, units: Mapping[str, int]) -> dict[str, int]:
    """What stays for a later parcel when the next one carries `units`: units per line still to ship after it."""
    return {
        ln.line_no: left(ln) - units.get(ln.line_no, 0)
        for ln in open_lines(order)
        if left(ln) > units.get(ln.line_no, 0)
    }
