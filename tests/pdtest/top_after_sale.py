"""After dispatch on the loopback TOP gateway (tests/pdtest/top_server.py): the ratings buyers give and the parcels'
routes, for the bad-review alerts and the risk list.

    srv.after_sale.rate(tid, result="bad", nick="买家A", content="发货太慢", created=datetime)
    srv.after_sale.set_trace(tid, out_sid="ZTO...", company="中通快递", steps=[(datetime, "已揽收", "GOT"), ...])

The methods, with the request and answer field names of the platform's metadata (bububa/opentaobao
metadata/assets/json/traderate/taobao_traderates_get.json and tblogistics/taobao_logistics_trace_search.json),
non-simplified JSON:

- taobao.traderates.get: `fields` (required), `rate_type` (get|give, required), `role` (seller|buyer, required),
  `result` (good|neutral|bad), `start_date` / `end_date` (yyyy-MM-dd HH:mm:ss), `page_no` (1-200), `page_size`
  (1-150, default 40), `tid`, `use_has_next`. Only `rate_type=get role=buyer` (the ratings buyers gave this seller)
  holds ratings here. Answers ``trade_rates: {"trade_rate": [...]}`` [I: the wrapper name] (absent when empty) and
  `has_next` with use_has_next, else `total_results`.
- taobao.logistics.trace.search: `tid` (required), `is_split`, `sub_tid`; answers `tid`, `out_sid`, `company_name`,
  `status`, ``trace_list: {"transit_step_info": [{status_time, status_desc, action}]}``. A trade without a route
  answers isv.logistics-trace-not-exist [I: the sub_code].
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta, timezone
from typing import Any

RATES = "taobao.traderates.get"
TRACE = "taobao.logistics.trace.search"
METHODS = frozenset({RATES, TRACE})
CHINA = timezone(timedelta(hours=8))
TIME_FORMAT = "%Y-%m-%d %H:%M:%S"
RATE_FIELDS = frozenset({"tid", "oid", "role", "nick", "result", "created", "rated_nick", "item_title", "item_price",
                         "content", "reply", "num_iid", "valid_score"})  # fmt: skip


class AfterSaleError(Exception):
    def __init__(self, code: int, sub_code: str, sub_msg: str) -> None:
        super().__init__(f"{code} {sub_code} {sub_msg}")
        self.code, self.sub_code, self.sub_msg = code, sub_code, sub_msg


def _missing(name: str) -> AfterSaleError:
    return AfterSaleError(40, "isv.missing-parameter", name)


def _invalid(why: str) -> AfterSaleError:
    return AfterSaleError(41, "isv.invalid-parameter", why)


def _fmt(moment: datetime) -> str:
    return moment.astimezone(CHINA).strftime(TIME_FORMAT)


class AfterSale:
    """Ratings and routes of one gateway; the gateway calls `handle` under its lock."""

    def __init__(self) -> None:
        self.ratings: list[dict[str, Any]] = []
        self.traces: dict[str, dict[str, Any]] = {}

    def rate(self, tid: str, *, result: str, created: datetime, nick: str = "买家", content: str = "",
             oid: str | None = None, item_title: str = "商品") -> None:  # fmt: skip
        self.ratings.append({"tid": int(tid), "oid": int(oid or tid), "role": "buyer", "nick": nick, "result": result,
                             "created": _fmt(created), "rated_nick": "好店", "item_title": item_title,
                             "content": content, "valid_score": True})  # fmt: skip

    def set_trace(self, tid: str, *, out_sid: str, company: str, steps: list[tuple[datetime, str, str]],
                  status: str = "运输中") -> None:  # fmt: skip
        self.traces[tid] = {
            "tid": int(tid), "out_sid": out_sid, "company_name": company, "status": status,
            "steps": [{"status_time": _fmt(at), "status_desc": desc, "action": action} for at, desc, action in steps],
        }  # fmt: skip

    def handle(self, method: str, params: Mapping[str, str]) -> dict[str, Any]:
        if method == RATES:
            return self._rates(params)
        return self._trace(params)

    def _rates(self, p: Mapping[str, str]) -> dict[str, Any]:
        fields = {f.strip() for f in p.get("fields", "").split(",") if f.strip()}
        if not fields:
            raise _missing("fields")
        if p.get("rate_type") not in ("get", "give"):
            raise _missing("rate_type") if not p.get("rate_type") else _invalid("rate_type must be get or give")
        if p.get("role") not in ("seller", "buyer"):
            raise _missing("role") if not p.get("role") else _invalid("role must be seller or buyer")
        result = p.get("result", "")
        if result and result not in ("good", "neutral", "bad"):
            raise _invalid("result must be good, neutral or bad")
        page_no, page_size = int(p.get("page_no") or 1), int(p.get("page_size") or 40)
        if not 1 <= page_no <= 200 or not 1 <= page_size <= 150:
            raise _invalid("page_no must be 1-200 and page_size 1-150")
        start, end = p.get("start_date", ""), p.get("end_date", "")
        for name, value in (("start_date", start), ("end_date", end)):
            if value:
                try:
                    datetime.strptime(value, TIME_FORMAT)
                except ValueError:
                    raise _invalid(f"{name} must be yyyy-MM-dd HH:mm:ss") from None
        found = []
        if p["rate_type"] == "get" and p["role"] == "buyer":
            found = [r for r in self.ratings if (not result or r["result"] == result)
                     and (not start or r["created"] >= start) and (not end or r["created"] <= end)
                     and (not p.get("tid") or str(r["tid"]) == p["tid"])]  # fmt: skip
        found.sort(key=lambda r: r["created"], reverse=True)
        page = found[(page_no - 1) * page_size : page_no * page_size]
        answer: dict[str, Any] = {}
        if page:
            answer["trade_rates"] = {"trade_rate": [{k: v for k, v in r.items() if k in fields} for r in page]}
        if p.get("use_has_next") == "true":
            answer["has_next"] = page_no * page_size < len(found)
        else:
            answer["total_results"] = len(found)
        return answer

    def _trace(self, p: Mapping[str, str]) -> dict[str, Any]:
        tid = p.get("tid", "").strip()
        if not tid:
            raise _missing("tid")
        if not tid.isdigit():
            raise _invalid("tid must be a number")
        trace = self.traces.get(tid)
        if trace is None:
            raise AfterSaleError(15, "isv.logistics-trace-not-exist", "no route for this trade yet")
        answer = {k: v for k, v in trace.items() if k != "steps"}
        if trace["steps"]:
            answer["trace_list"] = {"transit_step_info": list(trace["steps"])}
        return answer
