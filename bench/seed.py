#!/usr/bin/python3
"""make bench: gives a running securebase the people and data the load runs need.

Everything goes through the real interfaces, as an operator and the app would use them: the
accounts are made with `securebase user add` (the CLI; its argon2id hashing is the same as
sign-up's), the practitioner logs in and enrols two-factor with a TOTP code computed here, and
then sets her hours and session types from the console API; the learners log in, one marks
lessons done, one writes 10,000 journal entries with PUT (16 at a time, each sealed by the
server as any entry is). Nothing is written to the database behind the server's back.

Writes a shell file of variables for bench/run (cookies, ids, the slot window) and a file of
free start times for the booking writes (bench/wrk/book.lua): one ISO instant per line.

Usage: seed.py BASE_URL OUT_DIR -- SECUREBASE_USER_ADD_COMMAND...
Only for the bench: it prints no personal data because it has none (made-up people).
"""
import base64
import concurrent.futures
import datetime as dt
import hashlib
import hmac
import http.client
import json
import random
import struct
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid

JOURNAL_ENTRIES = int(__import__("os").environ.get("BENCH_JOURNAL_ENTRIES", 10_000))
PASSWORD = "benchmark lanterns over a quiet harbour"
WORDS = ("message waited reply evening phone friend partner quiet walk worried kitchen work late "
         "call sister weekend plans tired breath shoulders calm noticed again window train coffee"
         ).split()
SIGNS = ["fear_of_abandonment", "need_for_reassurance", "sensitivity_to_changes",
         "jealousy_insecurity", "emotional_regulation", "clinging", "fear_of_being_alone",
         "rumination"]


class Browser:
    """One person's cookies over keep-alive connections (one per thread)."""

    def __init__(self, base_url):
        self.host = urllib.parse.urlsplit(base_url)
        self.cookies = {}
        self.local = threading.local()
        self.lock = threading.Lock()

    def _conn(self):
        if getattr(self.local, "conn", None) is None:
            self.local.conn = http.client.HTTPConnection(self.host.hostname, self.host.port,
                                                         timeout=60)
        return self.local.conn

    def call(self, method, path, body=None, headers=None, expect=(200, 201, 204)):
        with self.lock:
            cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
            csrf = self.cookies.get("csrf", "")
        h = {"Cookie": cookie, "X-CSRF-Token": csrf, **(headers or {})}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            h["Content-Type"] = "application/json"
        for attempt in range(2):
            conn = self._conn()
            try:
                conn.request(method, path, body=data, headers=h)
                res = conn.getresponse()
                raw = res.read()
                break
            except (ConnectionError, http.client.HTTPException):
                conn.close()
                self.local.conn = None
                if attempt:
                    raise
        with self.lock:
            for line in res.headers.get_all("Set-Cookie") or []:
                name, _, rest = line.partition("=")
                value = rest.split(";", 1)[0]
                if value and "max-age=0" not in line.lower():
                    self.cookies[name.strip()] = value
        if res.status not in expect:
            raise RuntimeError(f"{method} {path}: {res.status} {raw[:300]!r}")
        return json.loads(raw) if raw else None

    def cookie_header(self):
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())


def totp(secret):
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    mac = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    return f"{(struct.unpack('>I', mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


def iso(t):
    return t.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def user_add(command, email, role, name):
    run = subprocess.run([*command, "--email", email, "--role", role, "--name", name,
                          "--time-zone", "Europe/London", "--country", "GB", "--password-stdin"],
                         input=PASSWORD + "\n", capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"seed: user add {role} failed: {run.stderr}")


def signed_in(base_url, email):
    b = Browser(base_url)
    b.call("GET", "/api/v1/crisis-lines")  # any answer sets the csrf cookie
    b.call("POST", "/api/v1/auth/login", {"email": email, "password": PASSWORD})
    return b


def practitioner(base_url):
    her = signed_in(base_url, "bench-practitioner@example.org")
    enrolment = her.call("POST", "/api/v1/auth/mfa/enroll", {"current_password": PASSWORD})
    her.call("POST", "/api/v1/auth/mfa/confirm", {"code": totp(enrolment["secret"])})
    # A working week in London: weekdays 08:00-18:00.
    weekly = [{"weekday": d, "start": "08:00", "end": "18:00"}
              for d in ("mon", "tue", "wed", "thu", "fri")]
    her.call("PUT", "/api/v1/console/schedule",
             {"time_zone": "Europe/London", "weekly": weekly, "overrides": []})
    her.call("PUT", "/api/v1/console/booking-settings", {
        "served": {"countries": ["GB"], "us_states": []},
        "outside_message": "I can only offer sessions to people in the UK.",
        "video": {"mode": "jitsi", "url": "https://meet.example.org"},
        "cancellation": {"late_window_hours": 24, "late_action": "refuse",
                         "text": "Cancel a day ahead."}})

    def session_type(name, minutes, after, step, horizon):
        return her.call("POST", "/api/v1/console/session-types", {
            "name": name, "description": "", "duration_minutes": minutes,
            "buffer_before_minutes": 0, "buffer_after_minutes": after,
            "minimum_notice_minutes": 1440, "horizon_days": horizon,
            "slot_step_minutes": step, "price": "", "new_clients": True, "active": True,
            "intake": []})["id"]

    # What clients read (a 50-minute session every half hour), and a 15-minute check-in that
    # the booking writes take, a year ahead, so that each write has a time of its own.
    therapy = session_type("Therapy session", 50, 10, 30, 60)
    check_in = session_type("Short check-in", 15, 0, 15, 365)
    return her, therapy, check_in


def journal_entry(rng, i, now):
    occurred = now - dt.timedelta(seconds=6311 * i + 60)
    words = lambda n: " ".join(rng.choice(WORDS) for _ in range(n)) + "."
    entry = {"kind": "trigger", "occurred_at": iso(occurred), "tags": ["evenings" if i % 3 else "work"]}
    if i % 10 == 0:
        entry = {**entry, "kind": "reflection", "reflection": {"text": words(120)}}
    elif i % 10 == 1:
        entry = {**entry, "kind": "parts", "parts": {"name": "The watcher", "fears": words(30),
                                                    "protects": words(30), "needs": words(20)}}
    else:
        # One log in 500 names a lighthouse: a search that finds a few among many.
        entry["trigger"] = {
            "situation": words(40) + (" The lighthouse." if i % 500 == 2 else ""),
            "self_talk": words(20), "state": rng.choice(["settled", "activated", "shut_down"]),
            "emotions": [{"name": "afraid", "intensity": rng.randint(0, 10)}],
            "signs": [rng.choice(SIGNS)], "action": words(25),
            "intensity_before": rng.randint(5, 10), "intensity_after": rng.randint(0, 5)}
    return entry


def main():
    base_url, out_dir = sys.argv[1], sys.argv[2]
    command = sys.argv[sys.argv.index("--") + 1:]
    started = time.monotonic()
    user_add(command, "bench-practitioner@example.org", "practitioner", "Dr Bench")
    user_add(command, "bench-reader@example.org", "learner", "Rosa")
    user_add(command, "bench-writer@example.org", "learner", "Ana")

    her, therapy, check_in = practitioner(base_url)

    reader = signed_in(base_url, "bench-reader@example.org")
    course = reader.call("GET", "/api/v1/courses")["courses"][0]["id"]
    modules = reader.call("GET", f"/api/v1/courses/{course}")["modules"]
    lessons = [l["id"] for m in modules for l in m["lessons"]]
    for lesson in lessons[:3]:  # some progress to read back
        reader.call("PUT", f"/api/v1/lessons/{lesson}/progress", {"completed": True})

    writer = signed_in(base_url, "bench-writer@example.org")
    now = dt.datetime.now(dt.timezone.utc)
    rng = random.Random(7)
    entries = [(str(uuid.UUID(int=rng.getrandbits(128), version=4)), journal_entry(rng, i, now))
               for i in range(JOURNAL_ENTRIES)]
    journal_started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(16) as pool:
        for f in [pool.submit(writer.call, "PUT", f"/api/v1/journal/entries/{id_}", e)
                  for id_, e in entries]:
            f.result()
    journal_seconds = time.monotonic() - journal_started

    # The reads ask for four weeks from two days ahead; the writes book check-ins from five
    # weeks on, so that they never change what the reads see.
    day = now.replace(hour=0, minute=0, second=0, microsecond=0)
    slots_from, slots_to = day + dt.timedelta(days=2), day + dt.timedelta(days=30)
    free = []
    start, end = day + dt.timedelta(days=35), day + dt.timedelta(days=364)
    while start < end:
        stop = min(start + dt.timedelta(days=90), end)
        q = urllib.parse.urlencode({"session_type": check_in, "from": iso(start), "to": iso(stop),
                                    "tz": "Europe/London"})
        free += [s["start"] for s in reader.call("GET", f"/api/v1/slots?{q}")["slots"]]
        start = stop
    with open(f"{out_dir}/free-slots.txt", "w") as f:
        f.write("\n".join(free) + "\n")

    env = {
        "READER_COOKIE": reader.cookie_header(),
        "READER_CSRF": reader.cookies["csrf"],
        "WRITER_COOKIE": writer.cookie_header(),
        "COURSE_ID": course,
        "THERAPY_TYPE": therapy,
        "CHECK_IN_TYPE": check_in,
        "SLOTS_FROM": iso(slots_from),
        "SLOTS_TO": iso(slots_to),
        "FREE_SLOTS": str(len(free)),
        "JOURNAL_SEED_SECONDS": f"{journal_seconds:.1f}",
        "SEED_SECONDS": f"{time.monotonic() - started:.1f}",
    }
    with open(f"{out_dir}/seed.env", "w") as f:
        for k, v in env.items():
            f.write(f"{k}='{v}'\n")


if __name__ == "__main__":
    main()
