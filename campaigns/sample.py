"""A sample CSV file in our import layout for an organization, with a few bad rows on purpose:
what the demo previews ("the right problem on the right line") and the bench imports.

``sample_rows`` returns the rows and, for each bad one, the column the preview must name.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta

from accounts.models import Organization
from campaigns import importing

TOPICS = (
    "Flu shots are in: walk in Monday to Friday, 9 to 5.",
    "Heat warning this week: drink water before you are thirsty, and check on older neighbours.",
    "Our new physiotherapist starts Monday; book through the front desk.",
    "Screening saves lives: ask us whether you are due for a colon cancer screening.",
    "The clinic closes at noon on Friday for staff training.",
    "Bring your vaccination booklet to your child's next visit.",
    "Walking 30 minutes a day lowers blood pressure; start with ten.",
    "Our phones are busy on Monday mornings: the online booking is open all weekend.",
)
PATIENT_TEXT = "My patient Mrs. Jones, DOB March 3, 1931, is home after her hip surgery."
#: Line (in the file, the header being line 1) → the bad value and the column the preview names.
BAD_ROWS = {
    12: ("scheduled_at", "past"),
    37: ("accounts", "unknown account"),
    58: ("media", "missing file"),
    81: ("scheduled_at", "not a date"),
    104: ("", "repeats an earlier line"),
    133: ("text", "too long for X"),
    170: ("text", "may identify a patient"),
}


def sample_rows(
    organization: Organization, *, rows: int = 200, with_bad_rows: bool = True, start: date | None = None
) -> tuple[list[dict[str, str]], dict[int, str]]:
    """``rows`` posts, four a day (08:00, 11:00, 14:00, 17:00 in the organization's zone) from
    ``start`` (default: next year's 1 March), round-robin over its accounts; returns the rows and {line: column} of the
    bad ones."""
    accounts = list(importing.accounts_for_upload(organization))
    if not accounts:
        raise ValueError(f"{organization} has no connected account to post to.")
    names = [account.handle.lstrip("@") or str(account.pk) for account in accounts]
    first = datetime.combine(start or date(date.today().year + 1, 3, 1), datetime.min.time()).replace(hour=8)
    result, bad = [], {}
    for number in range(rows):
        line = number + 2
        # Four a day in office hours, so no time falls in a night the clocks change.
        at = first + timedelta(days=number // 4, hours=3 * (number % 4))
        row = {
            "scheduled_at": f"{at:%Y-%m-%d %H:%M}",
            "accounts": names[number % len(names)],
            "text": f"{TOPICS[number % len(TOPICS)]} (#{number + 1})",
        }
        if with_bad_rows and line in BAD_ROWS:
            column, what = BAD_ROWS[line]
            bad[line] = column
            if what == "past":
                row["scheduled_at"] = "2020-01-06 09:00"
            elif what == "unknown account":
                row["accounts"] = "@no-such-account"
            elif what == "missing file":
                row["media"] = "no-such-photo.jpg"
            elif what == "not a date":
                row["scheduled_at"] = "next Tuesday"
            elif what == "repeats an earlier line":
                row = dict(result[-1])
            elif what == "too long for X":
                x_accounts = [name for name, a in zip(names, accounts, strict=True) if a.network == "twitter"]
                if x_accounts:
                    row["accounts"], row["text"] = x_accounts[0], "Long read. " * 40
                else:
                    del bad[line]  # no X account here: nothing is too long
            else:
                row["text"] = PATIENT_TEXT
        result.append(row)
    return result, bad


def sample_csv(organization: Organization, **options) -> bytes:
    rows, _bad = sample_rows(organization, **options)
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=importing.COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode()
