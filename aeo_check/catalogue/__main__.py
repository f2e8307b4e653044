"""``python -m aeo_check.catalogue``: load the catalogue and print every problem, or a count summary."""

import sys

from aeo_check.catalogue.loader import load_catalogue
from aeo_check.files.sourcefile import DataFileError

try:
    cat = load_catalogue()
except DataFileError as exc:
    for p in exc.problems:
        print(p)
    print(f"{len(exc.problems)} problem(s)")
    sys.exit(2)
for std in ("advanced", "certified"):
    items = cat.items_in(std)
    by = {}
    for i in items:
        by[i.specific or i.category] = by.get(i.specific or i.category, 0) + 1
    print(std, len(items), by)
print("questions", len(cat.questions), "derived", len(cat.derived), "triggers", len(cat.triggers),
      "consistency rules", len(cat.consistency))

from aeo_check.catalogue.extras import load_extras  # noqa: E402

try:
    extras = load_extras(cat)
except DataFileError as exc:
    for p in exc.problems:
        print(p)
    print(f"{len(exc.problems)} problem(s)")
    sys.exit(2)
print("sources", len(extras.sources), "markets", len(extras.benefits.markets))
