"""``python -m nutrilog.cli``: the ``nutrilog`` command."""

import sys

from nutrilog.cli import main

sys.exit(main())
