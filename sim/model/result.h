#pragma once
// The result of a run: plain data, exactly what resultaat.json and the reports show. Statistics
// are computed in sim/; writers only format.
#include <array>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "scenario.h"

namespace swv {

// Per-year statistics of one series (reeks). Percentiles: Hyndman-Fan type 7. P10 and P90 (the 80%
// band that page 1 of the report shows beside the plan) come last so that {key, mean, p5, ..., p95}
// still initialises a Series.
struct Series {
  std::string key;  // contract name, e.g. "eigen_vermogen"
  std::vector<double> mean, p5, p25, p50, p75, p95;
  std::vector<double> p10{}, p90{};
};

// A per-year probability with its Monte-Carlo standard error (kans).
struct Probability {
  std::vector<double> value, std_error;
};

struct LineResult {  // post
  std::string code, name, group;
  Side side = Side::Cost;
  bool has_override = false;
  std::vector<double> budget;    // begroot (mean over paths)
  std::vector<double> realised;  // bedragen: after realisation, shocks and cap (mean)
  std::vector<double> computed;  // override lines: the engine's computed amount (mean); else empty
};

// A risk of the register over the paths (Monte Carlo), per year.
struct RiskResult {
  std::string code, name;
  bool lost_income = false;            // kant = "baten"
  std::vector<double> expected;        // mean impact over all paths (0 where it did not weigh)
  std::vector<double> hit_share;       // share of paths in which it weighed in that year (blijvend: occurred by then)
  bool lasting = false;                // blijvend
};

// Benodigd weerstandsvermogen at a confidence level (cli-en-uitvoer, additions 1.1): the buffer
// that covers, in that share of the paths, the largest shortfall of equity below the deterministic
// plan in any year. The plan includes the bestedingsplan, so planned spending needs no buffer;
// without risks and uncertainty every path is the plan and the buffer is 0.
// shortfall = that quantile of max(0, max_Y (plan_Y - eigen vermogen_Y)); required = shortfall.
struct BufferResult {
  double confidence = 0.9;
  double shortfall = 0;
  double required = 0;
};

// The NAR rating of ratio weerstandsvermogen = beschikbaar / benodigd (A > 2,0 ... F < 0,6).
struct NarClass {
  char letter;
  const char* label;  // Dutch: uitstekend, ruim voldoende, voldoende, matig, onvoldoende, ruim onvoldoende
};
// The NAR scale, its one definition (the reports write their tables from it): a ratio is in the first
// band whose lower bound it exceeds, or reaches when the bound is inclusive (A > 2,0; B > 1,4;
// C >= 1,0; D >= 0,8; E >= 0,6; F below).
struct NarBand {
  NarClass cls;
  double lower;
  bool inclusive;
};
inline constexpr std::array<NarBand, 6> kNarScale{{{{'A', "uitstekend"}, 2.0, false},
                                                  {{'B', "ruim voldoende"}, 1.4, false},
                                                  {{'C', "voldoende"}, 1.0, true},
                                                  {{'D', "matig"}, 0.8, true},
                                                  {{'E', "onvoldoende"}, 0.6, true},
                                                  {{'F', "ruim onvoldoende"}, -std::numeric_limits<double>::infinity(), true}}};
inline NarClass nar_class(double ratio) {
  for (const NarBand& b : kNarScale)
    if (ratio > b.lower || (b.inclusive && ratio == b.lower)) return b.cls;
  return kNarScale.back().cls;  // NaN
}
// beschikbaar / benodigd; no buffer needed counts as infinitely covered (class A).
inline double buffer_ratio(double available, double required) {
  return required > 0 ? available / required : std::numeric_limits<double>::infinity();
}

struct InputFile {
  std::string role;  // "scenario", "basis", "regels"
  std::string path, sha256;
};

struct Result {
  std::string engine_version;
  std::string scenario_name, scenario_description, scenario_file, scenario_sha256;
  std::vector<InputFile> inputs;
  Sector sector = Sector::Po;
  Mode mode = Mode::Deterministic;
  int64_t paths = 1;
  uint64_t seed = 0;
  int threads = 1;
  double seconds = 0;
  // How percentiles were computed: "exact" (all paths kept), "exact (float)" (kept in single
  // precision), "histogram" (streaming above the memory budget), "" in deterministic mode.
  std::string percentile_method;
  // Precision on demand (run --precisie): the target for the largest standard error of a reported
  // probability, the largest one reached with `paths` paths, the cap on paths, and whether the
  // target was met (never with fewer than kMinPrecisionPaths paths, mc.h). target 0: a run with a
  // fixed number of paths (nothing to report).
  struct Precision {
    double target = 0, achieved = 0;
    int64_t max_paths = 0;
    bool met = false;
  } precision;

  std::vector<int> years;
  std::vector<Series> series;
  Probability excessive, below_floor, negative;  // bovenmatig, onder_ondergrens, negatief
  // More flags (path_flag_keys): onder_streefvermogen and the balance sheet's continuity signals.
  std::vector<std::pair<std::string, Probability>> more_flags;
  std::vector<LineResult> lines;
  std::vector<double> expected_risk_cost;  // verwachte_risicolast
  std::vector<RiskResult> risks;           // Monte Carlo only
  std::vector<double> expected_excess;     // E[max(0, eigen vermogen - signaleringswaarde)] per year
  double start_equity = 0;                 // eigen vermogen at the start
  double start_general_reserve = 0;        // algemene reserve at the start (beschikbaar weerstandsvermogen)
  std::vector<BufferResult> buffers;       // 80%, 90%, 95% (Monte Carlo only)
  // Share of paths per year in which each policy rule fired: ocw_afroming, afbouw, bezuiniging,
  // ocw_korting, cap.
  std::vector<std::pair<std::string, std::vector<double>>> policy_fired;
  double signal_percentage = kSignalPercentage, signal_minimum = kSignalMinimum;
  CalibrationInfo calibration;  // [kalibratie] of the scenario: where its spreads came from
  std::vector<std::string> warnings;

  const Series* find(const std::string& key) const {
    for (const auto& s : series)
      if (s.key == key) return &s;
    return nullptr;
  }
};

// The series keys of the contract, in output order.
inline const std::vector<std::string>& series_keys() {
  static const std::vector<std::string> keys = {
      "eigen_vermogen", "signaleringswaarde", "totale_baten",       "kortingen",       "totale_lasten", "saldo",
      "ratio_ev_baten", "leerlingen_regulier", "leerlingen_sbo",     "leerlingen_so",   "leerlingen_pro", "ondergrens"};
  return keys;
}

}  // namespace swv
