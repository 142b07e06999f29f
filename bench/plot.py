"""How cost grows: reads every bench/out/N/ run and draws bench/scaling.svg (log-log, seconds against rows).

Plain SVG written by hand, so the plot needs nothing beyond Python. Usage: python3 bench/plot.py
"""
import json, math, os, sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "out")
runs = sorted(int(d) for d in os.listdir(root) if d.isdigit()) if os.path.isdir(root) else []


def load(n, name):
    p = os.path.join(root, str(n), name)
    return json.load(open(p)) if os.path.exists(p) else None


def median(results, command):
    for r in (results or {}).get("results", []):
        if r["command"] == command:
            return r["median"]
    return None


def sql(n, name, side):
    for row in load(n, "sql.json") or []:
        if row["name"] == name:
            return row[side]
    return None


series = [  # (label, colour, dashed, value(n) in seconds)
    ("import, vssdesk", "#1f77b4", False, lambda n: median(load(n, "import.json"), "vssdesk")),
    ("import, sqlite3 .import", "#1f77b4", True, lambda n: median(load(n, "import.json"), "sqlite3")),
    ("stats tickets --by day, vssdesk", "#2ca02c", False, lambda n: sql(n, "stats tickets --by day", "vssdesk")),
    ("same counts, sqlite3", "#2ca02c", True, lambda n: sql(n, "stats tickets --by day", "sqlite3")),
    ("stats registrations --by status, vssdesk", "#9467bd", False, lambda n: sql(n, "stats registrations --by status", "vssdesk")),
    ("same GROUP BY, sqlite3", "#9467bd", True, lambda n: sql(n, "stats registrations --by status", "sqlite3")),
    ("vssdesk -c 'search CODE' (whole process)", "#d62728", False, lambda n: median(load(n, "lookups.json"), "code")),
    ("sqlite3 pk lookup (whole process)", "#d62728", True, lambda n: median(load(n, "lookups.json"), "sqlite3 pk")),
    ("name search p50, in-process", "#ff7f0e", False, lambda n: (load(n, "latency.json") or {}).get("search_name_folded", {}).get("p50_ms", 0) / 1000 or None),
    ("name search p99, in-process", "#ff7f0e", True, lambda n: (load(n, "latency.json") or {}).get("search_name_folded", {}).get("p99_ms", 0) / 1000 or None),
]

if len(runs) < 2:
    sys.exit("need at least two runs in bench/out/")

W, H, L, R, T, B = 900, 520, 70, 330, 30, 50
xs = [math.log10(n) for n in runs]
x0, x1 = min(xs) - 0.1, max(xs) + 0.1
y0, y1 = -4, 3.2  # 0.1 ms … ~30 min


def px(n):
    return L + (math.log10(n) - x0) / (x1 - x0) * (W - L - R)


def py(s):
    return T + (y1 - math.log10(s)) / (y1 - y0) * (H - T - B)


out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="12">',
       f'<rect width="{W}" height="{H}" fill="white"/>',
       f'<text x="{L}" y="18" font-size="14">vssdesk beside sqlite3: seconds against registrations (log–log)</text>']
for e in range(y0, 4):
    y = py(10 ** e)
    label = {-4: "0.1 ms", -3: "1 ms", -2: "10 ms", -1: "0.1 s", 0: "1 s", 1: "10 s", 2: "100 s", 3: "1000 s"}[e]
    out.append(f'<line x1="{L}" x2="{W - R}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>')
    out.append(f'<text x="{L - 6}" y="{y + 4:.1f}" text-anchor="end">{label}</text>')
for n in runs:
    x = px(n)
    out.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{T}" y2="{H - B}" stroke="#ddd"/>')
    out.append(f'<text x="{x:.1f}" y="{H - B + 18}" text-anchor="middle">{n:,}</text>')
for i, (label, colour, dashed, value) in enumerate(series):
    points = [(px(n), py(v)) for n in runs for v in [value(n)] if v]
    dash = ' stroke-dasharray="5,4"' if dashed else ""
    if len(points) > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>')
    for x, y in points:
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"/>')
    ly = T + 10 + i * 20
    out.append(f'<line x1="{W - R + 20}" x2="{W - R + 50}" y1="{ly}" y2="{ly}" stroke="{colour}" stroke-width="2"{dash}/>')
    out.append(f'<text x="{W - R + 56}" y="{ly + 4}">{label}</text>')
out.append("</svg>")
target = os.path.join(os.path.dirname(os.path.abspath(__file__)), "scaling.svg")
open(target, "w").write("\n".join(out) + "\n")
print(target)
