"""``python -m service``: the command line (see service/cli.py), e.g. ``python -m service extract FILE``."""
from .cli import main

raise SystemExit(main())
