"""The simulated Graph API's resumable video upload and object deletion, spoken over plain HTTP.

Follows developers.facebook.com/docs/video-api/guides/publishing ("Resumable Upload") and the
Page /videos reference (``upload_phase``, ``upload_session_id``, ``start_offset``, ``end_offset``,
``video_file_chunk``, ``file_size``).
"""

import hashlib

import pytest
import requests

from simulator.networks import facebook

VIDEO = b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 10  # 2,572 bytes


def graph(simulator, path: str) -> str:
    return f"{simulator.base_url}/facebook/v24.0{path}"


@pytest.fixture
def account(simulator):
    return facebook.new_account(simulator, page_name="Heart Clinic")


@pytest.fixture
def small_chunks(simulator):
    facebook.set_video_chunk_size(simulator, 1000)
    yield 1000
    facebook.set_video_chunk_size(simulator, facebook.VIDEO_CHUNK_BYTES)


def phase(simulator, account, upload_phase, chunk=None, **fields):
    return requests.post(
        graph(simulator, f"/{account['page_id']}/videos"),
        data={"access_token": account["page_token"], "upload_phase": upload_phase, **fields},
        files={"video_file_chunk": ("chunk", chunk, "application/octet-stream")} if chunk is not None else None,
    )


def start(simulator, account):
    return phase(simulator, account, "start", file_size=str(len(VIDEO))).json()


def test_start_opens_a_session_and_names_the_first_chunk(simulator, account, small_chunks):
    session = start(simulator, account)
    assert session["upload_session_id"] and session["video_id"]
    assert (session["start_offset"], session["end_offset"]) == ("0", "1000")


def test_chunks_sent_at_the_offsets_asked_for_publish_the_video_on_finish(simulator, account, small_chunks):
    session = start(simulator, account)
    sid, offsets = session["upload_session_id"], session
    answers = []
    while offsets["start_offset"] != offsets["end_offset"]:
        begin, end = int(offsets["start_offset"]), int(offsets["end_offset"])
        offsets = phase(
            simulator, account, "transfer", VIDEO[begin:end], upload_session_id=sid, start_offset=str(begin)
        ).json()
        answers.append((offsets["start_offset"], offsets["end_offset"]))
    assert answers == [("1000", "2000"), ("2000", "2572"), ("2572", "2572")]
    assert simulator.posts_for("facebook") == []

    finished = phase(simulator, account, "finish", upload_session_id=sid, description="Wash hands", title="Hygiene")

    assert finished.json() == {"success": True}
    [post] = simulator.posts_for("facebook")
    assert post.text == "Wash hands" and post.extra["title"] == "Hygiene"
    assert post.extra["video_id"] == session["video_id"]
    assert post.media[0]["sha256"] == hashlib.sha256(VIDEO).hexdigest()


def test_a_chunk_at_the_wrong_offset_is_refused_with_the_offsets_the_network_wants(simulator, account, small_chunks):
    sid = start(simulator, account)["upload_session_id"]
    phase(simulator, account, "transfer", VIDEO[:1000], upload_session_id=sid, start_offset="0")

    resent = phase(simulator, account, "transfer", VIDEO[:1000], upload_session_id=sid, start_offset="0")

    error = resent.json()["error"]
    assert resent.status_code == 400
    assert (error["code"], error["error_subcode"]) == (6001, 1363037)
    assert error["error_data"] == {"start_offset": "1000", "end_offset": "2000"}


def test_a_dropped_chunk_was_kept_by_the_network(simulator, account, small_chunks):
    sid = start(simulator, account)["upload_session_id"]
    facebook.drop_video_chunk_at(simulator, 1000)
    phase(simulator, account, "transfer", VIDEO[:1000], upload_session_id=sid, start_offset="0")

    with pytest.raises(requests.ConnectionError):
        phase(simulator, account, "transfer", VIDEO[1000:2000], upload_session_id=sid, start_offset="1000")

    again = phase(simulator, account, "transfer", VIDEO[1000:2000], upload_session_id=sid, start_offset="1000")
    assert again.json()["error"]["error_data"]["start_offset"] == "2000"


def test_finishing_before_every_byte_arrived_is_refused(simulator, account, small_chunks):
    sid = start(simulator, account)["upload_session_id"]
    phase(simulator, account, "transfer", VIDEO[:1000], upload_session_id=sid, start_offset="0")

    finished = phase(simulator, account, "finish", upload_session_id=sid, description="too soon")

    assert finished.json()["error"]["code"] == 6000
    assert simulator.posts_for("facebook") == []


def test_an_unknown_session_and_file_url_with_upload_phase_are_refused(simulator, account):
    unknown = phase(simulator, account, "transfer", b"x", upload_session_id="123", start_offset="0")
    assert unknown.json()["error"]["code"] == 100
    mixed = phase(simulator, account, "start", file_size="10", file_url="https://example.org/v.mp4")
    assert mixed.json()["error"]["code"] == 100


def test_a_session_needs_the_pages_own_token(simulator, account):
    answer = requests.post(
        graph(simulator, f"/{account['page_id']}/videos"),
        data={"access_token": account["access_token"], "upload_phase": "start", "file_size": "10"},
    )
    assert answer.json()["error"]["code"] == 200


# --- DELETE /{object} ----------------------------------------------------------------------------------


def unpublished_photo(simulator, account) -> str:
    from tests.simulator.test_facebook import png_bytes

    return requests.post(
        graph(simulator, f"/{account['page_id']}/photos"),
        data={"access_token": account["page_token"], "published": "false"},
        files={"source": ("p.png", png_bytes(), "image/png")},
    ).json()["id"]


def test_deleting_an_unpublished_photo_with_the_page_token_succeeds_and_it_is_gone(simulator, account):
    photo_id = unpublished_photo(simulator, account)

    deleted = requests.delete(graph(simulator, f"/{photo_id}"), params={"access_token": account["page_token"]})

    assert deleted.status_code == 200 and deleted.json() == {"success": True}
    again = requests.get(graph(simulator, f"/{photo_id}"), params={"access_token": account["page_token"]})
    assert again.json()["error"]["code"] == 100


def test_deleting_a_post_removes_it_from_the_page(simulator, account):
    post_id = requests.post(
        graph(simulator, f"/{account['page_id']}/feed"), data={"message": "oops", "access_token": account["page_token"]}
    ).json()["id"]

    requests.delete(graph(simulator, f"/{post_id}"), headers={"Authorization": f"Bearer {account['page_token']}"})

    assert simulator.posts_for("facebook") == []


def test_deleting_needs_the_pages_token_and_an_existing_object(simulator, account):
    photo_id = unpublished_photo(simulator, account)
    as_user = requests.delete(graph(simulator, f"/{photo_id}"), params={"access_token": account["access_token"]})
    assert as_user.json()["error"]["code"] == 200
    missing = requests.delete(graph(simulator, "/999"), params={"access_token": account["page_token"]})
    assert (missing.json()["error"]["code"], missing.json()["error"]["error_subcode"]) == (100, 33)
