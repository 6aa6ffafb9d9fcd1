#!/usr/bin/env python3
"""swvsim verken in a real browser: headless Chromium driven by Selenium (Debian: chromium,
chromium-driver, python3-selenium). Loads the page, checks the page's own value rules (verken.js
waardeVoor, toon) against hand-computed values, moves two controls with the keyboard as a user
would, sees "berekenen…" and waits for the kaderbrief figure to change, saves the variant from the
page, runs `swvsim run` on the saved file and compares: page 1 as the browser shows it equals page 1
of run's rapport.html, and the page's own request gives run's resultaat.json (wall time aside).

Usage: verken_browser.py SWVSIM BRONMAP   (CTest runs it; tests/CMakeLists.txt)
SWVSIM_VERKEN_SCHERMAFDRUK=FILE also saves a screenshot of the page after the change."""
import json
import os
import re
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from verken_common import Failure, Server, check, example_copy, main, run_swvsim  # noqa: E402

PATHS = "2000"


def browser(profile):
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.options import Options
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        raise Failure("python3-selenium ontbreekt: draai de tests met bash tools/test.sh (installeert de testpakketten)")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    check(chromium and os.path.exists(driver), "chromium of chromium-driver ontbreekt: draai de tests met bash tools/test.sh")
    opts = Options()
    opts.binary_location = chromium
    # No network beyond the page: this machine may have none, and background traffic would only fail.
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1400,1100",
                 "--user-data-dir=" + profile):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(driver), options=opts)


def wait_for(driver, condition, what, timeout=90):
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException, TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait
    try:
        # The page replaces page 1 while it is read: a stale element is a reason to look again.
        return WebDriverWait(driver, timeout, poll_frequency=0.05,
                             ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)).until(lambda d: condition(d))
    except TimeoutException:
        status = driver.execute_script("return document.getElementById('status').textContent")
        fout = driver.execute_script("return document.getElementById('fout').textContent")
        raise Failure("wachten op %s duurde te lang (status %r, melding %r)" % (what, status, fout))


def check_value_rules(driver):
    """verken.js: the value a control writes, and how a level is shown (hand-computed)."""
    cases = [
        # (basis, basisNiveau, niveau, laagste) -> value
        ((None, 1, 0.8, 0), 0.8),
        ((0.25, 0.25, 0.5, 0), 0.5),
        (({"verdeling": "normaal", "gemiddelde": -0.005, "sd": 0.003}, -0.005, -0.01, None),
         {"verdeling": "normaal", "gemiddelde": -0.01, "sd": 0.003}),
        # uniform(0,10, 0,20), mean 0,15 -> 0,25: both ends up by 0,10
        (({"verdeling": "uniform", "min": 0.1, "max": 0.2}, 0.15, 0.25, 0), {"verdeling": "uniform", "min": 0.2, "max": 0.3}),
        # -> 0,03: shifting would take min to -0,02 < 0, so scaled by 0,03 / 0,15 = 0,2: (0,02, 0,04), mean 0,03
        (({"verdeling": "uniform", "min": 0.1, "max": 0.2}, 0.15, 0.03, 0), {"verdeling": "uniform", "min": 0.02, "max": 0.04}),
        # a per-year table moves every year by the same amount
        (({"2025": 0.5, "2026": 0.35, "2027": 0.7}, 0.5, 0.6, 0), {"2025": 0.6, "2026": 0.45, "2027": 0.8}),
        # driehoek(50.000, 120.000, 300.000), mean 156.666,67 -> + 10.000 on each point
        (({"verdeling": "driehoek", "min": 50000, "modus": 120000, "max": 300000}, 470000 / 3, 470000 / 3 + 10000, 0),
         {"verdeling": "driehoek", "min": 60000, "modus": 130000, "max": 310000}),
        # a distribution whose gemiddelde is a per-year table
        (({"verdeling": "beta", "gemiddelde": {"2025": 0.2, "2027": 0.3}, "sd": 0.02}, 0.2, 0.25, 0),
         {"verdeling": "beta", "gemiddelde": {"2025": 0.25, "2027": 0.35}, "sd": 0.02}),
    ]
    for (args, expected) in cases:
        got = driver.execute_script("return verken.waardeVoor(arguments[0], arguments[1], arguments[2], arguments[3]);", *args)
        check(got == expected, "waardeVoor%r gaf %r, verwacht %r" % (args, got, expected))
    shown = [(("-0.005", "procent", 1), "-0,5%"), (("0.25", "procent", 0), "25%"), (("1234567", "euro", 0), "€ 1.234.567"),
             (("-200000", "euro", 0), "€ -200.000"), (("0.85", "factor", 0), "× 0,85")]
    for (x, unit, dec), expected in shown:
        got = driver.execute_script("return verken.toon(parseFloat(arguments[0]), arguments[1], arguments[2]);", x, unit, dec)
        check(got == expected, "toon(%s, %s) gaf %r, verwacht %r" % (x, unit, got, expected))


def section_text(driver, element_id):
    return driver.execute_script("const e = document.getElementById(arguments[0]); return e ? e.innerText : null;", element_id)


def test(swvsim, source_dir):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    folder, scenario = example_copy(source_dir)
    profile = tempfile.mkdtemp(prefix="swvsim-chromium-")
    server = Server(swvsim, scenario, "--paden", PATHS, "--threads", "2")
    driver = None
    try:
        driver = browser(profile)
        driver.set_script_timeout(120)
        driver.get(server.url)
        wait_for(driver, lambda d: d.find_elements(By.ID, "kaderbrief-bedrag"), "de pagina")
        check_value_rules(driver)
        before = driver.find_element(By.ID, "kaderbrief-bedrag").text
        check(before, "het kaderbriefbedrag is leeg")
        # Every control names its key and shows the base value.
        knoppen = driver.find_elements(By.CSS_SELECTOR, ".knop")
        check(len(knoppen) >= 6, "te weinig knoppen: %d" % len(knoppen))
        for k in knoppen:
            check(k.get_attribute("data-sleutel") and "basis:" in k.find_element(By.CSS_SELECTOR, ".basis").text, "een knop zonder sleutel of basis")
        # Record the status states while the page works.
        driver.execute_script("""
            window.staten = [];
            const s = document.getElementById('status');
            new MutationObserver(() => window.staten.push(s.dataset.staat + ':' + s.textContent)).observe(s, {attributes: true, childList: true});""")
        # € 200.000 extra a year (20 steps of € 10.000) and krimp 0,5 percentage point faster (5 steps of 0,1%).
        extra = driver.find_element(By.CSS_SELECTOR, '.knop[data-sleutel="post[verken-extra].bedrag"] input[type=range]')
        check(float(extra.get_attribute("value")) == 0, "de schuif voor extra besteding begint niet op 0")
        extra.send_keys(*([Keys.RIGHT] * 20))  # focuses the slider (no click: that would move it) and steps it
        check(float(extra.get_attribute("value")) == 200000, "de schuif voor extra besteding staat op %s" % extra.get_attribute("value"))
        groei = driver.find_element(By.CSS_SELECTOR, '.knop[data-sleutel="demografie.groei"] input[type=range]')
        groei.send_keys(*([Keys.LEFT] * 5))
        check(abs(float(groei.get_attribute("value")) + 0.01) < 1e-9, "de schuif voor groei staat op %s" % groei.get_attribute("value"))
        wait_for(driver, lambda d: d.find_element(By.ID, "kaderbrief-bedrag").text != before
                 and d.find_element(By.ID, "status").get_attribute("data-staat") == "klaar", "een nieuw kaderbriefbedrag")
        after = driver.find_element(By.ID, "kaderbrief-bedrag").text
        staten = driver.execute_script("return window.staten;")
        check(any(s.startswith("bezig:berekenen") for s in staten), "de pagina toonde geen 'berekenen…': %r" % staten)
        check(driver.find_element(By.CSS_SELECTOR, '.knop[data-sleutel="demografie.groei"] output').text == "-1,0%", "groei toont niet -1,0%")
        if os.environ.get("SWVSIM_VERKEN_SCHERMAFDRUK"):
            driver.save_screenshot(os.environ["SWVSIM_VERKEN_SCHERMAFDRUK"])
        page_summary = section_text(driver, "bestuurssamenvatting")
        # Nothing refused or broken on the way (a blocked asset, a script error, a CSP violation).
        severe = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        check(not severe, "de browser meldt fouten: %r" % severe)
        # The page's own request, as the page sends it, to /api/bereken.
        changes = driver.execute_script("return verken.wijzigingen();")
        check(set(changes) == {"post[verken-extra].bedrag", "demografie.groei"}, "de pagina stuurt %r" % changes)
        computed = driver.execute_async_script("""
            const done = arguments[arguments.length - 1];
            fetch('/api/bereken', {method: 'POST', headers: {'Content-Type': 'application/json'},
                                   body: JSON.stringify({wijzigingen: verken.wijzigingen(), naam: 'uit-de-browser'})})
              .then(r => r.text()).then(done, e => done('FOUT ' + e));""")

        # Save the variant from the page.
        naam = driver.find_element(By.ID, "naam")
        naam.clear()
        naam.send_keys("uit de browser")
        driver.find_element(By.ID, "bewaar").click()
        wait_for(driver, lambda d: d.find_element(By.ID, "bewaard").get_attribute("data-staat") in ("klaar", "fout"), "bewaren")
        melding = driver.find_element(By.ID, "bewaard")
        check(melding.get_attribute("data-staat") == "klaar", "bewaren mislukte: %s" % melding.text)
        saved = melding.get_attribute("data-bestand")
        check(saved == os.path.join(folder, "uit-de-browser.toml"), "bewaard als %r" % saved)

        # run on the saved variant: the same page 1, the same resultaat.json.
        out = os.path.join(folder, "uit")
        run_swvsim(swvsim, "run", saved, "--uit", out, "--stil", "--threads", "2")
        with open(os.path.join(out, "resultaat.json"), "rb") as f:
            by_run = f.read()
        strip = lambda t: re.sub(rb'"seconden": *[0-9.eE+-]+', b'"seconden": 0', t, count=1)  # noqa: E731
        check(strip(computed.encode()) == strip(by_run), "de pagina rekende iets anders dan run: %s" % computed[:300])
        result = json.loads(by_run)
        amount = result["kaderbrief"]["bedrag_per_jaar"]
        dutch = "€ " + "{:,}".format(round(abs(amount))).replace(",", ".")  # a cut says "bezuinig" before the amount
        check(dutch in after, "het bedrag op de pagina (%r) is niet dat van run (%s)" % (after, dutch))
        driver.get("file://" + os.path.join(out, "rapport.html"))
        check(driver.find_element(By.ID, "kaderbrief-bedrag").text == after, "rapport.html van run toont een ander kaderbriefbedrag")
        check(section_text(driver, "bestuurssamenvatting") == page_summary, "pagina 1 van run verschilt van de verkenpagina")
        print("kaderbrief: %s -> %s (run op %s: %s)" % (before, after, os.path.basename(saved), dutch))
    finally:
        if driver:
            driver.quit()
        server.kill()
        shutil.rmtree(profile, ignore_errors=True)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main(test, sys.argv)
