#pragma once
// The resolved scenario: every key of the contract (docs/scenario-formaat.md) checked, merged and
// turned into numbers, year tables and distributions. Immutable after loading; names are resolved
// to indices so the model never looks anything up by string.
#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "schema.h"
#include "value.h"

namespace swv {

// Pupil states (leerlingen). SO categories laag/midden/hoog are 0/1/2.
enum class Basis { Regular, Sbo, So, Pro, Lwoo, Total };  // grondslag
enum class IndexKind { Funding, Wage, Price, None };     // bekostiging, loon, prijs, geen
enum class Side { Income, Cost, Reduction };               // baten, lasten, kortingen (policy and risk lines only)
enum class LineKind { Amount, PerPupil, Computed };        // bedrag, per_leerling, berekend
enum class Computed { Support, DeductSo, DeductSbo, DeductLwooPro };  // ondersteuning, afdracht_*
enum class Mode { MonteCarlo, Deterministic };

// The Inspectie's signaleringswaarde (docs/domein.md section 6), its one definition: max(percentage ×
// total gross income, minimum), with these defaults where neither the rules file nor the scenario's
// [normen] gives percentage or minimum. The model's close computes it (model_finance.h).
inline constexpr double kSignalPercentage = 0.035, kSignalMinimum = 250'000.0;
inline double signaleringswaarde(double total_income, double percentage, double minimum) {
  return std::max(percentage * total_income, minimum);
}

// Funding rules file (regels, section 9). Amounts are nominal per calendar year.
struct Rules {
  std::string file;
  std::string name;    // naam (optional)
  std::string source;  // bron (optional)
  // A rules file with `basis` (the SWV's own beschikking over a built-in file): the files of its
  // chain, this one first, and the amounts the files above the root base set ("afdracht.so.laag",
  // "ondersteuning.licht.normbedrag", ...), for the report. Without basis: files = {file}, own empty.
  std::vector<std::string> files;
  std::vector<std::string> own;
  Sector sector = Sector::Po;
  // What DUO nets a component's money against (ondersteuning.*.verrekening; model/duo_cap.h).
  enum class Pool { Light, Heavy, LwooPro, None };
  struct Component {
    std::string name;  // licht, zwaar, regionaal, lwoo_pro, ...
    YearTable amount;  // normbedrag
    Basis basis = Basis::Regular;
    double factor = 1.0;
    Pool pool = Pool::None;  // verrekening (default from the name)
  };
  std::vector<Component> support;       // ondersteuning
  // No component is licht, zwaar or lwoo_pro: every deduction is netted against the sum of the
  // components (the pooled cap), with a warning when the rules are loaded.
  bool pooled_cap = false;
  bool has_deduct_so = false;
  std::array<YearTable, 3> deduct_so;   // afdracht.so laag/midden/hoog
  bool has_deduct_sbo = false;
  YearTable deduct_sbo;                 // afdracht.sbo.bedrag
  double sbo_threshold = 0.0;           // afdracht.sbo.drempel
  bool has_deduct_lwoo_pro = false;
  YearTable deduct_lwoo_pro;            // afdracht.lwoo_pro.bedrag
  double wage_share = 0.8915;           // indexatie.loon_aandeel
  double signal_percentage = kSignalPercentage;  // signaleringswaarde.percentage
  double signal_minimum = kSignalMinimum;        // signaleringswaarde.minimum
};

struct Start {
  double equity = 0;  // eigen_vermogen on 31-12 of eerste_jaar - 1
  double regular = 0, sbo = 0, pro = 0;
  std::array<double, 3> so{};  // laag, midden, hoog
  Value lwoo_share = Value::fixed(0);  // lwoo_aandeel
};

struct Demography {
  double intake = 0;  // instroom in eerste_jaar - 1 (defaulted when not given)
  bool intake_given = false;
  Value growth = Value::fixed(0), sigma = Value::fixed(0), persistence = Value::fixed(0.5);
  Value newcomers = Value::fixed(0);  // zij_instroom: net arrivals in regular education, all ages
};

struct Flows {
  Value refer_sbo = Value::fixed(0), refer_pro = Value::fixed(0);   // verwijzing.sbo / .pro
  std::array<Value, 3> refer_so{Value::fixed(0), Value::fixed(0), Value::fixed(0)};
  std::array<Value, 3> sbo_to_so{Value::fixed(0), Value::fixed(0), Value::fixed(0)};  // doorstroom.sbo_so
  Value return_sbo = Value::fixed(0), return_so = Value::fixed(0);  // terugplaatsing
  Value out_regular = Value::fixed(0), out_sbo = Value::fixed(0), out_so = Value::fixed(0), out_pro = Value::fixed(0);
  YearTable factor_sbo = YearTable::fixed(1), factor_so = YearTable::fixed(1), factor_pro = YearTable::fixed(1);
  Value effectiveness = Value::fixed(1);  // effectiviteit
  // capaciteit: places at a teldatum (sbo; so = SO for po, VSO for vo); referrals beyond wait.
  // doel (section 14.4): participation targets per year, [0] sbo (po) or pro (vo), [1] so or vso;
  // solved into factor_sbo/factor_pro and factor_so before any path runs (solve_targets).
  // A target in pupils (doel.<type>_leerlingen): the change of the count against the start (the
  // teldatum of eerste_jaar − 1), so target[k] + target_start[k] is the count aimed for.
  std::array<bool, 2> target_given{}, target_pupils{};
  std::array<double, 2> target_start{};
  std::array<YearTable, 2> target;
  std::array<Where, 2> target_where;
  bool targets_solved = false;
  bool cap_sbo = false, cap_so = false;
  Value capacity_sbo = Value::fixed(0), capacity_so = Value::fixed(0);
};

struct Indexation {
  Value funding = Value::fixed(0), wage = Value::fixed(0), price = Value::fixed(0);
  bool funding_given = false;  // else funding = loon_aandeel × loon + (1 − loon_aandeel) × prijs
  std::array<std::array<double, 3>, 3> correlation{{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}};  // bekostiging, loon, prijs
};

struct Line {  // post
  std::string code, name, group;
  Where where;
  Side side = Side::Cost;
  LineKind kind = LineKind::Amount;
  Computed computed = Computed::Support;
  bool has_override = false;  // berekend with bedrag: the given amount is used
  Value amount = Value::fixed(0);     // bedrag
  Value per_pupil = Value::fixed(0);  // per_leerling
  Basis basis = Basis::Regular;       // grondslag
  IndexKind index = IndexKind::Price;
  Value realisation = Value::fixed(1);
  double shock_sd = 0;  // onzekerheid
  bool shock_per_year = false;
  bool school_year = false;  // periode = schooljaar: 7/12 of amount(Y-1) + 5/12 of amount(Y)
  int group_id = -1;  // index into Scenario::groups
  uint32_t shock_driver = 0;  // random stream of the onzekerheid shock
};

struct Risk {  // risico
  std::string code, name;
  Where where;
  Value probability = Value::fixed(0);  // kans
  Value impact = Value::fixed(0);
  std::vector<int> years;  // empty = every year
  bool lost_income = false;  // kant = "baten"
  bool lasting = false;      // blijvend: from its first occurrence its impact recurs every later year
  uint32_t driver = 0;  // random stream of the occurrence
  bool active(int year) const {
    return years.empty() || std::find(years.begin(), years.end(), year) != years.end();
  }
};

// Precision on demand: the default cap on paths (simulatie.max_paden, run --max-paden).
inline constexpr int64_t kDefaultMaxPaths = 1'000'000;
inline constexpr size_t kMaxReserves = 100;  // bestemmingsreserves per scenario (a path keeps them on its stack)

// Earmarked reserve (bestemmingsreserve, section 14.1): part of equity set aside for a purpose.
// Transfers change no total equity; the spending itself is an ordinary budget line.
struct EarmarkedReserve {
  std::string code, name;
  Where where;
  double balance = 0;                       // stand on 31-12 of eerste_jaar - 1
  Value withdrawal = Value::fixed(0);       // onttrekking per year, at most what the reserve holds
  int withdrawal_line = -1;                 // onttrekking = "post:CODE": that line's realised cost instead (index into lines)
  Value addition = Value::fixed(0);         // dotatie per year, out of the result
};

enum class SpendAbove { Signal, Target };      // afbouw.boven: signaleringswaarde | streefvermogen
enum class SpendMoment { NextYear, Budget };   // afbouw.moment: volgend_jaar | begroting
enum class CutBelow { Floor, Target };         // bezuiniging.onder: ondergrens | streefvermogen

struct Policy {  // beleid, applied in this order at the end of each year
  bool skim = false;  // ocw_afroming
  int skim_from = 0;
  Value skim_share = Value::fixed(0);
  bool spend_down = false;  // afbouw
  Value spend_share = Value::fixed(0);
  SpendAbove spend_above = SpendAbove::Signal;
  SpendMoment spend_moment = SpendMoment::NextYear;
  std::string spend_name = "Bestedingsplan (afbouw eigen vermogen)";  // afbouw.naam
  bool cut = false;  // bezuiniging
  Value cut_share = Value::fixed(0);
  int cut_group = -1;
  CutBelow cut_below = CutBelow::Floor;
  bool generic_cut = false;  // ocw_korting
  int generic_cut_year = 0;
  double generic_cut_per_pupil = 0;
};

// Vangnetregeling (po, section 14.7): S(B)O growth after the teldatum, paid by the SWV.
struct SafetyNet {
  bool given = false;
  Value growth_so = Value::fixed(0), growth_sbo = Value::fixed(0);
  Value threshold_so = Value::fixed(0), threshold_sbo = Value::fixed(0);
  Value share = Value::fixed(0.5);  // deel van het jaar
};

// Balance sheet on 31-12 of eerste_jaar - 1 (balans, section 14.8). Equity is start.eigen_vermogen;
// liquide_middelen is the balancing item in later years.
struct BalanceSheet {
  bool given = false;
  double fixed_assets = 0, receivables = 0, cash = 0;        // materiële vaste activa, vorderingen, liquide middelen
  double provisions = 0, long_debt = 0, short_debt = 0;      // voorzieningen, langlopende / kortlopende schulden
  Value investments = Value::fixed(0), depreciation = Value::fixed(0);  // investeringen, afschrijvingen per year
  Value provisions_change = Value::fixed(0);                            // voorzieningen_mutatie per year
};

// Report settings (rapport, an extension): traffic-light thresholds on the yearly probabilities.
struct ReportSettings {
  double excessive_orange = 0.2, excessive_red = 0.5;  // P(bovenmatig)
  double floor_orange = 0.05, floor_red = 0.2;         // P(onder ondergrens)
};

// Where the scenario's spreads came from ([kalibratie], an extension: swvsim kalibreer writes it,
// docs/kalibratie.md): the history a calibration used and, when given, its back-test's coverage.
// Reports name it; nothing in the model reads it.
struct CalibrationInfo {
  bool given = false;
  std::string file;  // the scenario file that holds the table
  std::string history, history_sha256, method, version;  // historie, historie_sha256, methode, swvsim
  int first_year = 0, last_year = 0;                     // teldata of the history
  bool has_backtest = false;                             // [kalibratie.terugtoets]
  double coverage50 = 0, coverage90 = 0;                 // dekking_50, dekking_90
  int points = 0, horizon = 0;                           // punten, horizon (0: not given)
};

struct Scenario {
  std::string name, description;
  std::vector<std::string> files;  // the chain, base first; the last is the file given
  // SHA-256 of each file's text as the loader read it (same order as files; empty when the scenario
  // was not loaded from files): reports name exactly what was computed, also for a text not on disk.
  std::vector<std::string> files_sha256;
  Sector sector = Sector::Po;
  int first_year = 0, last_year = 0;
  int years() const { return last_year - first_year + 1; }

  Start start;
  Demography demography;
  Flows flows;
  Indexation index;
  std::vector<Line> lines;
  std::vector<std::string> groups;
  std::vector<Risk> risks;
  std::vector<EarmarkedReserve> reserves;  // bestemmingsreserves
  Policy policy;
  BalanceSheet balance;
  SafetyNet safety_net;
  bool has_target = false;
  Value target = Value::fixed(0);  // normen.streefvermogen: own target for the algemene reserve
  double signal_percentage = kSignalPercentage, signal_minimum = kSignalMinimum;  // normen (or rules)
  Value floor = Value::fixed(0);  // ondergrens

  Mode mode = Mode::MonteCarlo;
  int64_t paths = 10'000;
  uint64_t seed = 1;
  // Precision on demand (simulatie.precisie, simulatie.max_paden): the largest standard error of a
  // reported probability that swvsim run aims for (0: a fixed number of paths), and its cap on paths.
  double precision = 0;
  int64_t max_paths = kDefaultMaxPaths;

  Rules rules;  // the rules of eerste_jaar (and of every year when swv.regels is one file)
  // swv.regels as a per-year table (section 14.6): (first year, rules), ascending; empty = one file.
  std::vector<std::pair<int, Rules>> rules_by_year;
  const Rules& rules_for(int year) const {
    const Rules* r = &rules;
    for (const auto& [from, ru] : rules_by_year)
      if (from <= year) r = &ru;
    return *r;
  }
  ReportSettings report;
  CalibrationInfo calibration;
  // Decision support (bestedingsruimte): the profile of extra yearly spending, and the extra cost per
  // year index that a run adds to totale_lasten (empty = none). Set by the solver, not by files.
  YearTable spending_profile = YearTable::fixed(1.0);
  std::vector<double> extra_cost;
  // The deterministic plan, fixed before Monte-Carlo paths run (fix_plan in the model room): the
  // bestedingsplan of each year when afbouw.moment = begroting (empty: computed in the path, which
  // is how the plan itself is made), and the plan's equity per year (the required buffer's
  // reference; empty: the path's own equity).
  std::vector<double> plan_spend, plan_equity;
  // Deterministic mode only (run --deterministisch --met-risicolast): the plan carries each risk's
  // expected load (kans × gemiddelde impact) on its risk line instead of leaving it out.
  bool plan_risk_load = false;
};

// Calls f(value) for every value of the scenario (flows, index, demography, lines, risks, policy,
// floor): the one place that knows where values live. Works on a const or mutable scenario.
template <class S, class F>
void for_each_value(S& sc, F f) {
  f(sc.start.lwoo_share);
  f(sc.demography.growth), f(sc.demography.sigma), f(sc.demography.persistence);
  auto& fl = sc.flows;
  f(fl.refer_sbo), f(fl.refer_pro);
  for (auto& v : fl.refer_so) f(v);
  for (auto& v : fl.sbo_to_so) f(v);
  f(fl.return_sbo), f(fl.return_so), f(fl.out_regular), f(fl.out_sbo), f(fl.out_so), f(fl.out_pro), f(fl.effectiveness);
  f(sc.index.funding), f(sc.index.wage), f(sc.index.price);
  for (auto& l : sc.lines) f(l.amount), f(l.per_pupil), f(l.realisation);
  for (auto& r : sc.risks) f(r.probability), f(r.impact);
  f(sc.policy.skim_share), f(sc.policy.spend_share), f(sc.policy.cut_share);
  f(sc.floor);
  for (auto& r : sc.reserves) f(r.withdrawal), f(r.addition);
  f(sc.target);
  f(sc.balance.investments), f(sc.balance.depreciation), f(sc.balance.provisions_change);
  f(sc.demography.newcomers), f(fl.capacity_sbo), f(fl.capacity_so);
  auto& vn = sc.safety_net;
  f(vn.growth_so), f(vn.growth_sbo), f(vn.threshold_so), f(vn.threshold_sbo), f(vn.share);
}

}  // namespace swv
