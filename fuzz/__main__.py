"""`python -m fuzz`: run the hostile-input battery (settings in `fuzz.battery`)."""

from __future__ import annotations

from fuzz.battery import main

raise SystemExit(main())
