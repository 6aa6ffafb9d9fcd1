// swvsim_dekking: the calibration and the back-test on histories drawn from known parameters
// (docs/kalibratie.md, "Bewijs"). Not installed; the closing note of issue 26 reproduces its
// figures with it.
//
//   build/swvsim_dekking SCENARIO [--herhalingen N] [--eerste-pad P] [--zonder-stromen]
//                        [--horizon H] [--paden P] [--threads T]
//   build/swvsim_dekking SCENARIO --historie FILE [--eerste-pad P] [--zonder-stromen]
//
// SCENARIO is the truth: its planperiode is the history (row 0 = its start counts at eerste_jaar − 1).
// The first form draws N histories (paths P, P+1, …), calibrates each and runs the back-test; it
// prints per history the z-scores (estimate − truth) / standard error of every estimated key and
// the coverage, then the totals. The second writes one history as CSV.
#include <boost/program_options.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>

#include "backtest.h"
#include "calibrate.h"
#include "format_nl.h"
#include "history_sim.h"
#include "loader.h"

namespace po = boost::program_options;
using namespace swv;

int main(int argc, char** argv) {
  po::options_description opts("swvsim_dekking SCENARIO [opties]");
  opts.add_options()("help,h", "deze hulp")("herhalingen", po::value<int>()->default_value(10), "aantal historieën")(
      "eerste-pad", po::value<uint64_t>()->default_value(0), "pad van de eerste historie")("zonder-stromen", "historieën zonder stroomkolommen")(
      "horizon", po::value<int>()->default_value(3), "jaren vooruit per oorsprong")("paden", po::value<int64_t>()->default_value(2000),
                                                                                     "paden per oorsprong")(
      "threads", po::value<int>()->default_value(0), "threads (0: alle)")("historie", po::value<std::string>(), "schrijf één historie naar dit bestand");
  po::options_description all;
  all.add(opts).add_options()("scenario", po::value<std::string>());
  po::positional_options_description pos;
  pos.add("scenario", 1);
  po::variables_map vm;
  po::store(po::command_line_parser(argc, argv).options(all).positional(pos).run(), vm);
  if (vm.count("help") || !vm.count("scenario")) {
    std::cout << opts;
    return vm.count("help") ? 0 : 2;
  }
  LoadResult lr = load_scenario(vm["scenario"].as<std::string>());
  for (const auto& d : lr.diags.items())
    if (d.severity == Severity::Error) std::cerr << d.format() << "\n";
  if (!lr.scenario) return 2;
  const Scenario& sc = *lr.scenario;
  const bool flows = !vm.count("zonder-stromen");
  const uint64_t first = vm["eerste-pad"].as<uint64_t>();
  if (vm.count("historie")) {
    std::ofstream(vm["historie"].as<std::string>()) << history_to_csv(simulate_history(sc, first, flows));
    return 0;
  }
  BacktestOptions bo;
  bo.horizon = vm["horizon"].as<int>();
  bo.paths = vm["paden"].as<int64_t>();
  bo.mc.threads = vm["threads"].as<int>();
  std::map<std::string, std::pair<double, int>> z2;  // key -> (sum of z², count)
  std::map<std::string, int> within1;
  std::vector<BacktestPoint> points;
  const int n = vm["herhalingen"].as<int>();
  for (int i = 0; i < n; ++i) {
    const History h = simulate_history(sc, first + static_cast<uint64_t>(i), flows);
    const Calibration c = calibrate(h);
    std::printf("historie %d (pad %llu):", i + 1, static_cast<unsigned long long>(first + static_cast<uint64_t>(i)));
    for (const auto& e : c.estimates) {
      if (e.assumed() || *e.std_error <= 0) continue;
      const auto truth = scenario_parameter(sc, e.key, sc.first_year);
      if (!truth) continue;
      const double z = (e.value - *truth) / *e.std_error;
      z2[e.key].first += z * z, z2[e.key].second += 1;
      within1[e.key] += std::fabs(z) <= 1;
      std::printf(" %s z=%+.2f", e.key.substr(e.key.find('.') + 1).c_str(), z);
    }
    const Backtest bt = run_backtest(h, bo);
    points.insert(points.end(), bt.points.begin(), bt.points.end());
    std::printf("\n  dekking 50%%: %.2f, 90%%: %.2f (%d punten, %.1f s)\n", bt.all.c50, bt.all.c90, bt.all.points, bt.seconds);
  }
  std::printf("\nSchattingen tegen de waarheid over %d historieën (z = (schatting − waarheid) / standaardfout):\n", n);
  for (const auto& [key, s] : z2)
    std::printf("  %-32s gemiddelde z² %.2f, |z| <= 1 in %d van %d\n", key.c_str(), s.first / s.second, within1[key], s.second);
  std::printf("\nDekking over alle historieën:\n");
  for (const auto& key : backtest_series(sc.sector)) {
    std::vector<BacktestPoint> mine;
    for (const auto& p : points)
      if (p.series == key) mine.push_back(p);
    const Coverage c = coverage_of(mine);
    std::printf("  %-22s 50%%: %.3f  90%%: %.3f  (%d punten)\n", key.c_str(), c.c50, c.c90, c.points);
  }
  const Coverage c = coverage_of(points);
  std::printf("  %-22s 50%%: %.3f  90%%: %.3f  (%d punten): %s\n", "alle", c.c50, c.c90, c.points, verdict_word(verdict(c)));
  return 0;
}
