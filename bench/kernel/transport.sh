#!/usr/bin/env bash
# Kernel start-up, trivial-cell round trip and memory before and after the transport change (libzmq P/Invoke →
# NetMQ), same machine, same run, alternating. One command:
#   bash bench/kernel/transport.sh [ROUNDS]        (default 3; BEFORE_REF=<commit> overrides the libzmq build)
# Builds both kernels ReadyToRun (the "before" from BEFORE_REF via git archive, the "after" from this checkout),
# installs their kernelspecs into a private prefix, then alternates before/after C# and F# runs of
# tests/NeuroRnn.Kernel.Tests/Integration/kernel_client_checks.py (Debian's jupyter_client), recording `uptime`
# around each run. Writes bench/results/kernel-transport.json and regenerates the section in bench/results/kernel.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-3}
before_ref=${BEFORE_REF:-948ca2d}   # last main commit whose kernel used libzmq (libzmq5 must be installed for it)
out=${BENCH_DIR:-/tmp/neurornn-kernel-transport-bench}
rm -rf "$out"; mkdir -p "$out/before-src"

echo "bench: building before ($before_ref) and after (working tree) with ReadyToRun" >&2
git archive "$before_ref" | tar -x -C "$out/before-src"
[[ -d node_modules ]] && ln -s "$PWD/node_modules" "$out/before-src/node_modules"
publish() { dotnet publish "$1/src/NeuroRnn.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -nologo -clp:ErrorsOnly -o "$2" >&2; }
publish "$out/before-src" "$out/before"
publish "$PWD" "$out/after"
for v in before after; do "$out/$v/NeuroRnn.Cli" kernel install --prefix "$out/prefix" --name "bench-$v" >&2; done

export JUPYTER_PATH="$out/prefix/share/jupyter" JUPYTER_RUNTIME_DIR="$out/runtime" JUPYTER_DATA_DIR="$out/data"
checks=tests/NeuroRnn.Kernel.Tests/Integration/kernel_client_checks.py
results="$out/runs.jsonl"; : > "$results"
run() { # variant language checks
  local load0 load1 lines
  load0=$(cut -d' ' -f1-3 /proc/loadavg)
  lines=$(/usr/bin/python3 "$checks" --kernel-name "bench-$1-$2" --dialect "$2" --checks "$3")
  load1=$(cut -d' ' -f1-3 /proc/loadavg)
  while IFS= read -r line; do
    [[ "$line" == "{"* ]] && echo "{\"variant\": \"$1\", \"language\": \"$2\", \"load_before\": \"$load0\", \"load_after\": \"$load1\", \"report\": $line}" >> "$results"
  done <<< "$lines"
}
for ((i = 1; i <= rounds; i++)); do
  for v in before after; do
    echo "bench: round $i/$rounds, $v" >&2
    run "$v" csharp bench,rss_both,rss_completion
    run "$v" fsharp bench
  done
done

/usr/bin/python3 bench/kernel/transport_report.py "$results" bench/results/kernel-transport.json bench/results/kernel.md \
  --before "$before_ref" --after "$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo +changes)"
rm -rf "$out"
