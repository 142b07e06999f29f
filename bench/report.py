"""Summarises one bench/run.sh run as a Markdown table: medians, ratios to the sqlite3 shell, goals."""
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchio import loader, med

out, n, t = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])

load = loader(out)

print(f"### {n:,} registrations, {t:,} tickets\n")
print("| figure | vssdesk | sqlite3 | ratio | goal |")
print("|---|---:|---:|---:|---|")
imp = load("import.json")
if imp:
    v, s = med(imp, "vssdesk"), med(imp, "sqlite3")
    print(f"| import registrations CSV | {v:.2f} s ({n / v:,.0f} rows/s) | {s:.2f} s | {v / s:.2f}× | ≤ 1.5× |")
look = load("lookups.json")
if look:
    base = med(look, "sqlite3 pk")
    for kind in ["code", "card", "cccd", "phone", "name"]:
        v = med(look, kind)
        print(f"| whole-process `search` by {kind} | {v * 1000:.1f} ms | {base * 1000:.1f} ms (pk lookup) | {v / base:.2f}× | ≤ 2× |")
sql = load("sql.json")
if sql:
    for row in sql:
        ratio = row["vssdesk"] / row["sqlite3"] if row["sqlite3"] else float("nan")
        print(f"| {row['name']} | {row['vssdesk'] * 1000:.0f} ms | {row['sqlite3'] * 1000:.0f} ms | {ratio:.2f}× | {row.get('goal', '≤ 1.2×')} |")
lat = load("latency.json")
if lat:
    print("\n| in-process operation | p50 | p99 | samples | goal |")
    print("|---|---:|---:|---:|---|")
    goals = {"search_name_folded": "p99 ≤ 5 ms", "search_name_diacritics": "p99 ≤ 5 ms", "search_name_two_words": "p99 ≤ 5 ms", "search_name_heard": "p99 ≤ 10 ms", "search_name_slip": "p99 ≤ 10 ms",
             "ticket_new": "p99 < 1 ms", "ticket_note": "p99 < 1 ms", "ticket_list_overdue": "< 50 ms"}
    for k, v in lat.items():
        print(f"| {k} | {v['p50_ms']:.3f} ms | {v['p99_ms']:.3f} ms | {v['n']} | {goals.get(k, '')} |")
verify = load("audit-verify.json")
if verify:
    v = med(verify, "audit verify")
    print(f"\n- whole-process `audit verify` over {n:,} audit rows: {v:.2f} s ({n / v:,.0f} rows/s; goal ≤ 2 s for 1,000,000)")
bv, bs = load("backup-vssdesk.json"), load("backup-sqlite3.json")
if bv and bs:
    print(f"- `backup` while ticket notes are written: {bv['seconds']:.2f} s (sqlite3 `.backup` {bs['seconds']:.2f} s, "
          f"{bv['seconds'] / bs['seconds']:.2f}×, with the integrity check, counts, chain and checksum); "
          f"longest note wait {bv['note_max_ms']:.1f} ms, p99 {bv['note_p99_ms']:.2f} ms over {bv['notes']} notes "
          f"(sqlite3 `.backup`: {bs['note_max_ms']:.1f} ms, p99 {bs['note_p99_ms']:.2f} ms; goal ≤ 100 ms)")
rss = os.path.join(out, "rss.txt")
size = os.path.join(out, "dbsize.txt")
print()
if os.path.exists(rss):
    kb = open(rss).read().strip().splitlines()[-1]
    print(f"- peak RSS of a console process (piped stdin, same code path as the prompt) after two searches: {int(kb) / 1024:.1f} MB (goal ≤ 40 MB)")
if os.path.exists(size):
    b = int(open(size).read().strip())
    print(f"- database size: {b / 1e6:.0f} MB with the insured extract and tickets, {b / n:,.0f} bytes per registration")
