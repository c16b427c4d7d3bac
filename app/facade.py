"""The window's one door to the core (façade layer, Qt-free): the operations the screens need, each a plain method
that opens its own session and returns plain values (domain dataclasses, reports), never ORM rows or sessions.

ui/ runs these through ui/ops.py on the TaskRunner's lanes; the command line may call them too. A read the
repositories do not offer yet is written here over the services, so that ui/ never imports SQLAlchemy or
app.persistence (an import-linter contract).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.domain.errors import PackDeskError
from app.domain.messages import Message, of_error
from app.services.audit import Actor

if TYPE_CHECKING:
    from PIL.Image import Image
    from sqlalchemy.orm import Session, sessionmaker

    from app.domain.order_actions import ActionReport
    from app.domain.order_detail import OrderDetail
    from app.domain.orders import Order
    from app.domain.reports import Report
    from app.domain.waybill_accounts import AccountView
    from app.facade_buyer import BuyerDesk
    from app.facade_catalogue import CatalogueDesk
    from app.facade_rules import RulesDesk
    from app.services.batch_ship import ShipPlan, ShipReport
    from app.services.images import ImageCache
    from app.services.merges import MergedParcel
    from app.services.orders import EmptyReason, OrderFilter, Sort
    from app.services.printing import JobView, PrintService
    from app.services.shipping import ShipResult
    from app.services.splits import SplitResult
    from app.services.waybills.accounts import Refreshed
    from app.sync.catalogue import CatalogueSummary
    from app.sync.imports import ImportReport
    from app.sync.imports.products import ProductImportReport
    from app.sync.outbox import FlushReport
    from app.sync.seller_centre import ExportReport
    from app.sync.service import SyncStatus
    from app.sync.shops import ShopView
    from app.sync.store import Change
    from app.sync.taobao import SyncReport
    from app.sync.waybills.setup import Added
    from printers.media import Media


DASHBOARD_SLICE = 1_000  # events per roll-up transaction: about 25 ms of write lock each (bench file, one new day)


@dataclass(frozen=True)
class BreachWatch:
    """Orders still to ship past their ship-by time or due within `hours`, and when the window says so (China
    time)."""

    overdue: int
    due_soon: int
    hours: int
    alert_times: tuple[time, ...] = ()


@dataclass(frozen=True)
class OrdersOverview:
    """Around the workspace list: the matching count, per status, the deadline counts, why nothing matches."""

    total: int
    per_status: dict[str, int]
    overdue: int
    due_soon: int  # due within the seller's due-soon hours
    due_soon_hours: int = 6
    reasons: tuple[EmptyReason, ...] = ()  # only when nothing matches: each filter and the orders it alone hides


@dataclass
class SyncOutcome:
    """One sync round: each shop's report, the outbox's, whether the platforms answered at all, and the status."""

    reports: list[SyncReport] = field(default_factory=list)
    flush: FlushReport | None = None
    offline: bool = False
    error: Message | None = None  # the window says it with core_text
    status: SyncStatus | None = None

    @property
    def changes(self) -> list[Change]:
        return [c for r in self.reports for c in r.changes]


TEST_LABEL_NUMBER = "TEST0000000001"  # the specimen waybill's number: no carrier issues it


@dataclass(frozen=True)
class SetupState:
    """What a station has set up (the first-run assistant's summary)."""

    shops: list[str]
    products: bool  # a catalogue with at least one product
    accounts: int  # waybill accounts
    packers: bool  # anyone who can sign in

    @property
    def empty(self) -> bool:
        return not (self.shops or self.products or self.accounts or self.packers)


class Desk:
    """The operations of the window's screens over one workspace's database.

    Args:
        session_factory: database sessions; each operation opens its own (a Session never crosses threads).
        data_dir: the data directory (shop secrets' keyring names, the platform connectors' state).
        actor: who acts (the signed-in packer at this station).
        clock: current UTC time (injectable).
    """

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        data_dir: Path,
        actor: Actor,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.session_factory, self.data_dir, self.actor, self.clock = session_factory, data_dir, actor, clock
        self._after_sale_at: datetime | None = None  # the background round's last read of routes and ratings

    @property
    def rules(self) -> RulesDesk:
        """Service rules: stops, carrier choice, costs, insurance, due-soon hours (app.facade_rules)."""
        from app.facade_rules import RulesDesk

        return RulesDesk(self.session_factory, self.actor, self.clock)

    @property
    def buyer(self) -> BuyerDesk:
        """Notices to the buyer, bad-review alerts and parcels at risk (app.facade_buyer)."""
        from app.facade_buyer import BuyerDesk

        return BuyerDesk(self.session_factory, self.data_dir, self.actor, self.clock)

    @property
    def catalogue(self) -> CatalogueDesk:
        """The Products tab: products, barcodes, stock, and the status bar's figures (app.facade_catalogue)."""
        from app.facade_catalogue import CatalogueDesk

        return CatalogueDesk(self.session_factory, self.actor, self.clock)

    # -- orders -----------------------------------------------------------------------------------------------------

    def orders_page(
        self,
        *,
        status: str | None = None,
        search: str | None = None,
        limit: int = 200,
        offset: int = 0,
        filters: OrderFilter | None = None,
        sort: Sort | None = None,
        barcodes: bool = True,
    ) -> list[Order]:
        """The cached orders, most urgent first (or as `sort` says), filtered by status and a search text or by the
        workspace's `filters`; one page of `limit` from `offset`."""
        from app.services.orders import list_orders

        return list_orders(
            self.session_factory,
            status=status,
            search=search,
            limit=limit,
            offset=offset,
            filters=filters,
            sort=sort,
            now=self.clock(),
            barcodes=barcodes,
        )

    def orders_list_page(
        self, filters: OrderFilter, *, sort: Sort | None = None, offset: int = 0, limit: int = 200
    ) -> Sequence[Order]:
        """A page of the workspace list: read at once, each order built when the list first shows it."""
        from app.services.orders import list_page

        return list_page(self.session_factory, filters, sort=sort, limit=limit, offset=offset, now=self.clock())

    def order_filter(self, **typed: Any) -> OrderFilter:
        """The workspace filter for what the seller chose (app.services.orders.order_filter's keywords)."""
        from app.services.orders import order_filter

        return order_filter(self.session_factory, **typed)

    def orders_overview(self, filters: OrderFilter) -> OrdersOverview:
        """What the workspace shows around the list: how many match, per status, overdue and due within the
        seller's due-soon hours, and when none match, which filter hides how many."""
        from app.services.orders import count_orders, deadline_counts, empty_reasons, status_counts
        from app.services.service_rules import service_settings

        now = self.clock()
        total = count_orders(self.session_factory, filters, now)
        hours = int(service_settings(self.session_factory)["due_soon_hours"])
        overdue, soon = deadline_counts(self.session_factory, now, hours)
        return OrdersOverview(
            total=total,
            per_status=status_counts(self.session_factory, filters, now),
            overdue=overdue,
            due_soon=soon,
            due_soon_hours=hours,
            reasons=tuple(empty_reasons(self.session_factory, filters, now)) if total == 0 else (),
        )

    def breach_watch(self) -> BreachWatch:
        """The orders still to ship that are overdue or due within the seller's due-soon hours, and the times of day
        the window shows a notice about them (the status bar's figure and its notice)."""
        from app.persistence.service_rules import ServiceRules
        from app.services.orders import deadline_counts

        with self.session_factory() as session:
            rules = ServiceRules(session)
            hours, times = rules.due_soon_hours(), rules.alert_times()
        overdue, soon = deadline_counts(self.session_factory, self.clock(), hours)
        return BreachWatch(overdue, soon, hours, times)

    def order_detail(self, order_no: str) -> OrderDetail:
        """Everything the workspace's detail pane shows of `order_no`: lines (pictures, barcodes), shortages,
        parcels, print jobs, ship-backs and the audit trail of the order, its parcels and its print jobs.

        Raises:
            NotFound: no such order.
        """
        from app.domain.errors import NotFound
        from app.domain.messages import msg
        from app.domain.order_detail import OrderDetail
        from app.persistence.order_history import OrderHistory
        from app.persistence.repositories import OrderRepository
        from app.services.stock import with_shortages

        with self.session_factory() as session:
            stored = OrderRepository(session).stored(order_no, barcodes=True)
            if stored is None:
                raise NotFound(msg("order.not_found", order_no=order_no))
            history = OrderHistory(session)
            parcels = history.parcels(stored.id)
            prints = history.prints(stored.id, order_no)
            marks = history.marks(stored.id)
            order = replace(stored.order, priority=marks.priority, hold_reason=marks.hold_reason)
            return OrderDetail(
                order=with_shortages(session, [order])[0],
                parcels=tuple(parcels),
                prints=tuple(prints),
                outbox=tuple(history.outbox(stored.id)),
                audit=tuple(history.audit(order_no, [p.package.tracking_no for p in parcels], [j.id for j in prints])),
                scans=history.scans(stored.id),
                marks=marks,
            )

    def workspace_prefs(self) -> dict[str, Any]:
        """The seller's saved filters and columns of the order workspace (workspace.json in the data directory)."""
        import json

        try:
            data = json.loads((self.data_dir / "workspace.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def save_workspace_prefs(self, prefs: dict[str, Any]) -> None:
        import json
        import os

        path = self.data_dir / "workspace.json"
        part = path.with_suffix(".json.part")
        part.write_text(json.dumps(prefs, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(part, path)  # a crash leaves the old file or the new one, never half of one

    def order_preview(self, order_no: str, media: Media) -> Image:
        """The waybill of `order_no` as it would print on `media` (no number is allocated; raises NotFound)."""
        from app.services.printing import preview_waybill
        from printers.render import render_waybill

        return render_waybill(preview_waybill(self.session_factory, order_no, self.clock()), media)

    def import_files(self, paths: list[str], shop: str, platform: str | None = None) -> ImportReport:
        """Imports seller-centre exports into `shop` (created when new, on `platform` when given, else the files');
        the report names every rejected row."""
        from app.domain.enums import Platform
        from app.sync.imports import import_files

        chosen = Platform(platform) if platform else None
        with self.session_factory.begin() as session:
            return import_files(session, [Path(p) for p in paths], shop, self.clock(), chosen)

    def ship_by_hand(self, order_no: str, carrier: str, tracking_no: str) -> ShipResult:
        """Records that `order_no` left with `tracking_no` of `carrier` (a paper roll's or another system's number)
        and queues its ship-back, as `packdesk ship` does. Raises NotFound, NotPackable, InvalidInput: nothing
        changed."""
        from app.services.shipping import ship_order

        return ship_order(self.session_factory, order_no, carrier, tracking_no, self.actor, self.clock())

    def plan_batch_ship(
        self, order_nos: Sequence[str], carrier: str | None, first_no: str | None, *, auto_fill: bool = True
    ) -> ShipPlan:
        """The batch-ship review: the number each order would ship with (from `first_no` as the carrier's roll runs,
        or, with None, from the shops' number roll) and every order that cannot ship with its reason. Writes
        nothing. Raises InvalidInput (no orders, a first number not of the carrier, a run past its format's end)."""
        from app.services.batch_ship import plan_batch_ship

        return plan_batch_ship(self.session_factory, list(order_nos), carrier, first_no, auto_fill=auto_fill)

    def ship_plan(self, plan: ShipPlan) -> ShipReport:
        """Records a reviewed plan, each order re-checked and shipped in its own transaction with its ship-back
        queued; what changed since the review is skipped with its reason."""
        from app.services.batch_ship import ship_plan

        return ship_plan(self.session_factory, plan, self.actor, self.clock())

    # -- printing ---------------------------------------------------------------------------------------------------

    def print_service(self, uri: str, label_size: str = "") -> PrintService | None:
        """The spooler over the printer at `uri` (raises PrinterUriError); None for no printer."""
        from app.wiring import print_service

        return print_service(self.session_factory, self.actor, uri, label_size)

    def print_jobs(self, limit: int = 1000) -> list[JobView]:
        """The print queue, newest first."""
        from app.services.printing import list_jobs

        return list_jobs(self.session_factory, limit=limit)

    def answer_print_job(self, job_id: int, printed: bool) -> JobView:
        """The seller's answer to "did it print?" for a job a crash or a silent printer left open."""
        from app.services.printing import resolve

        return resolve(self.session_factory, job_id, printed=printed, actor=self.actor, now=self.clock())

    # -- ship-backs and sync ----------------------------------------------------------------------------------------

    def outbox(self) -> list[dict[str, Any]]:
        """The ship-backs and messages waiting for the platform, and the shipments for the seller centre."""
        from app.sync.service import outbox_items

        return outbox_items(self.session_factory)

    def export_bulk_ship(self, target: Path, shop: str | None) -> ExportReport:
        """Writes the seller centre's bulk-ship file of the shipments waiting to be entered there."""
        from app.sync.seller_centre import export_bulk_ship

        return export_bulk_ship(self.session_factory, target, shop, self.clock())

    def mark_entered(self, ids: list[int]) -> list[int]:
        """The seller entered these shipments in the seller centre: they leave the list."""
        from app.sync.seller_centre import mark_entered

        return mark_entered(self.session_factory, self.clock(), ids)

    def sync_status(self) -> SyncStatus:
        from app.sync.service import sync_status

        return sync_status(self.session_factory)

    def sync(self, *, send_only: bool = False) -> SyncOutcome:
        """One round: every API shop's orders, then the outbox. Never raises: the outcome says what went wrong.

        Args:
            send_only: the seller's Send now: no orders are pulled, and every waiting ship-back is tried at once,
                even one still waiting out its backoff (the timer's rounds keep the backoff).
        """
        from app.sync.service import flush_outbox, sync_shops, sync_status
        from app.sync.top import Offline

        outcome = SyncOutcome()
        try:
            outcome.reports = [] if send_only else sync_shops(self.session_factory, self.data_dir)
            outcome.flush = flush_outbox(self.session_factory, self.data_dir, now_too=send_only)
            if not send_only and self._after_sale_due():
                self.buyer.refresh_after_sale()  # the schedule of the risk list and the bad-review alerts
        except Offline as exc:
            outcome.offline, outcome.error = True, exc.msg
        except PackDeskError as exc:
            outcome.error = exc.msg
        errors = [r.message for r in outcome.reports if r.message]
        if errors and not outcome.error:
            outcome.error = errors[0]
            outcome.offline = all(e.id == "top.offline" for e in errors)
        if send_only and outcome.flush and outcome.flush.errors and not outcome.error:
            outcome.error = outcome.flush.errors[0]["message"]  # the seller asked: say why not everything went
        outcome.status = sync_status(self.session_factory)
        return outcome

    AFTER_SALE_EVERY_S = 1800.0

    def _after_sale_due(self) -> bool:
        """Whether the background round reads routes and ratings this time (every half hour, not every sync)."""
        now = self.clock()
        last = self._after_sale_at
        if last is not None and (now - last).total_seconds() < self.AFTER_SALE_EVERY_S:
            return False
        self._after_sale_at = now
        return True

    @staticmethod
    def failed_sync(error: BaseException) -> SyncOutcome:
        """The outcome of a round that raised where it should not have."""
        return SyncOutcome(error=of_error(error))

    def sync_catalogue(self, shop: str | None = None) -> CatalogueSummary:
        """Pulls the catalogue (SKUs, barcodes, pictures) of one Taobao API shop, or of all, from the platform.

        Raises:
            PackDeskError: for a named shop, why its sync stopped (no API connection, an expired authorisation, an
                unreachable gateway); with no shop named, failures are in the summary's `errors`.
        """
        from app.sync.catalogue import CatalogueSummary, sync_catalogues

        return CatalogueSummary(tuple(sync_catalogues(self.session_factory, self.data_dir, shop)))

    def pushes_stock(self, shop: str) -> bool:
        """Whether the shop pushes its available stock to the platform."""
        from app.sync.stock_push import pushes_stock

        return pushes_stock(self.session_factory, shop)

    def set_push_stock(self, shop: str, on: bool) -> bool:
        """Turns the shop's stock push on or off (the next outbox round sends); whether that changed anything."""
        from app.sync.stock_push import set_push_stock

        return set_push_stock(self.session_factory, shop, on)

    def prefetch_pictures(self, images: ImageCache) -> int:
        """Downloads the pictures of the orders waiting to ship (the pictures lane)."""
        from app.services.images import prefetch_waiting

        return prefetch_waiting(self.session_factory, images)

    # -- shops ------------------------------------------------------------------------------------------------------

    def shops(self) -> list[ShopView]:
        from app.sync.shops import list_shops

        with self.session_factory() as session:
            return list_shops(session)

    def add_shop(self, fields: dict[str, str]) -> tuple[list[ShopView], Message | None]:
        """Adds the Taobao or Pinduoduo shop described by the form `fields` (`platform`: taobao by default; its
        secrets go to the keyring), grouped with the shops that share its sender; returns the shops and a warning."""
        from app.sync.shops import Credentials, add_api_shop, platform_of, set_group_sender

        with self.session_factory.begin() as session:
            if fields["group"] and fields["sender_name"]:
                set_group_sender(
                    session,
                    fields["group"],
                    name=fields["sender_name"],
                    phone=fields["sender_phone"],
                    province=fields["sender_province"],
                    city=fields["sender_city"],
                    district=fields["sender_district"],
                    detail=fields["sender_detail"],
                )
            _shop, warning = add_api_shop(
                session,
                self.data_dir,
                name=fields["name"],
                platform=platform_of(fields.get("platform") or "taobao"),
                gateway=fields["gateway"],
                app_key=fields["app_key"],
                credentials=Credentials(fields["app_secret"], fields["session_key"]),
                now=self.clock(),
                group=fields["group"] or None,
            )
        return self.shops(), warning

    # -- waybill accounts -------------------------------------------------------------------------------------------

    def waybill_accounts(self) -> list[AccountView]:
        """Every waybill account with its carriers, balances as last asked, sender addresses and shops."""
        from app.services.waybills.accounts import list_accounts

        with self.session_factory() as session:
            return list_accounts(session)

    def add_waybill_account(self, fields: dict[str, str]) -> Added:
        """Adds the account the form `fields` describes, after asking its provider for its carriers, balances and
        sender addresses (the io lane); its secrets go to the keyring. Raises what the set-up refuses
        (app.services.waybills.accounts.ChooseAddress holds the addresses to choose from)."""
        from app.services.waybills.accounts import AccountSpec
        from app.sync.shops import Credentials
        from app.sync.waybills.setup import add_account
        from app.wiring import setup_provider

        kind = fields.get("provider", "")
        settings = {"partner_id": fields["partner_id"]} if kind == "kuaidi100" and fields.get("partner_id") else {}
        count = fields.get("count", "").strip()
        warn = fields.get("warn_below", "").strip()
        spec = AccountSpec(
            name=fields.get("name", ""),
            kind=kind,
            carrier=fields.get("carrier", ""),
            group=fields.get("group") or None,
            for_shop=fields.get("for_shop") or None,
            gateway=fields.get("gateway", ""),
            app_key=fields.get("app_key", ""),
            source_shop=fields.get("shop") or None if kind == "cainiao" else None,
            settings=settings,
            address_id=fields.get("address_id") or None,
            warn_below=int(warn) if warn.isdigit() else None,
            first=fields.get("first", ""),
            count=int(count) if count.lstrip("-").isdigit() else 0,
            make_default=fields.get("make_default") == "1",
            sender_name=fields.get("sender_name") or None,
            sender_phone=fields.get("sender_phone") or None,
        )
        secrets = Credentials(fields.get("app_secret", ""), fields.get("session_key", ""))
        return add_account(self.session_factory, self.data_dir, spec, secrets, setup_provider, self.clock)

    def refresh_waybill_accounts(self, name: str | None = None, *, in_use_only: bool = False) -> list[Refreshed]:
        """Asks the providers again for the balances and addresses (the io lane); an account whose provider could
        not be asked comes back as it was, with the reason."""
        from app.services.waybills import installed
        from app.services.waybills.accounts import refresh

        return refresh(self.session_factory, installed(), self.clock, name, in_use_only=in_use_only)

    def change_waybill_account(
        self,
        name: str,
        *,
        carrier: str | None = None,
        make_default: bool = False,
        warn_below: int | None = None,
        group: str | None = None,
    ) -> list[AccountView]:
        """Makes an account its group's default (with `carrier` as its default carrier), moves it to another group
        or changes its warning threshold; returns every account."""
        from app.services.waybills.accounts import change_account, list_accounts

        with self.session_factory.begin() as session:
            change_account(
                session, name, carrier_code=carrier, make_default=make_default, warn_below=warn_below, group=group
            )
            return list_accounts(session)

    def waybill_balances(self) -> list[AccountView]:
        """The accounts shops print with (their group has shops), as last asked: the status bar's."""
        return [a for a in self.waybill_accounts() if a.in_use]

    # -- acting on the backlog (app.services.order_actions): each returns the orders done and those skipped, why ----
    def set_flag(self, order_nos: Sequence[str], colour: str) -> ActionReport:
        """Sets the flag colour (red, yellow, green, blue, purple, none) of the orders; Taobao API shops' flags go
        back to the platform with the next outbox round."""
        from app.services.order_actions import set_flag

        return set_flag(self.session_factory, order_nos, colour, self.actor, self.clock())

    def write_memo(self, order_nos: Sequence[str], text: str, *, append: bool = False) -> ActionReport:
        """Writes (or appends to) the seller memo of the orders; written back like the flag."""
        from app.services.order_actions import write_memo

        return write_memo(self.session_factory, order_nos, text, append=append, actor=self.actor, now=self.clock())

    def hold(self, order_nos: Sequence[str], reason: str) -> ActionReport:
        """Holds the orders with `reason` (the print queue and the bench refuse them with it)."""
        from app.services.order_actions import hold

        return hold(self.session_factory, order_nos, reason, self.actor, self.clock())

    def release(self, order_nos: Sequence[str]) -> ActionReport:
        """Lifts the orders' hold and manual out-of-stock mark."""
        from app.services.order_actions import release

        return release(self.session_factory, order_nos, self.actor, self.clock())

    def expedite(self, order_nos: Sequence[str], on: bool) -> ActionReport:
        """Marks the orders urgent (they sort first by priority) or takes the mark off."""
        from app.services.order_actions import expedite

        return expedite(self.session_factory, order_nos, on, self.actor, self.clock())

    def mark_out_of_stock(self, order_nos: Sequence[str], expected: date | None, reason: str) -> ActionReport:
        """Marks the orders out of stock by hand until released or `expected` (a date, or None)."""
        from app.services.order_actions import mark_out_of_stock

        return mark_out_of_stock(self.session_factory, order_nos, expected, reason, self.actor, self.clock())

    def merge_orders(self, order_nos: Sequence[str]) -> MergedParcel:
        """Merges the orders into one parcel with one waybill (合并发货); Taobao privacy orders are asked of the
        platform's merge check first. Raises InvalidInput with the reason when they cannot merge."""
        from app.services.merges import merge_orders
        from app.sync.oaid_merge import shop_merge_check

        check = shop_merge_check(self.data_dir)
        return merge_orders(self.session_factory, order_nos, self.actor, self.clock(), platform_check=check)

    def unmerge(self, order_no: str) -> MergedParcel:
        """Takes the order out of its merged parcel (its lead: the whole parcel) before the parcel prints."""
        from app.services.merges import unmerge_order

        return unmerge_order(self.session_factory, order_no, self.actor, self.clock())

    # -- split parcels (app.services.splits) ------------------------------------------------------------------------
    def split_order(self, order_no: str, lines: Sequence[tuple[str, int | None]]) -> SplitResult:
        """The order's next parcel carries only `lines` (line number, units or None for all that is left); the rest
        waits for a later parcel."""
        from app.services.splits import split_order

        return split_order(self.session_factory, order_no, lines, self.actor, self.clock())

    def unsplit_order(self, order_no: str) -> SplitResult:
        """Undoes the order's split while its parcel's label is not printed."""
        from app.services.splits import unsplit_order

        return unsplit_order(self.session_factory, order_no, self.actor, self.clock())

    # -- the dashboard ----------------------------------------------------------------------------------------------

    def report(self, date_from: date, date_to: date, shop: str | None = None) -> Report:
        """The dashboard's figures for China-time days `date_from`..`date_to` (inclusive), of shop `shop` (its name)
        or all, aged to now (app.services.reports.report).

        The history recorded since the last roll-up is rolled up first in slices of DASHBOARD_SLICE events, each its
        own short transaction, so a scan's write at the bench waits for one slice at most; the figures are then read
        from the roll-ups only. Raises InvalidInput: dates reversed, a range too long, an unknown shop.
        """
        from app.services.reports import report, roll_up

        roll_up(self.session_factory, slice_size=DASHBOARD_SLICE)
        return report(self.session_factory, date_from, date_to, shop, now=self.clock(), update=False)

    # -- the bench --------------------------------------------------------------------------------------------------

    def has_packers(self) -> bool:
        """Whether anyone could sign in at a locked bench (with no packers it never locks)."""
        from app.persistence.packers import PackerRepository

        with self.session_factory() as session:
            return PackerRepository(session).any()

    def check_supervisor(self, stored_hash: str, pin: str, actor: Actor) -> None:
        """The supervisor PIN, with wrong ones counted and audited (raises NotAllowed)."""
        from app.services.pin_guard import check_supervisor

        with self.session_factory() as session:
            check_supervisor(session, stored_hash, pin, actor, self.clock())

    # -- setting a station up (the first-run assistant) -------------------------------------------------------------

    def setup_state(self) -> SetupState:
        """What this station has set up already: shops, catalogue, waybill accounts, packers."""
        from app.persistence.packers import PackerRepository
        from app.services.catalogue import list_products
        from app.services.waybills.accounts import list_accounts
        from app.sync.shops import list_shops

        with self.session_factory() as session:
            shops = [s.name for s in list_shops(session)]
            accounts = len(list_accounts(session))
            packers = PackerRepository(session).any()
        products = any(p.known for p in list_products(self.session_factory, limit=1))
        return SetupState(shops, products, accounts, packers)

    def import_products(self, path: str, shop: str | None = None) -> ProductImportReport:
        """Imports a product sheet (.xlsx or .csv) into the catalogue, all of it or nothing; the report names every
        rejected row (raises NotFound for an unknown shop)."""
        from app.sync.imports.products import import_products

        with self.session_factory.begin() as session:
            return import_products(session, Path(path), shop=shop)

    def add_packer(
        self, name: str, pin: str, badge: str | None = None, *, supervisor_hash: str = "", supervisor_pin: str = ""
    ) -> SetupState:
        """Adds a packer who signs in with `pin` (or by scanning `badge`); once a supervisor PIN is set, only with it
        (adding a packer under a name that exists gives that name a new PIN). Raises NotAllowed, InvalidInput."""
        from app.services.packers import add_packer
        from app.services.pin_guard import check_supervisor

        with self.session_factory.begin() as session:
            if supervisor_hash:
                check_supervisor(session, supervisor_hash, supervisor_pin, self.actor, self.clock())
            add_packer(session, name, pin, badge)
        return self.setup_state()

    def set_supervisor_pin(self, new_pin: str, *, current_hash: str = "", current_pin: str = "") -> str:
        """The hash of a new supervisor PIN (6-12 digits) for the settings; a PIN already set is changed only with
        it. A PIN locked by wrong tries is usable again. Raises NotAllowed."""
        from app.services.pin_guard import SUPERVISOR, check_supervisor, reset
        from app.services.supervisor import hash_supervisor_pin

        with self.session_factory.begin() as session:
            if current_hash:
                check_supervisor(session, current_hash, current_pin, self.actor, self.clock())
            stored = hash_supervisor_pin(new_pin)
            reset(session, SUPERVISOR, self.actor)
        return stored

    def print_test_label(self, uri: str) -> int:
        """Prints a specimen waybill (marked as a test, with a test number) on the printer at `uri`, to see fonts,
        barcode and margins as a real label has them; returns the bytes sent. Raises PrinterError."""
        from printers.registry import open_printer
        from printers.waybill import Item, Party, Routing, Waybill

        specimen = Waybill(
            tracking_no=TEST_LABEL_NUMBER,
            carrier_name="测试面单 TEST",
            receiver=Party("张*", "138****5678", "浙江省 杭州市 西湖区 文三路 100 号 测试收件地址"),
            sender=Party("PackDesk", "0571-0000 0000", "浙江省 杭州市 余杭区 测试发件地址"),
            order_no="TEST-0001",
            printed_at=self.clock(),
            routing=Routing(sort_headline="测试 请勿发货"),
            items=(Item("TEST-SKU", "测试商品 test item", 1),),
            seller_memo="test label, do not ship",
        )
        return open_printer(uri).print_waybill(specimen, "test-label")
