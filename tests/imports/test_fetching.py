"""Files named by URL in an imported row: only http(s), and never an address of the server's own
network (a cloud's metadata service, the database, localhost)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from campaigns.fetching import check_address
from campaigns.importing import ImportOptions, plan_import
from tests.imports.conftest import local_iso, next_year, physsocial_csv


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("file:///etc/passwd", "only http:// and https://"),
        ("ftp://files.example.org/photo.jpg", "only http:// and https://"),
        ("http://127.0.0.1:8000/admin/", "private or local"),
        ("http://localhost/photo.jpg", "private or local"),
        ("http://169.254.169.254/latest/meta-data/", "private or local"),
        ("http://10.1.2.3/photo.jpg", "private or local"),
        ("http://[::1]/photo.jpg", "private or local"),
        ("http://0x7f000001/photo.jpg", "private or local"),
        ("https://host:99999/photo.jpg", "not a web address"),
    ],
)
def test_an_address_that_is_not_public_http_is_refused(url, why):
    with pytest.raises(ValidationError, match=why):
        check_address(url)


def test_the_preview_refuses_a_row_whose_file_is_on_a_private_address(org, alice, x_account):
    data = physsocial_csv(
        [
            {
                "scheduled_at": local_iso(next_year(3, 10)),
                "accounts": "alicesclinic",
                "text": "Hi",
                "media": "http://127.0.0.1/photo.jpg",
            }
        ]
    )
    plan = plan_import(organization=org, by=alice, data=data, options=ImportOptions(layout="physsocial"))
    [error] = plan.rows[0].errors
    assert error.column == "media" and "private or local network address" in error.message
