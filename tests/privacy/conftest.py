"""The rules' tests specify the rules: the language model (``privacy.tagger``) is left out of them.

Each rule's test pins what that rule finds in a sentence written for it; the language model reads the same sentence
its own way, adding a finding or dropping one, and what it is worth is measured on whole authors' posts by
``bench/privacy.py``, not sentence by sentence. Tests of the model itself, and of the guard with it, are marked
``with_tagger`` (``test_tagger.py``); the edge's tests (``tests/posts``) run the whole guard.
"""

import pytest

from privacy import text as privacy_text


@pytest.fixture(autouse=True)
def rules_without_the_tagger(request, monkeypatch):
    if request.node.get_closest_marker("with_tagger"):
        return
    monkeypatch.setattr(privacy_text, "TAGGER", False)
