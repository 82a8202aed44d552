"""Allow ``python -m lossgui``."""

from lossgui.launch import main

raise SystemExit(main())
