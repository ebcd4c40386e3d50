"""French date and time formats as the Office québécois de la langue française writes them:
"24 novembre 2026", "08 h 30" (a space on each side of the h), "24 novembre 2026, 08 h 30"."""

DATE_FORMAT = "j F Y"
TIME_FORMAT = r"H \h i"
DATETIME_FORMAT = r"j F Y, H \h i"
SHORT_DATE_FORMAT = "Y-m-d"
SHORT_DATETIME_FORMAT = r"Y-m-d H \h i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
FIRST_DAY_OF_WEEK = 1  # Monday, as the French norm (and ISO 8601) and FullCalendar's fr locale have it
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\u202f"  # a narrow no-break space: "1 234"
NUMBER_GROUPING = 3
