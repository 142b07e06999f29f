"""Turns the statements one vssdesk command sent (the server log of a session with log_min_duration_statement = 0)
into a pgbench script of the same statements with the same values, so psql-side tooling repeats exactly the
console's work: `pg-capture.py SERVER_LOG PID > script.sql`."""
import re, sys

log, pid = sys.argv[1], sys.argv[2]
lines = open(log, encoding="utf-8", errors="replace").read().split("\n")
head = re.compile(r"^\S+ \S+ \S+ \[(\d+)\] (LOG|DETAIL):\s+(.*)$")
entries, cur = [], None
for line in lines:
    m = head.match(line)
    if m:
        if cur: entries.append(cur)
        cur = [m.group(1), m.group(2), m.group(3)]
    elif cur is not None and line.startswith("\t"):
        cur[2] += "\n" + line[1:]
    elif cur is not None and line and not head.match(line):
        cur[2] += "\n" + line
if cur: entries.append(cur)

statements = []
for i, (p, kind, text) in enumerate(entries):
    if p != pid or kind != "LOG": continue
    m = re.match(r"duration: [\d.]+ ms\s+(?:execute|statement) ?[^:]*:\s+(.*)", text, re.S)
    if not m: continue
    sql = m.group(1).strip()
    if re.match(r"(?i)^(SET|BEGIN|COMMIT|ROLLBACK|SELECT pg_advisory)", sql): continue
    params = {}
    if i + 1 < len(entries) and entries[i + 1][0] == pid and entries[i + 1][1] == "DETAIL":
        for k, v in re.findall(r"\$(\d+) = ('(?:[^']|'')*'|NULL)", entries[i + 1][2]):
            params[int(k)] = v
    for k in sorted(params, reverse=True):
        sql = re.sub(r"\$%d(?!\d)" % k, lambda _: params[k], sql)
    statements.append(" ".join(sql.split()) + ";")
print("\n".join(statements))
