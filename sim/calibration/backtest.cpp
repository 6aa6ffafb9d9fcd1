#include "backtest.h"

#include <algorithm>
#include <chrono>
#include <stdexcept>

#include "calibrate.h"
#include "projection.h"

namespace swv {

std::vector<std::string> backtest_series(Sector s) {
  return {"leerlingen_regulier", s == Sector::Po ? "leerlingen_sbo" : "leerlingen_pro", "leerlingen_so"};
}

std::vector<std::string> Backtest::series() const { return backtest_series(sector); }

Origins backtest_origins(const History& h, const BacktestOptions& o) {
  Origins out;
  const int first = h.first_year(), last = h.last_year();
  const int earliest = first + static_cast<int>(kMinHistoryRows) - 1;  // the least a calibration needs
  if (o.horizon < 1 || o.horizon > kMaxHorizon) {
    out.error = "--horizon is 1 tot en met " + std::to_string(kMaxHorizon) + " jaar, niet " + std::to_string(o.horizon);
    return out;
  }
  if (earliest > last - 1) {
    out.error = "de historie (" + std::to_string(first) + "–" + std::to_string(last) + ") is te kort voor een terugtoets: er zijn ten minste " +
                std::to_string(kMinHistoryRows + 1) + " teldata nodig";
    return out;
  }
  // Default: the fifth teldatum, or earlier when the history is short.
  const int from = o.from_year.value_or(std::max(earliest, std::min(first + kDefaultFirstOriginRows - 1, last - 1)));
  if (from < earliest) {
    out.error = "--vanaf " + std::to_string(from) + " is te vroeg: een kalibratie heeft ten minste " + std::to_string(kMinHistoryRows) +
                " teldata nodig, de eerste oorsprong kan dus " + std::to_string(earliest) + " zijn";
    return out;
  }
  if (from > last - 1) {
    out.error = "--vanaf " + std::to_string(from) + " laat geen jaar over om te toetsen: de historie loopt tot " + std::to_string(last) +
                "; kies ten hoogste " + std::to_string(last - 1);
    return out;
  }
  for (int y = from; y <= last - 1; ++y) out.years.push_back(y);
  return out;
}

Coverage coverage_of(const std::vector<BacktestPoint>& points) {
  Coverage c;
  double a = 0, b = 0;
  for (const auto& p : points) a += p.in50(), b += p.in90();
  c.points = static_cast<int>(points.size());
  if (c.points > 0) c.c50 = a / c.points, c.c90 = b / c.points;
  return c;
}

namespace {

double realised(const History& h, const std::string& series, size_t t) {
  if (series == "leerlingen_regulier") return h.regular[t];
  if (series == "leerlingen_so") return h.so_total(t);
  return h.special[t];
}

}  // namespace

Backtest run_backtest(const History& h, const BacktestOptions& o) {
  const auto t0 = std::chrono::steady_clock::now();
  const Origins origins = backtest_origins(h, o);
  if (!origins.error.empty()) throw std::invalid_argument(origins.error);
  Backtest bt;
  bt.sector = h.sector, bt.history_file = h.file, bt.history_sha256 = h.sha256, bt.years = h.years;
  bt.origins = origins.years, bt.horizon = o.horizon, bt.paths = o.paths, bt.seed = o.seed;
  const std::vector<std::string> series = backtest_series(h.sector);
  for (const auto& key : series) {
    bt.realised.emplace_back();
    for (size_t t = 0; t < h.size(); ++t) bt.realised.back().push_back(realised(h, key, t));
  }
  for (int T : origins.years) {
    const size_t rows = static_cast<size_t>(T - h.first_year()) + 1;
    const History past = h.head(rows);
    const Calibration c = calibrate(past);
    const Scenario sc = projection_scenario(past, c, o.horizon, o.paths, o.seed, o.rules_dir);
    const Result r = run_monte_carlo(sc, {}, o.mc);
    for (int k = 1; k <= o.horizon; ++k) {
      const size_t t = rows - 1 + static_cast<size_t>(k);
      if (t >= h.size()) break;
      for (const auto& key : series) {
        const Series* s = r.find(key);
        if (!s) throw std::logic_error("de projectie heeft geen reeks " + key);
        const size_t i = static_cast<size_t>(k - 1);
        bt.points.push_back({key, T, h.years[t], realised(h, key, t), s->p5[i], s->p25[i], s->p50[i], s->p75[i], s->p95[i]});
      }
    }
  }
  for (const auto& key : series) {
    std::vector<BacktestPoint> mine;
    for (const auto& p : bt.points)
      if (p.series == key) mine.push_back(p);
    bt.coverage.emplace_back(key, coverage_of(mine));
  }
  bt.all = coverage_of(bt.points);
  bt.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return bt;
}

}  // namespace swv
