#!/usr/bin/env python3
"""Adds every public symbol the PublicApiAnalyzers report as undeclared (RS0016) to the
project's PublicAPI.Unshipped.txt, using the exact API names from the compiler's SARIF log.

    python3 eng/update-public-api.py src/ContactRules/ContactRules.csproj [more.csproj ...]
"""
import json
import os
import subprocess
import sys
import tempfile


def update(project):
    folder = os.path.dirname(os.path.abspath(project))
    names = set()
    with tempfile.TemporaryDirectory() as tmp:
        log = os.path.join(tmp, "api.sarif")
        subprocess.run(
            ["dotnet", "build", project, "-v", "q", "--no-incremental",
             f"-p:ErrorLog={log}%2Cversion=2.1", "-p:TreatWarningsAsErrors=false"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        for name in os.listdir(tmp):
            with open(os.path.join(tmp, name), encoding="utf-8-sig") as f:
                for run in json.load(f)["runs"]:
                    for result in run.get("results", []):
                        if result.get("ruleId") == "RS0016":
                            api = result.get("properties", {}).get("customProperties", {}).get("APIName")
                            if api:
                                names.add(api)
    path = os.path.join(folder, "PublicAPI.Unshipped.txt")
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if l.strip()]
    header = [l for l in lines if l.startswith("#")]
    body = set(l for l in lines if not l.startswith("#")) | names
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(header + sorted(body, key=str.lower)) + "\n")
    print(f"{project}: {len(names)} symbols added")


for p in sys.argv[1:]:
    update(p)
