#!/usr/bin/env bash
# Runs the checkpoint benchmark (Sluice only: checkpoint duration and size for 1 M keys on the heap
# and RocksDB backends, full and incremental, and the time a heap <-> RocksDB swap takes) and
# writes benchmarks/results/checkpoint.{json,md}.
#   benchmarks/checkpoint.sh                 3 runs, 1 M keys (about 1 min on 2 idle cores)
#   benchmarks/checkpoint.sh --runs 5 --keys 200000 --checkpoints 4 --change-percent 1
# SKIP_BUILD=1 reuses the last build of the benchmarks module.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"

if [[ "${SKIP_BUILD:-}" != "1" ]]; then
  echo "Building the benchmarks module (mvn -P bench) ..."
  (cd "$root" && mvn -B -q -P bench -pl benchmarks -am package -DskipTests)
fi

jar="$(ls "$here"/target/sluice-benchmarks-*.jar | head -n 1)"
cd "$here"
exec java -Xmx256m -cp "$jar:$here/target/lib/*" io.sluice.bench.runner.CheckpointRunner "$@"
