"""Entry point for the frozen (PyInstaller) app: the same `main` as the `reader` console script."""

import multiprocessing
import sys

if __name__ == "__main__":
    # Imports of 8+ files use a "spawn" process pool; in a frozen app each worker re-runs this executable,
    # and freeze_support() is what turns that run into a worker instead of a second copy of the app.
    multiprocessing.freeze_support()
    from reader.cli import main

    sys.exit(main())
