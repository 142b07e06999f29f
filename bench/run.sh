#!/usr/bin/env bash
# make bench / make bench-quick: N registrations (with the insured extract) and T tickets, every figure measured
# beside the same work done by the stock sqlite3 shell in the same run. Raw numbers land in bench/out/N/, the
# summary table in bench/out/N/report.md (copied into BENCHMARKS.md by hand, with the machine and the command).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
T=${2:-20000}
OUT=bench/out/$N
BIN=$PWD/.build/release/vssdesk
BENCH=$PWD/.build/release/vssdesk-bench
DB=$OUT/vssdesk.sqlite
SDB=$OUT/sqlite3.sqlite
RUNS=$([ "$N" -ge 1000000 ] && echo 1 || echo 3)
mkdir -p "$OUT"
command -v hyperfine >/dev/null || { echo "hyperfine is needed: apt-get install -y hyperfine" >&2; exit 1; }
export VSSDESK_KB_DIR=$PWD/kb

echo "== generating $N registrations"
[ -f "$OUT/registrations.csv" ] || "$BENCH" gen "$N" "$OUT"
rm -f "$OUT"/empty.sqlite*; "$BIN" --db "$OUT/empty.sqlite" init >/dev/null

cols=$(head -1 "$OUT/registrations.csv")
sel=$(echo "$cols" | tr ',' '\n' | sed 's/^/s./' | paste -sd, -)
cat > "$OUT/sqlite3-import.sql" <<SQL
CREATE TEMP TABLE staging($cols);
.import --csv --skip 1 $OUT/registrations.csv staging
INSERT INTO registrations($cols, name_folded) SELECT $sel, lower(s.full_name) FROM staging s;
SQL

echo "== 1. import registrations: vssdesk vs sqlite3 .import (same schema, indexes and FTS triggers)"
hyperfine --runs "$RUNS" --export-json "$OUT/import.json" \
  --prepare "rm -f $DB $DB-wal $DB-shm; cp $OUT/empty.sqlite $DB" \
  -n vssdesk "$BIN --db $DB import registrations $OUT/registrations.csv" \
  --prepare "rm -f $SDB $SDB-wal $SDB-shm; cp $OUT/empty.sqlite $SDB" \
  -n sqlite3 "sqlite3 $SDB < $OUT/sqlite3-import.sql"
"$BIN" --db "$DB" import insured "$OUT/insured.csv" >/dev/null
"$BENCH" tickets "$DB" "$T"
sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;" >/dev/null

eval "$("$BENCH" samples "$DB")"
name=$(sqlite3 "$DB" "SELECT full_name FROM registrations WHERE bhxh_code='$code'")
echo "== 2. whole-process lookups (code=$code)"
hyperfine -N --warmup 3 --runs 30 --export-json "$OUT/lookups.json" \
  -n "sqlite3 pk" "sqlite3 $DB \"SELECT * FROM registrations WHERE bhxh_code='$code'\"" \
  -n "code" "$BIN --db $DB -c 'search $code'" \
  -n "card" "$BIN --db $DB -c 'search $card'" \
  -n "cccd" "$BIN --db $DB -c 'search $cccd'" \
  -n "phone" "$BIN --db $DB -c 'search $phone'" \
  -n "name" "$BIN --db $DB -c 'search $name'"

if [ "${SCALE_ONLY:-0}" != 1 ]; then
  echo "== 3. in-process latency"
  "$BENCH" latency "$DB" > "$OUT/latency.json"
  cat "$OUT/latency.json"
fi

if [ -f bench/sql-equivalents.sh ]; then
  echo "== 4. supervisor queries and bulk vs equivalent SQL"
  bash bench/sql-equivalents.sh "$BIN" "$DB" "$OUT"
fi

echo "== 5. peak RSS of the REPL after a search, database size"
printf "search nguyen van\nsearch %s\nquit\n" "$code" > "$OUT/rss-input.txt"
/usr/bin/time -f %M -o "$OUT/rss.txt" "$BIN" --db "$DB" < "$OUT/rss-input.txt" > /dev/null 2>&1 || true
ls -l "$DB" | awk '{print $5}' > "$OUT/dbsize.txt"

if [ "${SCALE_ONLY:-0}" != 1 ]; then
  echo "== 6. audit verify over N audit rows (the hash chain, SPEC §13)"
  "$BENCH" audit "$DB" "$N"
  sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
  hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$OUT/audit-verify.json" -n "audit verify" "$BIN --db $DB audit verify"
fi

if [ "${SCALE_ONLY:-0}" != 1 ]; then
  echo "== 7. backup while ticket notes are written: vssdesk backup vs sqlite3 .backup (same database, same notes)"
  rm -f "$OUT"/copy*.sqlite*
  "$BENCH" backup-pause "$DB" "$BIN" --db "$DB" backup "$OUT/copy-vssdesk.sqlite" --replace | tee "$OUT/backup-vssdesk.json"
  "$BENCH" backup-pause "$DB" "$(command -v sqlite3)" "$DB" ".backup $OUT/copy-sqlite3.sqlite" | tee "$OUT/backup-sqlite3.json"
  rm -f "$OUT"/copy*.sqlite*
fi

python3 bench/report.py "$OUT" "$N" "$T" | tee "$OUT/report.md"
python3 bench/plot.py > /dev/null 2>&1 || true  # bench/scaling.svg from every run in bench/out/
