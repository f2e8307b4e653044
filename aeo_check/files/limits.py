"""The limits every input is held to (README, section "Limits", lists the same numbers).

They keep a hostile or broken file from hanging the tool, exhausting memory or producing a
report that takes minutes to render. Each one is enforced with a message naming the file, the
line and the field.
"""

from __future__ import annotations

import datetime as dt

#: largest data file read (answer file, result JSON, brand file, catalogue file)
MAX_FILE_BYTES = 2 * 1024 * 1024
#: deepest nesting of mappings and lists in a data file (an answer file needs 3)
MAX_DEPTH = 12
#: problems listed per file; the rest are counted in one closing line
MAX_PROBLEMS = 100
#: characters in a note or a text answer
MAX_NOTE_CHARS = 2000
#: characters in the enterprise name (the brand name has its own, 120)
MAX_NAME_CHARS = 200
#: numbers: digits before the decimal point, and decimal places
MAX_INT_DIGITS = 15
MAX_DECIMALS = 6
#: the assessment date, and the earliest date of a past event
FIRST_ASSESSED_ON = dt.date(2000, 1, 1)
LAST_ASSESSED_ON = dt.date(2099, 12, 31)
FIRST_EVENT_DATE = dt.date(1900, 1, 1)
#: characters of an untrusted key or value quoted back in a message
MAX_QUOTED_CHARS = 80
