// The questions of `swvsim nieuw` (answers.h): one per key of the answers file, in the order the
// dialogue asks them, and the filled-in example answers files (--voorbeeld-antwoorden).
#include "answers.h"

namespace swv {

const std::vector<Question>& questions() {
  using S = SectorOnly;
  static const std::vector<Question> q = {
      {"sector", S::Both, true, "Sector: po of vo?", "\"po\"", "po: basisonderwijs, SBO en SO; vo: voortgezet onderwijs, PrO, LWOO en VSO"},
      {"naam", S::Both, true, "Naam van het samenwerkingsverband?", "\"SWV Voorbeeldregio PO\"", "zoals het in de rapporten moet staan"},
      {"eerste_jaar", S::Both, true, "Eerste kalenderjaar van de planperiode?", "2026", "meestal het jaar waarvoor u nu begroot"},
      {"laatste_jaar", S::Both, true, "Laatste kalenderjaar van de planperiode?", "2030", "een meerjarenbegroting beslaat meestal 4 of 5 jaar; ten hoogste 15"},
      {"eigen_vermogen", S::Both, true, "Eigen vermogen op 31 december vóór het eerste jaar, in euro?", "2_400_000",
       "uit de (verwachte) jaarrekening: het hele eigen vermogen, bestemmingsreserves inbegrepen"},
      {"leerlingen.regulier", S::Po, true, "Leerlingen basisonderwijs (BaO) op de laatste teldatum?", "18_950",
       "teldatum 1 februari vóór het eerste jaar (die telling bekostigt het eerste jaar); DUO-beschikking of open data"},
      {"leerlingen.regulier", S::Vo, true, "Leerlingen regulier VO (zonder PrO) op de laatste teldatum?", "9_700",
       "teldatum 1 oktober vóór het eerste jaar; zonder praktijkonderwijs (dat komt hierna)"},
      {"leerlingen.sbo", S::Po, false, "Leerlingen SBO op die teldatum?", "390", "speciaal basisonderwijs met een TLV van dit SWV"},
      {"leerlingen.so.laag", S::Po, false, "Leerlingen SO categorie laag (1)?", "300", "SO (cluster 3 en 4) met een TLV van dit SWV, per bekostigingscategorie"},
      {"leerlingen.so.midden", S::Po, false, "Leerlingen SO categorie midden (2)?", "25", ""},
      {"leerlingen.so.hoog", S::Po, false, "Leerlingen SO categorie hoog (3)?", "40", ""},
      {"leerlingen.pro", S::Vo, false, "Leerlingen praktijkonderwijs (PrO)?", "300", ""},
      {"leerlingen.lwoo", S::Vo, false, "Leerlingen met leerwegondersteuning (LWOO)?", "870",
       "leeg: 9% van het regulier VO (AANNAME, docs/starten.md)"},
      {"leerlingen.vso.laag", S::Vo, false, "Leerlingen VSO categorie laag (1)?", "300", "VSO (cluster 3 en 4) met een TLV van dit SWV, per bekostigingscategorie"},
      {"leerlingen.vso.midden", S::Vo, false, "Leerlingen VSO categorie midden (2)?", "30", ""},
      {"leerlingen.vso.hoog", S::Vo, false, "Leerlingen VSO categorie hoog (3)?", "50", ""},
      {"verwachting.krimp_per_jaar", S::Both, true, "Krimp van het aantal reguliere leerlingen per jaar (als fractie)?", "0.01",
       "0.01 = elk jaar 1% minder; negatief is groei (-0.005); per jaar: { 2026 = 0.01, 2030 = 0.02 }. Bron: de prognose van gemeente of DUO"},
      {"verwachting.deelname_sbo", S::Po, false, "Verwachte deelname SBO = SBO / (BaO + SBO)?", "0.020",
       "leeg: de deelname van de telling blijft; per jaar: { 2026 = 0.020, 2030 = 0.018 } (tussen de jaren lineair)"},
      {"verwachting.deelname_so", S::Po, false, "Verwachte deelname SO = SO / (BaO + SBO + SO)?", "0.019", "leeg: de deelname van de telling blijft"},
      {"verwachting.deelname_pro", S::Vo, false, "Verwachte deelname PrO = PrO / (VO + PrO)?", "0.030", "leeg: de deelname van de telling blijft"},
      {"verwachting.deelname_vso", S::Vo, false, "Verwachte deelname VSO = VSO / (VO + VSO)?", "0.038", "leeg: de deelname van de telling blijft"},
      {"begroting.schoolbesturen_per_leerling", S::Both, false, "Euro per leerling naar de schoolbesturen?", "250",
       "leeg: wat na afdrachten, personeel en overige lasten overblijft (de begroting van het eerste jaar sluit)"},
      {"begroting.personeel", S::Both, false, "Personeel eigen organisatie per jaar, in euro?", "1_200_000", "leeg: 7% van de baten (AANNAME)"},
      {"begroting.arrangementen", S::Both, false, "Arrangementen en projecten per jaar, in euro?", "800_000", "leeg: geen aparte post"},
      {"begroting.overige_lasten", S::Both, false, "Huisvesting, administratie en overige lasten per jaar, in euro?", "250_000", "leeg: 2% van de baten (AANNAME)"},
      {"begroting.ondergrens", S::Both, false, "Eigen ondergrens voor het eigen vermogen (weerstandsvermogen), in euro?", "500_000", "leeg: geen ondergrens"},
      {"begroting.streefvermogen", S::Both, false, "Streefwaarde voor de algemene reserve, in euro?", "750_000", "leeg: geen streefvermogen"},
      {"beschikking.jaar", S::Both, false, "Bekostigingsjaar van uw DUO-beschikking?", "2026", "leeg: het eerste jaar"},
      {"beschikking.licht", S::Po, false, "Lichte ondersteuning per BaO-leerling (euro)?", "380.12", "leeg: het ingebouwde bedrag"},
      {"beschikking.regionaal", S::Vo, false, "Regionale ondersteuning per VO-leerling (euro)?", "165.40", "leeg: het ingebouwde bedrag"},
      {"beschikking.zwaar", S::Both, false, "Zware ondersteuning per leerling (euro)?", "520.35", "leeg: het ingebouwde bedrag"},
      {"beschikking.lwoo_pro", S::Vo, false, "Ondersteuningsbedrag LWOO/PrO per leerling (euro)?", "4_410.00", "leeg: het ingebouwde bedrag"},
      {"beschikking.lwoo_pro_factor", S::Vo, false, "Bevroren deelname LWOO + PrO van 1 oktober 2012 (fractie)?", "0.118", "leeg: het ingebouwde getal"},
      {"beschikking.afdracht_sbo", S::Po, false, "Afdracht per SBO-leerling (euro)?", "6_812.40", "leeg: het ingebouwde bedrag"},
      {"beschikking.afdracht_so.laag", S::Both, false, "Afdracht per (V)SO-leerling categorie laag (euro)?", "13_284.10", "leeg: het ingebouwde bedrag"},
      {"beschikking.afdracht_so.midden", S::Both, false, "Afdracht per (V)SO-leerling categorie midden (euro)?", "21_616.55", "leeg: het ingebouwde bedrag"},
      {"beschikking.afdracht_so.hoog", S::Both, false, "Afdracht per (V)SO-leerling categorie hoog (euro)?", "32_260.20", "leeg: het ingebouwde bedrag"},
  };
  return q;
}

namespace {

constexpr const char* kHead =
    "# Antwoorden voor swvsim nieuw: wat u als controller weet. Van dit bestand maakt\n"
    "#   swvsim nieuw --antwoorden DIT_BESTAND --uit scenario.toml\n"
    "# een volledig scenario met toelichting (docs/starten.md). Percentages als fractie: 2,0% = 0.020.\n"
    "# Getallen zonder punten: 18_950 of 18950 (niet 18.950). Alle sleutels: docs/sleutels.md.\n\n";

constexpr const char* kPo =
    "sector = \"po\"                 # po (BaO, SBO, SO) of vo (VO, PrO, LWOO, VSO)\n"
    "naam = \"SWV Voorbeeldregio PO\"\n"
    "eerste_jaar = 2026             # de planperiode: 2026 tot en met 2030\n"
    "laatste_jaar = 2030\n"
    "eigen_vermogen = 2_400_000     # op 31-12-2025, bestemmingsreserves inbegrepen\n"
    "\n"
    "[leerlingen]                   # de laatste teldatum: 1 februari 2025 (bekostigt 2026)\n"
    "regulier = 18_950              # basisonderwijs (BaO)\n"
    "sbo = 390\n"
    "so = { laag = 300, midden = 25, hoog = 40 }   # per bekostigingscategorie\n"
    "\n"
    "[verwachting]\n"
    "krimp_per_jaar = 0.01          # 1% minder BaO-leerlingen per jaar (prognose gemeente/DUO)\n"
    "deelname_sbo = 0.020           # SBO / (BaO + SBO); of per jaar: { 2026 = 0.020, 2030 = 0.018 }\n"
    "deelname_so = 0.019            # SO / (BaO + SBO + SO)\n"
    "\n"
    "# Wat u verder weet, mag erbij (elk weglaten geeft de standaard uit docs/starten.md):\n"
    "# [begroting]\n"
    "# schoolbesturen_per_leerling = 250   # leeg: wat overblijft, zodat 2026 sluit\n"
    "# personeel = 1_200_000                # leeg: 7% van de baten\n"
    "# arrangementen = 800_000\n"
    "# overige_lasten = 250_000             # leeg: 2% van de baten\n"
    "# ondergrens = 500_000\n"
    "#\n"
    "# [[bestemmingsreserve]]\n"
    "# code = \"BR1\"\n"
    "# naam = \"Pilot thuiszitters\"\n"
    "# stand = 240_000\n"
    "# onttrekking = 80_000                 # per jaar, tot de reserve op is\n"
    "#\n"
    "# [beschikking]                        # uw eigen DUO-beschikking (bedragen per leerling)\n"
    "# jaar = 2026\n"
    "# licht = 380.12\n"
    "# zwaar = 520.35\n"
    "# afdracht_sbo = 6_812.40\n"
    "# afdracht_so = { laag = 13_284.10, midden = 21_616.55, hoog = 32_260.20 }\n";

constexpr const char* kVo =
    "sector = \"vo\"                 # po (BaO, SBO, SO) of vo (VO, PrO, LWOO, VSO)\n"
    "naam = \"SWV Voorbeeldregio VO\"\n"
    "eerste_jaar = 2026             # de planperiode: 2026 tot en met 2030\n"
    "laatste_jaar = 2030\n"
    "eigen_vermogen = 1_800_000     # op 31-12-2025, bestemmingsreserves inbegrepen\n"
    "\n"
    "[leerlingen]                   # de laatste teldatum: 1 oktober 2025 (bekostigt 2026)\n"
    "regulier = 9_700               # regulier VO, zonder PrO\n"
    "pro = 300\n"
    "lwoo = 870                     # leerlingen met leerwegondersteuning\n"
    "vso = { laag = 300, midden = 30, hoog = 50 }  # per bekostigingscategorie\n"
    "\n"
    "[verwachting]\n"
    "krimp_per_jaar = 0.01          # 1% minder VO-leerlingen per jaar (prognose DUO)\n"
    "deelname_pro = 0.030           # PrO / (VO + PrO); of per jaar: { 2026 = 0.030, 2030 = 0.028 }\n"
    "deelname_vso = 0.038           # VSO / (VO + VSO)\n"
    "\n"
    "# Wat u verder weet, mag erbij (elk weglaten geeft de standaard uit docs/starten.md):\n"
    "# [begroting]\n"
    "# schoolbesturen_per_leerling = 100\n"
    "# personeel = 900_000\n"
    "# ondergrens = 400_000\n"
    "#\n"
    "# [beschikking]                        # uw eigen DUO-beschikking (bedragen per leerling)\n"
    "# jaar = 2026\n"
    "# regionaal = 165.40\n"
    "# zwaar = 820.10\n"
    "# lwoo_pro = 4_410.00\n"
    "# lwoo_pro_factor = 0.118\n"
    "# afdracht_so = { laag = 13_284.10, midden = 21_616.55, hoog = 32_260.20 }\n";

}  // namespace

std::string example_answers(Sector sector) { return std::string(kHead) + (sector == Sector::Po ? kPo : kVo); }

}  // namespace swv
