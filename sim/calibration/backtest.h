#pragma once
// The back-test (swvsim terugtoets, docs/kalibratie.md): for every origin year T from `vanaf` to
// the second-last year of a history, calibrate on the rows up to T only, project the counts with
// the engine (projection.h: the calibrated uncertainty included) and compare the realised counts
// of T+1 … T+horizon with the P25–P75 and P5–P95 bands. The shares of realised counts inside the
// bands are the coverage; coverage.h words the verdict.
#include <optional>
#include <string>
#include <vector>

#include "coverage.h"
#include "history.h"
#include "mc.h"

namespace swv {

struct BacktestOptions {
  std::optional<int> from_year;  // first origin (--vanaf); default: the fifth teldatum
  int horizon = 3;               // years ahead compared per origin (--horizon)
  int64_t paths = 2000;          // Monte-Carlo paths per origin
  uint64_t seed = 1;
  std::string rules_dir;         // built-in rules for the projection scenarios ("" = default)
  McOptions mc;                  // threads, cancel
};

constexpr int kDefaultFirstOriginRows = 5;  // the default first origin has five teldata behind it
constexpr int kMaxHorizon = 15;             // a planperiode is at most 15 years

// The origin years of a back-test of `h`, or a Dutch reason why there are none ("--vanaf 2010 ligt
// vóór …"); the CLI checks the options with it before anything runs.
struct Origins {
  std::vector<int> years;
  std::string error;
};
Origins backtest_origins(const History& h, const BacktestOptions& o);

struct BacktestPoint {
  std::string series;  // leerlingen_regulier, leerlingen_sbo (po) or leerlingen_pro (vo), leerlingen_so
  int origin = 0, year = 0;
  double actual = 0, p5 = 0, p25 = 0, p50 = 0, p75 = 0, p95 = 0;
  // 1 inside the band, 0 outside, ½ on its edge: counts are whole numbers, so an edge holds part of
  // the projected mass (counting it whole would make every band look wider than it is).
  double in50() const { return inside(actual, p25, p75); }
  double in90() const { return inside(actual, p5, p95); }
  static double inside(double x, double lo, double hi) {
    if (lo == hi) return x == lo ? 1.0 : 0.0;
    return x > lo && x < hi ? 1.0 : x == lo || x == hi ? 0.5 : 0.0;
  }
};

struct Backtest {
  Sector sector = Sector::Po;
  std::string history_file, history_sha256;
  std::vector<int> years;    // of the history
  std::vector<int> origins;
  int horizon = 3;
  int64_t paths = 0;
  uint64_t seed = 0;
  std::vector<BacktestPoint> points;  // per origin, per year ahead, per series
  std::vector<std::vector<double>> realised;               // per series (series() order), per history year
  std::vector<std::pair<std::string, Coverage>> coverage;  // per series, in series order
  Coverage all;                                            // every point of every series
  std::vector<std::string> series() const;                 // the series keys, in order
  double seconds = 0;
};

// The series a back-test compares, for a sector.
std::vector<std::string> backtest_series(Sector s);

// Runs the back-test; throws std::invalid_argument with backtest_origins' reason when there is no
// origin, Cancelled when o.mc.cancel is set.
Backtest run_backtest(const History& h, const BacktestOptions& o);

// Coverage of a set of points (shares inside P25–P75 and P5–P95).
Coverage coverage_of(const std::vector<BacktestPoint>& points);

}  // namespace swv
