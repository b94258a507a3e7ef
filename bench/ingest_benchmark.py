#!/usr/bin/env python3
"""Drives the ingest benchmark against a running service; bench/ingest-benchmark.sh starts and stops it.

Generates a 1,000-pupil secondary school and its 2024/25 register, then times the REST calls
and prints each rate with its ratio to the nightly-post baseline measured in the same run.
Standard library only.
"""

import argparse
import base64
import http.client
import json
import math
import os
import random
import statistics
import sys
import time
import urllib.parse
from datetime import date, timedelta

SCHOOL = "bench"
POLICY = "coopers"
ACADEMIC_YEAR_START = 2024
YEAR_GROUPS = range(7, 12)
REQUEST_TIMEOUT_S = 900

UPN_ALPHABET = "ABCDEFGHJKLMNPQRTUVWXYZ"

# Share of possible sessions by code, England 2025/26 (DOMAIN.md); '/' and '\' take the rest.
SHARE = {
    "L": 0.019, "I": 0.032, "C": 0.0042, "M": 0.0034, "C2": 0.0027, "E": 0.0015, "R": 0.0006,
    "S": 0.0005, "V": 0.0073, "B": 0.0025, "W": 0.0014, "P": 0.0011, "K": 0.0005,
    "O": 0.0165, "G": 0.0043, "U": 0.0023, "N": 0.0005,
}
AUTHORISED = {"C1", "M", "J1", "S", "C2", "C", "T", "R", "I", "E"}
UNAUTHORISED = {"G", "N", "O", "U"}
ABSENCE = AUTHORISED | UNAUTHORISED
NATIONAL_ABSENCE = sum(share for code, share in SHARE.items() if code in ABSENCE)
# Secondary schools miss 8.6% of sessions against 6.9% overall (2024/25).
SECONDARY_SCALE = 0.086 / NATIONAL_ABSENCE
# Spread of each pupil's log-normal absence propensity: about a quarter of pupils end up
# persistently absent, as in secondary schools, while most barely miss a session.
ABSENCE_SPREAD = 1.2
LATENESS_SPREAD = 1.0
MAX_ABSENCE_RATE = 0.95

# Episode length in days (weights) per reason, and the chance that an episode is a single session.
EPISODES = {
    "I": ({1: 55, 2: 25, 3: 10, 4: 4, 5: 3, 8: 2, 10: 1}, 0.1),
    "O": ({1: 60, 2: 25, 3: 15}, 0.4),
    "C": ({1: 60, 2: 30, 3: 10}, 0.0),
    "M": ({1: 1}, 1.0),
    "R": ({1: 1}, 0.0),
    "E": ({1: 40, 2: 25, 3: 20, 5: 15}, 0.0),
    "S": ({3: 40, 5: 60}, 0.0),
    "N": ({1: 1}, 1.0),
}
PART_TIME_TIMETABLE_WEEKS = (2, 6)
HOLIDAY_DAYS = (4, 10)
N_WINDOW_DAYS = 5  # N must be resolved within 5 school days, so only the last days still carry it.
TRIP_DAYS_PER_YEAR_GROUP = 3
TRIP_PARTY = 0.5
WORK_EXPERIENCE_YEAR, WORK_EXPERIENCE_CHANCE, WORK_EXPERIENCE_DAYS = 10, 0.5, 5
OTHER_ACTIVITIES = {code: SHARE[code] for code in ("B", "P", "K")}
OTHER_ACTIVITY_SHARE = sum(OTHER_ACTIVITIES.values())


class BenchFailure(Exception):
    pass


# --- Calendar and roll ----------------------------------------------------------------------------

def weekdays(first, last):
    days, day = [], first
    while day <= last:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


def easter_sunday(year):
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def next_weekday(day, weekday):
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def school_days(start_year):
    """Six half terms as DemoSchoolGenerator draws them: October, February and May half terms,
    two weeks at Christmas and Easter, the early May bank holiday off, ending 22 July."""
    end_year = start_year + 1
    first = date(start_year, 9, 3)
    if first.weekday() >= 5:
        first = next_weekday(first, 0)
    autumn1_end = next_weekday(first, 4) + timedelta(weeks=6)
    autumn_end = date(start_year, 12, 20) - timedelta(days=(date(start_year, 12, 20).weekday() - 4) % 7)
    february_half_term = next_weekday(date(end_year, 2, 1), 0) + timedelta(weeks=2)
    easter_holidays = easter_sunday(end_year) - timedelta(days=6)
    may_half_term = date(end_year, 5, 31) - timedelta(days=date(end_year, 5, 31).weekday())
    bank_holiday = next_weekday(date(end_year, 5, 1), 0)
    days = (weekdays(first, autumn1_end)
            + weekdays(autumn1_end + timedelta(days=10), autumn_end)
            + weekdays(autumn_end + timedelta(days=17), february_half_term - timedelta(days=3))
            + weekdays(february_half_term + timedelta(weeks=1), easter_holidays - timedelta(days=3))
            + weekdays(easter_holidays + timedelta(weeks=2), may_half_term - timedelta(days=3))
            + weekdays(may_half_term + timedelta(weeks=1), date(end_year, 7, 22)))
    days.remove(bank_holiday)
    return days


def check_letter(last12):
    total = sum((int(c) if c.isdigit() else UPN_ALPHABET.index(c)) * (i + 2) for i, c in enumerate(last12))
    return UPN_ALPHABET[total % 23]


def upn(last12):
    return check_letter(last12) + last12


def make_pupils(count, rng):
    """Even over Years 7-11; each UPN as allocated when the pupil joined Reception."""
    la, establishment = rng.randint(201, 938), rng.randint(4000, 4899)
    given = ["Pupil", "Student", "Learner"]
    pupils, serial_by_year = [], {}
    for i in range(count):
        year_group = YEAR_GROUPS[0] + i * len(YEAR_GROUPS) // count
        allocated = ACADEMIC_YEAR_START - year_group
        serial = serial_by_year.get(allocated, 0) + 1
        serial_by_year[allocated] = serial
        born_from = date(ACADEMIC_YEAR_START - year_group - 5, 9, 1)
        parents = [{"parentId": f"BP{i:04d}-1", "name": f"Parent {i + 1} A"}]
        if rng.random() < 0.7:
            parents.append({"parentId": f"BP{i:04d}-2", "name": f"Parent {i + 1} B"})
        pupils.append({
            "upn": upn(f"{la:03d}{establishment:04d}{allocated % 100:02d}{serial:03d}"),
            "givenName": rng.choice(given),
            "familyName": f"Bench{i + 1:04d}",
            "dateOfBirth": (born_from + timedelta(days=rng.randrange(365))).isoformat(),
            "yearGroup": year_group,
            "characteristics": [c for c, p in (("SEND", 0.13), ("FSM", 0.25), ("EAL", 0.2)) if rng.random() < p],
            "parents": parents,
        })
    return pupils


# --- Register ---------------------------------------------------------------------------------------

def log_normal_mean_one(rng, sigma):
    return math.exp(rng.gauss(-sigma * sigma / 2, sigma))


def weighted(rng, weights):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def mean_episode_sessions(reason):
    lengths, single = EPISODES[reason]
    mean_days = sum(d * w for d, w in lengths.items()) / sum(lengths.values())
    return single + (1 - single) * 2 * mean_days


class Register:
    """The school's codes: codes[p][2 * day + session], session 0 = AM, 1 = PM."""

    def __init__(self, pupils, days, rng):
        self.days = days
        self.sessions = 2 * len(days)
        breaks = [i for i in range(1, len(days)) if (days[i] - days[i - 1]).days > 3]
        # Term-time holidays are booked around the school holidays.
        self.holiday_anchors = [(b - 1, True) for b in breaks] + [(b, False) for b in breaks]
        self.trip_days = {y: rng.sample(range(len(days)), TRIP_DAYS_PER_YEAR_GROUP) for y in YEAR_GROUPS}
        summer2 = breaks[-1]
        self.codes = [self._pupil(p, rng, summer2) for p in pupils]

    def _pupil(self, pupil, rng, summer2):
        codes = [None] * self.sessions
        year_group = pupil["yearGroup"]
        self._holiday(codes, rng)
        self._absence(codes, year_group, log_normal_mean_one(rng, ABSENCE_SPREAD), rng)
        for day in self.trip_days[year_group]:
            if rng.random() < TRIP_PARTY:
                self._fill(codes, "V", 2 * day, 2 * day + 2)
        if year_group == WORK_EXPERIENCE_YEAR and rng.random() < WORK_EXPERIENCE_CHANCE:
            first = rng.randrange(summer2, len(self.days) - WORK_EXPERIENCE_DAYS)
            self._fill(codes, "W", 2 * first, 2 * (first + WORK_EXPERIENCE_DAYS))
        lateness = log_normal_mean_one(rng, LATENESS_SPREAD)
        late = min(0.5, lateness * SHARE["L"] * 2)
        after_close = min(0.5, lateness * SHARE["U"] * SECONDARY_SCALE * 2)
        for s in range(self.sessions):
            if codes[s] is not None:
                continue
            morning = s % 2 == 0
            arrival, activity = rng.random(), rng.random()
            if morning and arrival < late:
                codes[s] = "L"
            elif morning and arrival < late + after_close:
                codes[s] = "U"
            elif activity < OTHER_ACTIVITY_SHARE:
                codes[s] = weighted(rng, OTHER_ACTIVITIES)
            else:
                codes[s] = "/" if morning else "\\"
        return codes

    def _holiday(self, codes, rng):
        mean_days = sum(HOLIDAY_DAYS) / 2
        if rng.random() >= SHARE["G"] * SECONDARY_SCALE * self.sessions / (2 * mean_days):
            return
        anchor, before_break = rng.choice(self.holiday_anchors)
        length = rng.randint(*HOLIDAY_DAYS)
        first = anchor - length + 1 if before_break else anchor
        first = max(0, min(first, len(self.days) - length))
        self._fill(codes, "G", 2 * first, 2 * (first + length))

    def _absence(self, codes, year_group, weight, rng):
        reasons = {r: SHARE[r] for r in EPISODES if r != "S" or year_group == 11}
        reasons["C2"] = SHARE["C2"]
        rate = min(MAX_ABSENCE_RATE, weight * SECONDARY_SCALE * sum(reasons.values()))
        episode_weights = {r: s / (self._c2_sessions() if r == "C2" else mean_episode_sessions(r))
                           for r, s in reasons.items()}
        remaining = round(rate * self.sessions)
        attempts = 20 + 10 * remaining
        while remaining > 0 and attempts > 0:
            attempts -= 1
            remaining -= self._episode(codes, weighted(rng, episode_weights), remaining, rng)

    def _c2_sessions(self):
        return sum(PART_TIME_TIMETABLE_WEEKS) / 2 * 5

    def _episode(self, codes, reason, limit, rng):
        days = len(self.days)
        if reason == "C2":  # a part-time timetable: afternoons off for some weeks
            first = rng.randrange(days)
            weeks = rng.randint(*PART_TIME_TIMETABLE_WEEKS)
            sessions = range(2 * first + 1, min(self.sessions, 2 * (first + 5 * weeks)), 2)
            return self._fill_sessions(codes, reason, sessions, limit)
        lengths, single = EPISODES[reason]
        window = N_WINDOW_DAYS if reason == "N" else days
        first = days - window + rng.randrange(window)
        if rng.random() < single:
            return self._fill_sessions(codes, reason, [2 * first + rng.randrange(2)], limit)
        last = min(days, first + weighted(rng, lengths))
        return self._fill_sessions(codes, reason, range(2 * first, 2 * last), limit)

    def _fill(self, codes, code, start, end):
        self._fill_sessions(codes, code, range(start, min(end, self.sessions)), self.sessions)

    @staticmethod
    def _fill_sessions(codes, code, sessions, limit):
        filled = 0
        for s in sessions:
            if filled >= limit:
                break
            if codes[s] is None:
                codes[s] = code
                filled += 1
        return filled

    def csv(self, upns, day_indexes):
        lines = ["upn,date,session,code"]
        for d in day_indexes:
            iso = self.days[d].isoformat()
            for half, session in ((0, "AM"), (1, "PM")):
                s = 2 * d + half
                lines.extend(f"{u},{iso},{session},{c[s]}" for u, c in zip(upns, self.codes))
        return ("\n".join(lines) + "\n").encode()

    def profile(self):
        """Absence %, persistent and severe absence shares, as the DfE measures them."""
        absent_total = possible_total = pa = sa = 0
        for c in self.codes:
            absent = sum(1 for code in c if code in ABSENCE)
            absent_total += absent
            possible_total += len(c)
            pa += absent >= 0.1 * len(c)
            sa += absent >= 0.5 * len(c)
        return absent_total / possible_total, pa / len(self.codes), sa / len(self.codes)


def corrections(register, upns, count, rng):
    """Amendments a school makes later: evidence of illness for an O, an appointment for a present mark."""
    replacement = {"O": "I", "N": "O", "I": "M", "G": "O", "/": "M", "\\": "M", "L": "U", "U": "L"}
    chosen = set()
    while len(chosen) < count:
        chosen.add((rng.randrange(len(upns)), rng.randrange(register.sessions)))
    lines = ["upn,date,session,code"]
    for p, s in sorted(chosen, key=lambda k: (k[1], k[0])):
        old = register.codes[p][s]
        lines.append(f"{upns[p]},{register.days[s // 2].isoformat()},{'AM' if s % 2 == 0 else 'PM'},"
                     f"{replacement.get(old, 'O' if old != 'O' else 'I')}")
    return ("\n".join(lines) + "\n").encode()


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

    def post_marks(self, body, source):
        path = f"/api/schools/{SCHOOL}/attendance?source={urllib.parse.quote(source)}"
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
    generation_started = time.perf_counter()
    pupils = make_pupils(args.pupils, rng)
    upns = [p["upn"] for p in pupils]
    days = school_days(ACADEMIC_YEAR_START)
    register = Register(pupils, days, rng)
    baseline_days = range(args.baseline_posts)
    year_days = range(args.baseline_posts, len(days))
    baseline_bodies = [register.csv(upns, [d]) for d in baseline_days]
    year_body = register.csv(upns, year_days)
    correction_body = corrections(register, upns, args.corrections, rng)
    pupils_body = json.dumps(pupils).encode()
    absence, pa, sa = register.profile()
    year_marks = 2 * len(pupils) * len(year_days)
    all_marks = 2 * len(pupils) * len(days)
    print(f"Generated in {time.perf_counter() - generation_started:.1f} s (not timed below): {len(pupils):,} pupils "
          f"in Years 7-11, {len(days)} school days {days[0]} to {days[-1]}, {all_marks:,} marks; "
          f"absence {100 * absence:.1f}%, persistently absent {100 * pa:.1f}%, severely absent {100 * sa:.1f}% "
          f"(secondary, England 2024/25: 8.6%, 24.3%)")

    service.call("PUT", f"/api/schools/{SCHOOL}", json.dumps({"name": "Benchmark secondary", "policy": POLICY}).encode(),
                 "application/json")
    roll, roll_seconds = service.call("PUT", f"/api/schools/{SCHOOL}/pupils", pupils_body, "application/json")
    checks.expect("pupils created", roll.get("created"), len(pupils))
    print(f"School '{SCHOOL}' ({POLICY}) and its roll created; PUT pupils took {roll_seconds:.2f} s")

    rows = []
    nightly = []
    for d, body in zip(baseline_days, baseline_bodies):
        result, seconds = service.post_marks(body, "bench nightly")
        marks = 2 * len(pupils)
        checks.post(f"nightly post {days[d]}", result, marks, inserted=marks)
        nightly.append(seconds)
    baseline_seconds = statistics.median(nightly)
    baseline_marks_rate = 2 * len(pupils) / baseline_seconds
    baseline_pupil_rate = len(pupils) / baseline_seconds
    print(f"Nightly posts: {', '.join(f'{s:.2f}' for s in nightly)} s; last: {counts(result)}")
    rows.append((f"baseline: nightly post (median of {len(nightly)})", 2 * len(pupils), baseline_seconds,
                 baseline_marks_rate, "marks/s", baseline_marks_rate))

    result, seconds = service.post_marks(year_body, "bench year import")
    checks.post("full-year post", result, year_marks, inserted=year_marks, amended=0, unchanged=0)
    peak_after_year = peak_rss_mib(args.pid)
    print(f"Full year: {counts(result)}")
    rows.append(("full year in one request", year_marks, seconds, year_marks / seconds, "marks/s", baseline_marks_rate))

    result, seconds = service.post_marks(year_body, "bench year import")
    checks.post("re-post of the year", result, year_marks, inserted=0, amended=0, unchanged=year_marks)
    print(f"Re-post:   {counts(result)}")
    rows.append(("re-post of the same year", year_marks, seconds, year_marks / seconds, "marks/s", baseline_marks_rate))

    result, seconds = service.post_marks(correction_body, "bench corrections")
    checks.post("correction batch", result, args.corrections, inserted=0, amended=args.corrections, unchanged=0)
    print(f"Corrections: {counts(result)}")
    rows.append((f"correction batch ({args.corrections:,} amendments)", args.corrections, seconds,
                 args.corrections / seconds, "marks/s", baseline_marks_rate))

    result, seconds = service.call("POST", f"/api/schools/{SCHOOL}/evaluate?asOf={days[-1]}")
    checks.expect("whole-school evaluation: pupilsEvaluated", result.get("pupilsEvaluated"), len(pupils))
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
    parser.add_argument("--pupils", type=int, default=1000)
    parser.add_argument("--baseline-posts", type=int, default=10)
    parser.add_argument("--corrections", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2024)
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
