#!/usr/bin/env bash
# Supervisor queries and a bulk fix, each beside the equivalent SQL in the stock sqlite3 shell (bench/run.sh step 4).
set -euo pipefail
BIN=$1; DB=$2; OUT=$3
BENCH=$(dirname "$BIN")/vssdesk-bench
export VSSDESK_NOW=2025-11-20T10:00:00+07:00
"$BENCH" stuck-sql "$DB" > "$OUT/stuck.sql"
copy=$OUT/bulk.sqlite
# SCALE_ONLY=1 (the 5M run): the stats queries only, 3 runs each; diagnose and bulk are measured at 100k and 1M.
RUNS=$([ "${SCALE_ONLY:-0}" = 1 ] && echo 3 || echo 5)
if [ "${SCALE_ONLY:-0}" != 1 ]; then
  # A full pass over the table per run (~25 s at 1M): three runs, no warm-up, to keep `make bench` under 15 minutes.
  hyperfine -N --runs 3 --export-json "$OUT/sql-stuck.json" \
    -n "vssdesk diagnose --stuck" "$BIN --db $DB -c 'diagnose --stuck --limit 20'" \
    -n "sqlite3 stuck counts" "sqlite3 $DB '.read $OUT/stuck.sql'"
fi
hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$OUT/sql-queries.json" \
  -n "vssdesk stats tickets --by day" "$BIN --db $DB -c 'stats tickets --by day'" \
  -n "sqlite3 tickets by day" "sqlite3 $DB \"SELECT date(opened_at, '+7 hours') d, count(*), sum(status IN ('open','pending')), sum(status IN ('resolved','closed')) FROM tickets GROUP BY d\"" \
  -n "vssdesk stats tickets --by line" "$BIN --db $DB -c 'stats tickets --by line'" \
  -n "sqlite3 tickets by line" "sqlite3 $DB \"SELECT line, count(*), sum(status IN ('open','pending')), sum(status IN ('resolved','closed')) FROM tickets GROUP BY line\"" \
  -n "vssdesk stats registrations --by status" "$BIN --db $DB -c 'stats registrations --by status'" \
  -n "sqlite3 registrations by status" "sqlite3 $DB \"SELECT status, count(*) FROM registrations GROUP BY status\"" \
  -n "vssdesk ticket list --overdue" "$BIN --db $DB -c 'ticket list --overdue --limit 50'" \
  -n "sqlite3 open tickets" "sqlite3 $DB \"SELECT * FROM tickets WHERE status IN ('open','pending') ORDER BY id DESC LIMIT 500\""
if [ "${SCALE_ONLY:-0}" = 1 ]; then
  python3 - "$OUT" <<'PY'
import json, sys, os
out = sys.argv[1]
m = {r["command"]: r["median"] for r in json.load(open(os.path.join(out, "sql-queries.json")))["results"]}
pairs = [("stats tickets --by day", "vssdesk stats tickets --by day", "sqlite3 tickets by day", "≤ 1.2× (SQL has no office-hours percentiles)"),
         ("stats tickets --by line", "vssdesk stats tickets --by line", "sqlite3 tickets by line", "≤ 1.2× (same caveat)"),
         ("stats registrations --by status", "vssdesk stats registrations --by status", "sqlite3 registrations by status", "≤ 1.2×"),
         ("ticket list --overdue", "vssdesk ticket list --overdue", "sqlite3 open tickets", "< 50 ms")]
json.dump([{"name": n, "vssdesk": m[a], "sqlite3": m[c], "goal": g} for n, a, c, g in pairs], open(os.path.join(out, "sql.json"), "w"))
PY
  exit 0
fi
# bulk resend of every credentials_sent registration (about 12% of them) vs the same rows queued by one SQL statement.
hyperfine --runs 1 --export-json "$OUT/sql-bulk.json" \
  --prepare "cp $DB $copy; rm -f $copy-wal $copy-shm; cp $DB.key $copy.key 2>/dev/null || true" \
  -n "vssdesk bulk resend" "$BIN --db $copy -c 'bulk resend --where status=credentials_sent --yes'" \
  --prepare "cp $DB $copy; rm -f $copy-wal $copy-shm" \
  -n "sqlite3 bulk resend" "sqlite3 $copy \"BEGIN; INSERT INTO sms_outbox(to_phone, body, status, created_at, bhxh_code) SELECT phone, 'BHXH VN: Tai khoan VssID ' || bhxh_code || '. Mat khau tam thoi: ' || hex(randomblob(6)), 'queued', '2025-11-20T03:00:00Z', bhxh_code FROM registrations WHERE status = 'credentials_sent'; UPDATE registrations SET sms_status = 'queued', credentials_sent_at = '2025-11-20T03:00:00Z' WHERE status = 'credentials_sent'; COMMIT;\""
matched=$(sqlite3 "$DB" "SELECT count(*) FROM registrations WHERE status = 'credentials_sent'")
rm -f "$copy" "$copy-wal" "$copy-shm" "$copy.key"
python3 - "$OUT" "$matched" <<'PY'
import json, sys, os
out, matched = sys.argv[1], int(sys.argv[2])
q = json.load(open(os.path.join(out, "sql-queries.json")))["results"] + json.load(open(os.path.join(out, "sql-stuck.json")))["results"]
b = json.load(open(os.path.join(out, "sql-bulk.json")))["results"]
m = {r["command"]: r["median"] for r in q + b}
pairs = [("diagnose --stuck (counts per rule + first 20)", "vssdesk diagnose --stuck", "sqlite3 stuck counts", "≤ 1.2×"),
         ("stats tickets --by day", "vssdesk stats tickets --by day", "sqlite3 tickets by day", "≤ 1.2× (SQL has no office-hours percentiles)"),
         ("stats tickets --by line", "vssdesk stats tickets --by line", "sqlite3 tickets by line", "≤ 1.2× (same caveat)"),
         ("stats registrations --by status", "vssdesk stats registrations --by status", "sqlite3 registrations by status", "≤ 1.2×"),
         ("ticket list --overdue", "vssdesk ticket list --overdue", "sqlite3 open tickets", "< 50 ms"),
         (f"bulk resend of {matched:,} registrations", "vssdesk bulk resend", "sqlite3 bulk resend", "≤ 1.2× (SQL makes no password, HMAC, audit or event)")]
json.dump([{"name": n, "vssdesk": m[a], "sqlite3": m[c], "goal": g} for n, a, c, g in pairs], open(os.path.join(out, "sql.json"), "w"))
PY
