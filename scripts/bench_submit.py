#!/usr/bin/env python3
"""Load-tests the submit_request server function and checks that no ticket is lost or doubled.

Usage: bench_submit.py BASE_URL COOKIE [--count N] [--concurrency C] [--json PATH]

COOKIE is either the bare session token or "deskfront_session=<token>". Standard library only,
so the benchmark runs on any machine with Python 3.11 and nothing else installed.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

# password-reset-help: no approval step and only three simple fields, so each submission
# measures the submit path itself (validation, numbering, insert) rather than approval routing.
# The answers follow server/seed/items/password-reset-help.toml: "account" is a choice,
# "locked_out" is yes_no, "callback_number" must match ^0[0-9]{10}$.
ITEM_SLUG = "password-reset-help"
FORM_VERSION = 1
ANSWERS = {
    "account": ["Windows / Microsoft 365"],
    "locked_out": ["no"],
    "callback_number": ["07700900123"],
}

COOKIE_NAME = "deskfront_session"
# Generous, so a slow submission shows up in p99 instead of being hidden as a client timeout.
TIMEOUT_S = 30


def submit_once(url: str, cookie: str) -> tuple[float, str | None, str | None]:
    """Sends one submission. Returns (latency in ms, ticket number or None, error or None)."""
    body = json.dumps(
        {
            "item_slug": ITEM_SLUG,
            "form_version": FORM_VERSION,
            # A fresh key per submission: reusing one would return the earlier ticket
            # (idempotency), which would hide lost or doubled tickets.
            "idempotency_key": str(uuid.uuid4()),
            "answers": ANSWERS,
        }
    ).encode()
    origin = url.split("/api/", 1)[0]
    req = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "Accept": "application/json",
            "Cookie": cookie,
            # The portal refuses posts that do not come from its own pages.
            "Origin": origin,
        },
    )
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT_S) as res:
            status = res.status
            payload = res.read()
    except urllib.error.HTTPError as err:
        elapsed = (time.perf_counter() - start) * 1000
        detail = err.read()[:200].decode("utf-8", "replace")
        return elapsed, None, f"HTTP {err.code}: {detail}"
    except Exception as err:  # connection reset, timeout: counted as failures, not crashes
        elapsed = (time.perf_counter() - start) * 1000
        return elapsed, None, f"{type(err).__name__}: {err}"
    elapsed = (time.perf_counter() - start) * 1000
    if status != 200:
        return elapsed, None, f"HTTP {status}"
    try:
        number = json.loads(payload).get("number")
    except (ValueError, AttributeError):
        return elapsed, None, f"not a JSON object: {payload[:200]!r}"
    if not isinstance(number, str) or not number:
        return elapsed, None, f"no ticket number in {payload[:200]!r}"
    return elapsed, number, None


def percentile(sorted_values: list[float], pct: float) -> float:
    """Nearest-rank percentile: always a latency that was actually observed, never interpolated."""
    rank = max(1, math.ceil(pct / 100 * len(sorted_values)))
    return sorted_values[min(rank, len(sorted_values)) - 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_url", help="e.g. http://127.0.0.1:3950")
    parser.add_argument("cookie", help=f"session token or '{COOKIE_NAME}=<token>'")
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--json", dest="json_path", help="also write the results here as JSON")
    args = parser.parse_args()
    if args.count < 1 or args.concurrency < 1:
        parser.error("--count and --concurrency must be positive")

    cookie = args.cookie.strip()
    if not cookie.startswith(f"{COOKIE_NAME}="):
        cookie = f"{COOKIE_NAME}={cookie}"
    url = args.base_url.rstrip("/") + "/api/submit_request"

    # One probe first: a wrong cookie or a changed form would otherwise produce thousands of
    # identical failures and a meaningless throughput figure.
    _, number, error = submit_once(url, cookie)
    if error:
        print(f"probe submission failed: {error}", file=sys.stderr)
        return 2

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=args.concurrency) as pool:
        results = list(pool.map(lambda _: submit_once(url, cookie), range(args.count)))
    wall = time.perf_counter() - start

    latencies = sorted(r[0] for r in results if r[2] is None)
    numbers = [r[1] for r in results if r[2] is None]
    errors = [r[2] for r in results if r[2] is not None]
    successes = len(numbers)
    distinct = len(set(numbers))
    # Every fresh idempotency key must yield its own ticket: a repeated number means two
    # submissions collided on numbering (or the key was ignored).
    numbers_ok = distinct == successes

    summary = {
        "count": args.count,
        "concurrency": args.concurrency,
        "successes": successes,
        "failures": len(errors),
        "distinct_numbers": distinct,
        "numbers_ok": numbers_ok,
        "wall_s": round(wall, 3),
        "per_second": round(successes / wall, 1) if wall > 0 else 0.0,
        "p50_ms": round(percentile(latencies, 50), 2) if latencies else None,
        "p99_ms": round(percentile(latencies, 99), 2) if latencies else None,
        "mean_ms": round(statistics.fmean(latencies), 2) if latencies else None,
    }

    print(f"submissions:     {args.count} at concurrency {args.concurrency} in {wall:.2f} s")
    print(f"submissions/s:   {summary['per_second']}")
    print(f"latency p50:     {summary['p50_ms']} ms")
    print(f"latency p99:     {summary['p99_ms']} ms")
    print(f"failures:        {len(errors)}")
    print(f"distinct numbers {distinct} for {successes} successes: {'ok' if numbers_ok else 'MISMATCH'}")
    if errors:
        # The first few distinct messages are enough to diagnose; thousands would bury them.
        for message in sorted(set(errors))[:5]:
            print(f"  e.g. {message}", file=sys.stderr)

    if args.json_path:
        with open(args.json_path, "w", encoding="utf-8") as fh:
            json.dump(summary, fh)

    return 0 if not errors and numbers_ok else 1


if __name__ == "__main__":
    sys.exit(main())
