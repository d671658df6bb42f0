"""Live reload: a running bot picks up edited fact files without a restart.

A change under the facts folder reloads the whole fact base with the same checks as start-up.
A valid base replaces the serving engine in one swap; an invalid one is refused, the old
engine keeps answering, and each problem (file, fact id, field) is logged.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from watchfiles import watch

from bot.engine import EngineRef, load_engine
from bot.errors import FactErrors

log = logging.getLogger("citebot.reload")


def reload_facts(ref: EngineRef, facts_dir: Path) -> bool:
    """Load ``facts_dir`` and serve it through ``ref``; return False (old engine kept, problems logged) if invalid."""
    try:
        engine = load_engine(facts_dir)
    except FactErrors as err:
        log.error("facts not reloaded, the previous fact base keeps serving: %d problem(s)", len(err.errors))
        for problem in err.errors:
            log.error("facts not reloaded: %s", problem)
        return False
    ref.replace(engine)
    log.info("facts reloaded from %s: %d facts", facts_dir, len(engine.base.facts))
    return True


class FactWatcher:
    """Watches a facts folder from a daemon thread and reloads on change. ``start()``, then ``stop()``."""

    def __init__(self, ref: EngineRef, facts_dir: Path, debounce_ms: int = 300):
        self.ref = ref
        self.facts_dir = Path(facts_dir)
        self.debounce_ms = debounce_ms
        self.reloads = 0  # successful swaps so far
        self.refusals = 0  # invalid fact bases refused so far
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="citebot-fact-watcher", daemon=True)

    def start(self) -> "FactWatcher":
        """Start watching; return once the watcher is listening, so no edit after this is missed."""
        self._thread.start()
        self._ready.wait(timeout=5)
        return self

    @property
    def running(self) -> bool:
        """True while the watching thread is alive."""
        return self._thread.is_alive()

    def stop(self) -> None:
        """Stop watching and wait for the thread to end."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)

    def _run(self) -> None:
        # yield_on_timeout makes watch() return its first (empty) batch as soon as it listens.
        changes = watch(
            self.facts_dir,
            stop_event=self._stop,
            debounce=self.debounce_ms,
            rust_timeout=200,
            yield_on_timeout=True,
            raise_interrupt=False,
        )
        try:
            for batch in changes:
                self._ready.set()
                if not batch or self._stop.is_set():
                    continue
                log.info("facts changed: %s", ", ".join(sorted({Path(p).name for _, p in batch})))
                try:
                    if reload_facts(self.ref, self.facts_dir):
                        self.reloads += 1
                    else:
                        self.refusals += 1
                except Exception:  # a reload bug must not end watching: the old engine keeps serving
                    self.refusals += 1
                    log.exception("facts not reloaded: unexpected error")
        except Exception:
            log.exception("fact watcher stopped: %s", self.facts_dir)
        finally:
            self._ready.set()
