"""``POST /api/v1/posts/import/``: the answer's shape, dry runs, Hootsuite's options, and plain 400s."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from posts.models import Post
from tests.imports.conftest import hootsuite_csv, local_iso, next_year, physsocial_csv

URL = "/api/v1/posts/import/"


def upload(data: bytes, name: str = "posts.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="text/csv")


def two_rows():
    return physsocial_csv(
        [
            {"scheduled_at": local_iso(next_year(3, 10)), "accounts": "alicesclinic", "text": "Flu shots are in."},
            {"scheduled_at": "2020-01-01 09:00", "accounts": "alicesclinic", "text": "Too late"},
        ]
    )


def test_a_dry_run_answers_each_row_and_saves_nothing(alice_api, x_account):
    response = alice_api.post(URL, {"file": upload(two_rows()), "layout": "physsocial", "dry_run": "true"})
    assert response.status_code == 200, response.json()
    assert response.json() == {
        "created": 0,
        "rows": [
            {"line": 2, "status": "ok", "errors": [], "notes": [], "post": None},
            {
                "line": 3,
                "status": "error",
                "errors": [{"column": "scheduled_at", "message": "That time has passed; pick a time in the future."}],
                "notes": [],
                "post": None,
            },
        ],
    }
    assert Post.objects.count() == 0


def test_an_import_creates_the_good_rows_and_a_second_one_nothing(alice_api, x_account):
    first = alice_api.post(URL, {"file": upload(two_rows()), "layout": "physsocial"}).json()
    post = Post.objects.get()
    assert first["created"] == 1 and first["rows"][0]["post"] == post.pk
    again = alice_api.post(URL, {"file": upload(two_rows()), "layout": "physsocial"}).json()
    assert again["created"] == 0
    assert again["rows"][0] == {
        "line": 2,
        "status": "duplicate",
        "errors": [{"column": "", "message": "This row was imported before."}],
        "notes": [],
        "post": post.pk,
    }


def test_hootsuites_file_goes_to_the_accounts_given(alice_api, x_account, linkedin_account, campaign):
    year = next_year(1, 1).year
    data = hootsuite_csv([[f"31/12/{year} 09:00", "Happy new year from the clinic"]])
    response = alice_api.post(
        URL,
        {
            "file": upload(data),
            "layout": "hootsuite",
            "date_format": "DD/MM/YYYY",
            "accounts": [x_account.pk, linkedin_account.pk],
            "campaign": "Flu season",
        },
    )
    assert response.status_code == 200, response.json()
    post = Post.objects.get()
    assert post.targets.count() == 2 and post.campaign == campaign


def test_a_file_that_is_no_csv_is_a_plain_400(alice_api, x_account):
    response = alice_api.post(URL, {"file": upload(b"\x89PNG\r\n\x1a\n\x00\x00", "photo.png"), "layout": "physsocial"})
    assert response.status_code == 400
    assert "not UTF-8" in str(response.json())


def test_options_that_do_not_fit_are_400s(alice_api, x_account, charlies_account):
    data = hootsuite_csv([["12/31/2099 09:00", "Hi"]])
    no_accounts = alice_api.post(URL, {"file": upload(data), "layout": "hootsuite"})
    assert no_accounts.status_code == 400 and "accounts" in no_accounts.json()
    other_org = alice_api.post(URL, {"file": upload(data), "layout": "hootsuite", "accounts": [charlies_account.pk]})
    assert other_org.status_code == 400
    bad_layout = alice_api.post(URL, {"file": upload(data), "layout": "buffer"})
    assert bad_layout.status_code == 400 and "layout" in bad_layout.json()
    no_file = alice_api.post(URL, {"layout": "physsocial"})
    assert no_file.status_code == 400 and "file" in no_file.json()


def test_a_json_body_is_refused_with_the_types_to_send(alice_api):
    response = alice_api.post(URL, {"layout": "physsocial"}, format="json")
    assert response.status_code == 415


def test_the_import_is_in_the_schema(alice_api):
    schema = alice_api.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    operation = schema["paths"]["/api/v1/posts/import/"]["post"]
    assert operation["operationId"] == "posts_import"
    assert "multipart/form-data" in operation["requestBody"]["content"]


def test_the_demo_sample_previews_its_bad_rows_on_their_lines_and_imports_the_rest(
    alice_api, org, x_account, linkedin_account
):
    from campaigns.sample import sample_csv, sample_rows

    _rows, bad = sample_rows(org, rows=200)
    data = sample_csv(org, rows=200)
    preview = alice_api.post(URL, {"file": upload(data), "layout": "physsocial", "dry_run": "true"}).json()
    refused = {row["line"]: row["errors"][0]["column"] for row in preview["rows"] if row["status"] != "ok"}
    assert refused == bad and len(bad) == 7
    done = alice_api.post(URL, {"file": upload(data), "layout": "physsocial"}).json()
    assert done["created"] == 193 == Post.objects.count()
