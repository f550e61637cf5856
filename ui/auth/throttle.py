"""Failed sign-ins, limited: after ``per_account`` failures for one account, or ``per_client`` from one client,
within ``window`` seconds, that account or client is locked out for ``lockout`` seconds (even the right
password is refused meanwhile). A success clears the account's failures. Times are passed in, so the rule is
tested without waiting.

>>> t = Throttle(per_account=2, per_client=10, window=60, lockout=300)
>>> t.failed("an", "10.0.0.5", now=0); t.failed("an", "10.0.0.5", now=1)
>>> t.locked_for("an", "10.0.0.9", now=2)
299
>>> t.locked_for("an", "10.0.0.9", now=301), t.locked_for("binh", "10.0.0.5", now=2)
(0, 0)
"""

from __future__ import annotations

import threading
from collections import defaultdict, deque

__all__ = ["Throttle"]


class Throttle:
    def __init__(self, *, per_account: int = 5, per_client: int = 20, window: int = 900, lockout: int = 900):
        self.per_account, self.per_client, self.window, self.lockout = per_account, per_client, window, lockout
        self._failures: dict[str, deque[float]] = defaultdict(deque)
        self._until: dict[str, float] = {}
        self._lock = threading.Lock()  # one throttle serves every session of the server

    def locked_for(self, account: str, client: str, now: float) -> int:
        """Seconds left before ``account`` may try again from ``client`` (0: it may try now)."""
        with self._lock:
            left = max(self._until.get(f"a:{account}", 0), self._until.get(f"c:{client}", 0)) - now
        return max(0, int(left + 0.999))

    def failed(self, account: str, client: str, now: float) -> None:
        with self._lock:
            for key, limit in ((f"a:{account}", self.per_account), (f"c:{client}", self.per_client)):
                times = self._failures[key]
                times.append(now)
                while times and times[0] <= now - self.window:
                    times.popleft()
                if len(times) >= limit:
                    self._until[key] = now + self.lockout
                    times.clear()

    def succeeded(self, account: str) -> None:
        with self._lock:
            self._failures.pop(f"a:{account}", None)
