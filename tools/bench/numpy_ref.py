#!/usr/bin/python3
"""Vectorised numpy reference of swvsim's Monte-Carlo path model (issue 31), for speed and agreement.

Runs the 10-year PO bench scenario (tools/bench/po-10jaar.toml: scenarios/voorbeeld-po.toml over
2025-2034) with all paths as numpy arrays and a loop over the years only, and prints per year the
mean equity and P(equity > signaleringswaarde) ("bovenmatig"), and the time of the simulation part.
With --vergelijk RESULTAAT.json it puts swvsim's own run of the same scenario beside it and tests
the agreement in standard errors. tools/bench-numpy.sh runs both and reports the speed ratio.

    /usr/bin/python3 tools/bench/numpy_ref.py [SCENARIO] [--paden N] [--zaad S]
                                              [--vergelijk resultaat.json] [--json UIT.json]

Python 3.11+ (tomllib) and numpy; Debian 12: /usr/bin/python3 with the package python3-numpy.

The scenario is READ from its TOML files (tomllib), with its `basis` chain merged as the engine merges
it (tables key by key, a value of section 1 replaced whole, [[post]]/[[risico]]/[[bestemmingsreserve]]
by code) and its built-in rules file (scenarios/regels/<naam>.toml). Nothing is hard-coded except
the model itself. Only what this scenario uses is modelled; a scenario that uses more (capaciteit,
vangnet, zij-instroom, referral policy, targets, ocw_afroming/ocw_korting, streefvermogen, afbouw
with another moment or base, school-year lines, rules per year or with a basis, vo) is refused with
a message naming the key, never silently run with a different model.

What a path does per year, as sim/model/path/model.h (and model_lines.h, model_flows.h,
model_finance.h) does it, in the same order:
  1. index factors F_Y = F_{Y-1} (1 + i_Y) for bekostiging, loon, prijs (1 in eerste_jaar); the
     yearly rates are normals driven by correlated scores (Cholesky of indexatie.correlatie);
  2. budget lines from the counts at the teldatum of Y-1: fixed amounts x index factor,
     per-pupil amounts x count x factor, the computed support income (rules components x count) and
     DUO deductions (SO per category, SBO above drempel x (BaO + SBO)), rules tables carried past
     their last year with the mean index up to eerste_jaar and the path's index after it; realisation
     factors and multiplicative line shocks max(0, 1 + onzekerheid z); DUO's cap per component
     (SBO against licht, overflow to zwaar; SO against zwaar; the rest to the schools);
  3. risks: each occurs with its probability (a kans drawn per path where it is a distribution), its
     impact drawn at each occurrence; a blijvend risk recurs from its first occurrence on;
  4. the close: income - reductions (lost-income risks) - costs (lines, cost risks, last year's
     bestedingsplan, last year's bezuiniging on its group) -> equity; signaleringswaarde =
     max(percentage x income, minimum); then the management rules for Y+1 (afbouw: share x excess
     over the signaleringswaarde; bezuiniging when equity < ondergrens);
  5. the pupil flows to the teldatum of Y: sequential binomials of the competing risks
     (regular -> sbo, so laag/midden/hoog, pro, out; sbo -> so x 3, regular, out; so[c] -> regular,
     out), p_j / (1 - p_1 - ... - p_{j-1}) as the engine does, with numpy's Generator.binomial; the
     intake with its AR(1) shock, stochastically rounded.
Earmarked reserves and the balance sheet move no equity, so they are left out.

Random numbers: numpy's default Generator (PCG64), NOT swvsim's Philox streams, so the results
agree statistically, not bit for bit. Each value draws from its own marginal distribution
(beta, PERT = min + (max - min) Beta, driehoek, uniform, lognormaal from mean and sd, normaal),
which is what the engine's Gaussian copula gives, since no correlation joins them except the
indices'. The engine tabulates beta/PERT quantiles for |z| <= 8 (a difference below 1e-5).

Timed: the simulation (per-path draws, the year loop, the two statistics per year); not the import
of numpy nor reading the scenario. swvsim's "seconden" (resultaat.json) also includes building its
quantile tables and percentiles of 19 series, which this reference does not compute: the
comparison, if anything, favours numpy.
"""
import argparse
import json
import math
import os
import sys
import time
import tomllib

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_SCENARIO = os.path.join(ROOT, "tools", "bench", "po-10jaar.toml")
LISTS = ("post", "risico", "bestemmingsreserve")


def fail(msg):
    sys.exit("numpy_ref: " + msg)


# ------------------------------------------------------------------------------------------------
# Reading the scenario: the basis chain, merged as the engine merges it (docs/scenario-formaat.md §2).

def is_year_table(x):
    return isinstance(x, dict) and x and all(len(k) == 4 and k.isdigit() for k in x)


def is_value(x):
    """A value of section 1 (number, per-year table, distribution): replaced whole when merging."""
    return not isinstance(x, dict) or "verdeling" in x or is_year_table(x)


def merge(base, over):
    out = dict(base)
    for k, v in over.items():
        if k == "basis":
            continue
        if k in LISTS and isinstance(v, list) and isinstance(out.get(k), list):
            items = [dict(e) for e in out[k]]
            for e in v:
                at = next((i for i, b in enumerate(items) if b.get("code") == e.get("code")), None)
                if e.get("verwijder"):
                    if at is None:
                        fail(f"verwijder: onbekende code {e.get('code')}")
                    items.pop(at)
                elif at is None or e.get("vervang"):
                    e = {a: b for a, b in e.items() if a != "vervang"}
                    if at is None:
                        items.append(e)
                    else:
                        items[at] = e
                else:
                    items[at] = merge(items[at], e)
            out[k] = items
        elif isinstance(v, dict) and isinstance(out.get(k), dict) and not is_value(v) and not is_value(out[k]):
            out[k] = merge(out[k], v)
        else:
            out[k] = v
    return out


def load_chain(path, depth=0):
    if depth > 20:
        fail("basis-keten te lang (ring?)")
    with open(path, "rb") as f:
        d = tomllib.load(f)
    here = os.path.dirname(os.path.abspath(path))
    regels = d.get("swv", {}).get("regels")
    if isinstance(regels, str) and (regels.endswith(".toml") or "/" in regels):
        d["swv"]["regels"] = os.path.join(here, regels)  # relative to the file in which it is written
    if "basis" in d:
        d = merge(load_chain(os.path.join(here, d["basis"]), depth + 1), d)
    return d


def load_rules(name):
    if not isinstance(name, str):
        fail("swv.regels als tabel per jaar (§14.6) is niet gemodelleerd")
    path = name if os.path.isabs(name) else os.path.join(ROOT, "scenarios", "regels", name + ".toml")
    with open(path, "rb") as f:
        r = tomllib.load(f)
    if "basis" in r:
        fail("een regelsbestand met basis (§15) is niet gemodelleerd")
    return r


def get(d, dotted, default=None):
    for k in dotted.split("."):
        if not isinstance(d, dict) or k not in d:
            return default
        d = d[k]
    return d


def refuse_unmodelled(sc):
    """Everything the engine would do differently for keys this reference does not model."""
    if get(sc, "swv.sector") != "po":
        fail("alleen po is gemodelleerd")
    for key in ("demografie.zij_instroom", "stromen.beleid", "stromen.capaciteit", "stromen.doel", "vangnet",
                "beleid.ocw_afroming", "beleid.ocw_korting", "normen.streefvermogen"):
        if get(sc, key) is not None:
            fail(f"{key} is niet gemodelleerd in deze referentie")
    afbouw = get(sc, "beleid.afbouw") or {}
    if afbouw.get("moment", "volgend_jaar") != "volgend_jaar" or afbouw.get("boven", "signaleringswaarde") != "signaleringswaarde":
        fail("beleid.afbouw alleen met moment = volgend_jaar en boven = signaleringswaarde")
    if (get(sc, "beleid.bezuiniging") or {}).get("onder", "ondergrens") != "ondergrens":
        fail("beleid.bezuiniging alleen onder de ondergrens")
    for p in sc.get("post", []):
        if p.get("periode", "kalenderjaar") != "kalenderjaar":
            fail(f"post {p['code']}: periode = schooljaar is niet gemodelleerd")
        if "berekend" in p and "bedrag" in p:
            fail(f"post {p['code']}: berekend met bedrag (override) is niet gemodelleerd")


# ------------------------------------------------------------------------------------------------
# Values (section 1): a number, a per-year table, or a distribution (per path or per year).

def table_at(t, year):
    """A per-year table at `year`: the last given year <= year, else the first."""
    if not isinstance(t, dict):
        return float(t)
    ys = sorted(int(k) for k in t)
    v = float(t[str(ys[0])])
    for y in ys:
        if y > year:
            break
        v = float(t[str(y)])
    return v


def table_last_year(t):
    return max(int(k) for k in t) if isinstance(t, dict) else None


class Value:
    def __init__(self, spec, what, lower=-math.inf, upper=math.inf):
        self.what = what
        self.lower, self.upper = lower, upper  # normaal: clamped (rates to [0,1], amounts at 0)
        if isinstance(spec, dict) and "verdeling" in spec:
            self.dist = spec["verdeling"]
            self.per_year = bool(spec.get("per_jaar", False))
            self.par = {k: v for k, v in spec.items() if k not in ("verdeling", "per_jaar")}
            if any(isinstance(v, dict) for v in self.par.values()):
                fail(f"{what}: parameters per jaar van een verdeling zijn niet gemodelleerd")
            if self.dist == "vast":
                self.dist, self.fixed = "vast", self.par["waarde"]
        else:
            self.dist, self.per_year, self.fixed = "vast", False, spec

    @property
    def random(self):
        return self.dist != "vast"

    def mean(self, year):
        if not self.random:
            return table_at(self.fixed, year)
        p = self.par
        if self.dist in ("normaal", "lognormaal", "beta"):
            return p["gemiddelde"]
        if self.dist == "uniform":
            return (p["min"] + p["max"]) / 2
        if self.dist == "driehoek":
            return (p["min"] + p["modus"] + p["max"]) / 3
        if self.dist == "pert":
            return (p["min"] + 4 * p["modus"] + p["max"]) / 6
        fail(f"{self.what}: verdeling {self.dist} onbekend")

    def draw(self, rng, n):
        """n draws of the marginal distribution (a distribution; the caller handles fixed values)."""
        p = self.par
        d = self.dist
        if d == "normaal":
            x = p["gemiddelde"] + p["sd"] * rng.standard_normal(n)
            return np.clip(x, self.lower, self.upper) if (self.lower > -math.inf or self.upper < math.inf) else x
        if d == "lognormaal":
            m, sd = p["gemiddelde"], p["sd"]
            if sd <= 0:
                return np.full(n, float(m))
            s2 = math.log1p(sd * sd / (m * m))
            return rng.lognormal(math.log(m) - s2 / 2, math.sqrt(s2), n)
        if d == "uniform":
            return rng.uniform(p["min"], p["max"], n)
        if d == "driehoek":
            lo, mo, hi = p["min"], p["modus"], p["max"]
            return np.full(n, float(lo)) if hi <= lo else rng.triangular(lo, mo, hi, n)
        if d == "pert":
            lo, mo, hi = p["min"], p["modus"], p["max"]
            if hi <= lo:
                return np.full(n, float(lo))
            w = hi - lo
            return lo + w * rng.beta(1 + 4 * (mo - lo) / w, 1 + 4 * (hi - mo) / w, n)
        if d == "beta":
            m, sd = p["gemiddelde"], p["sd"]
            if sd <= 0:
                return np.full(n, float(m))
            k = m * (1 - m) / (sd * sd) - 1
            return rng.beta(m * k, (1 - m) * k, n)
        fail(f"{self.what}: verdeling {d} onbekend")


def rate(spec, what):
    return Value(spec if spec is not None else 0.0, what, 0.0, 1.0)


class PathValues:
    """The values of a run: per-path draws made once (at the start of the simulation), per-year
    draws made in their year, fixed values as numbers."""

    def __init__(self, rng, n):
        self.rng, self.n, self.path = rng, n, {}

    def start(self, values):
        for v in values:
            if v.random and not v.per_year:
                self.path[id(v)] = v.draw(self.rng, self.n)

    def at(self, v, year):
        if not v.random:
            return table_at(v.fixed, year)
        if v.per_year:
            return v.draw(self.rng, self.n)
        return self.path[id(v)]


# ------------------------------------------------------------------------------------------------
# The model, built once from the merged scenario.

class Model:
    def __init__(self, sc):
        refuse_unmodelled(sc)
        self.sc = sc
        self.first, self.last = int(get(sc, "swv.eerste_jaar")), int(get(sc, "swv.laatste_jaar"))
        self.years = list(range(self.first, self.last + 1))
        ru = self.rules = load_rules(get(sc, "swv.regels"))
        if ru.get("sector") != "po":
            fail("regels: alleen po")

        st = get(sc, "start.leerlingen")
        so = st.get("so", {})
        self.start_regular, self.start_sbo = int(st["regulier"]), int(st.get("sbo", 0))
        self.start_so = [int(so.get(c, 0)) for c in ("laag", "midden", "hoog")]
        self.start_equity = float(get(sc, "start.eigen_vermogen"))

        # Indices (section 7): bekostiging, loon, prijs; correlated normal scores.
        ix = get(sc, "indexatie", {})
        self.funding_given = "bekostiging" in ix
        self.wage_share = float(get(ru, "indexatie.loon_aandeel", 0.8915))
        self.index = [Value(ix.get(k, 0.0), "indexatie." + k, -1.0) for k in ("bekostiging", "loon", "prijs")]
        for v in self.index:
            if v.random and (v.dist != "normaal" or not v.per_year):
                fail(f"{v.what}: alleen normaal per_jaar (of vast) is gemodelleerd")
        self.chol = np.linalg.cholesky(np.array(ix.get("correlatie", np.eye(3).tolist()), dtype=float))

        # Demography (section 5).
        dm = get(sc, "demografie", {})
        self.growth = Value(dm.get("groei", 0.0), "demografie.groei")
        self.sigma = Value(dm.get("onzekerheid", 0.0), "demografie.onzekerheid", 0.0)
        self.rho = Value(dm.get("persistentie", 0.5), "demografie.persistentie", 0.0, 1.0)
        if self.sigma.random or self.rho.random:
            fail("demografie.onzekerheid en persistentie alleen als getal")

        # Flows (section 6): rates clamped to [0,1].
        fl = get(sc, "stromen", {})
        ver, door, ter, uit = (fl.get(k, {}) for k in ("verwijzing", "doorstroom", "terugplaatsing", "uitstroom"))
        cats = ("laag", "midden", "hoog")
        self.refer_sbo = rate(ver.get("sbo"), "verwijzing.sbo")
        self.refer_so = [rate(ver.get("so", {}).get(c), "verwijzing.so." + c) for c in cats]
        self.out_regular = rate(uit.get("regulier"), "uitstroom.regulier")
        self.sbo_to_so = [rate(door.get("sbo_so", {}).get(c), "doorstroom.sbo_so." + c) for c in cats]
        self.return_sbo = rate(ter.get("sbo"), "terugplaatsing.sbo")
        self.out_sbo = rate(uit.get("sbo"), "uitstroom.sbo")
        self.return_so = rate(ter.get("so"), "terugplaatsing.so")
        self.out_so = rate(uit.get("so"), "uitstroom.so")
        # Default intake (build_scenario.cpp default_intake): keeps the regular count constant in
        # expectation in eerste_jaar - 1.
        y0 = self.first - 1
        if "instroom" in dm:
            self.intake0 = float(dm["instroom"])
        else:
            refer = self.refer_sbo.mean(y0) + sum(v.mean(y0) for v in self.refer_so)
            returns = self.return_sbo.mean(y0) * self.start_sbo + self.return_so.mean(y0) * sum(self.start_so)
            self.intake0 = max(0.0, (self.out_regular.mean(y0) + refer) * self.start_regular - returns)

        # Funding rules (section 9).
        self.support = []  # (amount table, basis, factor, pool)
        for name, comp in ru.get("ondersteuning", {}).items():
            if "verrekening" in comp:
                fail("ondersteuning.*.verrekening is niet gemodelleerd")
            pool = {"licht": 0, "regionaal": 0, "zwaar": 1, "lwoo_pro": 2}.get(name, 3)
            self.support.append((comp["normbedrag"], comp.get("grondslag", "totaal"), float(comp.get("factor", 1.0)), pool))
        if not any(p in (0, 1) for *_, p in self.support):
            fail("de gepoolde cap (geen licht/zwaar) is niet gemodelleerd")
        self.deduct_so = [get(ru, "afdracht.so." + c, 0.0) for c in cats]
        self.deduct_sbo = get(ru, "afdracht.sbo.bedrag", 0.0)
        self.sbo_threshold = float(get(ru, "afdracht.sbo.drempel", 0.0))
        sig = merge(get(ru, "signaleringswaarde", {}), get(sc, "normen.signaleringswaarde", {}) or {})
        self.signal_pct, self.signal_min = float(sig.get("percentage", 0.035)), float(sig.get("minimum", 250_000))

        # Budget lines (section 8).
        self.lines = []
        for p in sc.get("post", []):
            kind = "computed" if "berekend" in p else "per_pupil" if "per_leerling" in p else "amount"
            default_ix = "prijs" if kind == "amount" else "bekostiging"
            ln = {
                "code": p["code"], "income": p["kant"] == "baten", "kind": kind,
                "computed": p.get("berekend"),
                "index": ("bekostiging", "loon", "prijs", "geen").index(p.get("indexatie", default_ix)),
                "group": p.get("groep"),
                "realisation": Value(p.get("realisatie", 1.0), p["code"] + ".realisatie", 0.0),
                "shock": float(p.get("onzekerheid", 0.0)),
                "shock_per_year": bool(p.get("onzekerheid_per_jaar", False)),
            }
            if kind == "amount":
                ln["value"] = Value(p["bedrag"], p["code"] + ".bedrag")
            elif kind == "per_pupil":
                ln["value"] = Value(p["per_leerling"], p["code"] + ".per_leerling")
                ln["basis"] = p.get("grondslag", "totaal")
            if ln["computed"] not in (None, "ondersteuning", "afdracht_so", "afdracht_sbo"):
                fail(f"post {p['code']}: berekend = {ln['computed']} is niet gemodelleerd")
            self.lines.append(ln)

        # Risks (section 10).
        self.risks = []
        for r in sc.get("risico", []):
            self.risks.append({
                "code": r["code"],
                "p": rate(r["kans"], r["code"] + ".kans"),
                "impact": Value(r["impact"], r["code"] + ".impact"),
                "years": set(int(y) for y in r["jaren"]) if "jaren" in r else None,
                "lost_income": r.get("kant", "lasten") == "baten",
                "lasting": bool(r.get("blijvend", False)),
            })

        # Management rules (section 11) and the floor (section 12).
        pol = get(sc, "beleid", {})
        self.spend_share = Value(pol["afbouw"]["aandeel"], "afbouw.aandeel", 0.0, 1.0) if "afbouw" in pol else None
        self.cut = pol.get("bezuiniging")
        self.cut_share = Value(self.cut["aandeel"], "bezuiniging.aandeel", 0.0, 1.0) if self.cut else None
        self.floor = Value(get(sc, "normen.ondergrens", 0.0), "normen.ondergrens")

        # Mean index rates, for carrying a rules table that ends before eerste_jaar (model.cpp).
        def mean_rate(k, y):
            if k == 3:
                return 0.0
            if k == 0 and not self.funding_given:
                return self.wage_share * self.index[1].mean(y) + (1 - self.wage_share) * self.index[2].mean(y)
            return self.index[k].mean(y)
        self.mean_rate = mean_rate

    def values(self):
        """Every value that may hold a per-path draw."""
        vs = [self.growth, self.refer_sbo, *self.refer_so, self.out_regular, *self.sbo_to_so, self.return_sbo,
              self.out_sbo, self.return_so, self.out_so, self.floor]
        vs += [ln["realisation"] for ln in self.lines] + [ln["value"] for ln in self.lines if "value" in ln]
        vs += [r["p"] for r in self.risks]  # impacts are drawn at each occurrence
        if self.spend_share:
            vs.append(self.spend_share)
        if self.cut_share:
            vs.append(self.cut_share)
        return vs

    def rules_amount(self, t, year, k, F):
        """Model::rules_amount: a rules table at `year`, carried past its last year T with the index."""
        if not isinstance(t, dict):
            return float(t)
        T = table_last_year(t)
        if year <= T:
            return table_at(t, year)
        if T >= self.first:
            return table_at(t, T) * F[year - self.first][k] / F[T - self.first][k]
        bridge = 1.0
        for y in range(T + 1, self.first + 1):
            bridge *= 1 + self.mean_rate(k, y)
        return table_at(t, T) * bridge * F[year - self.first][k]


# ------------------------------------------------------------------------------------------------
# The simulation: all paths at once, a loop over the years.

def moves(rng, n, rates):
    """Competing risks as one multinomial (McDraws::moves): sequential binomials, the j-th
    conditional on the pupils not yet moved, p_j / (1 - p_1 - ... - p_{j-1}). Rates of a path that
    sum to >= 1 are scaled to sum to 1."""
    total = sum(rates)
    scale = 1.0 / np.maximum(total, 1.0)
    left = 1.0
    out = []
    for r in rates:
        if np.ndim(r) == 0 and r == 0:  # a rate that is 0: nobody moves (no draw)
            out.append(0)
            continue
        rs = r * scale
        with np.errstate(divide="ignore", invalid="ignore"):
            p = np.where(left > 0, np.minimum(1.0, rs / left), 0.0)
        m = rng.binomial(n, p)
        out.append(m)
        n = n - m
        left = left - rs
    return out


def simulate(model, n, seed, details=False):
    m = model
    rng = np.random.default_rng(seed)
    vals = PathValues(rng, n)
    vals.start(m.values())
    ny = len(m.years)
    F = np.ones((ny, 4, n))  # [year][bekostiging, loon, prijs, geen][path]
    shocks = [np.maximum(0.0, 1 + ln["shock"] * rng.standard_normal(n)) if ln["shock"] > 0 and not ln["shock_per_year"] else None
              for ln in m.lines]

    regular = np.full(n, m.start_regular, dtype=np.int64)
    sbo = np.full(n, m.start_sbo, dtype=np.int64)
    so = [np.full(n, c, dtype=np.int64) for c in m.start_so]
    intake = np.full(n, m.intake0)
    shock = np.zeros(n)
    equity = np.full(n, m.start_equity)
    carry_spend = np.zeros(n)
    carry_cut = np.zeros(n, dtype=bool)
    held = [np.zeros(n) for _ in m.risks]  # a blijvend risk's impact once it occurred
    occurred = [np.zeros(n, dtype=bool) for _ in m.risks]

    out = {"jaren": m.years, "eigen_vermogen": [], "eigen_vermogen_sd": [], "bovenmatig": []}
    if details:
        for k in ("totale_baten", "totale_lasten", "leerlingen_regulier", "leerlingen_sbo", "leerlingen_so", "onder_ondergrens"):
            out[k] = []

    for yi, Y in enumerate(m.years):
        # 1. Index factors.
        if yi > 0:
            z = m.chol @ rng.standard_normal((3, n))
            r = [None] * 3
            for k, v in enumerate(m.index):
                r[k] = np.maximum(v.par["gemiddelde"] + v.par["sd"] * z[k], -1.0) if v.random else table_at(v.fixed, Y)
            if not m.funding_given:
                r[0] = m.wage_share * r[1] + (1 - m.wage_share) * r[2]
            for k in range(3):
                F[yi, k] = F[yi - 1, k] * (1 + r[k])
        Fy = F[yi]

        # 2. Budget lines from the counts at the teldatum of Y-1.
        total = regular + sbo
        so_total = so[0] + so[1] + so[2]
        basis = {"regulier": regular, "sbo": sbo, "so": so_total, "totaal": total}
        income = np.zeros(n)
        costs = np.zeros(n)
        cut_in = np.zeros(n)
        pools = [0.0, 0.0]  # realised support income netted against: licht, zwaar
        has_support = False
        ded = {}  # realised deductions by kind: line index -> amount
        for i, ln in enumerate(m.lines):
            f = Fy[ln["index"]]
            kind = ln["kind"]
            if kind == "amount":
                budget = vals.at(ln["value"], Y) * f
            elif kind == "per_pupil":
                budget = vals.at(ln["value"], Y) * basis[ln["basis"]] * f
            elif ln["computed"] == "ondersteuning":
                by_pool = [0.0, 0.0, 0.0, 0.0]
                for t, b, fac, pool in m.support:
                    by_pool[pool] = by_pool[pool] + m.rules_amount(t, Y, ln["index"], F) * fac * basis[b]
                budget = by_pool[0] + by_pool[1] + by_pool[2] + by_pool[3]
            elif ln["computed"] == "afdracht_so":
                budget = sum(m.rules_amount(m.deduct_so[c], Y, ln["index"], F) * so[c] for c in range(3))
            else:  # afdracht_sbo
                budget = m.rules_amount(m.deduct_sbo, Y, ln["index"], F) * np.maximum(0.0, sbo - m.sbo_threshold * total)
            realised = budget * vals.at(ln["realisation"], Y)
            if ln["shock"] > 0:
                realised = realised * (shocks[i] if shocks[i] is not None else np.maximum(0.0, 1 + ln["shock"] * rng.standard_normal(n)))
            if m.cut and not ln["income"] and ln["group"] == m.cut["groep"] and kind != "computed":
                cut_in = cut_in + realised
            if ln["computed"] == "ondersteuning":
                has_support = True
                k = np.divide(realised, budget, out=np.zeros(n), where=budget != 0)  # realised / computed total
                pools[0] = pools[0] + by_pool[0] * k
                pools[1] = pools[1] + by_pool[1] * k
            elif ln["computed"] in ("afdracht_so", "afdracht_sbo"):
                ded[i] = realised
                continue  # added after DUO's cap
            if ln["income"]:
                income = income + realised
            else:
                costs = costs + realised
        if ded:
            d_so = sum(v for i, v in ded.items() if m.lines[i]["computed"] == "afdracht_so")
            d_sbo = sum(v for i, v in ded.items() if m.lines[i]["computed"] == "afdracht_sbo")
            if has_support:  # DUO's cap per component (duo_cap.h net_per_component, po)
                light, heavy = np.maximum(0.0, pools[0]), np.maximum(0.0, pools[1])
                sbo_light = np.clip(d_sbo, 0.0, light)
                sbo_over = d_sbo - sbo_light
                demand = d_so + sbo_over
                short = demand > heavy
                if np.any(short):
                    fc = np.where(short, heavy / np.where(short, demand, 1.0), 1.0)
                    f_so = np.divide(d_so * fc, d_so, out=np.ones(n), where=np.asarray(d_so) != 0)
                    f_sbo = np.divide(sbo_light + sbo_over * fc, d_sbo, out=np.ones(n), where=np.asarray(d_sbo) != 0)
                    for i in ded:
                        ded[i] = ded[i] * (f_so if m.lines[i]["computed"] == "afdracht_so" else f_sbo)
            for v in ded.values():
                costs = costs + v

        # 3. Risks.
        risk_costs = np.zeros(n)
        risk_lost = np.zeros(n)
        for j, rk in enumerate(m.risks):
            active = rk["years"] is None or Y in rk["years"]
            if rk["lasting"]:
                if active:
                    new = ~occurred[j] & (rng.random(n) < vals.at(rk["p"], Y))
                    k = int(new.sum())
                    if k:
                        held[j][new] = vals_draw(rk["impact"], rng, k, Y)
                        occurred[j] |= new
                amount = held[j]  # 0 where it has not occurred
            else:
                if not active:
                    continue
                occ = rng.random(n) < vals.at(rk["p"], Y)
                amount = np.zeros(n)
                k = int(occ.sum())
                if k:
                    amount[occ] = vals_draw(rk["impact"], rng, k, Y)
            if rk["lost_income"]:
                risk_lost = risk_lost + amount
            else:
                risk_costs = risk_costs + amount

        # 4. The close (model_finance.h).
        signal = np.maximum(m.signal_pct * income, m.signal_min)
        cut_realised = -vals.at(m.cut_share, Y) * cut_in * carry_cut if m.cut else 0.0
        result = income - risk_lost - (costs + cut_realised + risk_costs + carry_spend)
        equity = equity + result
        out["eigen_vermogen"].append(float(equity.mean()))
        out["eigen_vermogen_sd"].append(float(equity.std()))
        out["bovenmatig"].append(float(np.count_nonzero(equity > signal)) / n)
        floor = vals.at(m.floor, Y)
        if details:
            out["totale_baten"].append(float(income.mean()))
            out["totale_lasten"].append(float((costs + cut_realised + risk_costs + carry_spend).mean()))
            out["onder_ondergrens"].append(float(np.count_nonzero(equity < floor)) / n)
        excess = np.maximum(0.0, equity - signal)
        carry_spend = vals.at(m.spend_share, Y) * excess if m.spend_share else 0.0
        carry_cut = equity < floor

        # 5. Pupil flows to the teldatum of Y (model_flows.h), then the intake.
        mr = moves(rng, regular, [vals.at(m.refer_sbo, Y), *(vals.at(v, Y) for v in m.refer_so), 0.0, vals.at(m.out_regular, Y)])
        ms = moves(rng, sbo, [*(vals.at(v, Y) for v in m.sbo_to_so), vals.at(m.return_sbo, Y), vals.at(m.out_sbo, Y)])
        ro = [vals.at(m.return_so, Y), vals.at(m.out_so, Y)]  # one draw of the year, shared by the categories
        mo = [moves(rng, so[c], ro) for c in range(3)]
        shock = vals.at(m.rho, Y) * shock + vals.at(m.sigma, Y) * rng.standard_normal(n)
        intake = np.maximum(0.0, intake * (1 + vals.at(m.growth, Y) + shock))
        fl = np.floor(intake)
        added = fl.astype(np.int64) + (rng.random(n) < intake - fl)
        out_reg = mr[0] + mr[1] + mr[2] + mr[3] + mr[5]
        out_sbo = ms[0] + ms[1] + ms[2] + ms[3] + ms[4]
        regular = np.maximum(0, regular - out_reg + ms[3] + mo[0][0] + mo[1][0] + mo[2][0] + added)
        sbo = sbo + mr[0] - out_sbo
        so = [so[c] + mr[1 + c] + ms[c] - mo[c][0] - mo[c][1] for c in range(3)]
        if details:
            out["leerlingen_regulier"].append(float(regular.mean()))
            out["leerlingen_sbo"].append(float(sbo.mean()))
            out["leerlingen_so"].append(float((so[0] + so[1] + so[2]).mean()))
    return out


def vals_draw(v, rng, k, Y):
    return v.draw(rng, k) if v.random else np.full(k, table_at(v.fixed, Y))


# ------------------------------------------------------------------------------------------------
# Output and the agreement with swvsim.

def nl(x, d=0):
    """A number the Dutch way: 1.234.567,8."""
    s = f"{x:,.{d}f}"
    return s.replace(",", "_").replace(".", ",").replace("_", ".")


def compare(res, n, path, details):
    """swvsim's resultaat.json beside the reference, in standard errors. Mean equity: the standard
    error of the difference from the reference's sd (the same model gives the same sd) over both path
    counts; P(bovenmatig): swvsim's own standaardfout and the reference's sqrt(p (1 - p) / n)."""
    with open(path) as f:
        sw = json.load(f)
    ns = sw["simulatie"]["paden"]
    ev = sw["reeksen"]["eigen_vermogen"]["gemiddelde"]
    pb = sw["kansen"]["bovenmatig"]["waarde"]
    pse = sw["kansen"]["bovenmatig"]["standaardfout"]
    if sw["jaren"] != res["jaren"]:
        fail("swvsim en de referentie rekenen andere jaren")
    print(f"\nOvereenstemming met swvsim ({nl(ns)} paden, zaad {sw['simulatie']['zaad']}) en numpy ({nl(n)} paden, "
          f"zaad {res['zaad']}); z = verschil / standaardfout van het verschil")
    print(f"{'jaar':>4}  {'EV swvsim':>12} {'EV numpy':>12} {'z':>6}   {'P(bovenm.) swvsim':>17} {'numpy':>7} {'z':>6}")
    zs = []
    for i, Y in enumerate(res["jaren"]):
        sd = res["eigen_vermogen_sd"][i]
        se = sd * math.sqrt(1 / n + 1 / ns)
        z1 = (res["eigen_vermogen"][i] - ev[i]) / se if se > 0 else 0.0
        p = res["bovenmatig"][i]
        se2 = math.sqrt(pse[i] ** 2 + p * (1 - p) / n)
        z2 = (p - pb[i]) / se2 if se2 > 0 else (0.0 if p == pb[i] else math.inf)
        zs += [z1, z2]
        print(f"{Y:>4}  {nl(ev[i]):>12} {nl(res['eigen_vermogen'][i]):>12} {z1:>6.2f}   {nl(100 * pb[i], 2) + '%':>17} "
              f"{nl(100 * p, 2) + '%':>7} {z2:>6.2f}")
    worst = max(abs(z) for z in zs)
    over3 = sum(abs(z) > 3 for z in zs)
    verdict = "eens" if worst <= 4 else "NIET eens"
    print(f"grootste |z| = {nl(worst, 2)} over {len(zs)} vergelijkingen ({over3} boven 3): {verdict} "
          "(bij 20 onafhankelijke toetsen is |z| > 3 eens per ≈ 19 runs toeval)")
    if details:
        keys = [("totale_baten", "totale_baten"), ("totale_lasten", "totale_lasten"), ("leerlingen_regulier", "leerlingen_regulier"),
                ("leerlingen_sbo", "leerlingen_sbo"), ("leerlingen_so", "leerlingen_so")]
        print("\nGemiddelden per reeks (swvsim / numpy):")
        for k, sk in keys:
            a = sw["reeksen"][sk]["gemiddelde"]
            print(f"  {k:<20} " + "  ".join(f"{nl(x, 1)}/{nl(y, 1)}" for x, y in zip(a, res[k])))
        a = sw["kansen"]["onder_ondergrens"]["waarde"]
        print(f"  {'P(onder ondergrens)':<20} " + "  ".join(f"{x:.4f}/{y:.4f}" for x, y in zip(a, res["onder_ondergrens"])))
    return {"grootste_z": worst, "boven_3": over3, "eens": worst <= 4}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("scenario", nargs="?", default=DEFAULT_SCENARIO)
    ap.add_argument("--paden", type=int, default=200_000)
    ap.add_argument("--zaad", type=int, default=1)
    ap.add_argument("--vergelijk", metavar="RESULTAAT_JSON", help="swvsim's resultaat.json van hetzelfde scenario")
    ap.add_argument("--json", metavar="UIT", help="schrijf de uitkomst (en de tijd) als JSON")
    ap.add_argument("--details", action="store_true", help="ook baten, lasten en leerlingen per jaar (ter diagnose)")
    ap.add_argument("--stil", action="store_true", help="alleen de regel met de tijd")
    a = ap.parse_args()

    model = Model(load_chain(a.scenario))
    t0 = time.perf_counter()
    res = simulate(model, a.paden, a.zaad, a.details)
    secs = time.perf_counter() - t0
    res["seconden"], res["paden"], res["zaad"], res["numpy"] = round(secs, 3), a.paden, a.zaad, np.__version__

    if not a.stil:
        print(f"numpy {np.__version__}: {nl(a.paden)} paden × {len(model.years)} jaar, zaad {a.zaad}")
        print(f"{'jaar':>4}  {'gem. EV':>12}  {'P(bovenmatig)':>13}")
        for i, Y in enumerate(model.years):
            print(f"{Y:>4}  {nl(res['eigen_vermogen'][i]):>12}  {nl(100 * res['bovenmatig'][i], 2) + '%':>13}")
    print(f"numpy-simulatie: {nl(secs, 2)} s ({nl(a.paden * len(model.years) / secs)} padjaren/s, 1 kern)")
    if a.vergelijk:
        res["overeenstemming"] = compare(res, a.paden, a.vergelijk, a.details)
    if a.json:
        with open(a.json, "w") as f:
            json.dump(res, f, indent=1)


if __name__ == "__main__":
    main()
