#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Check that patches/ and series form a well-formed git format-patch series."""
import email
import email.policy
import os
import re
import subprocess
import sys

top = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
errors = []


def err(msg):
    errors.append(msg)


def read_mail(path):
    with open(path, "rb") as f:
        raw = f.read()
    first = raw.split(b"\n", 1)[0].decode()
    msg = email.message_from_bytes(raw.split(b"\n", 1)[1], policy=email.policy.default)
    return first, msg, raw.decode()


series = [l.strip() for l in open(os.path.join(top, "series"))
          if l.strip() and not l.startswith("#")]
on_disk = sorted(f for f in os.listdir(os.path.join(top, "patches")) if f.endswith(".patch"))
if "0000-cover-letter.patch" not in on_disk:
    err("patches/0000-cover-letter.patch is missing")
if sorted(series) != [f for f in on_disk if f != "0000-cover-letter.patch"]:
    err(f"series and patches/ disagree: series={series} patches={on_disk}")
n = len(series)
if n == 0:
    err("the series is empty")

for i, name in enumerate(series, 1):
    path = os.path.join(top, "patches", name)
    if not os.path.exists(path):
        continue
    if not name.startswith(f"{i:04d}-"):
        err(f"{name}: is number {i} in series")
    first, msg, text = read_mail(path)
    if not re.match(r"^From [0-9a-f]{40} Mon Sep 17 00:00:00 2001$", first):
        err(f"{name}: not a git format-patch mail (first line {first!r})")
    for h in ("From", "Date", "Subject"):
        if not msg[h]:
            err(f"{name}: no {h}: header")
    subj = str(msg["Subject"] or "")
    m = re.match(r"^\[PATCH (\d+)/(\d+)\] (.*)$", subj)
    if not m or int(m.group(1)) != i or int(m.group(2)) != n:
        err(f"{name}: subject {subj!r} is not [PATCH {i}/{n}] ...")
        continue
    summary = m.group(3)
    if not re.match(r"^[A-Za-z0-9_.+/-]+(: [A-Za-z0-9_.+/-]+)*: \S", summary):
        err(f"{name}: subject {summary!r} is not 'subsystem: summary'")
    body = msg.get_content()
    log, sep, rest = body.partition("\n---\n")
    if not sep:
        err(f"{name}: no '---' line between the message and the diff")
    author = str(msg["From"])
    sobs = re.findall(r"^Signed-off-by: (.*)$", log, re.M)
    if not sobs:
        err(f"{name}: no Signed-off-by:")
    elif author not in sobs:
        err(f"{name}: the author {author!r} has not signed off (have {sobs})")
    prose = [l for l in log.splitlines() if l.strip() and not re.match(r"^[A-Za-z-]+: ", l)]
    if len(prose) < 2:
        err(f"{name}: the commit message does not say why (no body)")
    if not re.search(r"^ \d+ files? changed", rest, re.M):
        err(f"{name}: no diffstat")
    if "\ndiff --git " not in rest:
        err(f"{name}: no diff")

cover = os.path.join(top, "patches", "0000-cover-letter.patch")
if os.path.exists(cover):
    first, msg, text = read_mail(cover)
    subj = str(msg["Subject"] or "")
    # git format-patch pads the numbers to the width of the count.
    if not re.match(rf"^\[PATCH 0+/{n}\] ", subj):
        err(f"cover letter: subject {subj!r} is not [PATCH 0/{n}] ...")
    if "*** SUBJECT HERE ***" in text or "*** BLURB HERE ***" in text:
        err("cover letter: still the format-patch template")
    m = re.search(r"^base-commit: ([0-9a-f]{40})$", text, re.M)
    if not m:
        err("cover letter: no base-commit:")
    # The upstream version of the Debian package: "7.3.4" of "7.3.4-1~bpo13+1".
    base = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                             "base-version")).read().split("-")[0].strip()
    if not re.search(r"Linux %s\b" % re.escape(base), text):
        err("cover letter: does not name the base kernel version (Linux %s)" % base)
    work = os.environ.get("WORK") or os.path.join(top, ".work")
    base = subprocess.run(["git", "-C", os.path.join(work, "linux"), "rev-parse",
                           "-q", "--verify", "base^{commit}"], capture_output=True, text=True)
    if m and base.returncode == 0 and base.stdout.strip() != m.group(1):
        err(f"cover letter: base-commit {m.group(1)} is not the base tree {base.stdout.strip()}")

for e in errors:
    print(e)
if errors:
    sys.exit(1)
print(f"{n} patches and a cover letter, well formed")
