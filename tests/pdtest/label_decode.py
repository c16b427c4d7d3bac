"""Independent decoders of the TSPL and ZPL label jobs PackDesk sends, back into a bitmap (tests only).

Written from the languages' documentation (shared/reference/printing-and-qt.md 2.6), not from printers/tspl.py or
printers/zpl.py. Both refuse anything they do not expect, naming the offset.

TSPL: text commands ending in CRLF; BITMAP x,y,width_bytes,height,mode,<raw bytes> where a 0 bit burns a dot.
ZPL:  ^GFA,total,total,row_bytes,<hex data with Zebra ASCII compression> where a 1 bit burns a dot. Compression:
      G..Y repeat the next hex digit 1..19 times, g..z add 20..400, "," fills the rest of the row with 0,
      "!" with 1, ":" repeats the previous row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from PIL import Image


class LabelDecodeError(ValueError):
    pass


@dataclass
class TsplJob:
    commands: dict[str, str] = field(default_factory=dict)  # command word -> its arguments (last one wins)
    image: Image.Image | None = None
    printed: int = 0


def decode_tspl(data: bytes) -> TsplJob:
    job = TsplJob()
    pos = 0
    while pos < len(data):
        end = data.find(b"\r\n", pos)
        line_start = data[pos : pos + 7]
        if line_start == b"BITMAP ":
            head_end = pos
            commas = 0
            while commas < 5:  # x, y, width_bytes, height, mode then the data
                head_end = data.index(b",", head_end) + 1
                commas += 1
            x, y, width_bytes, height, mode = (int(v) for v in data[pos + 7 : head_end - 1].split(b","))
            if (x, y, mode) != (0, 0, 0):
                raise LabelDecodeError(f"BITMAP at {pos}: expected 0,0,...,0 got {x},{y},{mode}")
            size = width_bytes * height
            raw = data[head_end : head_end + size]
            if len(raw) != size:
                raise LabelDecodeError(f"BITMAP at {pos} declares {size} bytes, {len(raw)} follow")
            # TSPL: 0 = burn (black). Pillow "1" packs 1 = white: the same polarity.
            job.image = Image.frombytes("1", (width_bytes * 8, height), raw)
            pos = head_end + size
            if data[pos : pos + 2] != b"\r\n":
                raise LabelDecodeError(f"no CRLF after the bitmap at {pos}")
            pos += 2
            continue
        if end < 0:
            raise LabelDecodeError(f"unterminated command at {pos}: {data[pos : pos + 20]!r}")
        line = data[pos:end].decode("ascii")
        word, _, args = line.partition(" ")
        if word not in {"SIZE", "GAP", "BLINE", "DIRECTION", "REFERENCE", "DENSITY", "SPEED", "CLS", "PRINT", "OFFSET"}:
            raise LabelDecodeError(f"unexpected TSPL command at {pos}: {line!r}")
        job.commands[word] = args
        if word == "PRINT":
            job.printed += int(args.split(",")[0])
        pos = end + 2
    if job.image is None:
        raise LabelDecodeError("no BITMAP in the job")
    return job


def _count(letter: str) -> int:
    if "G" <= letter <= "Y":
        return ord(letter) - ord("F")
    if "g" <= letter <= "z":
        return (ord(letter) - ord("f")) * 20
    raise LabelDecodeError(f"not a repeat letter: {letter!r}")


def _expand_rows(data: str, row_bytes: int, total: int) -> bytes:
    digits = row_bytes * 2
    rows: list[str] = []
    current = ""
    repeat = 0
    i = 0
    while i < len(data):
        ch = data[i]
        i += 1
        if ch in "GHIJKLMNOPQRSTUVWXYghijklmnopqrstuvwxyz":
            repeat += _count(ch)
            continue
        if ch == ",":
            current = current.ljust(digits, "0")
        elif ch == "!":
            current = current.ljust(digits, "F")
        elif ch == ":":
            if not rows:
                raise LabelDecodeError("':' before any row")
            current = rows[-1]
        elif ch in "0123456789ABCDEF":
            current += ch * (repeat or 1)
            repeat = 0
        else:
            raise LabelDecodeError(f"unexpected character {ch!r} in ^GFA data at {i - 1}")
        if len(current) > digits:
            raise LabelDecodeError(f"row {len(rows)} is longer than {digits} hex digits")
        if len(current) == digits:
            rows.append(current)
            current = ""
    if current:
        raise LabelDecodeError(f"the last row is incomplete: {len(current)} of {digits} digits")
    raw = bytes.fromhex("".join(rows))
    if len(raw) != total:
        raise LabelDecodeError(f"^GFA declares {total} bytes, the data expands to {len(raw)}")
    return raw


@dataclass
class ZplJob:
    commands: list[str] = field(default_factory=list)
    image: Image.Image | None = None
    width: int = 0  # ^PW
    length: int = 0  # ^LL


_INVERT = bytes(255 - b for b in range(256))


def decode_zpl(data: bytes) -> ZplJob:
    text = data.decode("ascii")
    if not text.lstrip().startswith(("^XA", "~SD")) or not text.rstrip().endswith("^XZ"):
        raise LabelDecodeError("a ZPL label starts with ^XA and ends with ^XZ")
    job = ZplJob()
    for m in re.finditer(r"([~^][A-Z0-9]{2})([^~^]*)", text):
        cmd, args = m.group(1), m.group(2).strip()
        job.commands.append(cmd)
        if cmd == "^PW":
            job.width = int(args)
        elif cmd == "^LL":
            job.length = int(args)
        elif cmd == "^GF":
            kind, total, _, row_bytes, payload = args.split(",", 4)
            if kind != "A":
                raise LabelDecodeError(f"only ^GFA is expected, got ^GF{kind}")
            raw = _expand_rows(payload, int(row_bytes), int(total))
            height = int(total) // int(row_bytes)
            job.image = Image.frombytes("1", (int(row_bytes) * 8, height), raw.translate(_INVERT))
        elif cmd not in {"^XA", "^XZ", "^LH", "^FO", "^FS", "^PQ", "^PR", "~SD"}:
            raise LabelDecodeError(f"unexpected ZPL command {cmd}")
    if job.image is None:
        raise LabelDecodeError("no ^GFA in the job")
    return job
