"""Product pictures for the bench, fetched once and kept on disk (services layer).

A line's picture is the platform's `pic_path` (an https URL on the platform's CDN) or the product's own picture (an
URL, a file URI or a path). The station never waits for one: the window asks for the pictures of the parcel it shows
on its network lane and draws them when they arrive; after a sync the pictures of the waiting orders are fetched
ahead, so a bench whose network drops still shows them.

Files are kept under `<data dir>/cache/images`, named by a digest of the URL, written to a temporary name and renamed
so a reader never sees half a picture. Only real pictures are kept (PNG, JPEG, GIF, WebP, by their first bytes, up to
`max_bytes`); an error page or a truncated download is refused. A URL that failed, or a host that could
not be reached, is not asked again for `retry_after` seconds, so an offline bench does not wait on every parcel.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from sqlalchemy.orm import Session, sessionmaker

from app.domain.enums import OrderStatus
from app.persistence.repositories import OrderRepository

#: First bytes of the formats the window can draw, and the suffix a file of each gets.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", ".png"),
    (b"\xff\xd8\xff", ".jpg"),
    (b"GIF87a", ".gif"),
    (b"GIF89a", ".gif"),
)
_SUFFIXES = (".png", ".jpg", ".gif", ".webp")

#: Taobao's and Tmall's picture CDN serves a scaled copy of a picture at the URL plus "_<w>x<h>.jpg"; a bench
#: needs a thumbnail, not the 800-pixel original.
_CDN_HOSTS = ("alicdn.com", "taobaocdn.com", "tbcdn.cn")
_SCALED = re.compile(r"_\d+x\d+(q\d+)?\.(jpg|jpeg|png|webp)$", re.IGNORECASE)
THUMBNAIL_PX = 200


def picture_kind(head: bytes) -> str | None:
    """The file suffix for a picture starting with `head`, None when it is not a picture the window can draw."""
    for magic, suffix in _MAGIC:
        if head.startswith(magic):
            return suffix
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return ".webp"
    return None


def thumbnail_url(url: str, px: int = THUMBNAIL_PX) -> str:
    """The URL of a `px`-pixel copy of a platform CDN picture; other URLs as they are."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if not any(host == h or host.endswith("." + h) for h in _CDN_HOSTS):
        return url
    if _SCALED.search(parts.path) or parts.query:
        return url
    return f"{url}_{px}x{px}.jpg"


def _local_path(url: str) -> Path | None:
    """The file a file URI or a plain path names; None for network URLs."""
    if url.startswith("file:"):
        parts = urlsplit(url)
        path = unquote(parts.path)
        if os.name == "nt" and re.match(r"^/[A-Za-z]:", path):  # file:///C:/... on Windows
            path = path[1:]
        return Path(path)
    if "://" in url:
        return None
    return Path(url).expanduser()


class ImageCache:
    def __init__(
        self,
        directory: Path,
        *,
        timeout: float = 4.0,
        max_bytes: int = 4 * 1024 * 1024,
        retry_after: float = 600.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.directory = directory
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.retry_after = retry_after
        self.clock = clock
        self._failed: dict[str, float] = {}  # URL -> when it last failed
        self._hosts_down: dict[str, float] = {}  # host -> when it last could not be reached
        self._lock = threading.Lock()

    def _stem(self, url: str) -> Path:
        return self.directory / hashlib.sha1(url.encode("utf-8")).hexdigest()

    def cached(self, url: str) -> Path | None:
        """The picture for `url` if it is at hand (a local file, or fetched before), without any network."""
        if not url:
            return None
        local = _local_path(url)
        if local is not None:
            try:
                with local.open("rb") as fh:
                    return local if picture_kind(fh.read(16)) else None
            except OSError:
                return None
        stem = self._stem(url)
        for suffix in _SUFFIXES:
            path = stem.with_suffix(suffix)
            if path.exists():
                return path
        return None

    def fetch(self, url: str) -> Path | None:
        """The picture for `url`, downloading it when it is not cached; None when there is none to be had."""
        return self._fetch(url)[0]

    def _fetch(self, url: str) -> tuple[Path | None, bool]:
        """The picture, and whether the network failed just now (a URL or host resting after a failure, or a
        picture the server says it does not have, is not a network failure)."""
        path = self.cached(url)
        if path is not None or not url or _local_path(url) is not None:
            return path, False
        try:
            host = (urlsplit(url).hostname or "").lower()
        except ValueError:  # not a URL at all ("http://[::1/x.png"): no picture, never an error
            return None, False
        now = self.clock()
        with self._lock:
            resting = [self._failed.get(url), self._hosts_down.get(host)]
        if any(t is not None and now - t < self.retry_after for t in resting):
            return None, False
        for candidate in dict.fromkeys([thumbnail_url(url), url]):  # the thumbnail first, then the original
            data, unreachable = self._download(candidate)
            if data is not None:
                return self._store(url, data), False
            if unreachable:
                self._remember(self._hosts_down, host)
                self._remember(self._failed, url)
                return None, True
        self._remember(self._failed, url)
        return None, False

    def _remember(self, failures: dict[str, float], key: str) -> None:
        with self._lock:
            if len(failures) >= 5000:  # bounded: forget the oldest half
                for old in list(failures)[:2500]:
                    del failures[old]
            failures[key] = self.clock()

    def prefetch(self, urls: Iterable[str], give_up_after: int = 3) -> int:
        """Fetches every URL not yet cached, one after the other; returns how many are now at hand.

        Stops after `give_up_after` network failures in a row: the network is down, and the next round will try
        again. Pictures a server does not have do not count.
        """
        have = failures = 0
        for url in dict.fromkeys(u for u in urls if u):
            path, network_failed = self._fetch(url)
            if path is not None:
                have, failures = have + 1, 0
            elif network_failed:
                failures += 1
                if failures >= give_up_after:
                    break
        return have

    def prune(self, max_total_bytes: int = 300 * 1024 * 1024) -> int:
        """Deletes the least recently fetched pictures beyond `max_total_bytes`; returns how many went."""
        try:
            entries = list(self.directory.iterdir())
            files = [(p.stat(), p) for p in entries if p.suffix in _SUFFIXES]
            leftovers = [p for p in entries if p.suffix == ".part" and time.time() - p.stat().st_mtime > 3600]
        except OSError:
            return 0
        for part in leftovers:  # a download cut off by a crash
            part.unlink(missing_ok=True)
        total = sum(st.st_size for st, _ in files)
        removed = 0
        for st, path in sorted(files, key=lambda f: f[0].st_mtime):
            if total <= max_total_bytes:
                break
            try:
                path.unlink()
            except OSError:
                continue
            total -= st.st_size
            removed += 1
        return removed

    def _download(self, url: str) -> tuple[bytes | None, bool]:
        """The picture's bytes (None: not a picture to keep), and whether the host could not be reached."""
        import httpx  # here, not at the top: it brings rich, pygments and click, which a start does not need

        try:
            with httpx.stream("GET", url, timeout=self.timeout, follow_redirects=True) as response:
                if response.status_code != 200:
                    return None, False
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        return None, False
                    chunks.append(chunk)
        except (httpx.TimeoutException, httpx.NetworkError, OSError):
            return None, True
        except Exception:  # noqa: BLE001 - a malformed URL, a broken answer: no picture, never an error
            return None, False
        data = b"".join(chunks)
        return (data if picture_kind(data[:16]) else None), False

    def _store(self, url: str, data: bytes) -> Path | None:
        suffix = picture_kind(data[:16])
        if suffix is None:
            return None
        path = self._stem(url).with_suffix(suffix)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.part")
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(data)
            os.replace(tmp, path)
        except OSError:
            tmp.unlink(missing_ok=True)
            return None
        return path


def prefetch_waiting(session_factory: sessionmaker[Session], cache: ImageCache, orders: int = 300) -> int:
    """Fetches the pictures of the `orders` most urgent waiting orders ahead of packing; returns how many are ready."""
    with session_factory() as session:
        repo = OrderRepository(session)
        waiting = repo.list(status=OrderStatus.AWAITING_SHIPMENT.value, limit=orders)
    return cache.prefetch(line.image for order in waiting for line in order.lines if line.image)
