#!/usr/bin/env python3
"""Pages and bulk work, a phase of its own after bench.py (bench/run.sh runs it against the same service).

On a 1,000-pupil school the main benchmark has backfilled and evaluated (default bench-1, Coopers' ladder):
  1. the school page with its review queue (HTML, signed in with the form), against the JSON list of every open
     action of the school, which is what the page used to load to show 25;
  2. the pupils list, lowest attendance first, one page of 50 (JSON);
  3. one PDF of 100 letters, against the same 100 letters as HTML pages fetched one by one.
Each figure is the median of several runs, with min and max. Standard library only.
Targets (issue 15): the queue page under 300 ms, the PDF of 100 letters under 5 s.
"""

import argparse
import base64
import http.cookiejar
import json
import os
import statistics
import sys
import time
import urllib.parse
import urllib.request

TARGET_QUEUE_MS = 300
TARGET_PDF_S = 5.0


class Service:
    def __init__(self, url, user, password):
        self.url = url.rstrip("/")
        self.basic = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
        self.cookies = http.cookiejar.CookieJar()
        self.browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))
        self.user, self.password = user, password

    def api(self, path):
        request = urllib.request.Request(self.url + path, headers={"Authorization": self.basic})
        with urllib.request.urlopen(request, timeout=600) as response:
            return response.read(), response.headers.get("Content-Type", "")

    def sign_in(self):
        self.browser.open(self.url + "/login", timeout=60).read()
        form = urllib.parse.urlencode({"j_username": self.user, "j_password": self.password}).encode()
        self.browser.open(self.url + "/j_security_check", data=form, timeout=60).read()

    def page(self, path):
        with self.browser.open(self.url + path, timeout=600) as response:
            return response.read()


def timed(work, runs):
    seconds = []
    result = None
    for _ in range(runs):
        started = time.perf_counter()
        result = work()
        seconds.append(time.perf_counter() - started)
    return result, seconds


def fmt(values, scale=1000, unit="ms", decimals=0):
    return (f"{statistics.median(values) * scale:,.{decimals}f} {unit} (min {min(values) * scale:,.{decimals}f}, "
            f"max {max(values) * scale:,.{decimals}f})")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True)
    parser.add_argument("--user", default="admin")
    parser.add_argument("--password", default=os.environ.get("BENCH_ADMIN_PASSWORD", ""))
    parser.add_argument("--school", default="bench-1")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--letters", type=int, default=100)
    args = parser.parse_args(argv)

    service = Service(args.url, args.user, args.password)
    school = args.school
    body, _ = service.api(f"/api/schools/{school}/pupils?limit=1")
    pupils = json.loads(body)["total"]
    body, _ = service.api(f"/api/schools/{school}/actions?status=OPEN")
    open_actions = json.loads(body)
    letters = [a["id"] for a in open_actions if a.get("recordsKind") == "LETTER"][:args.letters]
    if len(letters) < args.letters:
        raise SystemExit(f"pages.py: {school} has {len(letters)} open letter actions, fewer than {args.letters}")

    print(f"\n=== Pages and bulk work (bench/pages.py): {school}, {pupils:,} pupils, {len(open_actions):,} open actions ===")
    service.sign_in()
    page, queue_s = timed(lambda: service.page(f"/schools/{school}"), args.runs)
    if b'id="queue-panel"' not in page:
        raise SystemExit("pages.py: the school page has no queue; was the sign-in refused?")
    _, all_actions_s = timed(lambda: service.api(f"/api/schools/{school}/actions?status=OPEN"), args.runs)
    _, pupils_s = timed(lambda: service.api(f"/api/schools/{school}/pupils?sort=attendance&limit=50"), args.runs)
    ids = ",".join(str(i) for i in letters)
    (pdf, kind), pdf_s = timed(lambda: service.api(f"/api/schools/{school}/letters.pdf?actions={ids}"), max(3, args.runs // 2))
    if not kind.startswith("application/pdf") or not pdf.startswith(b"%PDF"):
        raise SystemExit(f"pages.py: letters.pdf answered {kind}")
    _, html_s = timed(lambda: [service.page(f"/schools/{school}/actions/{i}/letter") for i in letters], 1)

    queue_median = statistics.median(queue_s)
    pdf_median = statistics.median(pdf_s)
    print(f"School page with the queue (25 of {len(open_actions):,}): {fmt(queue_s)}; "
          f"{queue_median / statistics.median(all_actions_s):.2f}x the JSON list of every open action ({fmt(all_actions_s)}); "
          f"target < {TARGET_QUEUE_MS} ms: {'met' if queue_median * 1000 < TARGET_QUEUE_MS else 'NOT met'}")
    print(f"Pupils list, lowest attendance first, 50 of {pupils:,}: {fmt(pupils_s)}")
    print(f"PDF of {len(letters)} letters ({len(pdf) / 1024:,.0f} KiB): {fmt(pdf_s, 1, 's', 2)}; {pdf_median / html_s[0]:.2f}x the same letters as {len(letters)} HTML pages "
          f"({html_s[0]:.2f} s); target < {TARGET_PDF_S:.0f} s: {'met' if pdf_median < TARGET_PDF_S else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
