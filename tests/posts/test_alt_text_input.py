"""Alt text refuses what cannot be stored or shown, whichever way it arrives (library page, API, service)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from posts.media.library import clean_alt_text


@pytest.mark.parametrize("bad", ["a\ud800", "a\x00b"], ids=["surrogate", "nul"])
def test_the_service_refuses_an_unstorable_character_in_alt_text(bad):
    with pytest.raises(ValidationError) as refused:
        clean_alt_text(bad)
    assert "alt_text" in refused.value.message_dict
