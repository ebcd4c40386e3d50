"""Contract tests for the simulated Instagram Graph API: containers, polling, publishing, quota."""

import hashlib
import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests
from PIL import Image

from simulator.networks import facebook


class MediaHost:
    """A public web server for media, as our signed media URLs would be."""

    def __init__(self):
        self.files: dict[str, tuple[bytes, str]] = {}
        host = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                if self.path not in host.files:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                data, content_type = host.files[self.path]
                self.send_response(200)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def put(self, name: str, data: bytes, content_type: str = "image/jpeg") -> str:
        self.files[f"/{name}"] = (data, content_type)
        return f"{self.base}/{name}"


@pytest.fixture(scope="module")
def media_host():
    host = MediaHost()
    yield host
    host.server.shutdown()
    host.server.server_close()


def image_bytes(width=800, height=800, fmt="JPEG") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (20, 120, 200)).save(buffer, fmt)
    return buffer.getvalue()


MP4 = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 500


@pytest.fixture
def account(simulator):
    return facebook.new_account(simulator, ig_username="heartclinic")


def graph(simulator, path: str) -> str:
    return f"{simulator.base_url}/facebook/v24.0{path}"


def create(simulator, account, **params):
    return requests.post(
        graph(simulator, f"/{account['ig_id']}/media"), data={**params, "access_token": account["page_token"]}
    )


def status_of(simulator, account, container_id: str) -> str:
    response = requests.get(
        graph(simulator, f"/{container_id}"),
        params={"fields": "status_code,status", "access_token": account["page_token"]},
    )
    return response.json()["status_code"]


def publish(simulator, account, container_id: str):
    return requests.post(
        graph(simulator, f"/{account['ig_id']}/media_publish"),
        data={"creation_id": container_id},
        headers={"Authorization": f"Bearer {account['page_token']}"},
    )


def error_of(response) -> dict:
    return response.json()["error"]


def test_an_image_is_fetched_polled_and_published_with_caption_and_alt_text(simulator, account, media_host):
    data = image_bytes(1080, 1350)
    url = media_host.put("portrait.jpg", data)
    created = create(simulator, account, image_url=url, caption="Meet our nurses 👩‍⚕️ #health", alt_text="Three nurses")
    assert created.status_code == 200
    container_id = created.json()["id"]
    assert [status_of(simulator, account, container_id) for _ in range(2)] == ["IN_PROGRESS", "FINISHED"]
    published = publish(simulator, account, container_id)
    assert published.status_code == 200
    media_id = published.json()["id"]
    [post] = simulator.posts_for("instagram", account["ig_id"])
    assert post.id == media_id and post.text == "Meet our nurses 👩‍⚕️ #health"
    [media] = post.media
    assert media["sha256"] == hashlib.sha256(data).hexdigest() and media["alt_text"] == "Three nurses"
    assert media["content_type"] == "image/jpeg" and media["size"] == len(data)
    permalink = requests.get(
        graph(simulator, f"/{media_id}"), params={"fields": "permalink", "access_token": account["page_token"]}
    ).json()
    assert permalink == {"permalink": post.url}
    assert post.url.startswith(f"{simulator.base_url}/facebook/instagram/p/")
    assert status_of(simulator, account, container_id) == "PUBLISHED"


def test_publishing_before_the_container_is_finished_is_refused(simulator, account, media_host):
    container_id = create(simulator, account, image_url=media_host.put("a.jpg", image_bytes())).json()["id"]
    response = publish(simulator, account, container_id)
    assert (error_of(response)["code"], error_of(response)["error_subcode"]) == (9007, 2207027)
    assert simulator.posts_for("instagram") == []


def test_an_image_url_that_cannot_be_fetched_is_refused(simulator, account, media_host):
    response = create(simulator, account, image_url=f"{media_host.base}/missing.jpg", caption="x")
    assert response.status_code == 400
    assert (error_of(response)["code"], error_of(response)["error_subcode"]) == (9004, 2207052)


def test_an_image_that_is_not_a_jpeg_is_refused(simulator, account, media_host):
    url = media_host.put("p.png", image_bytes(fmt="PNG"), "image/png")
    assert error_of(create(simulator, account, image_url=url))["error_subcode"] == 2207052


def test_an_image_outside_the_aspect_ratio_range_is_refused(simulator, account, media_host):
    url = media_host.put("tall.jpg", image_bytes(600, 1000))
    response = create(simulator, account, image_url=url)
    assert (error_of(response)["code"], error_of(response)["error_subcode"]) == (36003, 2207009)


@pytest.mark.parametrize(
    "caption", ["x" * 2201, " ".join(f"#tag{i}" for i in range(31)), " ".join(f"@user{i}" for i in range(21))]
)
def test_a_caption_over_the_limits_is_refused(simulator, account, media_host, caption):
    response = create(simulator, account, image_url=media_host.put("ok.jpg", image_bytes()), caption=caption)
    assert error_of(response)["error_subcode"] == 2207010


def test_a_caption_at_the_limits_is_accepted(simulator, account, media_host):
    caption = " ".join(f"#tag{i}" for i in range(30))
    assert create(simulator, account, image_url=media_host.put("ok.jpg", image_bytes()), caption=caption).ok


def test_a_carousel_publishes_its_children_in_order(simulator, account, media_host):
    children = []
    for i in range(3):
        url = media_host.put(f"c{i}.jpg", image_bytes(1000 + i, 1000))
        children.append(create(simulator, account, image_url=url, is_carousel_item="true").json()["id"])
    carousel = create(simulator, account, media_type="CAROUSEL", children=",".join(children), caption="Our team")
    carousel_id = carousel.json()["id"]
    status_of(simulator, account, carousel_id)
    assert status_of(simulator, account, carousel_id) == "FINISHED"
    assert publish(simulator, account, carousel_id).ok
    [post] = simulator.posts_for("instagram")
    assert post.text == "Our team" and [m["width"] for m in post.media] == [1000, 1001, 1002]
    assert post.extra["media_type"] == "CAROUSEL"


def test_a_carousel_needs_two_to_ten_children(simulator, account, media_host):
    child = create(simulator, account, image_url=media_host.put("c.jpg", image_bytes()), is_carousel_item="true")
    response = create(simulator, account, media_type="CAROUSEL", children=child.json()["id"])
    assert error_of(response)["code"] == 100


def test_a_reel_is_fetched_and_published_with_a_reel_permalink(simulator, account, media_host):
    url = media_host.put("clip.mp4", MP4, "video/mp4")
    container_id = create(simulator, account, media_type="REELS", video_url=url, caption="Stretch!").json()["id"]
    assert [status_of(simulator, account, container_id) for _ in range(2)] == ["IN_PROGRESS", "FINISHED"]
    assert publish(simulator, account, container_id).ok
    [post] = simulator.posts_for("instagram")
    assert post.url.startswith(f"{simulator.base_url}/facebook/instagram/reel/")
    assert post.media[0]["kind"] == "video" and post.media[0]["sha256"] == hashlib.sha256(MP4).hexdigest()


def test_a_reel_whose_video_is_not_mp4_ends_in_error(simulator, account, media_host):
    url = media_host.put("clip.bin", b"garbage" * 10, "video/mp4")
    container_id = create(simulator, account, media_type="REELS", video_url=url).json()["id"]
    assert status_of(simulator, account, container_id) == "ERROR"
    assert error_of(publish(simulator, account, container_id))["code"] == 2


def test_an_expired_container_cannot_be_published(simulator, account, media_host):
    container_id = create(simulator, account, image_url=media_host.put("e.jpg", image_bytes())).json()["id"]
    status_of(simulator, account, container_id)
    facebook.expire_container(simulator, container_id)
    assert status_of(simulator, account, container_id) == "EXPIRED"
    assert error_of(publish(simulator, account, container_id))["error_subcode"] == 2207008


def test_the_publishing_quota_is_counted_and_enforced(simulator, account, media_host):
    url = media_host.put("q.jpg", image_bytes())

    def usage():
        return requests.get(
            graph(simulator, f"/{account['ig_id']}/content_publishing_limit"),
            params={"fields": "config,quota_usage", "access_token": account["page_token"]},
        ).json()["data"][0]

    assert usage() == {"config": {"quota_total": 50, "quota_duration": 86400}, "quota_usage": 0}
    container_id = create(simulator, account, image_url=url).json()["id"]
    status_of(simulator, account, container_id)
    status_of(simulator, account, container_id)
    publish(simulator, account, container_id)
    assert usage()["quota_usage"] == 1
    simulator.store["facebook"]["ig_quota"] = 1
    try:
        second = create(simulator, account, image_url=url).json()["id"]
        status_of(simulator, account, second)
        status_of(simulator, account, second)
        response = publish(simulator, account, second)
        assert (error_of(response)["code"], error_of(response)["error_subcode"]) == (9, 2207042)
    finally:
        simulator.store["facebook"]["ig_quota"] = 50


def test_recent_media_come_from_the_record(simulator, account, media_host):
    url = media_host.put("r.jpg", image_bytes())
    for caption in ("one", "two"):
        container_id = create(simulator, account, image_url=url, caption=caption).json()["id"]
        status_of(simulator, account, container_id)
        status_of(simulator, account, container_id)
        publish(simulator, account, container_id)
    response = requests.get(
        graph(simulator, f"/{account['ig_id']}/media"),
        params={"fields": "id,caption,timestamp,permalink", "access_token": account["page_token"]},
    )
    data = response.json()["data"]
    assert [m["caption"] for m in data] == ["two", "one"]
    assert data[0]["permalink"].startswith(f"{simulator.base_url}/facebook/instagram/p/") and data[0][
        "timestamp"
    ].endswith("+0000")


def test_another_accounts_token_cannot_publish_here(simulator, account, media_host):
    other = facebook.new_account(simulator)
    response = requests.post(
        graph(simulator, f"/{account['ig_id']}/media"),
        data={"image_url": media_host.put("o.jpg", image_bytes()), "access_token": other["page_token"]},
    )
    assert (error_of(response)["code"], error_of(response)["error_subcode"]) == (100, 33)


def test_quota_fault_answers_the_publishing_limit(simulator, account):
    simulator.fail("facebook", "POST /{version}/{node}/media_publish", status=400, kind="quota")
    response = publish(simulator, account, "123")
    assert error_of(response)["error_subcode"] == 2207042
