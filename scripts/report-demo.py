#!/usr/bin/env python3
"""Builds a desk with a month of synthetic calls (March 2025) through the vssdesk binary, writes the supervisors'
report for it and, when Chromium is installed, renders it to a PNG: the screenshot in the README (docs/report.png).

    scripts/report-demo.py [OUT_DIR]      # default: a fresh temporary directory; prints where the files are

Every call is made the way an operator makes it (`ticket new`, `ticket note`, `ticket resolve`), with VSSDESK_NOW
setting the desk's clock (root only), so the report shows what the SLA clock really computes. Deterministic.
"""
import json, os, random, shutil, subprocess, sys, tempfile
from datetime import date, datetime, timedelta, timezone

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("VSSDESK_BIN", os.path.join(ROOT, ".build/debug/vssdesk"))
DESK = timezone(timedelta(hours=7))
OPERATORS = [("hoa", "Trần Thị Hoa", 121), ("nam", "Lê Văn Nam", 122), ("thu", "Nguyễn Thị Thu", 123),
             ("duc", "Phạm Minh Đức", 124), ("my", "Võ Thị Mỹ", 125)]
CATEGORIES = [("password", 30, "Quên mật khẩu, xin cấp lại"), ("login", 18, "Không đăng nhập được VssID"),
              ("register", 16, "Hỏi tình trạng hồ sơ đăng ký"), ("photos", 8, "Ảnh CCCD bị mờ, hồ sơ bị trả"),
              ("account", 8, "Đổi số điện thoại đăng ký"), ("child", 7, "Đăng ký tài khoản cho con"),
              ("install", 5, "Không cài được ứng dụng"), ("agency", 4, "Chọn nhầm cơ quan tiếp nhận"),
              ("scam", 2, "Hỏi về số tổng đài lạ tự xưng BHXH"), ("other", 2, "Hỏi thủ tục khác")]
PRIORITIES = [("normal", 70), ("high", 15), ("low", 10), ("urgent", 5)]


def pick(rng, weighted):
    total = sum(w for _, w, *_ in weighted)
    n = rng.uniform(0, total)
    for item in weighted:
        n -= item[1]
        if n <= 0:
            return item
    return weighted[-1]


def run(db, args, now=None, user=None):
    env = dict(os.environ, VSSDESK_KB_DIR=os.path.join(ROOT, "kb"))
    if now:
        env["VSSDESK_NOW"] = now.isoformat()
    cmd = [BIN, "--db", db] + (["--as", user] if user else []) + args
    p = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"{' '.join(cmd)}: {p.stderr.strip()}")
    return p.stdout


def office_time(rng, day):
    """A moment of a call: mornings are busier than afternoons."""
    if rng.random() < 0.6:
        start, span = (7, 30), 240
    else:
        start, span = (13, 0), 240
    minute = int(rng.triangular(0, span, span * 0.3))
    return datetime(day.year, day.month, day.day, start[0], start[1], tzinfo=DESK) + timedelta(minutes=minute)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp(prefix="vssdesk-report-")
    os.makedirs(out, exist_ok=True)
    db = os.path.join(out, "desk.sqlite")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    rng = random.Random(20250331)
    start = datetime(2025, 2, 28, 8, 0, tzinfo=DESK)
    run(db, ["init", "--demo", "600"], now=start)
    adds = [f"operator add {login} --name '{name}' --line {line}" for login, name, line in OPERATORS]
    adds.append("operator add lan --name 'Lê Thị Lan' --line 120 --role supervisor")
    run(db, sum((["-c", a] for a in adds), []), now=start)
    codes = [r["bhxh_code"] for r in json.loads(run(db, ["--format", "json", "-c", "search nguyen --limit 200"], now=start))["results"]]

    end = date(2025, 3, 31)
    day = date(2025, 3, 1)
    tickets = 0
    while day <= end:
        weekday = day.weekday()
        calls = 0 if weekday == 6 else rng.randint(0, 2) if weekday == 5 else rng.randint(5, 14)
        if day == date(2025, 3, 19):
            calls = 0  # the switchboard was down all day: a working day without a call
        for opened in sorted(office_time(rng, day) for _ in range(calls)):
            login, _, line = rng.choice(OPERATORS)
            category, _, summary = pick(rng, CATEGORIES)
            priority = pick(rng, PRIORITIES)[0]
            phone = "09" + "".join(str(rng.randint(0, 9)) for _ in range(8))
            code = f" --code {rng.choice(codes)}" if rng.random() < 0.65 and codes else ""
            new = f"ticket new --caller {phone} --line {line}{code} --category {category} --priority {priority} '{summary}'"
            ticket = json.loads(run(db, ["--format", "json", "-c", new], now=opened, user=login))["id"]
            tickets += 1
            late = rng.random() < 0.08
            respond = opened + timedelta(minutes=rng.randint(130, 400) if late else rng.randint(2, 40))
            run(db, ["-c", f"ticket note {ticket} 'Đã gọi lại, hướng dẫn người gọi'"], now=respond, user=login)
            if rng.random() < 0.07 and day >= date(2025, 3, 17):
                continue  # still open at the end of the month
            slow = rng.random() < 0.07
            resolve = respond + timedelta(minutes=rng.randint(1500, 4000) if slow else rng.randint(5, 300))
            if resolve > datetime(2025, 3, 31, 17, 0, tzinfo=DESK):
                continue
            run(db, ["-c", f"ticket resolve {ticket} 'Đã hướng dẫn xong'"], now=resolve, user=login)
        day += timedelta(days=1)

    html = os.path.join(out, "bao-cao.html")
    report_time = datetime(2025, 3, 31, 17, 20, tzinfo=DESK)
    print(run(db, ["-c", f"report --html {html} --from 2025-03-01 --to 2025-03-31"], now=report_time, user="lan").strip())
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium:
        png = os.path.join(out, "report.png")
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", f"--screenshot={png}",
                        "--window-size=900,1700", "file://" + html], capture_output=True, check=True)
        print(f"{tickets} tickets; {html}; {png}")
    else:
        print(f"{tickets} tickets; {html}; no chromium, no PNG")


if __name__ == "__main__":
    main()
