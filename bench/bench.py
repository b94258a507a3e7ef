#!/usr/bin/env python3
"""Drives the ingest benchmark against a running service; bench/ingest-benchmark.sh starts and stops it.

Posts a school that the product's own generator wrote (uk.attendance.demo.DemoExport: pupils.json and a
year of marks in marks.csv), times the REST calls and prints each rate with its ratio to the
nightly-post baseline measured in the same run. Standard library only.
"""

import argparse
import base64
import http.client
import json
import os
import random
import statistics
import sys
import time
import urllib.parse

POLICY = "coopers"
REQUEST_TIMEOUT_S = 900
CSV_HEADER = "upn,date,session,code"
PRESENT = {"/", "\\", "L"}
PRESENT_BY_SESSION = {"AM": "/", "PM": "\\"}


class BenchFailure(Exception):
    pass


# --- The exported school ------------------------------------------------------------------------------

class Export:
    """DemoExport's files: the pupils body as sent, and the year's marks in register order, day by day."""

    def __init__(self, directory):
        with open(os.path.join(directory, "pupils.json"), "rb") as pupils:
            self.pupils_body = pupils.read()
        self.pupils = len(json.loads(self.pupils_body))
        with open(os.path.join(directory, "marks.csv"), encoding="utf-8") as marks:
            header, *self.lines = marks.read().splitlines()
        if header != CSV_HEADER:
            raise BenchFailure(f"marks.csv starts with {header!r}, not {CSV_HEADER!r}")
        self.days, self.day_starts = [], []
        for index, line in enumerate(self.lines):
            day = line.split(",", 2)[1]
            if not self.days or self.days[-1] != day:
                self.days.append(day)
                self.day_starts.append(index)
        self.day_starts.append(len(self.lines))

    def csv(self, first_day, end_day):
        """The marks of days first_day up to (not including) end_day, as a text/csv body, and their count."""
        lines = self.lines[self.day_starts[first_day]:self.day_starts[end_day]]
        return "\n".join([CSV_HEADER, *lines, ""]).encode(), len(lines)

    def corrections(self, count, rng):
        """Amendments a school makes later: a present mark becomes I (sent home ill), anything else present."""
        lines = [CSV_HEADER]
        for index in sorted(rng.sample(range(len(self.lines)), count)):
            upn, day, session, code = self.lines[index].split(",")
            corrected = "I" if code in PRESENT else PRESENT_BY_SESSION[session]
            lines.append(f"{upn},{day},{session},{corrected}")
        return "\n".join([*lines, ""]).encode()


# --- HTTP ---------------------------------------------------------------------------------------------

class Service:
    def __init__(self, url, user, password):
        parsed = urllib.parse.urlsplit(url)
        self.host, self.port = parsed.hostname, parsed.port
        self.headers = {"Accept": "application/json"}
        if password:
            token = base64.b64encode(f"{user}:{password}".encode()).decode()
            self.headers["Authorization"] = f"Basic {token}"

    def call(self, method, path, body=None, content_type=None):
        """Returns (parsed JSON, wall-clock seconds from the first byte sent to the last byte read)."""
        headers = dict(self.headers)
        if content_type:
            headers["Content-Type"] = content_type
        connection = http.client.HTTPConnection(self.host, self.port, timeout=REQUEST_TIMEOUT_S)
        try:
            started = time.perf_counter()
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            payload = response.read()
            seconds = time.perf_counter() - started
        finally:
            connection.close()
        if not 200 <= response.status < 300:
            raise BenchFailure(f"{method} {path} answered {response.status}: {payload[:600].decode(errors='replace')}")
        return (json.loads(payload) if payload else None), seconds

    def post_marks(self, school, body, source):
        path = f"/api/schools/{school}/attendance?source={urllib.parse.quote(source)}"
        return self.call("POST", path, body, "text/csv")


def peak_rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


# --- Run ----------------------------------------------------------------------------------------------

class Checks:
    def __init__(self):
        self.failures = []

    def expect(self, what, actual, expected):
        if actual != expected:
            self.failures.append(f"{what}: expected {expected}, got {actual}")

    def post(self, what, result, sent, **expected):
        self.expect(f"{what}: received", result.get("received"), sent)
        for field, value in expected.items():
            self.expect(f"{what}: {field}", result.get(field), value)
        evaluation = result.get("evaluation") or {}
        if "problem" in evaluation or "pupilsEvaluated" not in evaluation:
            self.failures.append(f"{what}: the evaluation after the post did not run: {evaluation}")


def counts(result):
    e = result.get("evaluation") or {}
    return (f"received {result['received']:,}, inserted {result['inserted']:,}, amended {result['amended']:,}, "
            f"unchanged {result['unchanged']:,}; evaluation asOf {e.get('asOf')}: "
            f"{e.get('pupilsEvaluated', 0):,} pupils, {e.get('actionsRaised', 0):,} actions raised")


def main():
    args = parse_args()
    rng = random.Random(args.seed)
    service = Service(args.url, args.user, args.password)
    checks = Checks()

    load_at_start = os.getloadavg()[0]
    reading_started = time.perf_counter()
    export = Export(args.data)
    days, pupils, school = export.days, export.pupils, args.school
    if not 0 < args.baseline_posts < len(days):
        raise BenchFailure(f"--baseline-posts must be between 1 and {len(days) - 1}, the export has {len(days)} days")
    baseline_bodies = [export.csv(d, d + 1) for d in range(args.baseline_posts)]
    year_body, year_marks = export.csv(args.baseline_posts, len(days))
    correction_body = export.corrections(args.corrections, rng)
    day_marks = 2 * pupils
    checks.expect("marks in marks.csv", len(export.lines), day_marks * len(days))
    print(f"Read and split in {time.perf_counter() - reading_started:.1f} s (not timed below): {pupils:,} pupils, "
          f"{len(days)} school days {days[0]} to {days[-1]}, {len(export.lines):,} marks: {args.baseline_posts} "
          f"nightly posts, then {len(days) - args.baseline_posts} days in one post")

    service.call("PUT", f"/api/schools/{school}", json.dumps({"name": "Benchmark school", "policy": POLICY}).encode(),
                 "application/json")
    roll, roll_seconds = service.call("PUT", f"/api/schools/{school}/pupils", export.pupils_body, "application/json")
    checks.expect("pupils created", roll.get("created"), pupils)
    print(f"School '{school}' ({POLICY}) and its roll created; PUT pupils took {roll_seconds:.2f} s")

    rows = []
    nightly = []
    for day, (body, sent) in zip(days, baseline_bodies):
        result, seconds = service.post_marks(school, body, "bench nightly")
        checks.post(f"nightly post {day}", result, sent, inserted=sent)
        nightly.append(seconds)
    baseline_seconds = statistics.median(nightly)
    baseline_marks_rate = day_marks / baseline_seconds
    baseline_pupil_rate = pupils / baseline_seconds
    print(f"Nightly posts: {', '.join(f'{s:.2f}' for s in nightly)} s; last: {counts(result)}")
    rows.append((f"baseline: nightly post (median of {len(nightly)})", day_marks, baseline_seconds,
                 baseline_marks_rate, "marks/s", baseline_marks_rate))

    result, seconds = service.post_marks(school, year_body, "bench year import")
    checks.post("full-year post", result, year_marks, inserted=year_marks, amended=0, unchanged=0)
    peak_after_year = peak_rss_mib(args.pid)
    print(f"Full year: {counts(result)}")
    rows.append(("full year in one request", year_marks, seconds, year_marks / seconds, "marks/s", baseline_marks_rate))

    result, seconds = service.post_marks(school, year_body, "bench year import")
    checks.post("re-post of the year", result, year_marks, inserted=0, amended=0, unchanged=year_marks)
    print(f"Re-post:   {counts(result)}")
    rows.append(("re-post of the same year", year_marks, seconds, year_marks / seconds, "marks/s", baseline_marks_rate))

    result, seconds = service.post_marks(school, correction_body, "bench corrections")
    checks.post("correction batch", result, args.corrections, inserted=0, amended=args.corrections, unchanged=0)
    print(f"Corrections: {counts(result)}")
    rows.append((f"correction batch ({args.corrections:,} amendments)", args.corrections, seconds,
                 args.corrections / seconds, "marks/s", baseline_marks_rate))

    result, seconds = service.call("POST", f"/api/schools/{school}/evaluate?asOf={days[-1]}")
    checks.expect("whole-school evaluation: pupilsEvaluated", result.get("pupilsEvaluated"), pupils)
    evaluated = result.get("pupilsEvaluated") or 0
    print(f"Evaluation asOf {result.get('asOf')}: {evaluated:,} pupils evaluated, "
          f"{result.get('actionsRaised', 0):,} actions raised")
    rows.append((f"whole-school evaluation asOf {days[-1]}", evaluated, seconds, evaluated / seconds, "pupils/s",
                 baseline_pupil_rate))

    print_table(rows, args, peak_after_year, peak_rss_mib(args.pid), load_at_start)
    if checks.failures:
        print("\nFAILED checks:", *checks.failures, sep="\n  ", file=sys.stderr)
        return 1
    return 0


def print_table(rows, args, peak_after_year, peak_at_end, load_at_start):
    print()
    header = f"{'measurement':<44}{'items':>9}{'time':>10}{'rate':>20}{'vs baseline':>13}"
    print(header)
    print("-" * len(header))
    for name, items, seconds, rate, unit, baseline in rows:
        print(f"{name:<44}{items:>9,}{seconds:>9.2f}s{rate:>11,.0f} {unit:<8}{rate / baseline:>12.1f}×")
    print("-" * len(header))
    print("Each marks POST is timed until its response is read, so it includes the evaluation of the affected")
    print("pupils that follows the store (the response's 'evaluation'); the baseline evaluates all pupils too.")
    print("Ratios compare marks/s with the baseline's marks/s; the evaluation's pupils/s is compared with the")
    print("baseline's pupils evaluated per second (every nightly post evaluates the whole roll).")
    print(f"JVM peak resident memory (VmHWM): {peak_after_year:,.0f} MiB after the full-year post, "
          f"{peak_at_end:,.0f} MiB at the end; heap -Xmx{args.xmx}")
    # Other work on the machine skews every figure; the load shows whether it was there.
    print(f"Load average (1 min): {load_at_start:.1f} at the start, {os.getloadavg()[0]:.1f} at the end, "
          f"on {os.cpu_count()} cores")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", required=True)
    parser.add_argument("--pid", required=True, type=int, help="the service's JVM, for its peak resident memory")
    parser.add_argument("--xmx", required=True, help="the -Xmx the JVM was started with, for the report")
    parser.add_argument("--user", default="admin")
    parser.add_argument("--password", default=os.environ.get("BENCH_ADMIN_PASSWORD", ""),
                        help="default: $BENCH_ADMIN_PASSWORD")
    parser.add_argument("--data", required=True, help="the directory DemoExport wrote pupils.json and marks.csv to")
    parser.add_argument("--school", required=True, help="the school id the export was generated for")
    parser.add_argument("--baseline-posts", type=int, default=10)
    parser.add_argument("--corrections", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2024, help="picks the marks the corrections amend")
    return parser.parse_args()


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchFailure as failure:
        print(f"\nFAILED: {failure}", file=sys.stderr)
        sys.exit(1)
    except (OSError, http.client.HTTPException) as failure:
        print(f"\nFAILED: could not talk to the service: {failure}", file=sys.stderr)
        sys.exit(1)
