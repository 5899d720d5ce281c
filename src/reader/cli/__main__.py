"""`python -m reader.cli`: the same program as the `reader` console script."""

import sys

from reader.cli import main

sys.exit(main())
