#!/usr/bin/env python3
"""swvsim verken's HTTP API (tools/cli/verken_server.h), fast: foreign hosts and origins (403), bodies
over 64 KB, also chunked (413), what is not JSON (415, 400), keys outside the page's controls (400),
invalid values with the loader's own messages (400), variants written beside the scenario only and
never over a file without "overschrijf", /api/bereken equal to `swvsim run` on the saved variant byte
for byte, and a clean stop on SIGTERM (143) and Ctrl-C (130).

Usage: verken_api.py SWVSIM BRONMAP   (CTest runs it; tests/CMakeLists.txt)"""
import json
import os
import re
import shutil
import signal
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from verken_common import Server, check, example_copy, main, run_swvsim  # noqa: E402

CHANGES = {
    "demografie.groei": {"verdeling": "normaal", "gemiddelde": -0.01, "sd": 0.003},
    "post[verken-extra].bedrag": 200000,
    "risico[R1].kans": 0.5,
}


def without_time(text):
    return re.sub(rb'"seconden": *[0-9.eE+-]+', b'"seconden": 0', text, count=1)


def test(swvsim, source_dir):
    folder, scenario = example_copy(source_dir)
    server = Server(swvsim, scenario, "--paden", "400", "--threads", "2")
    try:
        port = server.port
        # The page, and who may see it.
        status, headers, body = server.request("GET", "/")
        check(status == 200, "GET / gaf %d" % status)
        page = body.decode()
        check('id="kaderbrief-bedrag"' in page, "de pagina mist het kaderbriefbedrag")
        check('data-sleutel="demografie.groei"' in page, "de pagina mist de knop voor demografie.groei")
        check("script-src" in headers.get("Content-Security-Policy", "") or "default-src 'self'" in headers.get("Content-Security-Policy", ""),
              "geen Content-Security-Policy")
        check("http://" not in page.replace(server.url, "").split("<body")[0], "de pagina laadt iets van buiten")
        for path in ("/verken.js", "/verken.css", "/rapport.css"):
            s, _, b = server.request("GET", path)
            check(s == 200 and len(b) > 100, "%s gaf %d" % (path, s))
        status, _, _ = server.request("GET", "/", host="localhost:%d" % port)
        check(status == 200, "Host localhost:PORT gaf %d" % status)
        for host in ("evil.example:%d" % port, "127.0.0.1:%d" % (port + 1), "127.0.0.1", "localhost.evil.example:%d" % port, ""):
            status, _, body = server.request("GET", "/", host=host)
            check(status == 403, "Host %r gaf %d, verwacht 403" % (host, status))
            check("Host" in json.loads(body)["fout"], "403 zonder uitleg: %r" % body)
            status, _, _ = server.request("POST", "/api/bereken", "{}", host=host)
            check(status == 403, "POST met Host %r gaf %d, verwacht 403" % (host, status))
        status, _, _ = server.request("POST", "/api/bereken", "{}", headers={"Origin": "http://evil.example"})
        check(status == 403, "Origin van een andere site gaf %d, verwacht 403" % status)

        # Bodies: size, form, JSON.
        big = '{"wijzigingen": {}, "naam": "%s"}' % ("x" * (64 * 1024))
        status, _, body = server.request("POST", "/api/bereken", big)
        check(status == 413, "een lichaam van ruim 64 KB gaf %d, verwacht 413" % status)
        status, _, body = server.request("POST", "/api/bereken", big, headers={"Transfer-Encoding": "chunked"})
        check(status == 413, "een lichaam van ruim 64 KB in stukken gaf %d, verwacht 413" % status)
        status, _, _ = server.request("POST", "/api/bereken", "{}", headers={"Content-Type": "text/plain"})
        check(status == 415, "text/plain gaf %d, verwacht 415" % status)
        status, _, _ = server.request("POST", "/api/bereken", "{}", headers={"Content-Encoding": "gzip"})
        check(status == 415, "Content-Encoding gzip gaf %d, verwacht 415" % status)
        status, _, body = server.request("POST", "/api/bereken", '{"wijzigingen": {')
        check(status == 400 and "geen geldige JSON" in json.loads(body)["fout"], "kapotte JSON: %d %r" % (status, body))

        # Only the page's keys; the loader's own messages for what the values mean.
        status, _, body = server.request("POST", "/api/bereken", json.dumps({"wijzigingen": {"start.eigen_vermogen": 1}}))
        fout = json.loads(body)["fout"]
        check(status == 400 and "kan op deze pagina niet worden gewijzigd" in fout and "demografie.groei" in fout,
              "een sleutel buiten de knoppen: %d %r" % (status, fout))
        status, _, body = server.request("POST", "/api/bereken", json.dumps({"wijzigingen": {"risico[R1].kans": 1.5}}))
        answer = json.loads(body)
        check(status == 400 and any("risico[R1].kans" in m and "verken.toml:" in m for m in answer.get("meldingen", [])),
              "een kans van 1,5 gaf %d %r" % (status, answer))
        status, _, body = server.request("POST", "/api/bereken", json.dumps({"wijzigingen": {"beleid.afbouw.aandeel": "de helft"}}))
        check(status == 400 and any("beleid.afbouw.aandeel" in m for m in json.loads(body).get("meldingen", [])),
              "tekst voor een getal gaf %d %r" % (status, body))

        # /api/bereken is exactly run's resultaat.json on the saved variant.
        request = {"wijzigingen": CHANGES, "naam": "api-test"}
        status, headers, computed = server.request("POST", "/api/bereken", json.dumps(request))
        check(status == 200, "bereken gaf %d: %r" % (status, computed[:500]))
        check(headers.get("Content-Type", "").startswith("application/json"), "bereken is geen JSON")
        status, _, body = server.request("POST", "/api/variant", json.dumps(request))
        check(status == 200, "variant gaf %d: %r" % (status, body))
        saved = json.loads(body)
        check(saved["bestand"] == os.path.join(folder, "api-test.toml"), "variant op de verkeerde plaats: %r" % saved)
        text = open(saved["bestand"], encoding="utf-8").read()
        check('basis  = "voorbeeld-po.toml"' in text and "paden = 400" in text, "de variant mist basis of paden:\n" + text)
        run_swvsim(swvsim, "run", saved["bestand"], "--uit", os.path.join(folder, "uit"), "--stil", "--threads", "2")
        with open(os.path.join(folder, "uit", "resultaat.json"), "rb") as f:
            by_run = f.read()
        # Byte for byte, but for the wall time of the computation (simulatie.seconden).
        check(without_time(computed) == without_time(by_run), "resultaat.json van run verschilt van /api/bereken")
        result = json.loads(by_run)
        check(result["simulatie"]["paden"] == 400, "run rekende niet met de paden van de pagina")
        # /api/pagina holds the same bytes as resultaat.
        status, _, body = server.request("POST", "/api/pagina", json.dumps(request))
        check(status == 200, "pagina gaf %d" % status)
        pagina = json.loads(body)
        check(json.loads(computed) == pagina["resultaat"] and computed.strip() in body, "pagina en bereken verschillen")
        check('id="kaderbrief-bedrag"' in pagina["pagina"] and "<svg" in pagina["grafiek"], "pagina mist pagina 1 of de grafiek")

        # Variants: never over an existing file without overschrijf, never outside the folder, never the base.
        status, _, body = server.request("POST", "/api/variant", json.dumps(request))
        check(status == 409, "een bestaande variant opnieuw gaf %d, verwacht 409" % status)
        status, _, body = server.request("POST", "/api/variant", json.dumps({**request, "overschrijf": True}))
        check(status == 200, "overschrijf gaf %d" % status)
        status, _, body = server.request("POST", "/api/variant", json.dumps({"naam": "../../buiten", "wijzigingen": {}}))
        check(status == 200 and json.loads(body)["bestand"] == os.path.join(folder, "buiten.toml"), "../../buiten: %d %r" % (status, body))
        check(not os.path.exists(os.path.join(os.path.dirname(folder), "buiten.toml")), "een variant buiten de map geschreven")
        with open(os.path.join(folder, "voorbeeld-po.toml"), "rb") as f:
            before = f.read()
        status, _, body = server.request("POST", "/api/variant", json.dumps({"naam": "voorbeeld-po", "wijzigingen": {}, "overschrijf": True}))
        check(status == 409, "de basis als naam gaf %d, verwacht 409" % status)
        with open(os.path.join(folder, "voorbeeld-po.toml"), "rb") as f:
            check(f.read() == before, "het basisscenario is veranderd")
        status, _, body = server.request("POST", "/api/variant", json.dumps({"naam": "fout", "wijzigingen": {"risico[R1].kans": 2}}))
        check(status == 400 and not os.path.exists(os.path.join(folder, "fout.toml")), "een ongeldige variant is geschreven")

        # A clean stop.
        code = server.stop(signal.SIGTERM)
        check(code == 143, "SIGTERM gaf exitcode %d, verwacht 143" % code)
    finally:
        server.kill()
    server = Server(swvsim, scenario, "--paden", "400")
    try:
        status, _, _ = server.request("GET", "/")
        check(status == 200, "tweede server: GET / gaf %d" % status)
        code = server.stop(signal.SIGINT)
        check(code == 130, "Ctrl-C gaf exitcode %d, verwacht 130" % code)
    finally:
        server.kill()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main(test, sys.argv)
