#!/usr/bin/env bash
# How long swvsim verken takes to answer a changed request (issue 29): starts the server on a copy of
# a scenario, asks /api/pagina for N different extra-spending amounts one after another (each a new
# computation: never from the cache), and prints the time per answer as the client sees it (load,
# Monte Carlo, the plan, the kaderbrief figure, resultaat.json and page 1, plus HTTP).
# Usage: bash tools/bench-verken.sh [PATHS=2000] [N=10] [SCENARIO=scenarios/voorbeeld-po.toml] [THREADS=2]
set -euo pipefail
cd "$(dirname "$0")/.."
paths=${1:-2000}; n=${2:-10}; scenario=${3:-scenarios/voorbeeld-po.toml}; threads=${4:-2}
[ -x build/swvsim ] || { echo "bench-verken: build/swvsim ontbreekt (bash tools/setup.sh)" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cp "$scenario" "$tmp/"
python3 - "$PWD/build/swvsim" "$tmp/$(basename "$scenario")" "$paths" "$n" "$threads" <<'PY'
import http.client, json, statistics, subprocess, sys, time
swvsim, scenario, paths, n, threads = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
p = subprocess.Popen([swvsim, "verken", scenario, "--poort", "0", "--paden", paths, "--threads", threads],
                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
port = int(p.stdout.readline().strip().rsplit(":", 1)[1].rstrip("/"))
def ask(amount):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    body = json.dumps({"wijzigingen": {"post[verken-extra].bedrag": amount}} if amount else {})
    t0 = time.perf_counter()
    c.request("POST", "/api/pagina", body, {"Content-Type": "application/json"})
    r = c.getresponse(); data = json.loads(r.read())
    assert r.status == 200, data
    return time.perf_counter() - t0, data["seconden"]
ask(0)  # the base (also warms the caches)
times = [ask(10000 * (k + 1)) for k in range(n)]
client = [t for t, _ in times]; server = [s for _, s in times]
print("swvsim verken, %s, %s paden, %s threads, %d nieuwe berekeningen:" % (scenario.rsplit("/", 1)[1], paths, threads, n))
print("  per antwoord (client): mediaan %.3f s, min %.3f s, max %.3f s" % (statistics.median(client), min(client), max(client)))
print("  waarvan rekenen (server): mediaan %.3f s" % statistics.median(server))
p.terminate(); p.wait()
PY
