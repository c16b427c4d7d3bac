"""The platforms' cached carrier lists on a real SQLite file: a carrier read back by platform and code."""

from __future__ import annotations

from app.persistence.carriers import PlatformCarrier, PlatformCarriers
from app.persistence.rows import PlatformCarrierRow
from app.services.workspace import Workspace


def test_a_listed_carrier_reads_back_and_another_platform_does_not_share_it(workspace: Workspace) -> None:
    with workspace.session_factory.begin() as session:
        session.add(PlatformCarrierRow(platform="taobao", code="YUNDA", name="韵达快递", pattern=r"^\d{13}$"))
        session.add(PlatformCarrierRow(platform="taobao", code="ZTO", name="中通快递", pattern=None))
    with workspace.session_factory() as session:
        carriers = PlatformCarriers(session)
        assert carriers.get("taobao", "YUNDA") == PlatformCarrier("taobao", "YUNDA", "韵达快递", r"^\d{13}$")
        assert carriers.get("taobao", "ZTO") == PlatformCarrier("taobao", "ZTO", "中通快递", "")
        assert carriers.get("pdd", "YUNDA") is None
        assert carriers.get("taobao", "NOPE") is None


def test_a_stored_list_is_cached_and_a_second_list_updates_it(workspace: Workspace) -> None:
    with workspace.session_factory() as session:
        assert not PlatformCarriers(session).any_of("taobao")
    yunda = PlatformCarrier("taobao", "YUNDA", "韵达快递", r"^\d{13}$")
    with workspace.session_factory.begin() as session:
        PlatformCarriers(session).store([yunda, PlatformCarrier("taobao", "ZTO", "中通", "")])
    with workspace.session_factory.begin() as session:
        PlatformCarriers(session).store([PlatformCarrier("taobao", "ZTO", "中通快递", r"^\d{12}$")])
    with workspace.session_factory() as session:
        carriers = PlatformCarriers(session)
        assert carriers.any_of("taobao") and not carriers.any_of("pdd")
        assert carriers.get("taobao", "YUNDA") == yunda
        assert carriers.get("taobao", "ZTO") == PlatformCarrier("taobao", "ZTO", "中通快递", r"^\d{12}$")
