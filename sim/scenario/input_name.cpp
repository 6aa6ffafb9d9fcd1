#include "input_name.h"

#include <optional>
#include <string_view>

#include "schema.h"

namespace swv {

namespace {

using T = InputTopic;
using U = InputUnit;

struct Entry {
  const char* key;   // canonical: entries as "post[]", a rules component as "ondersteuning.*"
  const char* name;  // "{so}": SO or VSO, "{reg}": BaO or VO (by sector)
  T topic;
  U unit;
};

// Every key of the schema (scenario and rules files), sections included. Fields of an entry
// ("post[].bedrag") hold only the field's part of the name; the entry's code and name go before it.
const Entry kEntries[] = {
    {"schema", "Schemaversie van het bestand", T::Simulation, U::Text},
    {"basis", "Basisbestand (dit scenario is een variant)", T::Simulation, U::Text},
    {"swv", "Samenwerkingsverband", T::Simulation, U::Text},
    {"swv.naam", "Naam van het samenwerkingsverband", T::Simulation, U::Text},
    {"swv.sector", "Sector (po of vo)", T::Simulation, U::Text},
    {"swv.eerste_jaar", "Eerste jaar van de planperiode", T::Simulation, U::Year},
    {"swv.laatste_jaar", "Laatste jaar van de planperiode", T::Simulation, U::Year},
    {"swv.regels", "Bekostigingsregels (regelsbestand)", T::Funding, U::Text},
    {"swv.omschrijving", "Omschrijving van het scenario", T::Simulation, U::Text},

    {"start", "Beginpositie", T::Pupils, U::Text},
    {"start.eigen_vermogen", "Eigen vermogen bij de start", T::Norms, U::Euro},
    {"start.leerlingen", "Leerlingen bij de start", T::Pupils, U::Text},
    {"start.leerlingen.regulier", "Leerlingen bij de start: regulier ({reg})", T::Pupils, U::Count},
    {"start.leerlingen.sbo", "Leerlingen bij de start: SBO", T::Pupils, U::Count},
    {"start.leerlingen.so", "Leerlingen bij de start: {so}", T::Pupils, U::Text},
    {"start.leerlingen.so.laag", "Leerlingen bij de start: {so} categorie laag", T::Pupils, U::Count},
    {"start.leerlingen.so.midden", "Leerlingen bij de start: {so} categorie midden", T::Pupils, U::Count},
    {"start.leerlingen.so.hoog", "Leerlingen bij de start: {so} categorie hoog", T::Pupils, U::Count},
    {"start.leerlingen.pro", "Leerlingen bij de start: PrO", T::Pupils, U::Count},
    {"start.leerlingen.lwoo_aandeel", "Aandeel leerlingen met leerwegondersteuning (LWOO)", T::Pupils, U::Rate},

    {"demografie", "Demografie", T::Pupils, U::Text},
    {"demografie.instroom", "Instroom in het regulier onderwijs (jaar vóór de planperiode)", T::Pupils, U::Count},
    {"demografie.groei", "Groei van de instroom per jaar (krimp is negatief)", T::Pupils, U::Rate},
    {"demografie.onzekerheid", "Onzekerheid van de groei (spreiding van de jaarlijkse schok)", T::Pupils, U::Rate},
    {"demografie.persistentie", "Doorwerking van een groeischok in het jaar erna", T::Pupils, U::Number},
    {"demografie.zij_instroom", "Zij-instroom in het regulier onderwijs per jaar (nieuwkomers, verhuizingen)", T::Pupils, U::Count},

    {"stromen", "Stromen tussen schoolsoorten", T::Flows, U::Text},
    {"stromen.verwijzing", "Verwijzing vanuit het regulier onderwijs", T::Flows, U::Text},
    {"stromen.verwijzing.sbo", "Verwijzing regulier → SBO", T::Flows, U::Rate},
    {"stromen.verwijzing.so", "Verwijzing regulier → {so}", T::Flows, U::Text},
    {"stromen.verwijzing.so.laag", "Verwijzing regulier → {so} laag", T::Flows, U::Rate},
    {"stromen.verwijzing.so.midden", "Verwijzing regulier → {so} midden", T::Flows, U::Rate},
    {"stromen.verwijzing.so.hoog", "Verwijzing regulier → {so} hoog", T::Flows, U::Rate},
    {"stromen.verwijzing.pro", "Verwijzing regulier → PrO", T::Flows, U::Rate},
    {"stromen.doorstroom", "Doorstroom tussen speciale vormen", T::Flows, U::Text},
    {"stromen.doorstroom.sbo_so", "Doorstroom SBO → SO", T::Flows, U::Text},
    {"stromen.doorstroom.sbo_so.laag", "Doorstroom SBO → SO laag", T::Flows, U::Rate},
    {"stromen.doorstroom.sbo_so.midden", "Doorstroom SBO → SO midden", T::Flows, U::Rate},
    {"stromen.doorstroom.sbo_so.hoog", "Doorstroom SBO → SO hoog", T::Flows, U::Rate},
    {"stromen.terugplaatsing", "Terugplaatsing naar het regulier onderwijs", T::Flows, U::Text},
    {"stromen.terugplaatsing.sbo", "Terugplaatsing SBO → regulier", T::Flows, U::Rate},
    {"stromen.terugplaatsing.so", "Terugplaatsing {so} → regulier", T::Flows, U::Rate},
    {"stromen.uitstroom", "Uitstroom uit de scholen van het samenwerkingsverband", T::Flows, U::Text},
    {"stromen.uitstroom.regulier", "Uitstroom regulier onderwijs (einde school, verhuizing)", T::Flows, U::Rate},
    {"stromen.uitstroom.sbo", "Uitstroom SBO", T::Flows, U::Rate},
    {"stromen.uitstroom.so", "Uitstroom {so}", T::Flows, U::Rate},
    {"stromen.uitstroom.pro", "Uitstroom PrO", T::Flows, U::Rate},
    {"stromen.beleid", "Beleid op verwijzingen", T::Flows, U::Text},
    {"stromen.beleid.verwijzing_sbo_factor", "Beleidsfactor op de verwijzing naar SBO", T::Flows, U::Number},
    {"stromen.beleid.verwijzing_so_factor", "Beleidsfactor op de verwijzing naar {so}", T::Flows, U::Number},
    {"stromen.beleid.verwijzing_pro_factor", "Beleidsfactor op de verwijzing naar PrO", T::Flows, U::Number},
    {"stromen.beleid.effectiviteit", "Effectiviteit van het verwijzingsbeleid", T::Flows, U::Rate},
    {"stromen.doel", "Doelen voor de deelname", T::Flows, U::Text},
    {"stromen.doel.sbo", "Doel deelname SBO", T::Flows, U::Rate},
    {"stromen.doel.so", "Doel deelname SO", T::Flows, U::Rate},
    {"stromen.doel.vso", "Doel deelname VSO", T::Flows, U::Rate},
    {"stromen.doel.pro", "Doel deelname PrO", T::Flows, U::Rate},
    {"stromen.doel.sbo_leerlingen", "Doel SBO-leerlingen (verandering t.o.v. de start)", T::Flows, U::Count},
    {"stromen.doel.so_leerlingen", "Doel SO-leerlingen (verandering t.o.v. de start)", T::Flows, U::Count},
    {"stromen.doel.vso_leerlingen", "Doel VSO-leerlingen (verandering t.o.v. de start)", T::Flows, U::Count},
    {"stromen.doel.pro_leerlingen", "Doel PrO-leerlingen (verandering t.o.v. de start)", T::Flows, U::Count},
    {"stromen.capaciteit", "Plaatsen in het speciaal (basis)onderwijs", T::Flows, U::Text},
    {"stromen.capaciteit.sbo", "Plaatsen SBO (capaciteit)", T::Flows, U::Count},
    {"stromen.capaciteit.so", "Plaatsen SO (capaciteit)", T::Flows, U::Count},
    {"stromen.capaciteit.vso", "Plaatsen VSO (capaciteit)", T::Flows, U::Count},

    {"indexatie", "Indexatie", T::Funding, U::Text},
    {"indexatie.loon", "Loonindexatie", T::Funding, U::Rate},
    {"indexatie.prijs", "Prijsindexatie", T::Funding, U::Rate},
    {"indexatie.bekostiging", "Indexatie van de bekostiging", T::Funding, U::Rate},
    {"indexatie.correlatie", "Samenhang van de indexen (correlatie)", T::Funding, U::Text},

    {"post", "Begrotingsposten", T::Lines, U::Text},
    {"post[]", "", T::Lines, U::Text},
    {"post[].code", "code", T::Lines, U::Text},
    {"post[].naam", "naam", T::Lines, U::Text},
    {"post[].kant", "baten of lasten", T::Lines, U::Text},
    {"post[].bedrag", "bedrag", T::Lines, U::Euro},
    {"post[].per_leerling", "bedrag per leerling", T::Lines, U::Euro},
    {"post[].grondslag", "leerlingen waarover het bedrag telt", T::Lines, U::Text},
    {"post[].berekend", "berekend uit de bekostigingsregels", T::Lines, U::Text},
    {"post[].indexatie", "indexatie", T::Lines, U::Text},
    {"post[].realisatie", "realisatie", T::Lines, U::Rate},
    {"post[].onzekerheid", "onzekerheid (relatieve spreiding)", T::Lines, U::Rate},
    {"post[].onzekerheid_per_jaar", "onzekerheid elk jaar opnieuw", T::Lines, U::Text},
    {"post[].groep", "groep", T::Lines, U::Text},
    {"post[].periode", "periode (kalender- of schooljaar)", T::Lines, U::Text},
    {"post[].vervang", "geheel vervangen", T::Lines, U::Text},
    {"post[].verwijder", "verwijderd", T::Lines, U::Text},

    {"risico", "Risicoregister", T::Risks, U::Text},
    {"risico[]", "", T::Risks, U::Text},
    {"risico[].code", "code", T::Risks, U::Text},
    {"risico[].naam", "naam", T::Risks, U::Text},
    {"risico[].kans", "kans per jaar", T::Risks, U::Rate},
    {"risico[].impact", "gevolg als het optreedt", T::Risks, U::Euro},
    {"risico[].jaren", "jaren waarin het kan optreden", T::Risks, U::Text},
    {"risico[].kant", "extra lasten of gemiste baten", T::Risks, U::Text},
    {"risico[].blijvend", "blijvend (komt na het optreden elk jaar terug)", T::Risks, U::Text},
    {"risico[].vervang", "geheel vervangen", T::Risks, U::Text},
    {"risico[].verwijder", "verwijderd", T::Risks, U::Text},

    {"bestemmingsreserve", "Bestemmingsreserves", T::Norms, U::Text},
    {"bestemmingsreserve[]", "", T::Norms, U::Text},
    {"bestemmingsreserve[].code", "code", T::Norms, U::Text},
    {"bestemmingsreserve[].naam", "naam", T::Norms, U::Text},
    {"bestemmingsreserve[].stand", "stand bij de start", T::Norms, U::Euro},
    {"bestemmingsreserve[].onttrekking", "onttrekking per jaar", T::Norms, U::Euro},
    {"bestemmingsreserve[].dotatie", "dotatie per jaar", T::Norms, U::Euro},
    {"bestemmingsreserve[].vervang", "geheel vervangen", T::Norms, U::Text},
    {"bestemmingsreserve[].verwijder", "verwijderd", T::Norms, U::Text},

    {"beleid", "Beheersregels", T::Policy, U::Text},
    {"beleid.ocw_afroming", "OCW-afroming van bovenmatig eigen vermogen", T::Funding, U::Text},
    {"beleid.ocw_afroming.vanaf", "OCW-afroming: eerste getoetste jaar", T::Funding, U::Year},
    {"beleid.ocw_afroming.aandeel", "OCW-afroming: ingehouden deel van het overschot", T::Funding, U::Rate},
    {"beleid.afbouw", "Afbouw eigen vermogen (bestedingsplan)", T::Policy, U::Text},
    {"beleid.afbouw.aandeel", "Afbouw eigen vermogen: uitgegeven deel van het overschot", T::Policy, U::Rate},
    {"beleid.afbouw.boven", "Afbouw eigen vermogen: overschot boven", T::Policy, U::Text},
    {"beleid.afbouw.moment", "Afbouw eigen vermogen: moment van besteden", T::Policy, U::Text},
    {"beleid.afbouw.naam", "Afbouw eigen vermogen: naam van de post", T::Policy, U::Text},
    {"beleid.bezuiniging", "Bezuiniging bij een te laag vermogen", T::Policy, U::Text},
    {"beleid.bezuiniging.aandeel", "Bezuiniging: deel van de lasten van de groep dat vervalt", T::Policy, U::Rate},
    {"beleid.bezuiniging.groep", "Bezuiniging: groep van posten", T::Policy, U::Text},
    {"beleid.bezuiniging.onder", "Bezuiniging: bezuinigen onder", T::Policy, U::Text},
    {"beleid.ocw_korting", "Generieke OCW-korting op de zware ondersteuning", T::Funding, U::Text},
    {"beleid.ocw_korting.jaar", "Generieke OCW-korting: jaar", T::Funding, U::Year},
    {"beleid.ocw_korting.per_leerling", "Generieke OCW-korting per leerling", T::Funding, U::Euro},

    {"normen", "Normen voor het eigen vermogen", T::Norms, U::Text},
    {"normen.signaleringswaarde", "Signaleringswaarde", T::Norms, U::Text},
    {"normen.signaleringswaarde.percentage", "Signaleringswaarde: deel van de totale baten", T::Norms, U::Rate},
    {"normen.signaleringswaarde.minimum", "Signaleringswaarde: minimum", T::Norms, U::Euro},
    {"normen.ondergrens", "Ondergrens eigen vermogen", T::Norms, U::Euro},
    {"normen.streefvermogen", "Streefvermogen algemene reserve", T::Norms, U::Euro},

    {"balans", "Balans bij de start", T::Norms, U::Text},
    {"balans.materiele_vaste_activa", "Balans bij de start: materiële vaste activa", T::Norms, U::Euro},
    {"balans.vorderingen", "Balans bij de start: vorderingen", T::Norms, U::Euro},
    {"balans.liquide_middelen", "Balans bij de start: liquide middelen", T::Norms, U::Euro},
    {"balans.voorzieningen", "Balans bij de start: voorzieningen", T::Norms, U::Euro},
    {"balans.langlopende_schulden", "Balans bij de start: langlopende schulden", T::Norms, U::Euro},
    {"balans.kortlopende_schulden", "Balans bij de start: kortlopende schulden", T::Norms, U::Euro},
    {"balans.investeringen", "Investeringen per jaar", T::Norms, U::Euro},
    {"balans.afschrijvingen", "Afschrijvingen per jaar", T::Norms, U::Euro},
    {"balans.voorzieningen_mutatie", "Mutatie van de voorzieningen per jaar", T::Norms, U::Euro},

    {"vangnet", "Vangnetregeling (groei na de teldatum)", T::Funding, U::Text},
    {"vangnet.groei", "Vangnet: groei na de teldatum", T::Funding, U::Text},
    {"vangnet.groei.so", "Vangnet: groei SO na de teldatum (leerlingen per jaar)", T::Funding, U::Count},
    {"vangnet.groei.sbo", "Vangnet: groei SBO na de teldatum (leerlingen per jaar)", T::Funding, U::Count},
    {"vangnet.drempel", "Vangnet: drempel", T::Funding, U::Text},
    {"vangnet.drempel.so", "Vangnet: drempel SO (leerlingen)", T::Funding, U::Count},
    {"vangnet.drempel.sbo", "Vangnet: drempel SBO (leerlingen)", T::Funding, U::Count},
    {"vangnet.deel", "Vangnet: betaald deel van het jaar", T::Funding, U::Rate},

    {"simulatie", "Instellingen van de simulatie", T::Simulation, U::Text},
    {"simulatie.modus", "Rekenwijze (Monte Carlo of deterministisch)", T::Simulation, U::Text},
    {"simulatie.paden", "Aantal paden", T::Simulation, U::Count},
    {"simulatie.zaad", "Zaad (startgetal van het toeval)", T::Simulation, U::Number},
    {"simulatie.precisie", "Gevraagde precisie van de kansen (grootste standaardfout)", T::Simulation, U::Rate},
    {"simulatie.max_paden", "Hoogstens zoveel paden bij een gevraagde precisie", T::Simulation, U::Count},
    {"bestedingsruimte", "Bestedingsruimte", T::Policy, U::Text},
    {"bestedingsruimte.profiel", "Verdeling van de extra besteding over de jaren", T::Policy, U::Number},
    {"rapport", "Instellingen van de rapporten", T::Simulation, U::Text},
    {"rapport.bovenmatig_oranje", "Stoplicht bovenmatig vermogen: oranje vanaf kans", T::Simulation, U::Rate},
    {"rapport.bovenmatig_rood", "Stoplicht bovenmatig vermogen: rood vanaf kans", T::Simulation, U::Rate},
    {"rapport.ondergrens_oranje", "Stoplicht onder de ondergrens: oranje vanaf kans", T::Simulation, U::Rate},
    {"rapport.ondergrens_rood", "Stoplicht onder de ondergrens: rood vanaf kans", T::Simulation, U::Rate},
    {"kalibratie", "Kalibratie uit de eigen telgeschiedenis", T::Simulation, U::Text},
    {"kalibratie.historie", "Historiebestand van de kalibratie", T::Simulation, U::Text},
    {"kalibratie.historie_sha256", "Controlegetal (SHA-256) van het historiebestand", T::Simulation, U::Text},
    {"kalibratie.eerste_jaar", "Eerste teldatum van de historie", T::Simulation, U::Year},
    {"kalibratie.laatste_jaar", "Laatste teldatum van de historie", T::Simulation, U::Year},
    {"kalibratie.methode", "Methode van de kalibratie", T::Simulation, U::Text},
    {"kalibratie.swvsim", "Versie van swvsim die kalibreerde", T::Simulation, U::Text},
    {"kalibratie.terugtoets", "Terugtoets van de banden", T::Simulation, U::Text},
    {"kalibratie.terugtoets.dekking_50", "Terugtoets: aandeel binnen de 50%-band", T::Simulation, U::Rate},
    {"kalibratie.terugtoets.dekking_90", "Terugtoets: aandeel binnen de 90%-band", T::Simulation, U::Rate},
    {"kalibratie.terugtoets.punten", "Terugtoets: aantal vergeleken aantallen", T::Simulation, U::Count},
    {"kalibratie.terugtoets.horizon", "Terugtoets: jaren vooruit per oorsprong", T::Simulation, U::Count},

    // The rules file (regelsbestand); "schema" and "indexatie" are named above.
    {"sector", "Sector van de bekostigingsregels", T::Funding, U::Text},
    {"naam", "Naam van de regeling", T::Funding, U::Text},
    {"bron", "Bron van de bedragen", T::Funding, U::Text},
    {"ondersteuning", "Ondersteuningsbekostiging", T::Funding, U::Text},
    {"ondersteuning.*", "Ondersteuningsbekostiging, component {c}", T::Funding, U::Text},
    {"ondersteuning.*.normbedrag", "Ondersteuningsbekostiging, component {c}: normbedrag per leerling", T::Funding, U::Euro},
    {"ondersteuning.*.grondslag", "Ondersteuningsbekostiging, component {c}: leerlingen waarover die telt", T::Funding, U::Text},
    {"ondersteuning.*.factor", "Ondersteuningsbekostiging, component {c}: vermenigvuldiger", T::Funding, U::Number},
    {"ondersteuning.*.verrekening", "Ondersteuningsbekostiging, component {c}: verrekend met (licht, zwaar of LWOO/PrO)", T::Funding, U::Text},
    {"afdracht", "Afdrachten door DUO", T::Funding, U::Text},
    {"afdracht.so", "Afdracht DUO per {so}-leerling", T::Funding, U::Text},
    {"afdracht.so.laag", "Afdracht DUO per {so}-leerling, categorie laag", T::Funding, U::Euro},
    {"afdracht.so.midden", "Afdracht DUO per {so}-leerling, categorie midden", T::Funding, U::Euro},
    {"afdracht.so.hoog", "Afdracht DUO per {so}-leerling, categorie hoog", T::Funding, U::Euro},
    {"afdracht.sbo", "Afdracht DUO per SBO-leerling", T::Funding, U::Text},
    {"afdracht.sbo.drempel", "Afdracht DUO SBO: drempel (deel van regulier + SBO)", T::Funding, U::Rate},
    {"afdracht.sbo.bedrag", "Afdracht DUO per SBO-leerling", T::Funding, U::Euro},
    {"afdracht.lwoo_pro", "Afdracht DUO per LWOO- en PrO-leerling", T::Funding, U::Text},
    {"afdracht.lwoo_pro.bedrag", "Afdracht DUO per LWOO- en PrO-leerling", T::Funding, U::Euro},
    {"indexatie.loon_aandeel", "Loongevoelig deel van de bekostiging", T::Funding, U::Rate},
    {"signaleringswaarde", "Signaleringswaarde (regeling)", T::Norms, U::Text},
    {"signaleringswaarde.percentage", "Signaleringswaarde: deel van de totale baten (regeling)", T::Norms, U::Rate},
    {"signaleringswaarde.minimum", "Signaleringswaarde: minimum (regeling)", T::Norms, U::Euro},
};

// The value that holds when a file does not give the key (the schema's "standaard"), where it is
// one number; keys whose default is computed (indexatie.bekostiging, the signaleringswaarde of the
// rules) or that have none (normen.streefvermogen, an entry's bedrag) are not here.
const std::pair<const char*, double> kDefaults[] = {
    {"start.leerlingen.sbo", 0}, {"start.leerlingen.so.laag", 0}, {"start.leerlingen.so.midden", 0},
    {"start.leerlingen.so.hoog", 0}, {"start.leerlingen.pro", 0}, {"start.leerlingen.lwoo_aandeel", 0},
    {"demografie.groei", 0}, {"demografie.onzekerheid", 0}, {"demografie.persistentie", 0.5}, {"demografie.zij_instroom", 0},
    {"stromen.verwijzing.sbo", 0}, {"stromen.verwijzing.so.laag", 0}, {"stromen.verwijzing.so.midden", 0},
    {"stromen.verwijzing.so.hoog", 0}, {"stromen.verwijzing.pro", 0}, {"stromen.doorstroom.sbo_so.laag", 0},
    {"stromen.doorstroom.sbo_so.midden", 0}, {"stromen.doorstroom.sbo_so.hoog", 0}, {"stromen.terugplaatsing.sbo", 0},
    {"stromen.terugplaatsing.so", 0}, {"stromen.uitstroom.regulier", 0}, {"stromen.uitstroom.sbo", 0},
    {"stromen.uitstroom.so", 0}, {"stromen.uitstroom.pro", 0}, {"stromen.beleid.verwijzing_sbo_factor", 1},
    {"stromen.beleid.verwijzing_so_factor", 1}, {"stromen.beleid.verwijzing_pro_factor", 1}, {"stromen.beleid.effectiviteit", 1},
    {"indexatie.loon", 0}, {"indexatie.prijs", 0}, {"post[].realisatie", 1}, {"post[].onzekerheid", 0},
    {"bestemmingsreserve[].onttrekking", 0}, {"bestemmingsreserve[].dotatie", 0}, {"normen.ondergrens", 0},
    {"balans.vorderingen", 0}, {"balans.voorzieningen", 0}, {"balans.langlopende_schulden", 0}, {"balans.investeringen", 0},
    {"balans.afschrijvingen", 0}, {"balans.voorzieningen_mutatie", 0}, {"vangnet.groei.so", 0}, {"vangnet.groei.sbo", 0},
    {"vangnet.drempel.so", 0}, {"vangnet.drempel.sbo", 0}, {"vangnet.deel", 0.5}, {"simulatie.paden", 10'000}, {"simulatie.zaad", 1},
    {"bestedingsruimte.profiel", 1}, {"rapport.bovenmatig_oranje", 0.2}, {"rapport.bovenmatig_rood", 0.5},
    {"rapport.ondergrens_oranje", 0.05}, {"rapport.ondergrens_rood", 0.2}, {"ondersteuning.*.factor", 1},
    {"indexatie.loon_aandeel", 0.8915}, {"signaleringswaarde.percentage", kSignalPercentage}, {"signaleringswaarde.minimum", kSignalMinimum},
};

// A key split into its canonical form and what the canonical form leaves out.
struct Parsed {
  std::string canonical;  // "post[].realisatie", "ondersteuning.*.normbedrag", "indexatie.loon"
  std::string family;     // "post", "risico", "bestemmingsreserve" ("" otherwise)
  std::string code;       // the entry's code, or the rules component's name
};

Parsed parse(const std::string& key) {
  Parsed p{key, "", ""};
  for (const char* family : {"post", "risico", "bestemmingsreserve"}) {
    const std::string open = std::string(family) + "[";
    const size_t close = key.find(']');
    if (key.rfind(open, 0) == 0 && close != std::string::npos) {
      p.family = family;
      p.code = key.substr(open.size(), close - open.size());
      p.canonical = open + "]" + key.substr(close + 1);
      return p;
    }
  }
  if (key.rfind("ondersteuning.", 0) == 0) {
    const size_t start = 14, dot = key.find('.', start);
    p.code = key.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    p.canonical = "ondersteuning.*" + (dot == std::string::npos ? std::string() : key.substr(dot));
  }
  return p;
}

const Entry* find_entry(const std::string& canonical) {
  for (const Entry& e : kEntries)
    if (canonical == e.key) return &e;
  return nullptr;
}

void replace(std::string& s, std::string_view from, const std::string& to) {
  for (size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size()) s.replace(at, from.size(), to);
}

std::string entry_label(const std::string& family) {
  if (family == "post") return "Post";
  if (family == "risico") return "Risico";
  return "Bestemmingsreserve";
}

// The name of the [[post]]/[[risico]]/[[bestemmingsreserve]] entry `code` in `sc`, or nullptr.
const std::string* entry_name(const std::string& family, const std::string& code, const Scenario& sc) {
  if (family == "post") {
    for (const Line& l : sc.lines)
      if (l.code == code) return &l.name;
  } else if (family == "risico") {
    for (const Risk& r : sc.risks)
      if (r.code == code) return &r.name;
  } else if (family == "bestemmingsreserve") {
    for (const EarmarkedReserve& r : sc.reserves)
      if (r.code == code) return &r.name;
  }
  return nullptr;
}

}  // namespace

std::string plain_input_name(const std::string& key, const Scenario& sc) {
  const Parsed p = parse(key);
  const Entry* e = find_entry(p.canonical);
  if (!e) return key;
  std::string name = e->name;
  if (!p.family.empty()) {
    std::string head = entry_label(p.family) + " " + p.code;
    if (const std::string* n = entry_name(p.family, p.code, sc); n && !n->empty()) head += " " + *n;
    return name.empty() ? head : head + ": " + name;
  }
  const bool vo = sc.sector == Sector::Vo;
  replace(name, "{so}", vo ? "VSO" : "SO");
  replace(name, "{reg}", vo ? "VO" : "BaO");
  replace(name, "{c}", p.code);
  return name;
}

bool input_entry_known(const std::string& key, const Scenario& sc) {
  const Parsed p = parse(key);
  return !p.family.empty() && entry_name(p.family, p.code, sc) != nullptr;
}

bool input_per_year(const std::string& key) {
  const Parsed p = parse(key);
  for (FileKind kind : {FileKind::Scenario, FileKind::Rules})
    if (const KeyInfo* k = find_key(kind, p.canonical))
      return k->form == Form::Value || k->form == Form::ValueOrPost || k->form == Form::Table || k->form == Form::TextByYear;
  return true;
}

std::optional<double> input_default(const std::string& key) {
  const std::string canonical = parse(key).canonical;
  for (const auto& [k, v] : kDefaults)
    if (canonical == k) return v;
  return std::nullopt;
}

InputTopic input_topic(const std::string& key) {
  const Entry* e = find_entry(parse(key).canonical);
  return e ? e->topic : InputTopic::Other;
}

const char* topic_title(InputTopic t) {
  switch (t) {
    case T::Pupils: return "Leerlingen en demografie";
    case T::Flows: return "Stromen en deelname";
    case T::Funding: return "Bekostiging en regels";
    case T::Lines: return "Baten- en lastenposten";
    case T::Risks: return "Risico's";
    case T::Policy: return "Beleid";
    case T::Norms: return "Normen en reserves";
    case T::Simulation: return "Simulatie";
    case T::Other: return "Overig";
  }
  return "Overig";
}

InputUnit input_unit(const std::string& key) {
  const Entry* e = find_entry(parse(key).canonical);
  return e ? e->unit : InputUnit::Text;
}

const char* unit_name(InputUnit u) {
  switch (u) {
    case U::Euro: return "euro";
    case U::Rate: return "procent";
    case U::Count: return "aantal";
    case U::Number: return "getal";
    case U::Year: return "jaar";
    case U::Text: return "tekst";
  }
  return "tekst";
}

}  // namespace swv
