"""Our own style sheets stay well formed: an unclosed rule silently swallows every rule after it
(two merges once did this, and the composer fell back to one column)."""

from pathlib import Path

import pytest

STATIC = Path(__file__).resolve().parents[2] / "static" / "css"


@pytest.mark.parametrize("sheet", sorted(STATIC.glob("*.css")), ids=lambda path: path.name)
def test_every_rule_of_our_style_sheets_is_closed(sheet):
    depth = 0
    for number, line in enumerate(sheet.read_text().splitlines(), 1):
        depth += line.count("{") - line.count("}")
        assert depth >= 0, f"{sheet.name}:{number} closes a rule that was never opened"
        if line.startswith("/*"):
            assert depth == 0, f"{sheet.name}:{number}: a top-level comment inside an open rule"
    assert depth == 0, f"{sheet.name} ends with {depth} rule(s) open"
