#!/usr/bin/env python3
"""Genereert de tien ingebouwde regelsbestanden po/vo-2022..2026 in scenarios/regels/ (python3 tools/maak_regels.py).
Alle afleidingen staan hier als rekenregels; de bestanden bevatten dezelfde rekensom als commentaar."""
import tomllib, pathlib

OUT = pathlib.Path(__file__).resolve().parent.parent / "scenarios" / "regels"

# ---- GEBRONDE bedragen -------------------------------------------------------------------
# BWBR0037118: Regeling bekostiging personeel PO 2015-2016 en aanpassing bedragen voor ondersteuning
# van leerlingen in het PO en VO 2015-2016 (regeling van 15 oktober 2015, nr. PO/FenV/813493) = DEFINITIEF
P_LICHT = 156.61   # art. 19 (31 lid 1 Besluit bekostiging WPO, ondersteuningsvoorzieningen)
P_SBO   = 4268.84  # art. 19 (32 lid 2 / 33: overdracht SBO boven 2% / ander swv)
P_ZWAAR = 318.83   # art. 21
P_VOZW  = 512.95   # art. 22
# BWBR0037072: Regeling vaststelling bedragen programma's van eisen basisonderwijs, (v)so en bekostiging
# materiële instandhouding samenwerkingsverbanden PO en VO voor het jaar 2016 (29 sept. 2015, nr. PO/FenV/814937)
M_LICHT = 7.44     # bijlage 3 onder 1 (art. 118 lid 1 WPO)
M_SBO   = 223.77   # bijlage 3 onder 2 (extra MI per SBO-leerling binnen 2%)
M_ZWAAR = 30.64    # bijlage 4 A1 (art. 118 lid 9 WPO)
M_VOZW  = 28.36    # bijlage 4 B1 (art. 89a lid 2 WVO)
# 2024 SBO/SO: SWV Kop van Noord-Holland, "Onderwijszorgarrangementen en TOP-arrangementen" (begroting 2024)
SBO24 = 6634.52
SO24 = {"laag": 12938.34, "midden": 21053.23, "hoog": 31419.53}
# Indexcijfers
I24 = 0.0537       # PO-Raad, "Definitieve regeling bekostiging 2024 gepubliceerd": 2024 t.o.v. 2023 +5,37%
I23_EERSTE = 0.012695  # BWBR0047336 (Regeling bekostiging WPO en WEC 2023, eerste regeling) art. 2 lid 1
BAO_SBO_OP_BAO = 1.024  # landelijk (BaO+SBO)/BaO, aanname uit po-2022.toml / bronnen.md §6 (SBO ≈ 2,3-2,4%)

F = SBO24 / (P_SBO + M_SBO)   # impliciete factor 2015-16 -> 2024
# De tien 'zelfde-begrip'-paren (gebrond 2015-16 personeel + materieel -> gebrond 2024): SBO en SO/VSO
# per categorie voor SO < 8, SO >= 8 en VSO (BRONNEN.md §2). F is de grootste; het gemiddelde en de
# kleinste geven de foutmarge van elk afgeleid bedrag.
SO1516 = {"SO < 8": (9797.48, 14489.87, 21811.39), "SO >= 8": (9040.97, 15670.54, 22904.81), "VSO": (9755.06, 17180.53, 21289.81)}
PAIRS = [F] + [so / b for bases in SO1516.values() for so, b in zip(SO24.values(), bases)]
F_MEAN, F_MIN = sum(PAIRS) / len(PAIRS), min(PAIRS)
assert len(PAIRS) == 10 and max(PAIRS) == F
BAND_MEAN, BAND_MIN = F_MEAN / F - 1, F_MIN / F - 1   # -6,1% en -17,0%
def pct_nl(x, d=1): return f"{x * 100:.{d}f}".replace(".", ",").replace("-", "−") + "%"
BAND_TXT = (f"foutmarge van de afgeleide bedragen {pct_nl(BAND_MIN)} tot 0% (factor {F:.3f} is de grootste van tien paren "
            f"{F_MIN:.3f}–{F:.3f}; met het gemiddelde {F_MEAN:.3f}: {pct_nl(BAND_MEAN)})").replace(".", ",")
# LWOO/PrO: geen bron. Beste schatting van de audit van de regels (issue 28): ≈ € 5.990 per leerling in 2024,
# in plaats van de oude € 4.300; nog steeds PLAATSHOUDER.
LWOO24 = 5990.00
# 2026: zware ondersteuning + € 9,80 per leerling (audit van de regels, issue 28; de bedragtabel van de
# Regeling bekostiging WPO en WEC 2026 zat niet in de opgeslagen bronnen).
STAP26 = 9.80
L_BASE24 = (P_LICHT + M_LICHT) * F
SBO2PCT24 = 0.02 * BAO_SBO_OP_BAO * SBO24
LICHT24 = L_BASE24 + SBO2PCT24
ZWAAR24 = (P_ZWAAR + M_ZWAAR) * F
VOZW24 = (P_VOZW + M_VOZW) * F

def r(x): return round(x + 1e-9, 2)
def d23(x): return x / (1 + I24)
def d22(x): return d23(x) / (1 + I23_EERSTE)

V = {
 2024: dict(licht=r(LICHT24), zwaar=r(ZWAAR24), vozw=r(VOZW24), sbo=SBO24, so={k: v for k, v in SO24.items()}),
 2023: dict(licht=r(d23(LICHT24)), zwaar=r(d23(ZWAAR24)), vozw=r(d23(VOZW24)), sbo=r(d23(SBO24)),
            so={k: r(d23(v)) for k, v in SO24.items()}),
 2022: dict(licht=r(d22(L_BASE24)), zwaar=r(d22(ZWAAR24)), vozw=r(d22(VOZW24)), sbo=r(d22(SBO24)),
            so={k: r(d22(v)) for k, v in SO24.items()}),
}

def eur(x):  # Dutch notation for comments
    s = f"{x:,.2f}"
    return s.replace(",", "X").replace(".", ",").replace("X", ".")

def toml_num(x):
    s = f"{x:.2f}"
    a, b = s.split(".")
    if len(a) > 3:
        a = a[:-3] + "_" + a[-3:]
    return a + "." + b

FACTOR_TXT = (
f"#   F = SBO-bedrag 2024 / SBO-overdracht 2015-16 = {eur(SBO24)} / ({eur(P_SBO)} + {eur(M_SBO)})\n"
f"#     = {eur(SBO24)} / {eur(P_SBO+M_SBO)} = {F:.6f}\n")

BAND_HEAD = (
    f"#   FOUTMARGE: F is de grootste van tien paren ({F_MIN:.3f}–{F:.3f}, gemiddeld {F_MEAN:.3f}). Met het gemiddelde\n".replace(".", ",", 3)
    + f"#   zou elk met F afgeleid bedrag {pct_nl(-BAND_MEAN)} lager zijn, met het kleinste {pct_nl(-BAND_MIN)}: de band is\n"
    + f"#   {pct_nl(BAND_MIN)} tot 0% (per bedrag in BRONNEN.md §2).\n")

HEAD_COMMON = (
"# STATUS-LEGENDA: [GEBROND-V] = primaire bron (regeling/Staatscourant/BWBR), [GEBROND-S] = secundaire\n"
"# bron (een SWV, sectororganisatie), [AFGELEID] = berekend uit gebronde bedragen + gepubliceerde index\n"
"# (rekensom erbij), [PLAATSHOUDER] = geen bron en geen afleiding gevonden: NIET gebruiken voor een\n"
"# echte begroting. Volledige verantwoording: BRONNEN.md (naast dit bestand).\n"
"#\n"
"# Bronnen die in de rekensommen terugkomen:\n"
"#  [R1516] Regeling bekostiging personeel PO 2015-2016 en aanpassing bedragen voor ondersteuning van\n"
"#          leerlingen in het PO en VO 2015-2016, regeling 15-10-2015 nr. PO/FenV/813493, BWBR0037118\n"
"#          (DEFINITIEVE bedragen 2015-16, personeel): licht € 156,61 (art. 19), SBO-overdracht boven 2%\n"
"#          € 4.268,84 (art. 19), zwaar PO € 318,83 (art. 21), zwaar VO € 512,95 (art. 22).\n"
"#  [MI16]  Regeling vaststelling bedragen programma's van eisen basisonderwijs, (v)so en bekostiging\n"
"#          materiële instandhouding samenwerkingsverbanden PO en VO voor het jaar 2016, 29-09-2015\n"
"#          nr. PO/FenV/814937, BWBR0037072: licht € 7,44 (bijl. 3.1), SBO € 223,77 (bijl. 3.2), zwaar PO\n"
"#          € 30,64 (bijl. 4 A1), zwaar VO € 28,36 (bijl. 4 B1).\n"
"#  [KNH24] SWV Kop van Noord-Holland, pagina 'Onderwijszorgarrangementen en TOP-arrangementen'\n"
"#          (begroting 2024): SBO € 6.634,52; SO cat. 1/2/3 € 12.938,34 / € 21.053,23 / € 31.419,53,\n"
"#          teldatum 1 februari T-1. Secundair: dat dit de DUO-bedragen 2024 zijn is niet met de\n"
"#          Regeling bekostiging WPO en WEC 2024 (Stcrt. 2023, 29260) vergeleken (tabel niet gevonden).\n"
"#  [PORAAD24] PO-Raad, 'Definitieve regeling bekostiging 2024 gepubliceerd': door loon- en\n"
"#          prijsbijstelling samen zijn de bekostigingsbedragen 2024 +5,37% t.o.v. 2023.\n"
"#  [R23]   Regeling bekostiging WPO en WEC 2023 (eerste regeling), BWBR0047336 art. 2 lid 1: +1,2695%\n"
"#          t.o.v. 2022 (alleen prijsbijstelling + eerdere ramingen; de loonbijstelling 2023 zit er NIET in).\n"
"#\n"
"# Afleiding 2024 (gemeenschappelijk):\n"
+ FACTOR_TXT +
"#   F is de enige 'zelfde-begrip'-verhouding tussen een gebrond 2015-16-bedrag en een gebrond 2024-\n"
"#   bedrag (wat een SWV per SBO-leerling betaalt, personeel + materieel). Het bevat naast de indexatie\n"
"#   ook eventuele herijkingen van de vereenvoudiging 2023 (samenvoegen personeel/PAB/materieel). De\n"
"#   SO/VSO-categorieën geven factoren van 1,23 tot 1,48 (BRONNEN.md §2); F ligt aan de bovenkant.\n"
+ BAND_HEAD
)

def so_block(year, vals, status, how):
    return (
f"[afdracht.so]\n"
f"# Afdracht per SO/VSO-leerling (cluster 3/4) met TLV van dit SWV, per bekostigingscategorie.\n"
f"# {status} {how}\n"
f"laag   = {{ {year} = {toml_num(vals['laag'])} }}  # categorie 1\n"
f"midden = {{ {year} = {toml_num(vals['midden'])} }}  # categorie 2\n"
f"hoog   = {{ {year} = {toml_num(vals['hoog'])} }}  # categorie 3\n")

SIGN = (
"[signaleringswaarde]\n"
"# [GEBROND-V] Inspectie: max(3,5% × totale brutobaten, € 250.000), vanaf jaarrekening 2019.\n"
"# Bron: Verbeteraanpak passend onderwijs, Kamerbrief 5 november 2020, maatregel 23 (docs/bronnen.md §4.2).\n"
"percentage = 0.035\n"
"minimum    = 250_000\n")

def idx_block(sector):
    extra = "" if sector == "po" else (
        "# Voor de VO-zware ondersteuning (bedrag in dezelfde Regeling WPO en WEC) geldt dezelfde verdeling; voor de\n"
        "# regionale en LWOO/PrO-bedragen (Uitvoeringsbesluit WVO 2020) is de verdeling NIET geverifieerd.\n")
    return ("[indexatie]\n"
            "# [GEBROND-V] 89,15% loongevoelig / 10,85% prijsgevoelig: Regeling bekostiging WPO en WEC 2023, art. 2\n"
            "# lid 2 (BWBR0047336); bevestigd voor 2024 door PO-Raad [PORAAD24] en VOS/ABB.\n" + extra +
            "loon_aandeel = 0.8915\n")

def deriv_txt(year, key, what, base_expr):
    """Rekensom van een inkomstenbedrag voor jaar key."""
    return base_expr


def step_block(fyear):
    """The + € 9,80 step of the zware ondersteuning from 2026 (po-2026, vo-2026): a component of its own,
    so the 2024 amount keeps its indexation to 2025 and 2026 (no index is invented)."""
    if fyear < 2026:
        return []
    return ["",
"[ondersteuning.zwaar_2026]",
"# Stap in de zware ondersteuning vanaf 2026: + € 9,80 per leerling (grondslag als zwaar), bovenop het",
"# geïndexeerde bedrag. Bron: de audit van de ingebouwde regels tegen de regeling (issue 28); de bedragtabel",
"# van de Regeling bekostiging WPO en WEC 2026 zat niet in de opgeslagen bronnen, dus dit is [GEBROND-S] via",
"# die audit, niet zelf nagelezen. Vermoedelijk de overheveling van de subsidie begaafde leerlingen (2023-2025,",
"# Stcrt. 2023, 18691) naar de bekostiging. 2025 = 0 (de stap begint in 2026); na 2026 geïndexeerd zoals zwaar.",
"# verrekening = zwaar: DUO verrekent de afdrachten met de zware ondersteuning inclusief deze stap.",
f"normbedrag  = {{ 2025 = 0.00, 2026 = {toml_num(STAP26)} }}",
'grondslag   = "totaal"',
'verrekening = "zwaar"']

def po_file(fyear):
    key = fyear if fyear <= 2024 else 2024
    v = V[key]
    later = fyear > 2024
    old = fyear == 2022
    lines = []
    title = (f"# Bekostigingsregels samenwerkingsverband passend onderwijs PO — kalenderjaar {fyear}"
             + (" (OUD regime: 2%-regel, schooljaarbekostiging)" if old else " (regime sinds 1-1-2023, vereenvoudiging bekostiging PO)"))
    lines.append(title)
    lines.append("#")
    if old:
        lines.append(
"# 2022 is het laatste jaar van het oude regime: bekostiging per schooljaar op teldatum 1 oktober T-1,\n"
"# SBO tot 2% van (BaO+SBO) door het Rijk bekostigd, het SWV draagt alleen af boven die grens, SO met\n"
"# leeftijdssplitsing (< 8 / ≥ 8 jaar), personeel (schooljaar) en materieel (kalenderjaar) apart. De\n"
"# rekenkern kent één kalenderjaarbedrag en één teldatum; de bedragen hieronder zijn kalenderjaarniveau\n"
"# 2022 (benadering van 7/12 schooljaar 2021-22 + 5/12 schooljaar 2022-23; docs/bronnen.md §5).\n"
"# Niet gemodelleerd: groeiregeling (peildatum 1 februari), aanvullende bekostiging schoolmaatschappelijk\n"
"# werk (€ 111,96 per schoolgewicht in 2015-16, [R1516] art. 20), eenmalige OJS-toelage € 6,36 per leerling\n"
"# (september 2022, docs/bronnen.md §1.5).")
    else:
        lines.append(
"# Kalenderjaarbekostiging op teldatum 1 februari T-1. Elke SBO-leerling met TLV van dit SWV wordt\n"
"# afgedragen (de 2%-regel is per 1-1-2023 vervallen: Steunpunt passend onderwijs, 'Vereenvoudiging\n"
"# bekostiging po'); SO per categorie zonder leeftijdssplitsing; personeel + materieel samengevoegd.\n"
"# Niet gemodelleerd: aanvullende bekostiging schoolmaatschappelijk werk; vangnetregeling (SWV-eigen).")
    if later:
        lines.append("#\n"
f"# LET OP — bedragen met sleutel 2024 in dit {fyear}-bestand: er is GEEN gepubliceerde index voor {'2025' if fyear == 2025 else '2025 en 2026'}\n"
"# gevonden (definitieve regeling 2025 / eerste regeling 2026 niet in de bronnen). Om geen index te\n"
"# verzinnen staan hier de bedragen van 2024; de rekenkern brengt ze met de (verwachte) bekostigingsindex\n"
"# van het scenario naar eerste_jaar (docs/scenario-formaat.md §9). Zodra de Regeling bekostiging WPO en\n"
f"# WEC {fyear} bekend is: vervang door de bedragen met sleutel {fyear}.")
    if fyear == 2023:
        lines.append("#\n"
"# Generieke korting 2023: het bedrag zware ondersteuning was in 2023 eenmalig € 13,50 per leerling lager\n"
"# (VOS/ABB, 'Regeling bekostiging 2024 PO'; niet in 2024 verwerkt). Het bedrag hieronder is ZONDER die\n"
"# korting (anders zou de korting doorwerken in de extrapolatie naar latere jaren). Zet in het scenario:\n"
"#   [beleid] ocw_korting = { jaar = 2023, per_leerling = 13.50 }\n"
"# (compensatie tot de signaleringswaarde, zoals OCW in 2023 deed).")
    lines.append("#")
    lines.append(HEAD_COMMON.rstrip("\n"))
    if key >= 2023:
        lines.append(
"#   2023 = 2024 / 1,0537 [PORAAD24] (alle bedragen uit dezelfde regeling, dus dezelfde index).")
    if key == 2022:
        lines.append(
"#   2023 = 2024 / 1,0537 [PORAAD24]; 2022 = 2023 / 1,012695 [R23]. Omdat de loonbijstelling 2023 niet\n"
"#   is gevonden, is 2022 een BOVENGRENS (de echte 2022-bedragen liggen naar verwachting enkele procenten lager).")
    lines.append("")
    lines.append('schema = "swvsim-regels/1"')
    lines.append('sector = "po"')
    lines.append(f'naam   = "Bekostiging SWV PO {fyear}' + (' (benadering van het oude regime: alleen de 2%-regel, geen schooljaarbekostiging, teldatum 1 oktober of groeiregeling)"' if old else ' (vereenvoudigde bekostiging)"'))
    lines.append(f'bron   = "AFGELEID uit BWBR0037118 + BWBR0037072 (2015-16) en SBO/SO 2024 (SWV Kop van Noord-Holland); index PO-Raad 2024 +5,37%' + (', BWBR0047336 art. 2 (+1,2695%)' if old else '') + ('; zwaar 2026 + € 9,80 (audit)' if fyear >= 2026 else '') + f'; {BAND_TXT}; zie BRONNEN.md"')
    lines.append("")
    # licht
    lb = (P_LICHT + M_LICHT)
    lines.append("[ondersteuning.licht]")
    lines.append("# Lichte ondersteuning per BaO-leerling (alleen reguliere basisscholen).")
    if old:
        lines.append(
f"# [AFGELEID] ({eur(P_LICHT)} [R1516 art.19] + {eur(M_LICHT)} [MI16]) × F = {eur(lb)} × {F:.6f} = {eur(L_BASE24)} (2024-niveau)\n"
f"#            2022 = {eur(L_BASE24)} / 1,0537 / 1,012695 = {eur(v['licht'])}  (bovengrens, zie kop)\n"
"# Zonder het 2%-SBO-geld: dat ging tot en met 2022 rechtstreeks naar de SBO-scholen.")
    else:
        lines.append(
f"# [AFGELEID] basis: ({eur(P_LICHT)} [R1516 art.19] + {eur(M_LICHT)} [MI16]) × F = {eur(lb)} × {F:.6f} = {L_BASE24:.3f}\n"
f"#   + 2%-SBO-geld per BaO-leerling sinds 2023: 0,02 × 1,024 × {eur(SBO24)} = {SBO2PCT24:.3f}\n"
f"#   (het Rijk bekostigde tot 2023 SBO voor 2% van BaO+SBO; sinds 2023 betaalt het SWV elke SBO-leerling,\n"
f"#   dus dat budget gaat via het SWV. Dat het aan de LICHTE ondersteuning is toegevoegd en per BaO-\n"
f"#   leerling zo wordt berekend, is een AANNAME (niet geverifieerd); 1,024 = landelijk (BaO+SBO)/BaO.)\n"
f"#   2024 = {L_BASE24:.3f} + {SBO2PCT24:.3f} = {LICHT24:.3f} → {eur(LICHT24)}")
        if key == 2023:
            lines.append(f"#   2023 = {eur(LICHT24)} / 1,0537 = {eur(v['licht'])}")
    lines.append(f"normbedrag = {{ {key} = {toml_num(v['licht'])} }}")
    lines.append('grondslag  = "regulier"')
    lines.append("")
    # zwaar
    zb = P_ZWAAR + M_ZWAAR
    lines.append("[ondersteuning.zwaar]")
    lines.append("# Zware ondersteuning per leerling BaO + SBO (WPO art. 132 lid 2-3 oud; dat de grondslag na 2023 nog\n# BaO+SBO is, is niet geverifieerd).")
    lines.append(
f"# [AFGELEID] ({eur(P_ZWAAR)} [R1516 art.21] + {eur(M_ZWAAR)} [MI16]) × F = {eur(zb)} × {F:.6f} = {eur(ZWAAR24)} (2024)")
    if key == 2023:
        lines.append(f"#   2023 = {eur(ZWAAR24)} / 1,0537 = {eur(v['zwaar'])}  (ZONDER de korting van € 13,50, zie kop)")
    if key == 2022:
        lines.append(f"#   2022 = {eur(ZWAAR24)} / 1,0537 / 1,012695 = {eur(v['zwaar'])}  (bovengrens)")
    lines.append(f"normbedrag = {{ {key} = {toml_num(v['zwaar'])} }}")
    lines.append('grondslag  = "totaal"')
    lines.extend(step_block(fyear))
    lines.append("")
    # so
    if key == 2024:
        lines.append(so_block(key, v['so'], "[GEBROND-S]", "Bron: [KNH24] (2024).").rstrip("\n"))
    elif key == 2023:
        lines.append(so_block(key, v['so'], "[AFGELEID]",
            f"[KNH24] 2024 / 1,0537: {eur(SO24['laag'])}/1,0537, {eur(SO24['midden'])}/1,0537, {eur(SO24['hoog'])}/1,0537.").rstrip("\n"))
    else:
        lines.append(so_block(key, v['so'], "[AFGELEID]",
            f"[KNH24] 2024 / 1,0537 / 1,012695 (bovengrens). Het oude regime had aparte bedragen\n# voor SO < 8 en ≥ 8 jaar (2015-16 personeel + materieel: cat.1 € 9.797,48 / € 9.040,97; cat.2 € 14.489,87 /\n# € 15.670,54; cat.3 € 21.811,39 / € 22.904,81 — [R1516] art. 15 + [MI16] bijl. 4 A2); hier één bedrag.").rstrip("\n"))
    lines.append("")
    # sbo
    lines.append("[afdracht.sbo]")
    if old:
        lines.append(
"# Oude 2%-regel: alleen SBO-leerlingen boven 2% × (BaO + SBO) worden afgedragen (WPO art. 120 lid 4 en\n"
"# 118 lid 4-7 oud; docs/bronnen.md §2.2). [GEBROND-V] regelgeving.\n"
"drempel = 0.02\n"
f"# [AFGELEID] [KNH24] {eur(SBO24)} / 1,0537 / 1,012695 = {eur(v['sbo'])} (bovengrens). Ter controle: 2015-16 was\n"
f"# de overdracht boven 2% {eur(P_SBO)} personeel [R1516 art.19] + {eur(M_SBO)} materieel [MI16] = {eur(P_SBO+M_SBO)}.")
    else:
        lines.append(
"# Sinds 1 januari 2023 wordt elke SBO-leerling met TLV afgedragen (drempel 0; 2%-regel vervallen).\n"
"drempel = 0.0")
        if key == 2024:
            lines.append(f"# [GEBROND-S] [KNH24] 2024: {eur(SBO24)} ('gelijk aan het ondersteuningsbedrag dat een sbo-school per\n# leerling ontvangt', DUO 'Bekostiging teldatum 1 februari').")
        else:
            lines.append(f"# [AFGELEID] [KNH24] {eur(SBO24)} / 1,0537 = {eur(v['sbo'])}.")
    lines.append(f"bedrag  = {{ {key} = {toml_num(v['sbo'])} }}")
    lines.append("")
    lines.append(idx_block("po"))
    lines.append(SIGN)
    return "\n".join(lines)

def vo_file(fyear):
    key = fyear if fyear <= 2024 else 2024
    v = V[key]
    later = fyear > 2024
    lines = []
    lines.append(f"# Bekostigingsregels samenwerkingsverband passend onderwijs VO — kalenderjaar {fyear}")
    lines.append("#")
    lines.append(
"# VO wordt sinds 1-1-2022 per kalenderjaar bekostigd op teldatum 1 oktober T-1; VSO valt onder de WEC\n"
"# (teldatum 1 februari T-1: de VSO-afdracht van jaar T telt de VSO-leerlingen van 1 februari T-1; geef\n"
"# start.leerlingen.so als die telling; docs/keuzes.md). LWOO/PrO: budget op de BEVROREN deelname\n"
"# LWOO+PrO van 1 oktober 2012; DUO draagt per LWOO- en PrO-leerling het ondersteuningsbedrag af\n"
"# (docs/bronnen.md §1.2). Geen verevening LWOO/PrO ingevoerd.")
    if fyear == 2022:
        lines.append("#\n"
"# VSO viel in 2022 nog onder het oude WEC-regime (schooljaar, teldatum 1 oktober, personeel/materieel\n"
"# apart, aparte VSO-bedragen); de PO-vereenvoudiging (per 2023) gold ook voor het VSO.")
    if later:
        lines.append("#\n"
f"# LET OP — bedragen met sleutel 2024 in dit {fyear}-bestand: er is GEEN gepubliceerde index voor {'2025' if fyear == 2025 else '2025 en 2026'}\n"
"# gevonden. Om geen index te verzinnen staan hier de bedragen van 2024; de rekenkern brengt ze met de\n"
"# (verwachte) bekostigingsindex van het scenario naar eerste_jaar (docs/scenario-formaat.md §9).\n"
f"# Vervang door de bedragen met sleutel {fyear} zodra de regeling {fyear} bekend is.")
    if fyear == 2023:
        lines.append("#\n"
"# Generieke korting 2023: zware ondersteuning VO was in 2023 eenmalig € 12,50 per leerling lager\n"
"# (VOS/ABB, 'Regeling bekostiging 2024 PO'). Bedrag hieronder ZONDER korting; zet in het scenario:\n"
"#   [beleid] ocw_korting = { jaar = 2023, per_leerling = 12.50 }")
    lines.append("#")
    lines.append(HEAD_COMMON.rstrip("\n"))
    if key >= 2023:
        lines.append("#   2023 = 2024 / 1,0537 [PORAAD24] (VO-zware ondersteuning staat in dezelfde Regeling WPO en WEC).")
    if key == 2022:
        lines.append("#   2023 = 2024 / 1,0537 [PORAAD24]; 2022 = 2023 / 1,012695 [R23] → BOVENGRENS (loonbijstelling 2023 ontbreekt).")
    lines.append("")
    lines.append('schema = "swvsim-regels/1"')
    lines.append('sector = "vo"')
    lines.append(f'naam   = "Bekostiging SWV VO {fyear}"')
    lines.append('bron   = "Zwaar en VSO AFGELEID uit BWBR0037118 + BWBR0037072 en SO/VSO 2024 (SWV Kop van Noord-Holland), index PO-Raad 2024 +5,37%' + ('; zwaar 2026 + € 9,80 (audit)' if fyear >= 2026 else '') + f'; {BAND_TXT}; regionaal (enig anker: regionaal zorgbudget 2010 € 227) en LWOO/PrO (beste schatting € 5.990): PLAATSHOUDER; zie BRONNEN.md"')
    lines.append("")
    lines.append("[ondersteuning.regionaal]")
    lines.append(
"# Regionale ondersteuning (deel van de lichte ondersteuning) per VO-leerling (PrO inbegrepen); DUO: 'een\n"
"# voortzetting van het vroegere regionaal zorgbudget', een bedrag per bekostigde leerling op 1 oktober\n"
"# (duo.nl, samenwerkingsverbanden VO). Het enige anker: het regionaal zorgbudget was € 227 per leerling\n"
"# in 2010 (Regeling regionaal zorgbudget 2010; AVS, 'Regeling regionaal zorgbudget, subsidie\n"
"# verwijzingscommissies VO en reboundvoorzieningen'). Hoe dat sinds 2014 in de regionale ondersteuning\n"
"# is opgegaan is niet gevonden, dus er is geen afleiding; het echte bedrag ligt mogelijk hoger dan € 160.\n"
"# [PLAATSHOUDER] € 160 ongewijzigd uit vo-2025.toml. Vervang door het bedrag uit de DUO-beschikking\n"
"# (lichte ondersteuning VO) voordat dit bestand voor een begroting dient.")
    lines.append("normbedrag = { 2024 = 160.00 }")
    lines.append('grondslag  = "totaal"')
    lines.append("")
    lines.append("[ondersteuning.lwoo_pro]")
    lines.append(
"# Budget LWOO/PrO = normbedrag × factor × VO-leerlingen; het normbedrag is hetzelfde bedrag als de afdracht\n"
"# per LWOO- en PrO-leerling hieronder (koersvo.nl: 'Het bedrag van ondersteuningsbekostiging is gelijk voor\n"
"# praktijkonderwijs en lwoo'). [PLAATSHOUDER] bedrag zonder bron: beste schatting € 5.990 per leerling\n"
"# voor 2024 (audit van de regels, issue 28; eerder € 4.300). Vervang door het bedrag uit de beschikking.\n"
"# Omdat inkomsten en afdracht hetzelfde bedrag gebruiken, telt vooral (factor × leerlingen − LWOO/PrO-\n"
"# leerlingen) × bedrag; het niveau blijft onbekend.")
    lines.append(f"normbedrag = {{ 2024 = {toml_num(LWOO24)} }}")
    lines.append('grondslag  = "totaal"')
    lines.append(
"# SWV-SPECIFIEK, PLAATSHOUDER: bevroren deelname LWOO + PrO op 1 oktober 2012 (staat in de DUO-beschikking).")
    lines.append("factor     = 0.12")
    lines.append("")
    zb = P_VOZW + M_VOZW
    lines.append("[ondersteuning.zwaar]")
    lines.append("# Normatieve zware ondersteuning per VO-leerling (art. 85b WVO oud; 2023: art. 25 lid 1 Regeling WPO/WEC 2023).")
    lines.append(f"# [AFGELEID] ({eur(P_VOZW)} [R1516 art.22] + {eur(M_VOZW)} [MI16]) × F = {eur(zb)} × {F:.6f} = {eur(VOZW24)} (2024)")
    if key == 2023:
        lines.append(f"#   2023 = {eur(VOZW24)} / 1,0537 = {eur(v['vozw'])}  (ZONDER de korting van € 12,50, zie kop)")
    if key == 2022:
        lines.append(f"#   2022 = {eur(VOZW24)} / 1,0537 / 1,012695 = {eur(v['vozw'])}  (bovengrens)")
    lines.append(f"normbedrag = {{ {key} = {toml_num(v['vozw'])} }}")
    lines.append('grondslag  = "totaal"')
    lines.extend(step_block(fyear))
    lines.append("")
    how_note = "# Dat VSO sinds 2023 dezelfde bedragen heeft als SO is niet in de regeling gecontroleerd (aanname)."
    if key == 2024:
        lines.append(so_block(key, v['so'], "[GEBROND-S]", "Bron: [KNH24] (SO/VSO-tarieven 2024).").rstrip("\n"))
    elif key == 2023:
        lines.append(so_block(key, v['so'], "[AFGELEID]", "[KNH24] 2024 / 1,0537.").rstrip("\n"))
    else:
        lines.append(so_block(key, v['so'], "[AFGELEID]",
            "[KNH24] 2024 / 1,0537 / 1,012695 (bovengrens). In 2022 golden nog aparte VSO-bedragen\n# (2015-16 personeel + materieel: cat.1 € 9.755,06, cat.2 € 17.180,53, cat.3 € 21.289,81 — [R1516] art. 15 + [MI16] bijl. 4 B2).").rstrip("\n"))
    lines.append(how_note)
    lines.append("")
    lines.append("[afdracht.lwoo_pro]")
    lines.append("# Afdracht per LWOO- en per PrO-leerling (DUO betaalt direct aan de VO-besturen).\n# [PLAATSHOUDER] gelijk aan het normbedrag lwoo_pro hierboven; geen bron.")
    lines.append(f"bedrag = {{ 2024 = {toml_num(LWOO24)} }}")
    lines.append("")
    lines.append(idx_block("vo"))
    lines.append(SIGN)
    return "\n".join(lines)

for y in range(2022, 2027):
    for sec, fn in (("po", po_file), ("vo", vo_file)):
        txt = fn(y)
        p = OUT / f"{sec}-{y}.toml"
        p.write_text(txt)
        tomllib.loads(txt)
print("F =", F)
for k in sorted(V): print(k, V[k])
