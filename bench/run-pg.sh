#!/usr/bin/env bash
# make bench-pg: N registrations (with the insured extract) and T tickets on a PostgreSQL desk of its own (a private
# cluster started here, tuned for this machine), every figure beside the same work done by the stock psql/pgbench in
# the same run. Raw numbers land in bench/out/pg-N/, the summary in bench/out/pg-N/report.md.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
T=${2:-200000}
OUT=bench/out/pg-$N
CSV=bench/out/$N
BIN=$PWD/.build/release/vssdesk
BENCH=$PWD/.build/release/vssdesk-bench
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
CL=/tmp/vssdesk-bench-pg-$N
mkdir -p "$OUT"
command -v hyperfine >/dev/null || { echo "hyperfine is needed: apt-get install -y hyperfine" >&2; exit 1; }
export VSSDESK_KB_DIR=$PWD/kb
t() { local s=$(date +%s.%N); "$@" >/dev/null; echo "$(date +%s.%N) - $s" | bc; }

scripts/pg-test-cluster stop "$CL"
URI=$(PGTEST_CONF="shared_buffers = 6GB
maintenance_work_mem = 2GB
work_mem = 64MB
max_wal_size = 16GB
checkpoint_timeout = 30min
effective_cache_size = 16GB
random_page_cost = 1.1" scripts/pg-test-cluster start "$CL")
trap 'scripts/pg-test-cluster stop "$CL"' EXIT
psql() { "$PGBIN/psql" "$@"; }
uri_of() { echo "${URI/\/vssdesk\?//$1?}"; }
for d in desk viapsql; do psql "$URI" -qAtc "CREATE DATABASE $d" >/dev/null; done
DESK=$(uri_of desk); RAW=$(uri_of viapsql)
echo "$DESK" > "$OUT/uri.txt"

echo "== generating $N registrations"
[ -f "$CSV/registrations.csv" ] || "$BENCH" gen "$N" "$CSV"
"$BIN" --db "$DESK" init >/dev/null
"$BIN" --db "$RAW" init >/dev/null

echo "== 1. import registrations: vssdesk import vs psql \\copy (same schema and indexes)"
cols=$(head -1 "$CSV/registrations.csv")
sel=$(echo "$cols" | tr ',' '\n' | sed 's/^/s./' | paste -sd, -)
cat > "$OUT/psql-import.sql" <<SQL
CREATE TEMP TABLE staging AS SELECT $cols FROM registrations WITH NO DATA;
\\copy staging FROM '$CSV/registrations.csv' WITH (FORMAT csv, HEADER true)
INSERT INTO registrations($cols, name_folded) SELECT $sel, lower(s.full_name) FROM staging s;
SQL
sv=$(t "$BIN" --db "$DESK" import registrations "$CSV/registrations.csv")
sp=$(t psql "$RAW" -v ON_ERROR_STOP=1 -q -f "$OUT/psql-import.sql")
echo "{\"vssdesk_s\": $sv, \"psql_s\": $sp, \"rows\": $N}" | tee "$OUT/import.json"
si=$(t "$BIN" --db "$DESK" import insured "$CSV/insured.csv")
echo "{\"insured_s\": $si}" > "$OUT/import-insured.json"
"$BENCH" pg-tickets "$DESK" "$T"
psql "$DESK" -qAtc "VACUUM ANALYZE" >/dev/null
psql "$DESK" -qAtc "SELECT pg_database_size(current_database())" > "$OUT/dbsize.txt"

eval "$("$BENCH" pg-samples "$DESK")"
echo "== 2. whole-process lookups (code=$code)"
hyperfine -N --warmup 3 --runs 30 --export-json "$OUT/lookups.json" \
  -n "psql pk" "$PGBIN/psql $DESK -qAtc \"SELECT * FROM registrations WHERE bhxh_code='$code'\"" \
  -n "code" "$BIN --db $DESK -c 'search $code'" \
  -n "cccd" "$BIN --db $DESK -c 'search $cccd'" \
  -n "phone" "$BIN --db $DESK -c 'search $phone'"

echo "== 3. in-process latency (vssdesk) beside pgbench running the same lookups"
"$BENCH" pg-latency "$DESK" | tee "$OUT/latency.json"
bash bench/pg-equivalents.sh "$DESK" "$OUT" "$PGBIN" "$N"

echo "== 4. 50 operator processes logging tickets and searching for 30 s: back to back (saturating the machine), then"
echo "      each starting a search → ticket → note every 250 ms (200 tickets a second, far beyond any hotline)"
"$BENCH" pg-concurrent "$DESK" 50 30 | tee "$OUT/concurrent.json"
psql "$DESK" -qAtc "VACUUM ANALYZE" >/dev/null
"$BENCH" pg-concurrent "$DESK" 50 30 250 | tee "$OUT/concurrent-paced.json"

echo "== 5. supervisor queries vs the same SQL in psql"
hyperfine -N --warmup 1 --runs 5 --export-json "$OUT/sql.json" \
  -n "stats registrations --by status" "$BIN --db $DESK -c 'stats registrations --by status'" \
  -n "psql status counts" "$PGBIN/psql $DESK -qAt -f $OUT/status.sql" \
  -n "diagnose --stuck" "$BIN --db $DESK -c 'diagnose --stuck --limit 50'" \
  -n "psql stuck counts" "$PGBIN/psql $DESK -qAt -f $OUT/stuck.sql"

python3 bench/report-pg.py "$OUT" "$N" "$T" | tee "$OUT/report.md"
