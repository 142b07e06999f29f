"""Summarises one bench/run-pg.sh run as a Markdown table: vssdesk on PostgreSQL beside psql/pgbench, with goals."""
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchio import loader, med

out, n, t = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])

load = loader(out)

print(f"### PostgreSQL: {n:,} registrations, {t:,} tickets\n")
print("| figure | vssdesk | psql / pgbench | ratio | goal |")
print("|---|---:|---:|---:|---|")
imp = load("import.json")
if imp:
    v, s = imp["vssdesk_s"], imp["psql_s"]
    print(f"| import registrations CSV (COPY) | {v:.1f} s ({n / v:,.0f} rows/s) | {s:.1f} s (`\\copy` + INSERT) | {v / s:.2f}× | — |")
look = load("lookups.json")
if look:
    base = med(look, "psql pk")
    for kind in ["code", "cccd", "phone"]:
        v = med(look, kind)
        if v: print(f"| whole-process `search` by {kind} | {v * 1000:.1f} ms | {base * 1000:.1f} ms (psql pk lookup) | {v / base:.2f}× | — |")
lat = load("latency.json")
bench = {}
p = os.path.join(out, "pgbench.jsonl")
if os.path.exists(p):
    for line in open(p):
        line = line.strip()
        if line: d = json.loads(line); bench[d["script"]] = d
if lat:
    goals = {"search_code": "≤ 5 ms", "search_cccd": "≤ 5 ms", "search_phone": "≤ 5 ms", "search_card": "≤ 5 ms",
             "search_name_folded": "≤ 20 ms", "search_name_diacritics": "≤ 20 ms", "search_name_heard": "≤ 20 ms"}
    pair = {"search_code": "code", "search_name_folded": "name"}
    for k, v in lat.items():
        b = bench.get(pair.get(k, ""))
        other = f"{b['p99_ms']:.2f} ms ({b['statements']} statements)" if b else ""
        ratio = f"{v['p99_ms'] / b['p99_ms']:.2f}×" if b and b["p99_ms"] else ""
        print(f"| in-process `{k}` p99 (p50) | {v['p99_ms']:.2f} ms ({v['p50_ms']:.2f}) | {other} | {ratio} | {goals.get(k, '—')} |")
    if "pk" in bench:
        print(f"| pgbench primary-key lookup p99 | | {bench['pk']['p99_ms']:.2f} ms | | |")
for name in ["concurrent.json", "concurrent-paced.json"]:
    c = load(name)
    if not c:
        continue
    how = f"one round every {c['period_ms']} ms each" if c.get("period_ms") else "back to back"
    print(f"| {c['processes']} operator processes × {c['seconds']} s, {how}: tickets, failures | {c['tickets']:,} tickets, {c['failures']} failures | | | 0 failures |")
    if "chain_intact" in c:
        print(f"| … audit chain after the run | {c['audit_rows']:,} rows, {'intact' if c['chain_intact'] else 'BROKEN'} | | | intact |")
    print(f"| … ticket note p99 (p50) under that load | {c['note_p99_ms']:.2f} ms ({c['note_p50_ms']:.2f}) | | | ≤ 10 ms |")
    print(f"| … name search p99 under that load | {c['search_p99_ms']:.2f} ms | | | |")
sql = load("sql.json")
if sql:
    for ours, theirs in [("stats registrations --by status", "psql status counts"), ("diagnose --stuck", "psql stuck counts")]:
        v, s = med(sql, ours), med(sql, theirs)
        if v and s: print(f"| `{ours}` | {v:.2f} s | {s:.2f} s (same statements) | {v / s:.2f}× | — |")
p = os.path.join(out, "dbsize.txt")
if os.path.exists(p):
    print(f"| database size | {int(open(p).read().strip()) / 2**30:.2f} GiB | | | |")
