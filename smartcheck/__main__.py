"""Run the CLI with ``python -m smartcheck``."""

import sys

from smartcheck.cli import main

sys.exit(main())
