#!/usr/bin/env bash
# Runs the side-by-side benchmarks (Sluice vs an Apache Flink MiniCluster) and writes
# benchmarks/results/latest.{json,md,png}.
#   benchmarks/run.sh            full run (< 30 min on 2 cores)
#   benchmarks/run.sh --quick    fewer records and repetitions (< 5 min)
# Further options go to the runner: --only SUBSTRING (e.g. --only nexmark), --results DIR,
# --no-scale (the full plan's record counts as planned: by default a slower machine runs fewer,
# down to half, after a one-second probe; see MachineCalibration).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"

if [[ "${SKIP_BUILD:-}" != "1" ]]; then
  echo "Building the benchmarks module (mvn -P bench) ..."
  (cd "$root" && mvn -B -q -P bench -pl benchmarks -am package -DskipTests)
fi

jar="$(ls "$here"/target/sluice-benchmarks-*.jar | head -n 1)"
cd "$here"
exec java -Xmx512m -Djava.awt.headless=true -cp "$jar:$here/target/lib/*" \
  io.sluice.bench.runner.BenchRunner "$@"
