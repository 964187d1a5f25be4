#!/usr/bin/env python3
"""Measures the disk's raw durable commit rate: single-row SQLite transactions per second.

Usage: bench_commit.py DIRECTORY [--seconds S]

The reference the benchmark sets request submissions against (DESIGN.md, "Performance budgets"):
what the same disk does when each transaction is one INSERT and a COMMIT that waits for the disk,
with nothing else in the way. So the settings are the portal's own (WAL, synchronous=FULL, see
server/src/store/sqlite.rs), on one connection, in DIRECTORY (give it the folder of the bench's
database, so it is the same file system). Prints one line:
    commit-rate per_second=<x> commits=<n> seconds=<s> p50_ms=<x> p99_ms=<y>
Standard library only.
"""

from __future__ import annotations

import argparse
import math
import os
import sqlite3
import sys
import tempfile
import time


def percentile(sorted_values: list[float], pct: float) -> float:
    """Nearest-rank percentile: always a latency that was actually observed."""
    rank = max(1, math.ceil(pct / 100 * len(sorted_values)))
    return sorted_values[min(rank, len(sorted_values)) - 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory")
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="commit-rate-", dir=args.directory)
    path = os.path.join(folder, "commit.db")
    # Autocommit mode (isolation_level=None): the BEGIN and COMMIT below are the only ones, so
    # each loop is exactly one durable transaction.
    db = sqlite3.connect(path, isolation_level=None)
    try:
        mode = db.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        if mode.lower() != "wal":
            print(f"SQLite refused WAL mode here (got {mode})", file=sys.stderr)
            return 1
        db.execute("PRAGMA synchronous=FULL")
        db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)")
        # A row about the size of a ticket's answers, so the page writes are realistic.
        body = "x" * 300
        # A few commits first: the first ones also grow the WAL file, which later ones reuse.
        for _ in range(50):
            db.execute("BEGIN")
            db.execute("INSERT INTO t (body) VALUES (?)", (body,))
            db.execute("COMMIT")
        latencies: list[float] = []
        start = time.perf_counter()
        deadline = start + args.seconds
        now = start
        while now < deadline:
            db.execute("BEGIN")
            db.execute("INSERT INTO t (body) VALUES (?)", (body,))
            db.execute("COMMIT")
            then, now = now, time.perf_counter()
            latencies.append((now - then) * 1000)
        wall = now - start
    finally:
        db.close()
        for name in ("commit.db", "commit.db-wal", "commit.db-shm"):
            try:
                os.remove(os.path.join(folder, name))
            except FileNotFoundError:
                pass
        os.rmdir(folder)

    latencies.sort()
    print(
        f"commit-rate per_second={len(latencies) / wall:.1f} commits={len(latencies)} "
        f"seconds={wall:.2f} p50_ms={percentile(latencies, 50):.3f} p99_ms={percentile(latencies, 99):.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
