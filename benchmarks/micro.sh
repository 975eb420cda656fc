#!/usr/bin/env bash
# Runs the JMH micro-benchmarks (Sluice vs Apache Flink 2.3.0: serializers, network buffer pools,
# keyed state access) and writes benchmarks/results/micro.{json,md}.
#   benchmarks/micro.sh --quick   1 fork, 2 warm-up + 3 measured iterations of 1 s (< 5 min)
#   benchmarks/micro.sh           2 forks, 5 + 5 iterations of 2 s (about 15 min)
#   SKIP_BUILD=1 benchmarks/micro.sh --quick   reuse the last build
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"

quick=()
for arg in "$@"; do
  case "$arg" in
    --quick) quick=(--quick) ;;
    *) echo "unknown option $arg; use [--quick]" >&2; exit 2 ;;
  esac
done

if [[ "${SKIP_BUILD:-}" != "1" ]]; then
  echo "Building benchmarks/micro ..."
  (cd "$root" && mvn -B -q -pl benchmarks/micro -am package -DskipTests)
fi

target="$here/micro/target"
# The compiled benchmarks plus every jar of target/lib whose name matches none of the patterns given.
classpath_without() {
  local cp="$target/classes" jar name pattern keep
  for jar in "$target"/lib/*.jar; do
    name="$(basename "$jar")"
    keep=1
    for pattern in "$@"; do
      # shellcheck disable=SC2053 # the pattern is a glob on purpose
      if [[ "$name" == $pattern ]]; then keep=0; fi
    done
    if ((keep)); then cp="$cp:$jar"; fi
  done
  echo "$cp"
}
# Sluice and Flink ship org.rocksdb classes (and native libraries) of different RocksDB versions, so a
# JVM sees only one engine's RocksDB: everything but Flink's RocksDB case in one JMH run, that case in
# another.
sluice_cp="$(classpath_without 'frocksdbjni-*' 'flink-statebackend-rocksdb-*')"
flink_rocksdb_cp="$(classpath_without 'rocksdbjni-*' 'sluice-state-rocksdb-*')"

runs="$target/jmh"
results="$here/results"
mkdir -p "$runs" "$results"
load_before="$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo unknown)"

java -cp "$sluice_cp" io.sluice.bench.micro.MicroBenchmarks "${quick[@]}" \
  --exclude 'FlinkRocksDbStateBenchmark' --out "$runs/main"
java -cp "$flink_rocksdb_cp" io.sluice.bench.micro.MicroBenchmarks "${quick[@]}" \
  --include 'FlinkRocksDbStateBenchmark' --out "$runs/flink-rocksdb"
java -cp "$sluice_cp" io.sluice.bench.micro.MicroReport "${quick[@]}" --load-before "$load_before" \
  --json "$results/micro.json" --md "$results/micro.md" "$runs/main" "$runs/flink-rocksdb"
echo "Wrote $results/micro.md and $results/micro.json"
