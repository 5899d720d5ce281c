"""Start-up time of a command: median, min and max of N warm runs (after one warm-up run).

python3 packaging/measure_startup.py 20 dist/reader/reader --version
python3 packaging/measure_startup.py 20 dist/reader/reader --library /tmp/x.sqlite list
"""

import os
import statistics
import subprocess
import sys
import time


def main() -> int:
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    runs, cmd = int(sys.argv[1]), sys.argv[2:]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    times = []
    for i in range(runs + 1):
        start = time.perf_counter()
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            print(f"{' '.join(cmd)}: exit code {done.returncode}", file=sys.stderr)
            return 1
        if i:  # the first run only warms the caches
            times.append(elapsed * 1000)
    print(
        f"{' '.join(cmd)}: n={runs} median {statistics.median(times):.0f} ms"
        f" (min {min(times):.0f}, max {max(times):.0f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
