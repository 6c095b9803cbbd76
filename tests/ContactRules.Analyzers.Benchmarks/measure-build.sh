#!/usr/bin/env bash
# Interleaved build measurement of a generated CRM (see docs/benchmarks-analyzers.md):
#   A = no analyzer of ours, B = EmptyAnalyzer.dll, C = ContactRules.Analyzers.dll,
#   D = another ContactRules.Analyzers.dll (the build before a change), when given;
# run A/B/C(/D), A/B/C(/D), ... each a full Rebuild of the generated project only, with
# -p:ReportAnalyzer=true and a fresh csc process (no shared compiler server, whose state is
# shared with other builds on the machine). With SHARED=1 the builds go instead through the shared
# compiler server, as `dotnet build` does by default: the server is shut down, started by one
# unrecorded build of each label (which loads and compiles every analyzer once), and then kept
# for every recorded build. Prints one line per build:
#   label  round  wall_s  csc_task_ms  total_analyzer_s  ours_or_empty_s  consent_flow_s  others_s  CR_diagnostics
# where "others" is the total analyzer time minus the ContactRules (or empty) analyzer assembly's:
# on the dial-heavy project (generated with `dial-heavy`, the SDK's analyzers on) it is the SDK's.
# Usage: measure-build.sh <generated folder> <ContactRules.Analyzers.dll> <rounds> [before ContactRules.Analyzers.dll] [labels]
set -euo pipefail
folder=$1; ours=$2; rounds=${3:-3}; before=${4:-}; labels=${5:-}
if [ -z "$labels" ]; then labels="A B C"; [ -n "$before" ] && labels="A B C D"; fi
cd "$folder"
shared=false
if [ "${SHARED:-0}" = "1" ]; then shared=true; dotnet build-server shutdown > /dev/null 2>&1 || true; fi
first=1; [ "$shared" = true ] && first=0
for round in $(seq "$first" "$rounds"); do
  for label in $labels; do
    case $label in
      A) analyzers=""; name="-" ;;
      B) analyzers="$folder/EmptyAnalyzer.dll"; name="EmptyAnalyzer" ;;
      C) analyzers="$ours"; name="ContactRules.Analyzers" ;;
      D) analyzers="$before"; name="ContactRules.Analyzers" ;;
    esac
    log="$folder/build-$label-$round.log"
    start=$(date +%s.%N)
    dotnet msbuild GeneratedCrm.csproj -nologo -t:Rebuild -p:Configuration=Release -p:BuildProjectReferences=false \
      -p:ReportAnalyzer=true -p:UseSharedCompilation=$shared "-p:CrAnalyzers=$analyzers" -v:d -clp:PerformanceSummary > "$log" 2>&1 || true
    end=$(date +%s.%N)
    [ "$round" = 0 ] && continue # the warm-up build of the shared server
    csc=$( (grep -E '^ +[0-9]+ ms +Csc +[0-9]+ calls' "$log" || true) | awk '{print $1}' | head -1)
    total=$( (grep -m1 'Total analyzer execution time' "$log" || true) | grep -oE '[0-9]+([.,][0-9]+)?' | head -1 || true)
    mine="0"; flow="0"
    if [ "$name" != "-" ]; then
      mine=$( (grep -E "^\s*[0-9<.,]+\s+[0-9<]+\s+$name," "$log" || true) | head -1 | awk '{print $1}')
      flow=$( (grep -E "^\s*[0-9<.,]+\s+[0-9<]+\s+ContactRules.Analyzers.ConsentFlowAnalyzer " "$log" || true) | head -1 | awk '{print $1}')
    fi
    others=$(echo "${total:-0} - ${mine:-0}" | sed 's/<//g' | bc)
    # Each diagnostic is printed twice by msbuild (as it happens and in the summary): count distinct lines.
    diagnostics=$( (grep -oE '[^ >]+\.cs\([0-9]+,[0-9]+\): warning CR[0-9]+' "$log" || true) | sort -u | (grep -oE 'CR[0-9]+' || true) | sort | uniq -c | awk '{printf "%s:%s ", $2, $1}')
    printf '%s %s %.1f %s %s %s %s %s %s\n' "$label" "$round" "$(echo "$end - $start" | bc)" "${csc:-?}" "${total:-?}" "${mine:-?}" "${flow:-0}" "$others" "${diagnostics:--}"
  done
done
