// starter_files (starter.h): the scenario `swvsim nieuw` writes, complete and commented in Dutch:
// the answers as given, every derived value with the arithmetic that gave it, every assumption
// marked AANNAME with its source (docs/starten.md). The rules overlay of an answered beschikking is
// in starter_rules_text.cpp.
#include <cmath>
#include <cstdio>

#include "engine_version.h"
#include "format_nl.h"
#include "starter.h"
#include "starter_toml.h"

namespace swv {

using A = StarterAssumptions;
using namespace starter_toml;

namespace {

struct Writer {
  const Answers& a;
  const StarterPlan& p;
  std::string out;
  bool vo() const { return a.sector == Sector::Vo; }
  void line(const std::string& s = "") { out += s + "\n"; }
  void note(const std::string& s) { out += "# " + s + "\n"; }
  std::string year(int i) const { return std::to_string(p.first + i); }
  std::string special(int j) const { return vo() ? (j == 0 ? "PrO" : "VSO") : (j == 0 ? "SBO" : "SO"); }
  std::string regular_name() const { return vo() ? "VO" : "BaO"; }

  void header(const std::string& rules_ref) {
    note("Scenario " + a.name + ", geschreven door swvsim nieuw " + engine_version() + " uit " + a.file + ".");
    note("");
    note("Wat u opgaf, staat er letterlijk in (eigen vermogen, leerlingen, eventuele bedragen). De");
    note("verwijzingskansen en de instroom zijn afgeleid, zo dat de deterministische begroting elk jaar de");
    note("opgegeven deelname en krimp houdt: de rekensom staat bij elke waarde. Al het andere is een AANNAME,");
    note("met zijn bron in docs/starten.md (\"Aannames van swvsim nieuw\"). Pas aan wat u beter weet en");
    note("controleer met: swvsim controleer <dit bestand>. Bedragen in euro, kansen als fractie (0.02 = 2%).");
    line();
    line("schema = \"swvsim/1\"");
    line();
    line("[swv]");
    line("naam         = " + toml_text(a.name));
    line("sector       = \"" + std::string(sector_name(a.sector)) + "\"");
    line("eerste_jaar  = " + std::to_string(p.first));
    line("laatste_jaar = " + std::to_string(p.last));
    if (a.decision.any()) {
      note("Bekostigingsregels: uw eigen DUO-beschikking (" + rules_ref + "), met alleen de bedragen die u opgaf;");
      note("de rest uit de regels " + p.rules_name + ".");
    } else if (p.rules_builtin) {
      note("Bekostigingsregels: de ingebouwde regels " + p.rules_name + " (scenarios/regels/" + p.rules_name + ".toml). Hun");
      note("normbedragen zijn schattingen (±5-8%); zet de bedragen van uw DUO-beschikking erover (docs/starten.md).");
    } else {
      note("Bekostigingsregels: zoals opgegeven.");
    }
    if (p.rules_carried)
      note(std::to_string(p.first) + " ligt na de nieuwste ingebouwde regels: hun bedragen worden doorgetrokken met de bekostigingsindex.");
    line("regels       = " + toml_text(rules_ref));
    line();
  }

  void start() {
    const double so = a.so[0] + a.so[1] + a.so[2];
    line("[start]");
    note("Eigen vermogen op 31-12-" + std::to_string(p.first - 1) + " (uw antwoord).");
    line("eigen_vermogen = " + toml_money(a.equity));
    line();
    line("[start.leerlingen]");
    note("De laatste teldatum (" + std::string(vo() ? "1 oktober " : "1 februari ") + std::to_string(p.first - 1) +
         (vo() ? "; VSO 1 februari" : "") + "), die " + std::to_string(p.first) + " bekostigt (uw antwoorden).");
    line("regulier = " + toml_int(a.regular));
    const double whole1 = vo() ? a.regular + a.pro : a.regular + a.sbo;
    if (vo()) {
      line("pro      = " + toml_int(a.pro) + "   # deelname " + pct(a.pro / whole1, 2) + " = " + num_nl(a.pro) + " / " + num_nl(whole1));
      if (p.lwoo_assumed)
        line("lwoo_aandeel = " + toml_rate(p.lwoo_share) + "   # AANNAME: 9% van het regulier VO met LWOO (docs/starten.md)");
      else
        line("lwoo_aandeel = " + toml_rate(p.lwoo_share) + "   # " + num_nl(*a.lwoo) + " LWOO-leerlingen / " + num_nl(a.regular));
    } else {
      line("sbo      = " + toml_int(a.sbo) + "   # deelname " + pct(a.sbo / whole1, 2) + " = " + num_nl(a.sbo) + " / " + num_nl(whole1));
    }
    const double whole2 = vo() ? a.regular + so : a.regular + a.sbo + so;
    line("so       = { laag = " + toml_int(a.so[0]) + ", midden = " + toml_int(a.so[1]) + ", hoog = " + toml_int(a.so[2]) + " }   # " +
         (vo() ? "VSO, " : "") + "deelname " + pct(so / whole2, 2) + " = " + num_nl(so) + " / " + num_nl(whole2));
    line();
  }

  void demography() {
    line("[demografie]");
    note("Afgeleid: de instroom die het aantal reguliere leerlingen elk jaar met de opgegeven krimp laat");
    note("dalen. Van de teldatum van Y−1 naar die van Y (kansen uit [stromen] hieronder):");
    note("  instroom(Y) = (1 − krimp) × " + regular_name() + "(Y−1) − " + regular_name() + "(Y−1) × (1 − verwijzingen − uitstroom) − terugplaatsingen");
    for (size_t i = 0; i < p.intake.size(); ++i) {
      const double R = p.regular[i], kk = answer_at(a.shrink, p.first + static_cast<int>(i));
      std::string back = vo() ? " − " + num_nl(A::return_vso, 3) + " × " + num_nl(p.special[1][i], 1)
                              : " − " + num_nl(A::return_sbo, 2) + " × " + num_nl(p.special[0][i], 1) + " − " + num_nl(A::return_so, 3) + " × " +
                                    num_nl(p.special[1][i], 1);
      note("  " + year(static_cast<int>(i)) + ": " + num_nl(1 - kk, 4) + " × " + num_nl(R, 1) + " − " + num_nl(R, 1) + " × (1 − " +
           nl_rate(p.refer[0][i]) + " − " + nl_rate(p.refer[1][i]) + " − " + num_nl(vo() ? A::out_regular_vo : A::out_regular_po, 3) + ")" + back +
           " = " + num_nl(p.intake[i], 1) + "  → " + regular_name() + " " + num_nl(p.regular[i + 1], 1));
    }
    note("instroom is die van " + std::to_string(p.first - 1) + ": de instroom van " + std::to_string(p.first) + " gedeeld door (1 + groei " +
         std::to_string(p.first) + "); groei(Y) = instroom(Y) / instroom(Y−1) − 1.");
    line("instroom = " + toml_money(p.intake0));
    line("groei    = " + year_table(p.growth, p.first, toml_growth));
    note("AANNAME: een jaarlijkse prognosefout van de instroom van 1% (landelijk ≈ 1% per jaar, regionaal");
    note("groter; docs/bronnen.md §6) die doorwerkt met persistentie 0,6: verrassingen houden aan.");
    line("onzekerheid  = " + toml_rate(A::demo_sigma));
    line("persistentie = " + toml_rate(A::demo_persistence));
    line();
  }

  // A referral rate as a beta with the derived mean per year and sd = 10% of it (one draw per path).
  std::string uncertain_rate(const std::vector<double>& mean) const {
    std::vector<double> sd;
    bool all_positive = true;
    for (double m : mean) sd.push_back(rounded(A::refer_rel_sd * m, 5)), all_positive &= m > 0;
    if (!all_positive) return year_table(mean, p.first, toml_rate);
    return "{ verdeling = \"beta\", gemiddelde = " + year_table(mean, p.first, toml_rate) + ", sd = " + year_table(sd, p.first, toml_rate) + " }";
  }

  void referral_arithmetic(int j) {
    const double keep = j == 0 ? (vo() ? 1 - A::out_pro : 1 - A::sbo_to_so - A::return_sbo - A::out_sbo)
                               : (vo() ? 1 - A::return_vso - A::out_vso : 1 - A::return_so - A::out_so);
    const std::string whole = j == 0 || vo() ? regular_name() + "(Y)" : "(" + regular_name() + "(Y) + SBO(Y))";
    note("Afgeleid: " + regular_name() + " → " + special(j) + " zodat de " + special(j) + "-deelname elk jaar is wat u verwacht" +
         (a.participation[j] ? "" : " (niet opgegeven: die van de telling)") + ":");
    note("  " + special(j) + "(Y) = deelname / (1 − deelname) × " + whole + ", met " + regular_name() + "(Y) = (1 − krimp) × " + regular_name() + "(Y−1)");
    note("  verwijzing(Y) = (" + special(j) + "(Y) − " + special(j) + "(Y−1) × " + num_nl(keep, 3) + (j == 1 && !vo() ? " − 0,02 × SBO(Y−1)" : "") +
         ") / " + regular_name() + "(Y−1)   (" + num_nl(1 - keep, 3) + " verlaat het " + special(j) + " elk jaar, AANNAME)");
    for (size_t i = 0; i < p.refer[j].size(); ++i)
      note("  " + year(static_cast<int>(i)) + ": deelname " + pct(p.goal[j][i], 2) + ": (" + num_nl(p.special[j][i + 1], 2) + " − " +
           num_nl(p.special[j][i], 1) + " × " + num_nl(keep, 3) + (j == 1 && !vo() ? " − 0,02 × " + num_nl(p.special[0][i], 1) : "") + ") / " +
           num_nl(p.regular[i], 1) + " = " + nl_rate(p.refer[j][i]));
  }

  void flows() {
    line("[stromen.verwijzing]");
    referral_arithmetic(0);
    note("AANNAME: onzeker met een standaardafwijking van 10% van de kans, één trekking per pad.");
    line(std::string(vo() ? "pro" : "sbo") + " = " + uncertain_rate(p.refer[0]));
    line();
    line("[stromen.verwijzing.so]");
    referral_arithmetic(1);
    note("Per categorie naar de verdeling " + std::string(p.mix_assumed ? "laag/midden/hoog 80/8/12% (AANNAME: geen leerlingen geteld, docs/bronnen.md §6)"
                                                                        : "van de telling (" + pct(p.mix[0]) + " / " + pct(p.mix[1]) + " / " + pct(p.mix[2]) + ")") +
         ", zodat elke categorie haar aandeel houdt.");
    const char* cats[] = {"laag  ", "midden", "hoog  "};
    for (int c = 0; c < 3; ++c) line(std::string(cats[c]) + " = " + uncertain_rate(p.refer_so[c]));
    line();
    if (!vo()) {
      line("[stromen.doorstroom]");
      note("AANNAME: 2% van de SBO-leerlingen gaat per jaar naar het SO, verdeeld als het SO.");
      line("sbo_so = { laag = " + toml_rate(p.sbo_to_so[0]) + ", midden = " + toml_rate(p.sbo_to_so[1]) + ", hoog = " + toml_rate(p.sbo_to_so[2]) + " }");
      line();
    }
    line("[stromen.terugplaatsing]");
    note("AANNAME: terugplaatsing naar het regulier onderwijs bestaat maar is klein (docs/bronnen.md §6).");
    if (!vo()) line("sbo = " + toml_rate(A::return_sbo));
    line("so  = " + toml_rate(vo() ? A::return_vso : A::return_so));
    line();
    line("[stromen.uitstroom]");
    if (vo()) {
      note("AANNAME: regulier VO na 4-6 jaar (≈ 1/5,3 per jaar, elk jaar een andere cohortgrootte); VSO met");
      note("terugplaatsing samen 21% per jaar; PrO ≈ 1/5 per jaar (docs/starten.md).");
    } else {
      note("AANNAME: BaO: groep 8 (1/8 van de leerlingen) plus verhuizingen, elk jaar een andere cohortgrootte;");
      note("SBO en SO: met doorstroom en terugplaatsing verlaat 24% resp. 23% het per jaar (verblijf ≈ 4 jaar,");
      note("docs/bronnen.md §6); hoe hoog precies is onzeker (één trekking per pad).");
    }
    line("regulier = { verdeling = \"normaal\", gemiddelde = " + toml_rate(vo() ? A::out_regular_vo : A::out_regular_po) + ", sd = " +
         toml_rate(A::out_regular_sd) + ", per_jaar = true }");
    if (!vo()) line("sbo      = { verdeling = \"beta\", gemiddelde = " + toml_rate(A::out_sbo) + ", sd = " + toml_rate(A::out_special_sd) + " }");
    line("so       = { verdeling = \"beta\", gemiddelde = " + toml_rate(vo() ? A::out_vso : A::out_so) + ", sd = " + toml_rate(A::out_special_sd) + " }");
    if (vo()) line("pro      = { verdeling = \"beta\", gemiddelde = " + toml_rate(A::out_pro) + ", sd = " + toml_rate(A::out_special_sd) + " }");
    line();
  }

  void indices() {
    line("[indexatie]");
    note("AANNAME: loon 3,0% per jaar (sd 1,5%), prijs 2,0% (sd 1,0%), elk jaar opnieuw getrokken, zoals de");
    note("voorbeeldscenario's (docs/domein.md §3; veel MJB's rekenen met 1,5%). De bekostiging volgt de regeling:");
    note(num_nl(100 * p.rules.wage_share, 2) + "% loon en " + num_nl(100 * (1 - p.rules.wage_share), 2) + "% prijs (" +
         pct(p.rules.wage_share * A::wage + (1 - p.rules.wage_share) * A::price, 2) + " per jaar verwacht).");
    line("loon  = { verdeling = \"normaal\", gemiddelde = " + toml_rate(A::wage) + ", sd = " + toml_rate(A::wage_sd) + ", per_jaar = true }");
    line("prijs = { verdeling = \"normaal\", gemiddelde = " + toml_rate(A::price) + ", sd = " + toml_rate(A::price_sd) + ", per_jaar = true }");
    line();
  }

  void post(const std::string& code, const std::string& name, const std::string& side, const std::vector<std::string>& keys) {
    line("[[post]]");
    line("code = " + toml_text(code));
    line("naam = " + toml_text(name));
    line("kant = \"" + side + "\"");
    for (const auto& k : keys) line(k);
    line();
  }

  void budget() {
    const StarterPlan::Budget& b = p.budget;
    const std::string y = std::to_string(p.first);
    note("---------------------------------------------------------------------------------------------");
    note("Begroting " + y + " (begroot, prijzen van " + y + ") uit de regels en de telling van " + std::to_string(p.first - 1) + ":");
    std::string parts;
    for (const auto& [name, amount] : b.income_parts) parts += (parts.empty() ? "" : " + ") + name + " " + euro(amount);
    note("  baten (ondersteuning): " + parts + " = " + euro(b.income));
    std::string amounts;
    for (const auto& [name, amount] : b.amounts) amounts += (amounts.empty() ? "" : ", ") + name + " " + num_nl(amount, 2);
    note("  (bedragen per leerling in " + y + ": " + amounts + ")");
    note("  afdrachten DUO: " + std::string(vo() ? "VSO " : "SO ") + euro(b.deduct_so) + ", " + (vo() ? "LWOO/PrO " : "SBO ") + euro(b.deduct_other));
    note("  personeel " + euro(b.staff) + (b.staff_assumed ? " (AANNAME: 7% van de baten)" : " (uw antwoord)") + ", overige lasten " + euro(b.other) +
         (b.other_assumed ? " (AANNAME: 2% van de baten)" : " (uw antwoord)") + (b.arrangements > 0 ? ", arrangementen " + euro(b.arrangements) : ""));
    note("  over: " + euro(b.income) + " − " + euro(b.deduct_so + b.deduct_other) + " − " + euro(b.staff + b.other + b.arrangements) + " = " +
         euro(b.remaining));
    if (b.boards_derived && b.boards_per_pupil > 0)
      note("  naar de schoolbesturen (AANNAME: wat overblijft, zodat " + y + " sluit): " + euro(b.remaining) + " / " + num_nl(b.pupils) +
           " leerlingen = € " + num_nl(b.boards_per_pupil, 2) + " per leerling");
    note("---------------------------------------------------------------------------------------------");
    line();
    post("3.1", "Rijksbijdrage ondersteuning", "baten", {"berekend = \"ondersteuning\"   # normbedragen uit de regels × leerlingen op de teldatum van jaar − 1"});
    post("4.5.1a", vo() ? "Afdracht DUO voortgezet speciaal onderwijs (VSO)" : "Afdracht DUO speciaal onderwijs (SO)", "lasten", {"berekend = \"afdracht_so\""});
    post("4.5.1b", vo() ? "Afdracht DUO leerwegondersteuning en praktijkonderwijs" : "Afdracht DUO speciaal basisonderwijs (SBO)", "lasten",
         {vo() ? "berekend = \"afdracht_lwoo_pro\"" : "berekend = \"afdracht_sbo\""});
    post("4.5.2a", "Ondersteuningsmiddelen naar de schoolbesturen", "lasten",
         {"per_leerling = " + toml_money(b.boards_per_pupil) + (b.boards_derived ? "   # afgeleid, zie de begroting hierboven" : "   # uw antwoord"),
          "grondslag    = \"totaal\"        # " + std::string(vo() ? "VO met PrO" : "BaO + SBO") + "; geïndexeerd met de bekostiging"});
    if (b.arrangements > 0)
      post("4.5.2b", "Arrangementen en projecten", "lasten",
           {"bedrag      = " + toml_money(b.arrangements) + "   # uw antwoord", "indexatie   = \"loon\"",
            "onzekerheid = " + toml_rate(A::arrangements_shock) + "   # AANNAME: ±10% (één schok per pad); de verwachting blijft het begrote bedrag"});
    post("4.1", "Personeel eigen organisatie", "lasten",
         {"bedrag      = " + toml_money(b.staff) + (b.staff_assumed ? "   # AANNAME: 7% van de baten (docs/bronnen.md §3)" : "   # uw antwoord"),
          "indexatie   = \"loon\"          # volgt de cao", "onzekerheid = " + toml_rate(A::cost_shock) + "   # AANNAME: ±3% (één schok per pad)"});
    post("4.4", "Huisvesting, administratie en overige lasten", "lasten",
         {"bedrag = " + toml_money(b.other) + (b.other_assumed ? "   # AANNAME: 2% van de baten (docs/bronnen.md §3: 1,5-2,5%)" : "   # uw antwoord")});
  }

  void reserves() {
    int i = 0;
    for (const Answers::Reserve& r : a.reserves) {
      ++i;
      line("[[bestemmingsreserve]]");
      line("code  = " + toml_text(r.code));
      line("naam  = " + toml_text(r.name));
      line("stand = " + toml_money(r.balance) + "   # uw antwoord; deel van het eigen vermogen");
      if (r.withdrawal <= 0 || r.balance <= 0) {
        line();
        continue;
      }
      // Spent at `onttrekking` a year until the balance is used: the last year takes the rest.
      std::vector<double> spend;
      double left = r.balance;
      for (int y = p.first; y <= p.last; ++y) {
        const double s = std::min(left, r.withdrawal);
        spend.push_back(s), left -= s;
      }
      const std::string table = year_table(spend, p.first, toml_money);
      note("Onttrekking per jaar (uw antwoord) tot de reserve op is; de besteding zelf is post 4.5.2r" + std::to_string(i) + ".");
      line("onttrekking = " + table);
      line();
      post("4.5.2r" + std::to_string(i), "Besteding uit bestemmingsreserve " + r.name, "lasten",
           {"bedrag    = " + table + "   # gedekt door de onttrekking: het eigen vermogen daalt, de algemene reserve niet", "indexatie = \"geen\""});
    }
  }

  void norms() {
    line("[normen]");
    note("De signaleringswaarde (3,5% van de totale baten, minimaal € 250.000) komt uit de regels.");
    if (a.floor) line("ondergrens = " + toml_money(*a.floor) + "   # uw antwoord (weerstandsvermogen)");
    else note("Geen eigen ondergrens opgegeven (standaard 0): vul uw weerstandsvermogen in als ondergrens = ...");
    if (a.target) line("streefvermogen = " + toml_money(*a.target) + "   # uw antwoord (algemene reserve)");
    line();
    line("[simulatie]");
    line("modus = \"montecarlo\"");
    line("paden = 10_000");
    line("zaad  = 1");
  }
};

}  // namespace

std::string starter_rules_overlay(const Answers& a, const StarterPlan& p, const std::string& base_ref);

StarterFiles starter_files(const Answers& a, const StarterPlan& p, const std::string& rules_ref, const std::string& base_ref) {
  Writer w{a, p, {}};
  w.header(rules_ref);
  w.start();
  w.demography();
  w.flows();
  w.indices();
  w.budget();
  w.reserves();
  w.norms();
  return {w.out, a.decision.any() ? starter_rules_overlay(a, p, base_ref) : ""};
}

}  // namespace swv
