"""Allow ``python -m hooklint``."""

from hooklint.cli import main

raise SystemExit(main())
