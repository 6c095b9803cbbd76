#!/usr/bin/env bash
# Interleaved build measurement of the generated CRM (see docs/benchmarks-analyzers.md):
#   A = no analyzer of ours, B = EmptyAnalyzer.dll, C = ContactRules.Analyzers.dll,
# run A/B/C, A/B/C, ... each a full Rebuild of the generated project only, with
# -p:ReportAnalyzer=true and a fresh csc process (no shared compiler server, whose state is
# shared with other builds on the machine). Prints one line per build:
#   label  wall_s  csc_task_ms  total_analyzer_s  our_analyzer_s
# Usage: measure-build.sh <generated folder> <ContactRules.Analyzers.dll> <rounds>
set -euo pipefail
folder=$1; ours=$2; rounds=${3:-3}
cd "$folder"
for round in $(seq 1 "$rounds"); do
  for label in A B C; do
    case $label in
      A) analyzers=""; name="-" ;;
      B) analyzers="$folder/EmptyAnalyzer.dll"; name="EmptyAnalyzer" ;;
      C) analyzers="$ours"; name="ContactRules.Analyzers" ;;
    esac
    log="$folder/build-$label-$round.log"
    start=$(date +%s.%N)
    dotnet msbuild GeneratedCrm.csproj -nologo -t:Rebuild -p:Configuration=Release -p:BuildProjectReferences=false \
      -p:ReportAnalyzer=true -p:UseSharedCompilation=false "-p:CrAnalyzers=$analyzers" -v:d -clp:PerformanceSummary > "$log" 2>&1
    end=$(date +%s.%N)
    csc=$(grep -E '^ +[0-9]+ ms +Csc +[0-9]+ calls' "$log" | awk '{print $1}' | head -1)
    total=$(grep -m1 'Total analyzer execution time' "$log" | grep -oE '[0-9]+([.,][0-9]+)?' | head -1)
    mine="0"
    if [ "$name" != "-" ]; then
      mine=$(grep -E "^\s*[0-9<.,]+\s+[0-9<]+\s+$name," "$log" | head -1 | awk '{print $1}')
    fi
    printf '%s %s %.1f %s %s %s\n' "$label" "$round" "$(echo "$end - $start" | bc)" "${csc:-?}" "${total:-?}" "${mine:-?}"
  done
done
