#!/usr/bin/env bash
# The in-process figures of vssdesk-bench pg-latency, repeated by pgbench (the stock PostgreSQL client) over the very
# statements the console sent: a search is run once with statement logging on, its statements and values captured
# from the server log (bench/pg-capture.py) and replayed by pgbench, one client, per-transaction latencies logged.
#   bench/pg-equivalents.sh URI OUT PGBIN N
set -euo pipefail
URI=$1 OUT=$2 PGBIN=$3 N=$4
BIN=$PWD/.build/release/vssdesk
log=$(ls -d /tmp/vssdesk-bench-pg-"$N")/server.log
dbname=$(echo "$URI" | sed 's|postgresql:///\([^?]*\)?.*|\1|')
capture() {  # NAME COMMAND…: the statements of one vssdesk command, as a pgbench script
  local name=$1; shift
  "$PGBIN/psql" "$URI" -qAtc "ALTER DATABASE $dbname SET log_min_duration_statement = 0" >/dev/null
  local before; before=$(wc -l < "$log")
  "$BIN" --db "$URI" -c "SELECT 1" >/dev/null 2>&1 || true
  "$BIN" --db "$URI" -c "$*" >/dev/null
  "$PGBIN/psql" "$URI" -qAtc "ALTER DATABASE $dbname RESET log_min_duration_statement" >/dev/null
  sleep 0.3
  tail -n +"$((before + 1))" "$log" > "$OUT/capture-$name.log"
  # The console's own session: the backend that ran the name search's main statement.
  local pid; pid=$(grep -E 'execute|statement' "$OUT/capture-$name.log" | grep -v 'ALTER DATABASE' | tail -1 | sed -E 's/^\S+ \S+ \S+ \[([0-9]+)\].*/\1/')
  python3 bench/pg-capture.py "$OUT/capture-$name.log" "$pid" | grep -v -E 'FROM operators|FROM config|vssdesk_schema|to_regclass|INSERT INTO audit|FROM audit|kb_articles|session_user|current_user|open_calls|FROM pg_proc|vssdesk_audit_seal' > "$OUT/pgbench-$name.sql"
}
name=$("$PGBIN/psql" "$URI" -qAtc "SELECT name_folded FROM registrations WHERE id % 1009 = 0 AND kind = 'self' LIMIT 1")
code=$("$PGBIN/psql" "$URI" -qAtc "SELECT bhxh_code FROM registrations WHERE id % 997 = 0 LIMIT 1")
capture name "search $name"
capture code "search $code"
echo "SELECT * FROM registrations WHERE bhxh_code = '$code';" > "$OUT/pgbench-pk.sql"
for s in pk code name; do
  rm -f "$OUT"/pgbench_log.*
  (cd "$OUT" && "$PGBIN/pgbench" "$URI" -n -c 1 -t 500 -f "pgbench-$s.sql" -l --log-prefix="pgbench_$s" >/dev/null 2>&1)
  # Column 3 of a pgbench transaction log is the latency in microseconds.
  cat "$OUT"/pgbench_"$s".* | awk '{print $3/1000}' | sort -n | awk -v s="$s" '{a[NR]=$1} END {p50=a[int((NR+1)/2)]; i=int(NR*0.99+0.999); print "{\"script\": \"" s "\", \"statements\": 0, \"p50_ms\": " p50 ", \"p99_ms\": " a[i] ", \"n\": " NR "}"}'
  rm -f "$OUT"/pgbench_"$s".*
done | sed "s/\"statements\": 0/\"statements\": 1/" > "$OUT/pgbench.jsonl"
for s in code name; do sed -i "s/\"script\": \"$s\", \"statements\": 1/\"script\": \"$s\", \"statements\": $(grep -c . "$OUT/pgbench-$s.sql")/" "$OUT/pgbench.jsonl"; done
cat "$OUT/pgbench.jsonl"
# The supervisor queries as the console sends them, for section 5 (psql -f runs the same statements).
capture stuck "diagnose --stuck --limit 50"
cp "$OUT/pgbench-stuck.sql" "$OUT/stuck.sql"
capture status "stats registrations --by status"
cp "$OUT/pgbench-status.sql" "$OUT/status.sql"
