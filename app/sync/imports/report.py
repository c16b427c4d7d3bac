"""What became of an import of seller-centre exports: per file, the rows rejected and why (sync layer).

The reasons are messages (app.domain.messages): the window and the command line say them in the reader's language,
`to_json` gives their English.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.domain.messages import Message
from app.sync.merge import Change


@dataclass(frozen=True)
class Rejection:
    """One row not imported: `row` as Excel numbers it (the header is row 1); `message` says why (`reason` is its
    English, for JSON)."""

    file: str
    row: int
    message: Message

    @property
    def reason(self) -> str:
        return self.message.render()

    def to_json(self) -> dict[str, Any]:
        return {"row": self.row, "reason": self.reason}


@dataclass
class FileReport:
    """What became of one file. `error` is set when the whole file was refused (nothing imported from it)."""

    file: str
    format: str = ""
    rows: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0  # orders not paid yet
    rejected: list[Rejection] = field(default_factory=list)
    message: Message | None = None  # why the whole file was refused

    @property
    def error(self) -> str | None:
        return self.message.render() if self.message else None

    def reject(self, row: int, reason: Message) -> None:
        self.rejected.append(Rejection(self.file, row, reason))

    def to_json(self) -> dict[str, Any]:
        keys = ("file", "format", "rows", "inserted", "updated", "unchanged", "skipped")
        return {
            **{key: getattr(self, key) for key in keys},
            "rejected": [r.to_json() for r in sorted(self.rejected, key=lambda r: r.row)],
            "error": self.error,
        }


@dataclass
class ImportReport:
    shop: str
    platform: str  # the shop's platform; "" when no file could be imported
    files: list[FileReport]
    changes: list[Change] = field(default_factory=list)  # refunds, closures, address changes on cached orders

    def total(self, counter: str) -> int:
        """`counter` (inserted, updated, unchanged, skipped) summed over the files."""
        return sum(getattr(f, counter) for f in self.files)

    @property
    def rejected(self) -> list[Rejection]:
        return [r for f in self.files for r in sorted(f.rejected, key=lambda r: r.row)]

    @property
    def errors(self) -> list[FileReport]:
        return [f for f in self.files if f.message]

    def to_json(self) -> dict[str, Any]:
        return {
            "shop": self.shop,
            "platform": self.platform,
            "files": [f.to_json() for f in self.files],
            **{counter: self.total(counter) for counter in ("inserted", "updated", "unchanged", "skipped")},
            "rejected": len(self.rejected),
            "changes": [c.to_json() for c in self.changes],
        }
