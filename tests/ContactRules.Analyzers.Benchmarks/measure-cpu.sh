#!/usr/bin/env bash
# On-CPU samples of one compile of a generated CRM (see docs/benchmarks-analyzers.md), split by
# analyzer: the CPU the consent analyzer and the SDK's analyzers spend in their actions, which
# the wall time that -p:ReportAnalyzer=true reports adds to with every wait for a core.
#   csc is run directly with the response file msbuild wrote for the project (build it once with
#   -v:d and copy the csc command line after "csc.dll" into <rsp>), under `perf record` at 1999 Hz
#   with call stacks; the runtime writes its map of JIT-compiled code (DOTNET_PerfMapEnabled) so
#   that the analyzers' frames can be named. A sample counts for the analyzer whose frame is
#   nearest the root of its stack: ContactRules.Analyzers, or the SDK's NetAnalyzers assemblies.
# Prints one line per run: label, run, our samples, the SDK's samples, ours / SDK's, and the
# ConsentFlowAnalyzer line's time that -reportanalyzer gives for the same compile.
# Usage: measure-cpu.sh <project folder> <rsp> <runs> <ContactRules.Analyzers.dll> [more dlls...]
# Needs perf (linux-perf) and permission to record (run as root or lower perf_event_paranoid).
set -euo pipefail
folder=$1; rsp=$2; runs=$3; shift 3
csc=$(dirname "$(command -v dotnet)")/sdk/$(dotnet --version)/Roslyn/bincore/csc
[ -x "$csc" ] || csc=$(dirname "$(readlink -f "$(command -v dotnet)")")/sdk/$(dotnet --version)/Roslyn/bincore/csc
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$folder"
for run in $(seq 1 "$runs"); do
  for dll in "$@"; do
    label=$(basename "$(dirname "$dll")")
    DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 perf record -q -F 1999 -g -o "$work/perf.data" -- \
      "$csc" "@$rsp" "/analyzer:$dll" -reportanalyzer > "$work/csc.log" 2>&1 || true
    perf script -i "$work/perf.data" 2> /dev/null | awk -v label="$label" -v run="$run" -v logfile="$work/csc.log" '
      function flush(   i, who) {
        who = ""
        for (i = n; i >= 1; i--) {
          if (frames[i] ~ /ContactRules\.Analyzers/) { who = "ours"; break }
          if (frames[i] ~ /NetAnalyzers/) { who = "sdk"; break }
        }
        if (who == "ours") ours++
        if (who == "sdk") sdk++
        n = 0
      }
      /^$/ { flush(); next }
      /^[^ \t]/ { n = 0; next }
      { frames[++n] = $0 }
      END {
        flush()
        flow = "?"
        while ((getline line < logfile) > 0) if (line ~ /ContactRules\.Analyzers\.ConsentFlowAnalyzer /) { split(line, f, " "); flow = f[1] }
        printf "%s %s ours %d sdk %d ratio %.2f reported %s\n", label, run, ours, sdk, (sdk > 0 ? ours / sdk : 0), flow
      }'
    # The runtime's map of this csc (perf reads it from /tmp by the process id): not left behind.
    pid=$(perf script -i "$work/perf.data" -F pid 2> /dev/null | head -1 | tr -d ' ' || true)
    rm -f "$work/perf.data" ${pid:+"/tmp/perf-$pid.map"}
  done
done
