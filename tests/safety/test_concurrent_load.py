"""The first requests of a threaded web server may all load the encoder at once: that must work."""
import subprocess
import sys

SCRIPT = """
import threading
from safety.encoder import shared_encoder
barrier, found, errors = threading.Barrier(4), [], []
def load():
    barrier.wait()
    try:
        found.append(shared_encoder())
    except Exception as exc:
        errors.append(repr(exc))
threads = [threading.Thread(target=load) for _ in range(4)]
[t.start() for t in threads]; [t.join() for t in threads]
assert not errors, errors
assert len(found) == 4 and len({id(e) for e in found}) == 1
print("ok")
"""


def test_four_threads_loading_the_encoder_at_once_share_one():
    run = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0 and run.stdout.strip().endswith("ok"), run.stderr[-2000:]
