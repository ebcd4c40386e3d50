"""Large Facebook videos go up through Graph's resumable upload session, and a failed album cleans up.

Driven over HTTP against the simulated Graph API; assertions are on what the simulator received.
"""

import hashlib
from typing import ClassVar

import pytest

from platforms.base import Credentials, Draft, MediaItem, Rejected, Transient
from platforms.facebook import Facebook
from simulator.core import Request
from simulator.networks import facebook as facebook_sim

VIDEOS = "POST /{version}/{node}/videos"
CONTENT = b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 10  # 2,572 bytes


class SmallThresholdFacebook(Facebook):
    """The adapter with a threshold a test file crosses; 50 MB in production."""

    resumable_video_bytes: ClassVar[int] = 1000


@pytest.fixture
def adapter(sim_config):
    return SmallThresholdFacebook(sim_config("facebook"))


@pytest.fixture
def page(simulator):
    person = facebook_sim.new_account(simulator, page_name="Lakeside Clinic")
    return Credentials(external_id=person["page_id"], access_token=person["page_token"], kind="facebook_page")


@pytest.fixture
def chunks_of_1000(simulator):
    facebook_sim.set_video_chunk_size(simulator, 1000)
    yield
    facebook_sim.set_video_chunk_size(simulator, facebook_sim.VIDEO_CHUNK_BYTES)


@pytest.fixture
def clip(tmp_path):
    path = tmp_path / "talk.mp4"
    path.write_bytes(CONTENT)
    return MediaItem(kind="video", content_type="video/mp4", path=str(path), size_bytes=len(CONTENT))


def video_requests(simulator) -> list[tuple[dict[str, str], bytes]]:
    """Each ``/videos`` request the network received: its fields and its chunk, if any."""
    received = []
    for record in simulator.requests_to("facebook", VIDEOS):
        request = Request(
            record["method"], "facebook", record["path"], record["query"], record["headers"], record["body"]
        )
        chunk = request.files().get("video_file_chunk")
        received.append((request.form(), chunk.data if chunk else b""))
    return received


def test_a_video_above_the_threshold_goes_up_in_the_chunks_the_network_asks_for(
    adapter, simulator, page, clip, chunks_of_1000
):
    published = adapter.publish(page, Draft(text="Our new clinic", media=(clip,), options={"title": "Tour"}))

    received = video_requests(simulator)
    phases = [(fields["upload_phase"], fields.get("start_offset"), len(chunk)) for fields, chunk in received]
    assert phases == [
        ("start", None, 0),
        ("transfer", "0", 1000),
        ("transfer", "1000", 1000),
        ("transfer", "2000", 572),
        ("finish", None, 0),
    ]
    assert received[0][0]["file_size"] == str(len(CONTENT))
    assert b"".join(chunk for _, chunk in received) == CONTENT
    finish = received[-1][0]
    assert (finish["description"], finish["title"]) == ("Our new clinic", "Tour")
    [post] = simulator.posts_for("facebook", page.external_id)
    assert post.text == "Our new clinic" and post.extra["title"] == "Tour"
    assert post.media[0]["sha256"] == hashlib.sha256(CONTENT).hexdigest()
    assert published.external_id == post.extra["video_id"]


def test_a_video_at_the_threshold_goes_up_in_one_request(sim_config, simulator, page, clip):
    class AtThreshold(Facebook):
        resumable_video_bytes: ClassVar[int] = len(CONTENT)

    AtThreshold(sim_config("facebook")).publish(page, Draft(text="Small", media=(clip,)))

    [(fields, _)] = video_requests(simulator)
    assert "upload_phase" not in fields
    assert [p.text for p in simulator.posts_for("facebook", page.external_id)] == ["Small"]


def test_a_chunk_whose_answer_was_lost_resumes_from_the_offset_the_network_gives(
    adapter, simulator, page, clip, chunks_of_1000
):
    facebook_sim.drop_video_chunk_at(simulator, 1000)

    adapter.publish(page, Draft(text="Resumed", media=(clip,)))

    phases = [(f["upload_phase"], f.get("start_offset")) for f, _ in video_requests(simulator)]
    # The lost chunk is sent again; the network already has it and says to go on from 2000.
    assert phases == [
        ("start", None),
        ("transfer", "0"),
        ("transfer", "1000"),
        ("transfer", "1000"),
        ("transfer", "2000"),
        ("finish", None),
    ]
    [post] = simulator.posts_for("facebook", page.external_id)
    assert post.media[0]["sha256"] == hashlib.sha256(CONTENT).hexdigest()


def let_through(simulator, requests: int) -> None:
    """Faults are taken in order: these let the next ``requests`` calls to /videos through untouched."""
    for _ in range(requests):
        simulator.fail("facebook", VIDEOS)


def test_a_chunk_that_keeps_failing_is_transient_and_publishes_nothing(adapter, simulator, page, clip, chunks_of_1000):
    let_through(simulator, 1)  # the session starts
    simulator.fail("facebook", VIDEOS, status=503, times=None)

    with pytest.raises(Transient) as caught:
        adapter.publish(page, Draft(text="Never", media=(clip,)))

    assert not caught.value.outcome_unknown
    transfers = [f for f, _ in video_requests(simulator) if f["upload_phase"] == "transfer"]
    assert len(transfers) == 1 + Facebook.max_chunk_resends
    assert {f["start_offset"] for f in transfers} == {"0"}
    assert simulator.posts_for("facebook", page.external_id) == []


def test_a_lost_answer_to_finish_is_an_unknown_outcome(adapter, simulator, page, clip, chunks_of_1000):
    let_through(simulator, 4)  # start and three chunks
    simulator.fail("facebook", VIDEOS, drop_after_accept=True)

    with pytest.raises(Transient) as caught:
        adapter.publish(page, Draft(text="Did it go?", media=(clip,)))

    assert caught.value.outcome_unknown
    assert [p.text for p in simulator.posts_for("facebook", page.external_id)] == ["Did it go?"]


# --- a failed album leaves nothing behind ---------------------------------------------------------------


def test_an_album_whose_post_fails_deletes_the_photos_it_uploaded(adapter, simulator, page, tmp_path):
    from tests.platforms.test_facebook import image

    photos = (image(tmp_path, "a.jpg"), image(tmp_path, "b.jpg"))
    simulator.fail("facebook", "POST /{version}/{node}/feed", status=400)

    with pytest.raises(Rejected):
        adapter.publish(page, Draft(text="Album", media=photos))

    uploaded = [r for r in simulator.requests_to("facebook", "POST /{version}/{node}/photos")]
    deleted = [r["path"].rsplit("/", 1)[1] for r in simulator.requests_to("facebook", "DELETE /{version}/{node}")]
    assert len(uploaded) == 2 and len(deleted) == 2
    for photo_id in deleted:
        assert photo_id not in simulator.store["facebook"]["objects"]


# --- the video host ----------------------------------------------------------------------------------------


def test_videos_go_to_the_configured_video_host_and_everything_else_to_graph(sim_config, simulator, page, clip):
    """Meta's guides send videos to graph-video.facebook.com; here "localhost" stands in for that host."""
    graph_host = simulator.base_url.removeprefix("http://")
    video_host = graph_host.replace("127.0.0.1", "localhost")
    config = sim_config("facebook", options={"video_url": f"http://{video_host}/facebook"})

    Facebook(config).publish(page, Draft(text="Tour", media=(clip,)))

    hosts = {(r["endpoint"], r["headers"]["host"]) for r in simulator.requests_to("facebook")}
    assert (VIDEOS, video_host) in hosts
    assert {host for endpoint, host in hosts if endpoint != VIDEOS} == {graph_host}
