#include "schema.h"

#include <algorithm>
#include <cctype>

#include "diagnostics.h"

namespace swv {

namespace {

using F = Form;
using R = Range;
using S = SectorOnly;

// The scenario contract (docs/scenario-formaat.md, sections 2-13), plus documented extensions.
const std::vector<KeyInfo> kScenario = {
    {"schema", F::Text, R::Any, S::Both, true, "", "altijd \"swvsim/1\", in elk bestand van een keten"},
    {"basis", F::Text, R::Any, S::Both, false, "", "dit bestand is een variant van dat bestand (pad relatief aan dit bestand)"},

    {"swv", F::Section, R::Any, S::Both, true, "", "wie en wanneer"},
    {"swv.naam", F::Text, R::Any, S::Both, true, "", "naam van het samenwerkingsverband (weergave)"},
    {"swv.sector", F::Enum, R::Any, S::Both, true, "po,vo", "sector: po (BaO, SBO, SO) of vo (VO, PrO, LWOO, VSO)"},
    {"swv.eerste_jaar", F::Integer, R::Year, S::Both, true, "", "eerste gesimuleerde kalenderjaar van de planperiode"},
    {"swv.laatste_jaar", F::Integer, R::Year, S::Both, true, "", "laatste kalenderjaar (planperiode ten hoogste 15 jaar)"},
    {"swv.regels", F::TextByYear, R::Any, S::Both, true, "", "bekostigingsregels: pad naar een regelsbestand of ingebouwde naam (\"po-2025\"), of per jaar { 2022 = \"po-2022\", 2023 = \"po-2023\" }: jaar Y gebruikt het bestand met de grootste sleutel ≤ Y"},
    {"swv.omschrijving", F::Text, R::Any, S::Both, false, "", "uitbreiding: vrije omschrijving van het scenario, voor rapporten"},

    {"start", F::Section, R::Any, S::Both, true, "", "de bekende beginpositie"},
    {"start.eigen_vermogen", F::Number, R::Any, S::Both, true, "", "eigen vermogen op 31 december van eerste_jaar − 1 (euro)"},
    {"start.leerlingen", F::Section, R::Any, S::Both, true, "", "leerlingen op de teldatum van eerste_jaar − 1"},
    {"start.leerlingen.regulier", F::Number, R::Count, S::Both, true, "", "reguliere leerlingen (BaO of VO)"},
    {"start.leerlingen.sbo", F::Number, R::Count, S::Po, false, "", "SBO-leerlingen (standaard 0)"},
    {"start.leerlingen.so", F::Section, R::Any, S::Both, false, "", "SO- (po) of VSO-leerlingen (vo) per bekostigingscategorie"},
    {"start.leerlingen.so.laag", F::Number, R::Count, S::Both, false, "", "categorie laag (1)"},
    {"start.leerlingen.so.midden", F::Number, R::Count, S::Both, false, "", "categorie midden (2)"},
    {"start.leerlingen.so.hoog", F::Number, R::Count, S::Both, false, "", "categorie hoog (3)"},
    {"start.leerlingen.pro", F::Number, R::Count, S::Vo, false, "", "PrO-leerlingen (standaard 0)"},
    {"start.leerlingen.lwoo_aandeel", F::Value, R::Rate, S::Vo, false, "", "aandeel reguliere VO-leerlingen met leerwegondersteuning (standaard 0)"},

    {"demografie", F::Section, R::Any, S::Both, false, "", "nieuwe leerlingen en krimp"},
    {"demografie.instroom", F::Number, R::NonNegative, S::Both, false, "", "instroom in het regulier onderwijs in eerste_jaar − 1 (standaard: houdt regulier gelijk)"},
    {"demografie.groei", F::Value, R::Any, S::Both, false, "", "verwachte jaarlijkse groei van de instroom (negatief = krimp; standaard 0)"},
    {"demografie.onzekerheid", F::Value, R::NonNegative, S::Both, false, "", "standaardafwijking van de jaarlijkse groeischok (standaard 0)"},
    {"demografie.persistentie", F::Value, R::RateBelowOne, S::Both, false, "", "AR(1)-coëfficiënt van de schok, in [0,1) (standaard 0.5)"},
    {"demografie.zij_instroom", F::Value, R::Any, S::Both, false, "", "netto zij-instroom in het regulier onderwijs per jaar, op alle leeftijden (nieuwkomers, verhuizingen; mag negatief zijn; standaard 0)"},

    {"stromen", F::Section, R::Any, S::Both, false, "", "stromen tussen schoolsoorten (kansen per leerling per jaar)"},
    {"stromen.verwijzing", F::Section, R::Any, S::Both, false, "", "verwijzing vanuit het regulier onderwijs"},
    {"stromen.verwijzing.sbo", F::Value, R::Rate, S::Po, false, "", "regulier → SBO"},
    {"stromen.verwijzing.so", F::Section, R::Any, S::Both, false, "", "regulier → SO/VSO per categorie"},
    {"stromen.verwijzing.so.laag", F::Value, R::Rate, S::Both, false, "", "regulier → SO/VSO laag"},
    {"stromen.verwijzing.so.midden", F::Value, R::Rate, S::Both, false, "", "regulier → SO/VSO midden"},
    {"stromen.verwijzing.so.hoog", F::Value, R::Rate, S::Both, false, "", "regulier → SO/VSO hoog"},
    {"stromen.verwijzing.pro", F::Value, R::Rate, S::Vo, false, "", "regulier → PrO"},
    {"stromen.doorstroom", F::Section, R::Any, S::Po, false, "", "doorstroom tussen speciale vormen"},
    {"stromen.doorstroom.sbo_so", F::Section, R::Any, S::Po, false, "", "SBO → SO per categorie"},
    {"stromen.doorstroom.sbo_so.laag", F::Value, R::Rate, S::Po, false, "", "SBO → SO laag"},
    {"stromen.doorstroom.sbo_so.midden", F::Value, R::Rate, S::Po, false, "", "SBO → SO midden"},
    {"stromen.doorstroom.sbo_so.hoog", F::Value, R::Rate, S::Po, false, "", "SBO → SO hoog"},
    {"stromen.terugplaatsing", F::Section, R::Any, S::Both, false, "", "terugplaatsing naar het regulier onderwijs"},
    {"stromen.terugplaatsing.sbo", F::Value, R::Rate, S::Po, false, "", "SBO → regulier"},
    {"stromen.terugplaatsing.so", F::Value, R::Rate, S::Both, false, "", "SO/VSO → regulier (alle categorieën)"},
    {"stromen.uitstroom", F::Section, R::Any, S::Both, false, "", "uitstroom uit de scholen van het SWV"},
    {"stromen.uitstroom.regulier", F::Value, R::Rate, S::Both, false, "", "uitstroom regulier (einde school, verhuizing)"},
    {"stromen.uitstroom.sbo", F::Value, R::Rate, S::Po, false, "", "uitstroom SBO"},
    {"stromen.uitstroom.so", F::Value, R::Rate, S::Both, false, "", "uitstroom SO/VSO"},
    {"stromen.uitstroom.pro", F::Value, R::Rate, S::Vo, false, "", "uitstroom PrO"},
    {"stromen.beleid", F::Section, R::Any, S::Both, false, "", "beleid op verwijzingen"},
    {"stromen.beleid.verwijzing_sbo_factor", F::Table, R::NonNegative, S::Po, false, "", "factor op verwijzing.sbo per jaar; jaren vóór het eerste gegeven jaar: 1.0"},
    {"stromen.beleid.verwijzing_so_factor", F::Table, R::NonNegative, S::Both, false, "", "factor op verwijzing.so (alle categorieën) per jaar; vóór het eerste jaar 1.0"},
    {"stromen.beleid.verwijzing_pro_factor", F::Table, R::NonNegative, S::Vo, false, "", "factor op verwijzing.pro per jaar; vóór het eerste jaar 1.0"},
    {"stromen.beleid.effectiviteit", F::Value, R::Rate, S::Both, false, "", "effectiviteit van het beleid (standaard 1): toegepast 1 − effectiviteit × (1 − factor)"},
    {"stromen.doel", F::Section, R::Any, S::Both, false, "", "doelen voor de deelname in plaats van beleidsfactoren: de rekenkern zoekt per jaar de factor die de verwachte deelname op het doel brengt"},
    {"stromen.doel.sbo", F::Table, R::Rate, S::Po, false, "", "doel deelname SBO = SBO / (BaO + SBO) per jaar (tussen gegeven jaren lineair, daarna constant)"},
    {"stromen.doel.so", F::Table, R::Rate, S::Po, false, "", "doel deelname SO = SO / (BaO + SBO + SO) per jaar"},
    {"stromen.doel.vso", F::Table, R::Rate, S::Vo, false, "", "doel deelname VSO = VSO / (VO + VSO) per jaar"},
    {"stromen.doel.pro", F::Table, R::Rate, S::Vo, false, "", "doel deelname PrO = PrO / (VO + PrO) per jaar"},
    {"stromen.doel.sbo_leerlingen", F::Table, R::Any, S::Po, false, "", "uitbreiding 1.2: doel in leerlingen: verandering van het aantal SBO-leerlingen t.o.v. de start (teldatum eerste_jaar − 1) per jaar, bijv. { 2026 = -21 } (niet samen met doel.sbo)"},
    {"stromen.doel.so_leerlingen", F::Table, R::Any, S::Po, false, "", "uitbreiding 1.2: doel in leerlingen: verandering van het aantal SO-leerlingen (alle categorieën) t.o.v. de start per jaar"},
    {"stromen.doel.vso_leerlingen", F::Table, R::Any, S::Vo, false, "", "uitbreiding 1.2: doel in leerlingen: verandering van het aantal VSO-leerlingen t.o.v. de start per jaar"},
    {"stromen.doel.pro_leerlingen", F::Table, R::Any, S::Vo, false, "", "uitbreiding 1.2: doel in leerlingen: verandering van het aantal PrO-leerlingen t.o.v. de start per jaar"},
    {"stromen.capaciteit", F::Section, R::Any, S::Both, false, "", "plaatsen in het speciaal (basis)onderwijs: verwijzingen daarboven wachten in het regulier onderwijs"},
    {"stromen.capaciteit.sbo", F::Value, R::NonNegative, S::Po, false, "", "ten hoogste zoveel SBO-leerlingen op een teldatum"},
    {"stromen.capaciteit.so", F::Value, R::NonNegative, S::Po, false, "", "ten hoogste zoveel SO-leerlingen (alle categorieën) op een teldatum"},
    {"stromen.capaciteit.vso", F::Value, R::NonNegative, S::Vo, false, "", "ten hoogste zoveel VSO-leerlingen (alle categorieën) op een teldatum"},

    {"indexatie", F::Section, R::Any, S::Both, false, "", "loon-, prijs- en bekostigingsindex (jaarlijkse mutaties)"},
    {"indexatie.loon", F::Value, R::Any, S::Both, false, "", "loonindex (standaard 0)"},
    {"indexatie.prijs", F::Value, R::Any, S::Both, false, "", "prijsindex (standaard 0)"},
    {"indexatie.bekostiging", F::Value, R::Any, S::Both, false, "", "bekostigingsindex (standaard: loon_aandeel × loon + (1 − loon_aandeel) × prijs)"},
    {"indexatie.correlatie", F::Matrix, R::Any, S::Both, false, "", "correlatie van de normale scores, volgorde bekostiging, loon, prijs (standaard eenheidsmatrix)"},

    {"post", F::ArrayOfTables, R::Any, S::Both, false, "", "begrotingsposten van de meerjarenbegroting"},
    {"post[].code", F::Text, R::Any, S::Both, true, "", "unieke code (bijv. \"4.5.1\")"},
    {"post[].naam", F::Text, R::Any, S::Both, true, "", "naam van de post"},
    {"post[].kant", F::Enum, R::Any, S::Both, true, "baten,lasten", "baten of lasten"},
    {"post[].bedrag", F::Value, R::Any, S::Both, false, "", "bedrag in prijzen van eerste_jaar, maal de indexfactor (bij berekend: override)"},
    {"post[].per_leerling", F::Value, R::Any, S::Both, false, "", "euro per leerling van grondslag (prijzen van eerste_jaar), maal de indexfactor"},
    {"post[].grondslag", F::Enum, R::Any, S::Both, false, "regulier,sbo:po,so,pro:vo,lwoo:vo,totaal", "leerlingen waarover per_leerling telt (teldatum Y−1)"},
    {"post[].berekend", F::Enum, R::Any, S::Both, false, "ondersteuning,afdracht_so,afdracht_sbo:po,afdracht_lwoo_pro:vo", "berekend uit de bekostigingsregels"},
    {"post[].indexatie", F::Enum, R::Any, S::Both, false, "bekostiging,loon,prijs,geen", "index van de post (standaard prijs voor bedrag, bekostiging voor per_leerling en berekend, geen bij override)"},
    {"post[].realisatie", F::Value, R::NonNegative, S::Both, false, "", "deel van het begrote bedrag dat werkelijk wordt besteed/ontvangen (standaard 1)"},
    {"post[].onzekerheid", F::Number, R::NonNegative, S::Both, false, "", "relatieve sd van een multiplicatieve schok max(0, 1 + onzekerheid × z)"},
    {"post[].onzekerheid_per_jaar", F::Bool, R::Any, S::Both, false, "", "schok elk jaar opnieuw (standaard: één per pad)"},
    {"post[].groep", F::Text, R::Any, S::Both, false, "", "groep voor rapporten en beleid.bezuiniging"},
    {"post[].periode", F::Enum, R::Any, S::Both, false, "kalenderjaar,schooljaar", "kalenderjaar (standaard) of schooljaar: jaarsleutels zijn schooljaren (2023 = 2023-24), het kalenderjaar krijgt 7/12 van Y−1 en 5/12 van Y"},
    {"post[].vervang", F::Bool, R::Any, S::Both, false, "", "variant: vervang de post van de basis met dezelfde code geheel"},
    {"post[].verwijder", F::Bool, R::Any, S::Both, false, "", "variant: verwijder de post van de basis met deze code"},

    {"risico", F::ArrayOfTables, R::Any, S::Both, false, "", "risicoregister"},
    {"risico[].code", F::Text, R::Any, S::Both, true, "", "unieke code"},
    {"risico[].naam", F::Text, R::Any, S::Both, true, "", "naam van het risico"},
    {"risico[].kans", F::Value, R::Rate, S::Both, true, "", "kans dat het risico in een jaar optreedt (ten hoogste eens per jaar; blijvend: kans dat het in dat jaar voor het eerst optreedt)"},
    {"risico[].impact", F::Value, R::Any, S::Both, true, "", "euro als het optreedt, niet geïndexeerd; een verdeling wordt per keer opnieuw getrokken"},
    {"risico[].jaren", F::YearList, R::Year, S::Both, false, "", "jaren waarin het kan optreden (standaard alle)"},
    {"risico[].kant", F::Enum, R::Any, S::Both, false, "lasten,baten", "lasten (extra kosten, standaard) of baten (gemiste inkomsten: een korting)"},
    {"risico[].blijvend", F::Bool, R::Any, S::Both, false, "", "uitbreiding 1.2: blijvend (true): vanaf het jaar waarin het optreedt komt de impact (dan getrokken) elk later jaar terug, ook buiten jaren; het kan geen tweede keer optreden (standaard false: elk jaar opnieuw)"},
    {"risico[].vervang", F::Bool, R::Any, S::Both, false, "", "variant: vervang het risico van de basis met dezelfde code geheel"},
    {"risico[].verwijder", F::Bool, R::Any, S::Both, false, "", "variant: verwijder het risico van de basis met deze code"},

    {"bestemmingsreserve", F::ArrayOfTables, R::Any, S::Both, false, "", "bestemmingsreserves: geoormerkte delen van het eigen vermogen"},
    {"bestemmingsreserve[].code", F::Text, R::Any, S::Both, true, "", "unieke code"},
    {"bestemmingsreserve[].naam", F::Text, R::Any, S::Both, true, "", "naam van de reserve"},
    {"bestemmingsreserve[].stand", F::Number, R::NonNegative, S::Both, true, "", "stand op 31 december van eerste_jaar − 1 (euro); deel van start.eigen_vermogen"},
    {"bestemmingsreserve[].onttrekking", F::ValueOrPost, R::NonNegative, S::Both, false, "", "onttrekking per jaar (euro, standaard 0), ten hoogste wat de reserve bevat; of \"post:CODE\" (uitbreiding 1.2): elk jaar wat die lasten-post dat jaar werkelijk kost (realisatie inbegrepen, vóór een bezuiniging), ten hoogste de stand"},
    {"bestemmingsreserve[].dotatie", F::Value, R::NonNegative, S::Both, false, "", "dotatie per jaar uit het resultaat (euro, standaard 0)"},
    {"bestemmingsreserve[].vervang", F::Bool, R::Any, S::Both, false, "", "variant: vervang de reserve van de basis met dezelfde code geheel"},
    {"bestemmingsreserve[].verwijder", F::Bool, R::Any, S::Both, false, "", "variant: verwijder de reserve van de basis met deze code"},

    {"beleid", F::Section, R::Any, S::Both, false, "", "beheersregels die in elk pad worden toegepast (einde jaar Y, effect in Y+1)"},
    {"beleid.ocw_afroming", F::Section, R::Any, S::Both, false, "", "wat-als: OCW houdt een deel van het bovenmatige vermogen in"},
    {"beleid.ocw_afroming.vanaf", F::Integer, R::Year, S::Both, true, "", "eerste jaar waarvan het vermogen wordt getoetst"},
    {"beleid.ocw_afroming.aandeel", F::Value, R::Rate, S::Both, true, "", "deel van het overschot boven de signaleringswaarde dat wordt ingehouden"},
    {"beleid.afbouw", F::Section, R::Any, S::Both, false, "", "bestedingsplan: overschot uitkeren aan de schoolbesturen"},
    {"beleid.afbouw.aandeel", F::Value, R::Rate, S::Both, true, "", "deel van (overschot − ingehouden) dat het jaar erna extra wordt uitgegeven"},
    {"beleid.afbouw.boven", F::Enum, R::Any, S::Both, false, "signaleringswaarde,streefvermogen", "overschot boven de signaleringswaarde (eigen vermogen, standaard) of boven het streefvermogen (algemene reserve)"},
    {"beleid.afbouw.moment", F::Enum, R::Any, S::Both, false, "volgend_jaar,begroting", "volgend_jaar (standaard: het overschot van 31-12 van Y wordt in Y+1 betaald, per pad) of begroting (het bedrag van elk jaar ligt vast in de deterministische begroting)"},
    {"beleid.afbouw.naam", F::Text, R::Any, S::Both, false, "", "naam van de post in rapporten (standaard \"Bestedingsplan (afbouw eigen vermogen)\")"},
    {"beleid.bezuiniging", F::Section, R::Any, S::Both, false, "", "bezuinigen onder de ondergrens"},
    {"beleid.bezuiniging.aandeel", F::Value, R::Rate, S::Both, true, "", "deel van de lasten van de groep dat het jaar erna vervalt"},
    {"beleid.bezuiniging.groep", F::Text, R::Any, S::Both, true, "", "groep van posten (post.groep) waarop wordt bezuinigd"},
    {"beleid.bezuiniging.onder", F::Enum, R::Any, S::Both, false, "ondergrens,streefvermogen", "bezuinigen als het eigen vermogen onder de ondergrens zakt (standaard) of de algemene reserve onder het streefvermogen"},
    {"beleid.ocw_korting", F::Section, R::Any, S::Both, false, "", "generieke korting op de zware ondersteuning (zoals 2023), gecompenseerd tot de signaleringswaarde"},
    {"beleid.ocw_korting.jaar", F::Integer, R::Year, S::Both, true, "", "jaar van de korting"},
    {"beleid.ocw_korting.per_leerling", F::Number, R::NonNegative, S::Both, true, "", "korting per leerling (totaal, teldatum jaar − 1), niet geïndexeerd"},

    {"normen", F::Section, R::Any, S::Both, false, "", "normen voor het eigen vermogen"},
    {"normen.signaleringswaarde", F::Section, R::Any, S::Both, false, "", "signaleringswaarde; een ontbrekende sleutel komt uit het regelsbestand"},
    {"normen.signaleringswaarde.percentage", F::Number, R::Rate, S::Both, false, "", "deel van de totale baten (Inspectie: 0.035)"},
    {"normen.signaleringswaarde.minimum", F::Number, R::NonNegative, S::Both, false, "", "minimum in euro (Inspectie: 250000)"},
    {"normen.ondergrens", F::Value, R::Any, S::Both, false, "", "eigen ondergrens voor het eigen vermogen (weerstandsvermogen), nominaal; standaard 0"},
    {"normen.streefvermogen", F::Value, R::Any, S::Both, false, "", "eigen streefwaarde voor de algemene reserve, nominaal; geen standaard"},

    {"balans", F::Section, R::Any, S::Both, false, "", "balans op 31 december van eerste_jaar − 1, voor de meerjarenbalans (continuïteitsparagraaf)"},
    {"balans.materiele_vaste_activa", F::Number, R::NonNegative, S::Both, true, "", "materiële vaste activa (euro)"},
    {"balans.vorderingen", F::Number, R::NonNegative, S::Both, false, "", "vorderingen (euro, standaard 0)"},
    {"balans.liquide_middelen", F::Number, R::Any, S::Both, true, "", "liquide middelen (euro); in latere jaren de sluitpost"},
    {"balans.voorzieningen", F::Number, R::NonNegative, S::Both, false, "", "voorzieningen (euro, standaard 0)"},
    {"balans.langlopende_schulden", F::Number, R::NonNegative, S::Both, false, "", "langlopende schulden (euro, standaard 0)"},
    {"balans.kortlopende_schulden", F::Number, R::Positive, S::Both, true, "", "kortlopende schulden (euro, groter dan 0: de noemer van de liquiditeit)"},
    {"balans.investeringen", F::Value, R::NonNegative, S::Both, false, "", "investeringen in materiële vaste activa per jaar (euro, standaard 0)"},
    {"balans.afschrijvingen", F::Value, R::NonNegative, S::Both, false, "", "afschrijvingen per jaar (euro, standaard 0); zitten al in de lasten-posten en worden niet opnieuw afgetrokken"},
    {"balans.voorzieningen_mutatie", F::Value, R::Any, S::Both, false, "", "mutatie van de voorzieningen per jaar (euro, standaard 0)"},

    {"vangnet", F::Section, R::Any, S::Po, false, "", "vangnetregeling: groei van SO en SBO na de teldatum, door het SWV betaald (een lasten-post vangnet)"},
    {"vangnet.groei", F::Section, R::Any, S::Po, false, "", "leerlingen die per jaar na de teldatum instromen"},
    {"vangnet.groei.so", F::Value, R::NonNegative, S::Po, false, "", "groei SO na de teldatum (leerlingen per jaar, standaard 0)"},
    {"vangnet.groei.sbo", F::Value, R::NonNegative, S::Po, false, "", "groei SBO na de teldatum (leerlingen per jaar, standaard 0)"},
    {"vangnet.drempel", F::Section, R::Any, S::Po, false, "", "groei die de scholen zelf opvangen"},
    {"vangnet.drempel.so", F::Value, R::NonNegative, S::Po, false, "", "drempel SO (leerlingen per jaar): groei die de scholen zelf opvangen, het landelijk gemiddelde uit het ondersteuningsplan; verplicht bij groei.so (geen stille 0)"},
    {"vangnet.drempel.sbo", F::Value, R::NonNegative, S::Po, false, "", "drempel SBO (leerlingen per jaar); verplicht bij groei.sbo"},
    {"vangnet.deel", F::Value, R::Rate, S::Po, false, "", "deel van het jaar dat wordt betaald (standaard 0.5)"},

    {"simulatie", F::Section, R::Any, S::Both, false, "", "instellingen van de simulatie (de opdrachtregel gaat voor)"},
    {"simulatie.modus", F::Enum, R::Any, S::Both, false, "montecarlo,deterministisch", "montecarlo (standaard) of deterministisch"},
    {"simulatie.paden", F::Integer, R::Positive, S::Both, false, "", "aantal paden (standaard 10000)"},
    {"simulatie.zaad", F::Integer, R::NonNegative, S::Both, false, "", "zaad (standaard 1; 0 is een gewoon zaad)"},
    {"simulatie.precisie", F::Number, R::Rate, S::Both, false, "", "uitbreiding: precisie op verzoek voor swvsim run: paden in rondes van 4.096 tot de grootste standaardfout van de gerapporteerde kansen ten hoogste dit is (groter dan 0, ten hoogste 0.5; bijv. 0.005); paden geldt dan niet (--paden op de opdrachtregel wel)"},
    {"simulatie.max_paden", F::Integer, R::Positive, S::Both, false, "", "uitbreiding: hoogstens zoveel paden bij precisie (standaard 1000000)"},

    {"bestedingsruimte", F::Section, R::Any, S::Both, false, "", "uitbreiding: voor swvsim bestedingsruimte"},
    {"bestedingsruimte.profiel", F::Table, R::NonNegative, S::Both, false, "", "verdeling van de extra jaarlijkse besteding over de jaren (factor per jaar, standaard 1 in elk jaar); de opdracht schaalt het profiel"},
    {"rapport", F::Section, R::Any, S::Both, false, "", "uitbreiding: instellingen van de rapporten"},
    {"rapport.bovenmatig_oranje", F::Number, R::Rate, S::Both, false, "", "stoplicht: oranje vanaf deze kans op bovenmatig eigen vermogen (standaard 0.2)"},
    {"rapport.bovenmatig_rood", F::Number, R::Rate, S::Both, false, "", "stoplicht: rood vanaf deze kans op bovenmatig eigen vermogen (standaard 0.5)"},
    {"rapport.ondergrens_oranje", F::Number, R::Rate, S::Both, false, "", "stoplicht: oranje vanaf deze kans op eigen vermogen onder de ondergrens (standaard 0.05)"},
    {"rapport.ondergrens_rood", F::Number, R::Rate, S::Both, false, "", "stoplicht: rood vanaf deze kans op eigen vermogen onder de ondergrens (standaard 0.2)"},
    {"kalibratie", F::Section, R::Any, S::Both, false, "", "uitbreiding: waar de spreidingen vandaan komen (swvsim kalibreer schrijft deze tabel; de rapporten noemen haar)"},
    {"kalibratie.historie", F::Text, R::Any, S::Both, true, "", "het historiebestand waaruit is geschat"},
    {"kalibratie.historie_sha256", F::Text, R::Any, S::Both, false, "", "SHA-256 van het historiebestand"},
    {"kalibratie.eerste_jaar", F::Integer, R::Year, S::Both, true, "", "eerste teldatum van de historie"},
    {"kalibratie.laatste_jaar", F::Integer, R::Year, S::Both, true, "", "laatste teldatum van de historie"},
    {"kalibratie.methode", F::Text, R::Any, S::Both, false, "", "hoe is geschat (één regel)"},
    {"kalibratie.swvsim", F::Text, R::Any, S::Both, false, "", "versie van swvsim die kalibreerde"},
    {"kalibratie.terugtoets", F::Section, R::Any, S::Both, false, "", "de terugtoets van de banden op dezelfde historie (swvsim terugtoets); het RvT-deel van het rapport toont haar"},
    {"kalibratie.terugtoets.dekking_50", F::Number, R::Rate, S::Both, true, "", "aandeel van de werkelijke aantallen binnen P25–P75"},
    {"kalibratie.terugtoets.dekking_90", F::Number, R::Rate, S::Both, true, "", "aandeel van de werkelijke aantallen binnen P5–P95"},
    {"kalibratie.terugtoets.punten", F::Integer, R::Positive, S::Both, true, "", "aantal vergeleken werkelijke aantallen"},
    {"kalibratie.terugtoets.horizon", F::Integer, R::Positive, S::Both, false, "", "jaren vooruit per oorsprong"},
};

// The funding rules file (docs/scenario-formaat.md, section 9).
const std::vector<KeyInfo> kRules = {
    {"schema", F::Text, R::Any, S::Both, true, "", "altijd \"swvsim-regels/1\""},
    {"basis", F::Text, R::Any, S::Both, false, "", "uitbreiding 1.2: dit regelsbestand wijzigt alleen de bedragen die het noemt van dat regelsbestand (ingebouwde naam als \"po-2026\" of pad relatief aan dit bestand), sleutel voor sleutel zoals een variant: de eigen DUO-beschikking"},
    {"sector", F::Enum, R::Any, S::Both, true, "po,vo", "sector van deze regels; moet gelijk zijn aan die van het scenario (bij basis: mag weg)"},
    {"naam", F::Text, R::Any, S::Both, false, "", "uitbreiding: naam van de regeling, voor rapporten"},
    {"bron", F::Text, R::Any, S::Both, false, "", "uitbreiding: bron(nen) van de bedragen, voor rapporten"},
    {"ondersteuning", F::Section, R::Any, S::Both, true, "", "componenten van de ondersteuningsbekostiging; baten = som van de componenten"},
    {"ondersteuning.*", F::Section, R::Any, S::Both, false, "", "één component (naam vrij, bijv. licht, zwaar, regionaal, lwoo_pro)"},
    {"ondersteuning.*.normbedrag", F::Table, R::Any, S::Both, true, "", "euro per leerling van de grondslag, nominaal"},
    {"ondersteuning.*.grondslag", F::Enum, R::Any, S::Both, true, "regulier,sbo:po,so,pro:vo,lwoo:vo,totaal", "leerlingen waarover de component telt (teldatum Y−1)"},
    {"ondersteuning.*.verrekening", F::Enum, R::Any, S::Both, false, "licht,zwaar,lwoo_pro:vo,geen", "uitbreiding 1.2: waartegen DUO de afdrachten met deze component verrekent: licht (SBO; vo: overloop van LWOO/PrO), zwaar (SO/VSO en de overloop van SBO), lwoo_pro (LWOO/PrO) of geen (standaard: licht voor de namen licht en regionaal, zwaar voor zwaar, lwoo_pro voor lwoo_pro, anders geen)"},
    {"ondersteuning.*.factor", F::Number, R::NonNegative, S::Both, false, "", "vermenigvuldiger (vo lwoo_pro: bevroren deelname LWOO+PrO van 1 oktober 2012; standaard 1)"},
    {"afdracht", F::Section, R::Any, S::Both, false, "", "afdrachten door DUO"},
    {"afdracht.so", F::Section, R::Any, S::Both, false, "", "euro per SO/VSO-leerling per categorie; elke leerling wordt afgedragen"},
    {"afdracht.so.laag", F::Table, R::NonNegative, S::Both, true, "", "categorie laag (1)"},
    {"afdracht.so.midden", F::Table, R::NonNegative, S::Both, true, "", "categorie midden (2)"},
    {"afdracht.so.hoog", F::Table, R::NonNegative, S::Both, true, "", "categorie hoog (3)"},
    {"afdracht.sbo", F::Section, R::Any, S::Po, false, "", "po: afdracht per SBO-leerling"},
    {"afdracht.sbo.drempel", F::Number, R::Rate, S::Po, false, "", "alleen leerlingen boven drempel × (regulier + SBO) (sinds 2023: 0; vóór 2023: 0.02)"},
    {"afdracht.sbo.bedrag", F::Table, R::NonNegative, S::Po, true, "", "euro per SBO-leerling"},
    {"afdracht.lwoo_pro", F::Section, R::Any, S::Vo, false, "", "vo: afdracht per LWOO- en per PrO-leerling"},
    {"afdracht.lwoo_pro.bedrag", F::Table, R::NonNegative, S::Vo, true, "", "euro per LWOO- en per PrO-leerling"},
    {"indexatie", F::Section, R::Any, S::Both, false, "", "indexatie van de bekostiging"},
    {"indexatie.loon_aandeel", F::Number, R::Rate, S::Both, false, "", "loongevoelig deel van de bedragen (standaard 0.8915)"},
    {"signaleringswaarde", F::Section, R::Any, S::Both, false, "", "signaleringswaarde van de Inspectie"},
    {"signaleringswaarde.percentage", F::Number, R::Rate, S::Both, false, "", "deel van de totale (bruto) baten (standaard 0.035)"},
    {"signaleringswaarde.minimum", F::Number, R::NonNegative, S::Both, false, "", "minimum in euro (standaard 250000)"},
};

}  // namespace

bool path_matches(std::string_view pattern, std::string_view path) {
  // Component-wise compare; "*" matches one component.
  while (true) {
    size_t pe = pattern.find('.'), qe = path.find('.');
    std::string_view pc = pattern.substr(0, pe), qc = path.substr(0, qe);
    if (pc != "*" && pc != qc) return false;
    if (pe == std::string_view::npos || qe == std::string_view::npos)
      return pe == std::string_view::npos && qe == std::string_view::npos;
    pattern.remove_prefix(pe + 1);
    path.remove_prefix(qe + 1);
  }
}

const std::vector<KeyInfo>& schema(FileKind kind) {
  return kind == FileKind::Scenario ? kScenario : kind == FileKind::Rules ? kRules : detail::answers_schema();
}

const KeyInfo* find_key(FileKind kind, std::string_view path) {
  const KeyInfo* wildcard = nullptr;
  for (const auto& k : schema(kind)) {
    if (k.path == path) return &k;
    if (!wildcard && k.path.find('*') != std::string_view::npos && path_matches(k.path, path)) wildcard = &k;
  }
  return wildcard;
}

std::vector<std::string> child_names(FileKind kind, std::string_view parent, std::optional<Sector> sector) {
  std::vector<std::string> out;
  for (const auto& k : schema(kind)) {
    if (sector && !sector_allows(k.sector, *sector)) continue;
    std::string_view p = k.path;
    std::string_view head, name;
    size_t dot = p.rfind('.');
    if (dot == std::string_view::npos) head = "", name = p;
    else head = p.substr(0, dot), name = p.substr(dot + 1);
    if (name == "*") continue;
    if (head == parent || (head.find('*') != std::string_view::npos && path_matches(head, parent)))
      out.emplace_back(name);
  }
  return out;
}

std::vector<Choice> parse_choices(std::string_view choices) {
  std::vector<Choice> out;
  while (!choices.empty()) {
    size_t comma = choices.find(',');
    std::string_view item = choices.substr(0, comma);
    SectorOnly s = SectorOnly::Both;
    if (item.ends_with(":po")) s = SectorOnly::Po, item.remove_suffix(3);
    else if (item.ends_with(":vo")) s = SectorOnly::Vo, item.remove_suffix(3);
    out.push_back({std::string(item), s});
    if (comma == std::string_view::npos) break;
    choices.remove_prefix(comma + 1);
  }
  return out;
}

namespace {

// Words a controller writes for a key or choice that has another name in swvsim, with why.
struct Synonym {
  std::string_view word, name, why;
};
constexpr Synonym kSynonyms[] = {
    {"bao", "regulier", "leerlingen in het basisonderwijs (BaO) heten hier regulier"},
    {"basisonderwijs", "regulier", "leerlingen in het basisonderwijs (BaO) heten hier regulier"},
    {"bo", "regulier", "leerlingen in het basisonderwijs heten hier regulier"},
    {"vo", "regulier", "leerlingen in het regulier voortgezet onderwijs heten hier regulier"},
    {"voortgezet_onderwijs", "regulier", "leerlingen in het regulier voortgezet onderwijs heten hier regulier"},
    {"regulier_onderwijs", "regulier", ""},
    {"speciaal_basisonderwijs", "sbo", ""},
    {"speciaal_onderwijs", "so", ""},
    {"vso", "so", "in een scenario staan SO en VSO beide onder so"},
    {"praktijkonderwijs", "pro", ""},
};

bool same_word(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y)); });
}

}  // namespace

std::string suggest(std::string_view word, const std::vector<std::string>& names) {
  for (const Synonym& s : kSynonyms)
    if (same_word(word, s.word) && std::find(names.begin(), names.end(), s.name) != names.end())
      return " (bedoelde je \"" + std::string(s.name) + "\"?" + (s.why.empty() ? "" : " " + std::string(s.why)) + ")";
  return did_you_mean(word, names);
}

const char* form_text(Form f) {
  switch (f) {
    case Form::Text: return "tekst";
    case Form::TextByYear: return "tekst of jaartabel van teksten";
    case Form::Integer: return "geheel getal";
    case Form::Number: return "getal";
    case Form::Table: return "getal of jaartabel";
    case Form::Value: return "grootheid (getal, jaartabel of verdeling)";
    case Form::ValueOrPost: return "grootheid of \"post:CODE\"";
    case Form::Bool: return "true of false";
    case Form::Enum: return "keuze";
    case Form::YearList: return "lijst van jaren";
    case Form::Matrix: return "matrix (lijst van lijsten van getallen)";
    case Form::Section: return "tabel";
    case Form::ArrayOfTables: return "lijst van tabellen ([[...]])";
  }
  return "?";
}

const char* sector_text(SectorOnly s) {
  switch (s) {
    case SectorOnly::Both: return "po, vo";
    case SectorOnly::Po: return "po";
    case SectorOnly::Vo: return "vo";
  }
  return "";
}

std::string schema_markdown() {
  std::string out =
      "# Sleutels van scenario- en regelsbestanden\n\n"
      "Gegenereerd uit de schematabel van de lader (`swvsim sleutels`); een test bewaakt dat dit\n"
      "bestand daarmee gelijk blijft. De betekenis van de vormen staat in `scenario-formaat.md`.\n";
  auto table = [&](FileKind kind, const char* title) {
    out += std::string("\n## ") + title + "\n\n| sleutel | vorm | bereik | sector | verplicht | betekenis |\n|---|---|---|---|---|---|\n";
    for (const auto& k : schema(kind)) {
      std::string form = form_text(k.form);
      if (k.form == Form::Enum) {
        form = "keuze: ";
        bool first = true;
        for (const auto& c : parse_choices(k.choices)) {
          form += (first ? "" : ", ") + std::string("`") + c.name + "`";
          if (c.sector != SectorOnly::Both) form += std::string(" (") + sector_text(c.sector) + ")";
          first = false;
        }
      }
      out += "| `" + std::string(k.path) + "` | " + form + " | " + range_text(k.range) + " | " +
             sector_text(k.sector) + " | " + (k.required ? "ja" : "") + " | " + std::string(k.doc) + " |\n";
    }
  };
  table(FileKind::Scenario, "Scenariobestand (`schema = \"swvsim/1\"`)");
  table(FileKind::Rules, "Regelsbestand (`schema = \"swvsim-regels/1\"`)");
  table(FileKind::Answers, "Antwoordenbestand van `swvsim nieuw` (docs/starten.md)");
  return out;
}

}  // namespace swv
