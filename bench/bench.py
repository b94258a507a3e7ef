#!/usr/bin/env python3
"""The attendance service benchmark; bench/run.sh starts the service, runs this against it and stops it.

Workloads, all on data from the product's own generator (DemoSchoolGenerator, national code mix):
  1. nightly post: one school day's marks for a 1,000-pupil school, evaluation included (latency);
  2. backfill: a school year less the nightly days for a 1,000-pupil school in one post (marks/s),
     against a plain JDBC batch insert of the same rows into the same MariaDB;
  3. a local authority with half a year of marks: each school's first evaluation (every school day judged),
     then nightly passes, each judging every pupil's newest day (pupils/s), split into phases, against
     the same evaluation computing the measures alone;
  4. the service's peak resident memory during 3.
Each figure is the median of several runs, with min and max. Standard library only.
"""

import argparse
import base64
import concurrent.futures
import datetime
import http.client
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time
import urllib.parse

REQUEST_TIMEOUT_S = 1800
CSV_HEADER = "upn,date,session,code"
INGEST_POLICY = "coopers"
LA_PREFIX = "la-"
BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
PROJECT_DIR = os.path.dirname(BENCH_DIR)
RESULTS_FILE = os.path.join(BENCH_DIR, "RESULTS.md")
# Runs at other sizes and their reading, written by people, survive a new run of the default sizes.
KEEP_MARKER = "<!-- Everything below this line is kept when bench/run.sh rewrites this file. -->"

DEFAULTS = {"scales": "25,50,100", "pupils": 1000, "la_days": None, "runs": 3, "ingest_runs": 3, "nightly_runs": 5,
            "concurrency": 2, "year": 2024, "seed": 2024}
QUICK = {"scales": "2,4", "runs": 2, "ingest_runs": 2, "nightly_runs": 3}

# Issue 12's targets, reported, never asserted.
TARGET_NIGHTLY_S = 0.2
TARGET_INGEST_SHARE = 0.8
TARGET_BACKFILL_S = 10.0
TARGET_LA_S = 15.0
TARGET_LA_PUPILS = 100_000
TARGET_HEAP_MIB = 1024
PHASES = [("loadFactsMs", "loading facts"), ("computeMeasuresMs", "computing measures"),
          ("fireRulesMs", "firing rules"), ("storeActionsMs", "storing actions")]


class BenchFailure(Exception):
    pass


# --- Figures ------------------------------------------------------------------------------------------

class Figure:
    """Several runs of one measurement: the median, with min and max."""

    def __init__(self, values):
        if not values:
            raise BenchFailure("a figure with no runs")
        self.values = list(values)
        self.median = statistics.median(self.values)
        self.min = min(self.values)
        self.max = max(self.values)

    def fmt(self, spec, unit=""):
        return [format(v, spec) + unit for v in (self.median, self.min, self.max)]


def sum_timings(results):
    totals = {key: 0 for key, _ in PHASES}
    totals["totalMs"] = 0
    for result in results:
        for key in totals:
            totals[key] += result["timings"][key]
    return totals


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

    def put_json(self, path, value):
        body = value if isinstance(value, bytes) else json.dumps(value).encode()
        return self.call("PUT", path, body, "application/json")

    def post_marks(self, school, body, source):
        return self.call("POST", f"/api/schools/{school}/attendance?source={urllib.parse.quote(source)}", body, "text/csv")

    def evaluate(self, school, as_of, measures_only=False):
        flag = "&measuresOnly=true" if measures_only else ""
        return self.call("POST", f"/api/schools/{school}/evaluate?asOf={as_of}{flag}")


# --- The service process ------------------------------------------------------------------------------

def status_kib(pid, field):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise BenchFailure(f"no {field} in /proc/{pid}/status")


def reset_peak_rss(pid):
    """Makes VmHWM start again from the current RSS (Linux clear_refs 5); False if the kernel refuses."""
    try:
        with open(f"/proc/{pid}/clear_refs", "w") as clear:
            clear.write("5")
        return True
    except OSError:
        return False


def database_pid(service_pid):
    """The embedded MariaDB: the service JVM's child process."""
    try:
        children = subprocess.run(["pgrep", "-P", str(service_pid)], capture_output=True, text=True).stdout.split()
    except OSError:
        return None
    return int(children[0]) if children else None


GC_LINE = re.compile(r"GC\(\d+\) Pause .* (\d+)M->(\d+)M\((\d+)M\)")


def heap_from_gc_log(path, offset):
    """Largest heap in use before a collection and largest kept after one, in MiB, from the log past offset."""
    before, after = 0, 0
    with open(path, encoding="utf-8", errors="replace") as log:
        log.seek(offset)
        for line in log:
            match = GC_LINE.search(line)
            if match:
                before = max(before, int(match.group(1)))
                after = max(after, int(match.group(2)))
    return before, after


# --- Data ---------------------------------------------------------------------------------------------

class Tool:
    """bench/BenchTool.java, compiled once on the service's own classpath."""

    def __init__(self, app, work, jdbc_url):
        self.classpath = f"{app}/app/*:{app}/lib/main/*"
        self.classes = os.path.join(work, "tool")
        self.jdbc_url = jdbc_url
        subprocess.run(["javac", "-nowarn", "-cp", self.classpath, "-d", self.classes,
                        os.path.join(BENCH_DIR, "BenchTool.java")], check=True)

    def run(self, *args):
        done = subprocess.run(["java", "-cp", f"{self.classes}:{self.classpath}", "BenchTool", *map(str, args)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise BenchFailure(f"BenchTool {args[0]} failed: {done.stderr.strip()[-2000:]}")
        lines = done.stdout.strip().splitlines()
        return json.loads(lines[-1]) if lines else None

    def export(self, directory, school, pupils, year, seed):
        done = subprocess.run(["java", "-cp", self.classpath, "uk.attendance.demo.DemoExport", directory, school,
                               str(pupils), str(year), str(seed), "SECONDARY"], capture_output=True, text=True)
        if done.returncode != 0:
            raise BenchFailure(f"DemoExport failed: {done.stderr.strip()[-2000:]}")
        return done.stdout.strip()


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


# --- Workloads ----------------------------------------------------------------------------------------

def check_post(result, sent, what):
    if result.get("received") != sent or result.get("inserted") != sent:
        raise BenchFailure(f"{what}: expected {sent:,} marks inserted, got {result}")
    evaluation = result.get("evaluation") or {}
    if "problem" in evaluation or "timings" not in evaluation:
        raise BenchFailure(f"{what}: the evaluation after the post did not run: {evaluation}")


def local_authority(service, tool, args, as_of, policies, log):
    """Workload 3 (and 4): set up the largest authority, then, for each size, measures-only and evaluation passes."""
    schools = [f"{LA_PREFIX}{s:03d}" for s in range(1, args.schools + 1)]
    la_dir = os.path.join(args.work, "la")
    started = time.perf_counter()
    tool.run("la-pupils", la_dir, LA_PREFIX, args.schools, args.pupils, args.year, args.seed)

    def create(index_school):
        index, school = index_school
        service.put_json(f"/api/schools/{school}", {"name": f"Local authority school {index + 1}",
                                                    "policy": policies[index % len(policies)]})
        with open(os.path.join(la_dir, school + ".json"), "rb") as roll:
            result, _ = service.put_json(f"/api/schools/{school}/pupils", roll.read())
        if result.get("created") != args.pupils:
            raise BenchFailure(f"{school}: expected {args.pupils} pupils created, got {result}")

    with concurrent.futures.ThreadPoolExecutor(args.concurrency) as pool:
        list(pool.map(create, enumerate(schools)))
    rolls_s = time.perf_counter() - started
    loaded = tool.run("la-registers", args.jdbc_url, LA_PREFIX, args.schools, args.pupils, args.la_days, args.year,
                      args.seed, args.concurrency, 1)
    check, check_s = service.call("POST", f"/api/schools/{schools[0]}/registers/verify")
    if not check.get("matches"):
        raise BenchFailure(f"the set-up's compact registers of {schools[0]} differ from its marks: {check}")
    log(f"Local authority set up (not a measured figure): {args.schools} schools and their rolls over HTTP in "
        f"{rolls_s:.0f} s, then {loaded['marks']:,} marks ({args.la_days} school days to {as_of}) written as "
        f"{loaded['rows']:,} compact registers in {loaded['seconds']:.0f} s, with the {loaded['legalRows']:,} marks of "
        f"{schools[0]} also in session_mark; the service's verify of {schools[0]} rebuilt {check['pupilYears']:,} "
        f"compact registers from those marks in {check_s:.1f} s and found them equal")

    def evaluate_all(subset, measures_only):
        def one(school):
            result, _ = service.evaluate(school, as_of, measures_only)
            if result["pupilsEvaluated"] != args.pupils:
                raise BenchFailure(f"{school}: {result['pupilsEvaluated']} pupils evaluated, expected {args.pupils}")
            return result
        begun = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(args.concurrency) as pool:
            results = list(pool.map(one, subset))
        return time.perf_counter() - begun, results

    rss_reset = reset_peak_rss(args.pid)
    db_pid = database_pid(args.pid)
    if db_pid:
        reset_peak_rss(db_pid)
    gc_offset = os.path.getsize(args.gc_log)
    scales = []
    judged = 0  # schools[:judged] have been judged through as_of
    for size in args.scale_list:
        subset = schools[:size]
        # A school's first evaluation judges every school day of the half year from nothing; it is measured once, for
        # the schools new at this size, and leaves them judged.
        first_s, first = evaluate_all(subset[judged:], False)
        first_pass = {"schools": size - judged, "pupils": (size - judged) * args.pupils, "evaluation_s": first_s,
                      "actions": sum(r["actionsRaised"] for r in first), "phases": sum_timings(first)}
        log(f"LA {size} schools, first evaluation of the {size - judged} new ones (every school day judged): "
            f"{first_s:.1f} s, {first_pass['actions']:,} actions raised; phases (summed over schools) {first_pass['phases']}")
        judged = size
        passes = []
        for run in range(args.runs):
            # The night of as_of again: its actions deleted, every pupil judged up to the day before, so each pass judges
            # each pupil's newest day against half a year of marks and the actions of the days before.
            tool.run("reset-day", args.jdbc_url, LA_PREFIX, as_of)
            measures_s, measured = evaluate_all(subset, True)
            evaluation_s, evaluated = evaluate_all(subset, False)
            actions = sum(r["actionsRaised"] for r in evaluated)
            passes.append({"evaluation_s": evaluation_s, "measures_s": measures_s, "actions": actions,
                           "phases": sum_timings(evaluated), "measures_phases": sum_timings(measured)})
            log(f"LA {size} schools, nightly pass {run + 1}: measures only {measures_s:.1f} s, evaluation {evaluation_s:.1f} s, "
                f"{actions:,} actions raised; phases (summed over schools) {passes[-1]['phases']}")
        scales.append({"schools": size, "pupils": size * args.pupils, "passes": passes, "first": first_pass})
    heap_before, heap_after = heap_from_gc_log(args.gc_log, gc_offset)
    return {
        "scales": scales,
        "passes": scales[-1]["passes"],
        "pupils": scales[-1]["pupils"],
        "marks": loaded["marks"],
        "setup_s": rolls_s + loaded["seconds"],
        "rss_mib": status_kib(args.pid, "VmHWM") / 1024,
        "rss_since": "the first pass" if rss_reset else "the service's start (clear_refs refused)",
        "db_rss_mib": status_kib(db_pid, "VmHWM") / 1024 if db_pid else None,
        "heap_before_gc_mib": heap_before,
        "heap_after_gc_mib": heap_after,
    }


def ingest(service, tool, args, export, log):
    """Workload 2: the backfill, each run into a new school, paired with a JDBC insert of the same rows."""
    backfill_days = len(export.days) - args.nightly_runs
    body, marks = export.csv(0, backfill_days)
    body_file = os.path.join(args.work, "backfill.csv")
    with open(body_file, "wb") as out:
        out.write(body)
    runs = []
    for run in range(1, args.ingest_runs + 1):
        school = f"bench-{run}"
        service.put_json(f"/api/schools/{school}", {"name": f"Benchmark school {run}", "policy": INGEST_POLICY})
        roll, _ = service.put_json(f"/api/schools/{school}/pupils", export.pupils_body)
        if roll.get("created") != export.pupils:
            raise BenchFailure(f"{school}: expected {export.pupils} pupils created, got {roll}")
        jdbc = tool.run("jdbc-baseline", args.jdbc_url, school, body_file)
        if jdbc["rows"] != marks:
            raise BenchFailure(f"JDBC baseline inserted {jdbc['rows']:,} rows, expected {marks:,}")
        result, seconds = service.post_marks(school, body, "benchmark backfill")
        check_post(result, marks, f"backfill into {school}")
        evaluation_s = result["evaluation"]["timings"]["totalMs"] / 1000
        runs.append({"post_s": seconds, "evaluation_s": evaluation_s, "store_s": seconds - evaluation_s,
                     "jdbc_s": jdbc["seconds"], "actions": result["evaluation"]["actionsRaised"]})
        log(f"Backfill {run}: {marks:,} marks in {seconds:.2f} s (its evaluation {evaluation_s:.2f} s, "
            f"{runs[-1]['actions']:,} actions); JDBC baseline {jdbc['seconds']:.2f} s")
    return {"marks": marks, "days": backfill_days, "runs": runs,
            "one_date": one_date_backfill(service, export, body, marks, export.days[backfill_days - 1], log)}


def one_date_backfill(service, export, body, marks, last_day, log):
    """The same backfill into a school whose actions start on its last day: its evaluation judges that one date.

    Needs a school's actionsFrom (issue 11); without it every evaluation judges one date and this is skipped."""
    school = "bench-one-date"
    view, _ = service.put_json(f"/api/schools/{school}", {"name": "Benchmark school, one date judged",
                                                          "policy": INGEST_POLICY, "actionsFrom": last_day})
    if view.get("actionsFrom") != last_day:
        log("One-date backfill skipped: this service has no actionsFrom, so every evaluation judges one date")
        return None
    roll, _ = service.put_json(f"/api/schools/{school}/pupils", export.pupils_body)
    if roll.get("created") != export.pupils:
        raise BenchFailure(f"{school}: expected {export.pupils} pupils created, got {roll}")
    result, seconds = service.post_marks(school, body, "benchmark backfill, one date")
    check_post(result, marks, f"backfill into {school}")
    evaluation_s = result["evaluation"]["timings"]["totalMs"] / 1000
    log(f"One-date backfill: {marks:,} marks in {seconds:.2f} s, its evaluation as of {last_day} alone {evaluation_s:.2f} s "
        f"({result['evaluation']['actionsRaised']:,} actions)")
    return {"post_s": seconds, "evaluation_s": evaluation_s}


def nightly(service, export, args, log):
    """Workload 1: the last school days of the year, one post each, into the first backfilled school."""
    posts = []
    for day in range(len(export.days) - args.nightly_runs, len(export.days)):
        body, marks = export.csv(day, day + 1)
        result, seconds = service.post_marks("bench-1", body, "benchmark nightly")
        check_post(result, marks, f"nightly post {export.days[day]}")
        posts.append({"seconds": seconds, "evaluation_s": result["evaluation"]["timings"]["totalMs"] / 1000,
                      "timings": result["evaluation"]["timings"], "day": export.days[day],
                      "actions": result["evaluation"]["actionsRaised"]})
        log(f"Nightly post {export.days[day]}: {marks:,} marks in {seconds:.3f} s, evaluation "
            f"{result['evaluation']['timings']}, {result['evaluation']['actionsRaised']} actions")
    return {"marks": 2 * export.pupils, "posts": posts}


# --- Report -------------------------------------------------------------------------------------------

def verdict(met):
    return "met" if met else "MISSED"


def report(args, la, backfill, night, context):
    rows = []  # (label, median, min, max, note)

    def add(label, figure, spec, unit, note=""):
        rows.append((label, *figure.fmt(spec, unit), note))

    latency = Figure([p["seconds"] for p in night["posts"]])
    add(f"1. nightly post, {args.pupils:,} pupils ({night['marks']:,} marks), evaluation included", latency, ".3f", " s",
        f"target < {TARGET_NIGHTLY_S:.1f} s: {verdict(latency.median < TARGET_NIGHTLY_S)}")
    add("   of which its evaluation", Figure([p["evaluation_s"] for p in night["posts"]]), ".3f", " s")

    runs = backfill["runs"]
    marks = backfill["marks"]
    post_time = Figure([r["post_s"] for r in runs])
    add(f"2. backfill: {marks:,} marks ({backfill['days']} school days) in one post, evaluation included", post_time,
        ".2f", " s", f"target < {TARGET_BACKFILL_S:.0f} s: {verdict(post_time.median < TARGET_BACKFILL_S)}")
    add("   of which its evaluation", Figure([r["evaluation_s"] for r in runs]), ".2f", " s",
        "every school day judged" if backfill["one_date"] else "as of its last day (no day-by-day judging here)")
    if backfill["one_date"]:
        add("   baseline: the same post, evaluation as of its last day alone", Figure([backfill["one_date"]["evaluation_s"]]),
            ".2f", " s", "1 run")
    add("   rate, evaluation included", Figure([marks / r["post_s"] for r in runs]), ",.0f", " marks/s")
    add("   ingest: the post without its evaluation", Figure([marks / r["store_s"] for r in runs]), ",.0f", " marks/s")
    add("   baseline: plain JDBC batch insert, same rows", Figure([marks / r["jdbc_s"] for r in runs]), ",.0f", " marks/s")
    share = Figure([r["jdbc_s"] / r["store_s"] for r in runs])
    add("   ingest / JDBC baseline (per run)", Figure([100 * v for v in share.values]), ".0f", " %",
        f"target >= {TARGET_INGEST_SHARE:.0%}: {verdict(share.median >= TARGET_INGEST_SHARE)}")

    for index, scale in enumerate(la["scales"]):
        passes = scale["passes"]
        pupils = scale["pupils"]
        la_time = Figure([p["evaluation_s"] for p in passes])
        note = ""
        if index == len(la["scales"]) - 1:
            note = (f"target < {TARGET_LA_S:.0f} s: {verdict(la_time.median < TARGET_LA_S)}" if pupils >= TARGET_LA_PUPILS else
                    f"target {TARGET_LA_PUPILS:,} pupils < {TARGET_LA_S:.0f} s: needs "
                    f">= {TARGET_LA_PUPILS / TARGET_LA_S:,.0f} pupils/s")
        add(f"3. local authority: {scale['schools']} schools, {pupils:,} pupils, nightly", la_time, ".1f", " s", note)
        add("   rate", Figure([pupils / p["evaluation_s"] for p in passes]), ",.0f", " pupils/s")
        first = scale["first"]
        add(f"   first evaluation of the {first['schools']} schools new at this size, every school day judged",
            Figure([first["evaluation_s"]]), ".1f", " s", "1 run")
        add("   rate, first evaluation", Figure([first["pupils"] / first["evaluation_s"]]), ",.0f", " pupils/s",
            f"{args.la_days} school days each")
    if len(la["scales"]) > 1:
        first, last = la["scales"][0], la["scales"][-1]
        rate = lambda scale: statistics.median(scale["pupils"] / p["evaluation_s"] for p in scale["passes"])
        rows.append((f"   rate at {last['schools']} schools / rate at {first['schools']} (median passes)",
                     f"{rate(last) / rate(first):.2f} x", "", "", "flat is 1.00 x"))
    passes = la["passes"]
    pupils = la["pupils"]
    for key, name in PHASES:
        add(f"   {name} (share of the summed evaluation time, largest size)",
            Figure([100 * p["phases"][key] / p["phases"]["totalMs"] for p in passes]), ".0f", " %")
    add("   other (transactions, roll, calendar)", Figure([100 * (p["phases"]["totalMs"] - sum(
        p["phases"][k] for k, _ in PHASES)) / p["phases"]["totalMs"] for p in passes]), ".0f", " %")
    add("   baseline: measures alone, same schools", Figure([p["measures_s"] for p in passes]), ".1f", " s")
    rules_cost = Figure([p["evaluation_s"] / p["measures_s"] for p in passes])
    add("   evaluation / measures alone (per run)", rules_cost, ".2f", " x")
    add("   actions raised per nightly pass", Figure([p["actions"] for p in passes]), ",.0f", "")
    heap_ok = la["heap_before_gc_mib"] < TARGET_HEAP_MIB
    rows.append((f"4. peak RSS of the service JVM during 3 (since {la['rss_since']})", f"{la['rss_mib']:,.0f} MiB", "", "",
                 f"-Xmx{args.xmx}"))
    rows.append(("   heap in use: most before a GC / most kept after one", f"{la['heap_before_gc_mib']:,} MiB",
                 f"{la['heap_after_gc_mib']:,} MiB", "", f"target < {TARGET_HEAP_MIB // 1024} GB heap: {verdict(heap_ok)}"))
    if la["db_rss_mib"]:
        rows.append(("   peak RSS of the embedded MariaDB during 3", f"{la['db_rss_mib']:,.0f} MiB", "", "", ""))

    widths = [max(len(r[i]) for r in rows + [("figure", "median", "min", "max", "")]) for i in range(5)]
    lines = [f"{'figure':<{widths[0]}}  {'median':>{widths[1]}}  {'min':>{widths[2]}}  {'max':>{widths[3]}}  note",
             "-" * (sum(widths) + 10)]
    for label, median, low, high, note in rows:
        lines.append(f"{label:<{widths[0]}}  {median:>{widths[1]}}  {low:>{widths[2]}}  {high:>{widths[3]}}  {note}")

    phase_s = {name: statistics.median(p["phases"][key] for p in passes) / 1000 for key, name in PHASES}
    dominant = max(phase_s, key=phase_s.get)
    nightly_phases = {name: statistics.median(p["timings"][key] for p in night["posts"]) for key, name in PHASES}
    summary = [
        "Nightly post, median ms of its evaluation's phases: " + ", ".join(f"{n} {ms:.0f}" for n, ms in nightly_phases.items())
        + f"; the rest of the post (reading, checking and storing the marks) "
        f"{1000 * (latency.median - statistics.median(p['evaluation_s'] for p in night['posts'])):.0f} ms.",
        f"Phase times are the service's own (EvaluationTimings), summed over the schools; with "
        f"{args.concurrency} schools evaluated at once they add up to more than the wall time.",
        "Local authority, median phase seconds per nightly pass: " + ", ".join(f"{n} {s:.1f}" for n, s in phase_s.items())
        + f"; the largest is {dominant}.",
        f"Rules' own cost: evaluation takes {rules_cost.median:.2f}x the time of computing the measures alone.",
    ]
    return "\n".join(lines + ["-" * (sum(widths) + 10)] + summary)


def markdown(table, args, context):
    return "\n".join([
        "# Benchmark results",
        "",
        f"`bench/run.sh {' '.join(context['argv'])}`".replace(" `", "`") + f" on {context['date']}, "
        f"commit `{context['commit']}`.",
        "",
        f"Machine: {context['cores']} cores, {context['memory_gib']:.1f} GiB memory, {context['cpu']}; "
        f"{context['java']}; Python {platform.python_version()}. Service heap -Xmx{args.xmx}, embedded MariaDB.",
        f"Load average (1 min) {context['load_start']:.1f} at the start and {context['load_end']:.1f} at the end; "
        f"the whole run took {context['wall_s'] / 60:.1f} min after the service was ready.",
        f"Sizes: local authority {', '.join(map(str, args.scale_list))} schools x {args.pupils:,} secondary pupils, "
        f"{args.la_days} school days, "
        f"{args.runs} passes, {args.concurrency} schools evaluated at once; {args.ingest_runs} backfills; "
        f"{args.nightly_runs} nightly posts.",
        "",
        "```",
        table,
        "```",
        "",
        "Log of the run:",
        "",
        "```",
        *context["log"],
        "```",
        "",
    ])


# --- Main ---------------------------------------------------------------------------------------------

def machine_context():
    memory_kib = 0
    with open("/proc/meminfo") as meminfo:
        for line in meminfo:
            if line.startswith("MemTotal:"):
                memory_kib = int(line.split()[1])
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()
    commit = subprocess.run(["git", "-C", PROJECT_DIR, "describe", "--always", "--dirty"], capture_output=True,
                            text=True).stdout.strip() or "unknown"
    return {"cores": os.cpu_count(), "memory_gib": memory_kib / 1024 / 1024, "cpu": cpu,
            "java": java[1] if len(java) > 1 else "java ?", "commit": commit}


def main(argv):
    args = parse_args(argv)
    if args.plan_only:
        print(f"Plan: local authority of {', '.join(map(str, args.scale_list))} schools x {args.pupils:,} pupils, "
              f"{args.la_days or 'half a year of'} school days, {args.runs} evaluation runs ({args.concurrency} at once); "
              f"{args.ingest_runs} backfill runs; {args.nightly_runs} nightly posts.")
        return 0
    started = time.perf_counter()
    context = {"argv": argv_for_report(argv), "date": datetime.date.today().isoformat(),
               "load_start": os.getloadavg()[0], **machine_context()}
    log_lines = []

    def log(line):
        print(line, flush=True)
        log_lines.append(line)

    service = Service(args.url, args.user, args.password)
    tool = Tool(args.app, args.work, args.jdbc_url)
    export_dir = os.path.join(args.work, "export")
    log(tool.export(export_dir, "bench-1", args.pupils, args.year, args.seed))
    export = Export(export_dir)
    if not 0 < args.nightly_runs < len(export.days):
        raise BenchFailure(f"--nightly-runs must be between 1 and {len(export.days) - 1}")
    if args.la_days is None:
        args.la_days = (len(export.days) + 1) // 2
    if not 0 < args.la_days <= len(export.days):
        raise BenchFailure(f"--la-days must be between 1 and {len(export.days)}")
    policies, _ = service.call("GET", "/api/policies")
    usable = sorted(p["id"] for p in policies if p.get("status") == "LOADED")
    if not usable:
        raise BenchFailure(f"no usable policy: {policies}")

    la = local_authority(service, tool, args, export.days[args.la_days - 1], usable, log)
    backfill = ingest(service, tool, args, export, log)
    night = nightly(service, export, args, log)

    context["load_end"] = os.getloadavg()[0]
    context["wall_s"] = time.perf_counter() - started
    context["log"] = log_lines
    table = report(args, la, backfill, night, context)
    print()
    print(table)
    print(f"\nLoad average (1 min): {context['load_start']:.1f} at the start, {context['load_end']:.1f} at the end, "
          f"on {context['cores']} cores; {context['wall_s'] / 60:.1f} min after the service was ready.")
    out = args.out if args.out is not None else (RESULTS_FILE if context["argv"] == [] else "")
    if out:
        kept = ""
        if os.path.exists(out):
            with open(out, encoding="utf-8") as previous:
                text = previous.read()
            if KEEP_MARKER in text:
                kept = "\n" + text[text.index(KEEP_MARKER):]
        with open(out, "w", encoding="utf-8") as results:
            results.write(markdown(table, args, context) + kept)
        print(f"Written to {out}")
    return 0


def argv_for_report(argv):
    """The user's flags, without those run.sh adds."""
    internal = {"--url", "--pid", "--xmx", "--user", "--app", "--work", "--jdbc-url", "--gc-log", "--password"}
    kept, skip = [], False
    for arg in argv:
        if skip:
            skip = False
        elif arg in internal:
            skip = True
        else:
            kept.append(arg)
    return kept


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="bench/run.sh", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sizes = parser.add_argument_group("sizes and runs")
    sizes.add_argument("--quick", action="store_true",
                       help="a smaller run: " + ", ".join(f"--{k.replace('_', '-')} {v}" for k, v in QUICK.items()))
    sizes.add_argument("--scales", help="local-authority sizes in schools, evaluated in turn on one authority set up at "
                                        f"the largest (default {DEFAULTS['scales']})")
    sizes.add_argument("--schools", type=int, help="one local-authority size, instead of --scales")
    sizes.add_argument("--pupils", type=int, help=f"pupils per school, every workload (default {DEFAULTS['pupils']})")
    sizes.add_argument("--la-days", type=int, help="school days of marks for the local authority (default: half the year)")
    sizes.add_argument("--runs", type=int, help=f"evaluation runs of the local authority (default {DEFAULTS['runs']})")
    sizes.add_argument("--ingest-runs", type=int, help=f"backfill runs (default {DEFAULTS['ingest_runs']})")
    sizes.add_argument("--nightly-runs", type=int, help=f"nightly posts (default {DEFAULTS['nightly_runs']})")
    sizes.add_argument("--concurrency", type=int, help=f"schools evaluated at once (default {DEFAULTS['concurrency']})")
    sizes.add_argument("--year", type=int, help=f"academic year start (default {DEFAULTS['year']})")
    sizes.add_argument("--seed", type=int, help=f"generator seed (default {DEFAULTS['seed']})")
    parser.add_argument("--out", help="write the results as Markdown here (default: bench/RESULTS.md for a run with no "
                                      "flags, nowhere otherwise)")
    parser.add_argument("--plan-only", action="store_true", help=argparse.SUPPRESS)
    internal = parser.add_argument_group("set by run.sh")
    for name in ("--url", "--app", "--work", "--jdbc-url", "--gc-log"):
        internal.add_argument(name)
    internal.add_argument("--pid", type=int)
    internal.add_argument("--xmx", default="1g")
    internal.add_argument("--user", default="admin")
    internal.add_argument("--password", default=os.environ.get("BENCH_ADMIN_PASSWORD", ""))
    args = parser.parse_args(argv)
    if args.schools is not None:
        args.scales = str(args.schools)
    for key, value in DEFAULTS.items():
        if getattr(args, key) is None:
            setattr(args, key, QUICK.get(key, value) if args.quick else value)
    try:
        args.scale_list = sorted({int(size) for size in args.scales.split(",")})
    except ValueError:
        parser.error(f"--scales must be numbers of schools separated by commas, not {args.scales!r}")
    args.schools = args.scale_list[-1]
    for key in ("schools", "pupils", "runs", "ingest_runs", "nightly_runs", "concurrency"):
        if getattr(args, key) < 1:
            parser.error(f"--{key.replace('_', '-')} must be at least 1")
    if not args.plan_only and not all((args.url, args.app, args.work, args.jdbc_url, args.gc_log, args.pid)):
        parser.error("run it through bench/run.sh, which starts the service")
    return args


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except BenchFailure as failure:
        print(f"\nFAILED: {failure}", file=sys.stderr)
        sys.exit(1)
    except (OSError, http.client.HTTPException) as failure:
        print(f"\nFAILED: could not talk to the service: {failure}", file=sys.stderr)
        sys.exit(1)
