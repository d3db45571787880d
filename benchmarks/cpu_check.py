"""A reference loop for comparing benchmark runs on a busy or a different machine."""

import time


def reference_seconds() -> float:
    """A fixed pure-Python loop, best of three: compare runs on busy or different machines."""
    times = []
    for _ in range(3):
        start = time.process_time()
        sum(range(10**7))
        times.append(time.process_time() - start)
    return min(times)
