"""Product pictures: fetched over a real socket once, kept on disk, and only when they are real pictures."""

from __future__ import annotations

import io
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PIL import Image

from app.demo.seed import seed_demo
from app.persistence.repositories import OrderRepository
from app.services.images import ImageCache, picture_kind, thumbnail_url
from app.services.workspace import open_workspace


def _png(colour: str = "red", size: int = 32) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (size, size), colour).save(buffer, "PNG")
    return buffer.getvalue()


@dataclass
class PictureServer:
    """An HTTP server on 127.0.0.1 that serves `routes` (path -> (status, body)) and counts the requests."""

    routes: dict[str, tuple[int, bytes]] = field(default_factory=dict)
    hits: list[str] = field(default_factory=list)
    port: int = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


@pytest.fixture
def pictures() -> Iterator[PictureServer]:
    state = PictureServer()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            state.hits.append(self.path)
            status, body = state.routes.get(self.path, (404, b"not found"))
            self.send_response(status)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


def test_a_picture_is_fetched_once_and_then_read_from_disk(tmp_path: Path, pictures: PictureServer) -> None:
    pictures.routes["/p/1.png"] = (200, _png("blue"))
    cache = ImageCache(tmp_path / "images")
    url = pictures.url("/p/1.png")
    assert cache.cached(url) is None

    path = cache.fetch(url)
    assert path is not None and path.suffix == ".png"
    with Image.open(path) as picture:
        assert picture.getpixel((0, 0)) == (0, 0, 255)
    assert cache.fetch(url) == path
    assert cache.cached(url) == path
    assert pictures.hits == ["/p/1.png"]
    assert not list((tmp_path / "images").glob("*.part"))


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (200, b"<html><body>login required</body></html>"),  # an error page with status 200
        (404, b"not found"),
        (500, b"oops"),
        (200, _png() + b"\0" * (64 * 1024)),  # over max_bytes
    ],
)
def test_what_is_not_a_picture_is_not_kept(tmp_path: Path, pictures: PictureServer, status: int, body: bytes) -> None:
    pictures.routes["/bad"] = (status, body)
    cache = ImageCache(tmp_path / "images", max_bytes=32 * 1024)
    assert cache.fetch(pictures.url("/bad")) is None
    assert not (tmp_path / "images").exists() or not list((tmp_path / "images").iterdir())


def test_a_failed_url_is_not_asked_again_until_retry_after(tmp_path: Path, pictures: PictureServer) -> None:
    now = [0.0]
    cache = ImageCache(tmp_path / "images", retry_after=60, clock=lambda: now[0])
    url = pictures.url("/later.png")
    assert cache.fetch(url) is None
    assert cache.fetch(url) is None
    assert pictures.hits == ["/later.png"]  # the second call did not go out

    pictures.routes["/later.png"] = (200, _png())
    now[0] = 61.0
    assert cache.fetch(url) is not None
    assert pictures.hits == ["/later.png", "/later.png"]


def test_an_unreachable_server_gives_no_picture(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nobody listens on once this is closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    cache = ImageCache(tmp_path / "images", timeout=1.0)
    assert cache.fetch(f"http://127.0.0.1:{port}/x.png") is None
    assert cache.fetch("http://[::1/broken.png") is None  # a malformed URL from a platform: no picture, no error


def test_platform_cdn_pictures_ask_for_a_thumbnail_first_then_the_original() -> None:
    original = "https://img.alicdn.com/bao/uploaded/i1/123.jpg"
    assert thumbnail_url(original) == original + "_200x200.jpg"
    assert thumbnail_url("https://gd2.alicdn.com/imgextra/i2/9/O1CN.png_60x60.jpg").endswith("_60x60.jpg")
    assert thumbnail_url("https://example.com/a.jpg") == "https://example.com/a.jpg"
    assert thumbnail_url("https://img.alicdn.com.evil.example/a.jpg") == "https://img.alicdn.com.evil.example/a.jpg"


def test_local_pictures_are_read_where_they_are(tmp_path: Path) -> None:
    photo = tmp_path / "我的照片.png"
    photo.write_bytes(_png("green"))
    cache = ImageCache(tmp_path / "images")
    assert cache.fetch(photo.as_uri()) == photo
    assert cache.fetch(str(photo)) == photo
    (tmp_path / "notes.png").write_text("not a picture")
    assert cache.fetch((tmp_path / "notes.png").as_uri()) is None
    assert cache.fetch((tmp_path / "missing.png").as_uri()) is None


def test_formats_are_told_by_their_first_bytes() -> None:
    assert picture_kind(_png()) == ".png"
    assert picture_kind(b"\xff\xd8\xff\xe0\0\x10JFIF") == ".jpg"
    assert picture_kind(b"GIF89a....") == ".gif"
    assert picture_kind(b"RIFF\0\0\0\0WEBPVP8 ") == ".webp"
    assert picture_kind(b"<!DOCTYPE html>") is None


def test_prefetch_and_prune(tmp_path: Path, pictures: PictureServer) -> None:
    for n in range(5):
        pictures.routes[f"/{n}.png"] = (200, _png(size=64 + n))
    cache = ImageCache(tmp_path / "images")
    urls = [pictures.url(f"/{n}.png") for n in range(5)] + [pictures.url("/0.png"), pictures.url("/gone.png")]
    assert cache.prefetch(urls) == 5
    assert len(pictures.hits) == 6  # each picture once, and the missing one
    sizes = sorted(p.stat().st_size for p in (tmp_path / "images").iterdir())
    assert cache.prune(max_total_bytes=sum(sizes) - 1) >= 1
    assert sum(p.stat().st_size for p in (tmp_path / "images").iterdir()) < sum(sizes)


def test_demo_products_have_their_pictures(tmp_path: Path) -> None:
    ws = open_workspace(tmp_path / "data")
    with ws.session_factory() as db:
        seed_demo(db, orders=5)
        db.commit()
        orders = OrderRepository(db).list(limit=5)
    cache = ImageCache(ws.images_dir)
    for order in orders:
        for line in order.lines:
            assert line.image, line.sku
            path = cache.fetch(line.image)
            assert path is not None
            with Image.open(path) as picture:
                assert picture.size == (240, 240)
    ws.close()


def test_prefetch_gives_up_when_the_network_is_down(tmp_path: Path, pictures: PictureServer) -> None:
    pictures.routes["/ok.png"] = (200, _png())
    with socket.socket() as probe:  # a port nobody listens on, on three loopback hosts
        probe.bind(("127.0.0.1", 0))
        dead = probe.getsockname()[1]
    cache = ImageCache(tmp_path / "images", timeout=1.0)
    down = [f"http://{host}:{dead}/p.png" for host in ("localhost", "127.0.0.2", "127.0.0.3")]
    urls = [*down, f"http://localhost:{dead}/other.png", pictures.url("/ok.png")]
    assert cache.prefetch(urls, give_up_after=3) == 0
    assert pictures.hits == []  # three unreachable hosts in a row: the network is down, the round stops


def test_pictures_a_server_lacks_do_not_stop_prefetch_nor_an_unreachable_host_the_others(
    tmp_path: Path, pictures: PictureServer
) -> None:
    pictures.routes["/ok.png"] = (200, _png())
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        dead = probe.getsockname()[1]
    cache = ImageCache(tmp_path / "images", timeout=1.0)
    missing = [pictures.url(f"/missing-{n}.png") for n in range(5)]
    unreachable = [f"http://localhost:{dead}/{n}.png" for n in range(5)]
    assert cache.prefetch([*missing, *unreachable, pictures.url("/ok.png")], give_up_after=3) == 1
    assert "/ok.png" in pictures.hits
    assert cache.prefetch(missing) == 0 and pictures.hits.count("/missing-0.png") == 1  # resting, not asked again
