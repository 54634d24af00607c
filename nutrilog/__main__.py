"""``python -m nutrilog``: the same command line as ``nutrilog``."""

import sys

from nutrilog.cli import main

if __name__ == "__main__":
    sys.exit(main())
