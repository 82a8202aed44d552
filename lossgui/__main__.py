"""Allow ``python -m lossgui``."""

from lossgui.cli import main

raise SystemExit(main())
