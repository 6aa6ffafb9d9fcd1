#include "mc.h"

#include <Random123/philox.h>
#include <tbb/blocked_range.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>
#include <chrono>
#include <cmath>
#include <thread>

#include "deterministic.h"
#include "loader.h"
#include "model.h"

namespace swv {

double percentile_type7(const std::vector<double>& s, double p) {
  if (s.empty()) return 0.0;
  double h = (static_cast<double>(s.size()) - 1) * p;
  size_t lo = static_cast<size_t>(std::floor(h));
  size_t hi = std::min(lo + 1, s.size() - 1);
  return s[lo] + (h - static_cast<double>(lo)) * (s[hi] - s[lo]);
}

namespace {

constexpr uint32_t kIndexDriver = 0x1D3E0001u, kDemographyDriver = 0x1D3E0002u, kIntakeDriver = 0x1D3E0003u,
                   kFlowDriver = 0x1D3E0100u;
constexpr uint32_t kPathSlot = 0xFFFFu;  // "year" slot of draws made once per path

// Counter-based streams: Philox4x32-10 keyed by (seed low bits, path), counter (driver, year,
// draw, seed high bits). Uniforms in (0,1); normals by Box-Muller (portable: same on any libm
// that rounds correctly, unlike std::normal_distribution whose algorithm differs by library).
class Stream {
 public:
  Stream(uint64_t seed, uint64_t path) : key_{{static_cast<uint32_t>(seed), static_cast<uint32_t>(path)}}, hi_(static_cast<uint32_t>(seed >> 32)) {}
  r123::Philox4x32::ctr_type raw(uint32_t driver, uint32_t year, uint32_t draw) const {
    r123::Philox4x32 g;
    r123::Philox4x32::ctr_type c = {{driver, year, draw, hi_}};
    return g(c, key_);
  }
  static double u01(uint32_t x) { return (static_cast<double>(x) + 0.5) * (1.0 / 4294967296.0); }
  double uniform(uint32_t driver, uint32_t year, uint32_t draw) const { return u01(raw(driver, year, draw)[0]); }
  double normal(uint32_t driver, uint32_t year, uint32_t draw) const {
    auto r = raw(driver, year, draw);
    double u1 = u01(r[0]), u2 = u01(r[1]);
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }

 private:
  r123::Philox4x32::key_type key_;
  uint32_t hi_;
};

// Binomial(n, p): exact inversion when the mean is small; otherwise a normal approximation with
// continuity correction, rounded and clamped to [0, n] (error documented in docs/keuzes.md).
double binomial(double n, double p, double u, double z) {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  double mean = n * p;
  if (mean < 30 || n * (1 - p) < 30) {
    if (p > 0.5) return n - binomial(n, 1 - p, 1 - u, -z);
    // Inversion of the CDF by recursion on the pmf.
    double q = 1 - p, pk = std::pow(q, n), cdf = pk;
    double k = 0;
    while (u > cdf && k < n) {
      pk *= (n - k) / (k + 1) * p / q;
      k += 1;
      cdf += pk;
      if (pk < 1e-300 && cdf >= 1 - 1e-15) break;
    }
    return k;
  }
  double x = std::floor(mean + std::sqrt(mean * (1 - p)) * z + 0.5);
  return std::clamp(x, 0.0, n);
}

class McDraws {
 public:
  McDraws(const Scenario& sc, const Eigen::Matrix3d& chol, uint64_t seed)
      : sc_(sc), chol_(chol), seed_(seed), F_(sc.years()), amt_(sc.lines.size()), s_(seed, 0) {}
  void start_path(uint64_t path) { s_ = Stream(seed_, path); }
  std::vector<std::array<double, 4>>& index_factors() { return F_; }
  LineAmounts& line_amounts() { return amt_; }

  double value(const Value& v, int Y) const {
    if (!v.is_random()) return v.p[0].at(Y);
    return v.from_normal(Y, s_.normal(v.driver, v.per_year ? static_cast<uint32_t>(Y) : kPathSlot, 0));
  }
  double rate(const Value& v, int Y) const { return std::clamp(value(v, Y), 0.0, 1.0); }
  std::array<double, 3> index_rates(int Y) const {
    const Indexation& ix = sc_.index;
    const Value* vals[3] = {&ix.funding, &ix.wage, &ix.price};
    Eigen::Vector3d zy, zp;
    for (int k = 0; k < 3; ++k) {
      zy(k) = s_.normal(kIndexDriver, static_cast<uint32_t>(Y), static_cast<uint32_t>(k));
      zp(k) = s_.normal(kIndexDriver, kPathSlot, static_cast<uint32_t>(k));
    }
    Eigen::Vector3d cy = chol_ * zy, cp = chol_ * zp;
    std::array<double, 3> r{};
    for (int k = 0; k < 3; ++k) {
      const Value& v = *vals[k];
      r[k] = v.is_random() ? v.from_normal(Y, v.per_year ? cy(k) : cp(k)) : v.p[0].at(Y);
    }
    if (!ix.funding_given) r[0] = sc_.rules.wage_share * r[1] + (1 - sc_.rules.wage_share) * r[2];
    return r;
  }
  double line_shock(size_t i, int Y) const {
    const Line& l = sc_.lines[i];
    if (l.shock_sd <= 0) return 1.0;
    double z = s_.normal(l.shock_driver, l.shock_per_year ? static_cast<uint32_t>(Y) : kPathSlot, 0);
    return std::max(0.0, 1 + l.shock_sd * z);
  }
  double risk(size_t r, int Y) const {
    const Risk& rk = sc_.risks[r];
    if (s_.uniform(rk.driver, static_cast<uint32_t>(Y), 1) >= rate(rk.probability, Y)) return 0.0;
    const Value& v = rk.impact;  // drawn afresh at each occurrence
    return v.is_random() ? v.from_normal(Y, s_.normal(v.driver, static_cast<uint32_t>(Y), 2)) : v.p[0].at(Y);
  }
  void moves(int Y, int state, double count, const double* rates, int k, double* out) const {
    double sum = 0;
    for (int j = 0; j < k; ++j) sum += rates[j];
    double scale = sum > 1 ? 1 / sum : 1;  // rare paths whose drawn rates exceed 1 together
    double n = std::round(count), left = 1;
    for (int j = 0; j < k; ++j) {
      double p = left > 0 ? std::min(1.0, rates[j] * scale / left) : 0;
      uint32_t draw = static_cast<uint32_t>(state * 8 + j);
      out[j] = binomial(n, p, s_.uniform(kFlowDriver, static_cast<uint32_t>(Y), draw), s_.normal(kFlowDriver + 1, static_cast<uint32_t>(Y), draw));
      n -= out[j];
      left -= rates[j] * scale;
    }
  }
  double demography_z(int Y) const { return s_.normal(kDemographyDriver, static_cast<uint32_t>(Y), 0); }
  double round_intake(double x, int Y) const {
    double f = std::floor(x);
    return f + (s_.uniform(kIntakeDriver, static_cast<uint32_t>(Y), 0) < x - f ? 1.0 : 0.0);
  }

 private:
  const Scenario& sc_;
  Eigen::Matrix3d chol_;
  uint64_t seed_;
  std::vector<std::array<double, 4>> F_;
  LineAmounts amt_;
  Stream s_;
};

constexpr int kSeries = 12;  // series_keys() order

struct Block {
  std::vector<double> line_budget, line_real;  // [line][year] sums
  std::vector<double> fired;                   // [rule][year] counts
};

struct PathSink {
  double* series;  // [year][kSeries] of this path
  Block* block;
  size_t years, lines;
  void year(int yi, const YearRecord& r, const LineAmounts& a) {
    double* s = series + static_cast<size_t>(yi) * kSeries;
    s[0] = r.equity, s[1] = r.signal, s[2] = r.income, s[3] = r.reductions, s[4] = r.costs, s[5] = r.result;
    s[6] = r.income != 0 ? r.equity / r.income : 0.0;
    s[7] = r.regular, s[8] = r.sbo, s[9] = r.so, s[10] = r.pro, s[11] = r.floor;
    for (size_t i = 0; i < lines; ++i) {
      block->line_budget[i * years + yi] += a.budget[i];
      block->line_real[i * years + yi] += a.realised[i];
    }
    const bool f[5] = {r.skim > 0, r.spend_down > 0, r.cut_active, r.generic_cut > 0, r.cap_binding};
    for (int k = 0; k < 5; ++k) block->fired[k * years + yi] += f[k];
  }
};

Eigen::Matrix3d factor_of(const Scenario& sc) {
  Eigen::Matrix3d c;
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) c(i, j) = sc.index.correlation[i][j];
  Eigen::LLT<Eigen::Matrix3d> llt(c);
  if (llt.info() == Eigen::Success) return llt.matrixL();
  // Singular but PSD (checked when loading): the eigen factor V sqrt(max(lambda, 0)).
  Eigen::SelfAdjointEigenSolver<Eigen::Matrix3d> es(c);
  return es.eigenvectors() * es.eigenvalues().cwiseMax(0.0).cwiseSqrt().asDiagonal();
}

}  // namespace

Result run_monte_carlo(const Scenario& sc, const std::vector<std::string>& warnings, const McOptions& opt) {
  auto t0 = std::chrono::steady_clock::now();
  const size_t n = static_cast<size_t>(sc.paths), years = static_cast<size_t>(sc.years()), lines = sc.lines.size();
  const size_t block_size = 256, blocks = (n + block_size - 1) / block_size;
  Model model(sc);
  const Eigen::Matrix3d chol = factor_of(sc);
  std::vector<double> series(n * years * kSeries);
  std::vector<Block> acc(blocks, Block{std::vector<double>(lines * years), std::vector<double>(lines * years), std::vector<double>(5 * years)});
  int threads = opt.threads > 0 ? opt.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  tbb::global_control gc(tbb::global_control::max_allowed_parallelism, static_cast<size_t>(threads));
  tbb::parallel_for(tbb::blocked_range<size_t>(0, blocks, 1), [&](const tbb::blocked_range<size_t>& br) {
    McDraws dr(sc, chol, sc.seed);
    for (size_t b = br.begin(); b != br.end(); ++b) {
      for (size_t p = b * block_size; p < std::min(n, (b + 1) * block_size); ++p) {
        dr.start_path(p);
        PathSink sink{&series[p * years * kSeries], &acc[b], years, lines};
        model.run_path(dr, sink);
      }
    }
  });

  Result r = init_result(sc, warnings);
  r.mode = Mode::MonteCarlo;
  r.paths = sc.paths;
  r.seed = sc.seed;
  r.threads = threads;
  const auto& keys = series_keys();
  std::vector<double> col(n);
  r.excessive = r.below_floor = r.negative = Probability{std::vector<double>(years), std::vector<double>(years)};
  for (int k = 0; k < kSeries; ++k) {
    Series s{keys[k], {}, {}, {}, {}, {}, {}};
    for (size_t y = 0; y < years; ++y) {
      double sum = 0;
      for (size_t p = 0; p < n; ++p) sum += col[p] = series[(p * years + y) * kSeries + k];
      std::sort(col.begin(), col.end());
      s.mean.push_back(sum / static_cast<double>(n));
      s.p5.push_back(percentile_type7(col, 0.05));
      s.p25.push_back(percentile_type7(col, 0.25));
      s.p50.push_back(percentile_type7(col, 0.50));
      s.p75.push_back(percentile_type7(col, 0.75));
      s.p95.push_back(percentile_type7(col, 0.95));
    }
    r.series.push_back(std::move(s));
  }
  for (size_t y = 0; y < years; ++y) {
    double exc = 0, low = 0, neg = 0;
    for (size_t p = 0; p < n; ++p) {
      const double* s = &series[(p * years + y) * kSeries];
      exc += s[0] > s[1], low += s[0] < s[11], neg += s[0] < 0;
    }
    auto set = [&](Probability& pr, double hits) {
      double q = hits / static_cast<double>(n);
      pr.value[y] = q;
      pr.std_error[y] = std::sqrt(q * (1 - q) / static_cast<double>(n));
    };
    set(r.excessive, exc), set(r.below_floor, low), set(r.negative, neg);
  }
  // Sums reduced in block order: identical for any thread count.
  std::vector<double> bud(lines * years), real(lines * years), fired(5 * years);
  for (const auto& b : acc) {
    for (size_t i = 0; i < lines * years; ++i) bud[i] += b.line_budget[i], real[i] += b.line_real[i];
    for (size_t i = 0; i < 5 * years; ++i) fired[i] += b.fired[i];
  }
  for (size_t i = 0; i < lines; ++i)
    for (size_t y = 0; y < years; ++y) {
      r.lines[i].budget.push_back(bud[i * years + y] / static_cast<double>(n));
      r.lines[i].realised.push_back(real[i * years + y] / static_cast<double>(n));
    }
  const char* rules[5] = {"ocw_afroming", "afbouw", "bezuiniging", "ocw_korting", "cap"};
  for (int k = 0; k < 5; ++k) {
    std::vector<double> v;
    for (size_t y = 0; y < years; ++y) v.push_back(fired[k * years + y] / static_cast<double>(n));
    r.policy_fired.emplace_back(rules[k], v);
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

}  // namespace swv
