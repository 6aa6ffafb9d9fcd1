// Competing flows pinned to their closed form (issue 30): a state of N pupils with rates r_1..r_k
// moves a multinomial number of pupils, so the Monte-Carlo mean of flow j is N r_j exactly, however
// many flows come before it. The sampler draws sequential binomials, the j-th with
// p_j / (1 - r_1 - ... - r_{j-1}) on the pupils not yet moved (mc_draws.cpp); forgetting the
// condition moves N r_j (r_1 + ... + r_{j-1}) fewer pupils, a drift the model's small rates hide
// (about 0,8% a year in SBO counts). Checked on McDraws::moves itself and through the path model.
#include <catch2/catch.hpp>
#include <cmath>

#include "helpers.h"
#include "mc_draws.h"
#include "model.h"

using namespace swv;
using namespace swv::test;

namespace {

struct Mean {
  double sum = 0, sq = 0;
  int n = 0;
  void add(double x) { sum += x, sq += x * x, ++n; }
  double mean() const { return sum / n; }
  double se() const { return std::sqrt(std::max(0.0, sq / n - mean() * mean()) / n); }
};

// The counts of the first year of one path.
struct FirstYear {
  YearRecord rec;
  bool seen = false;
  void year(int, const YearRecord& r, const LineAmounts&) {
    if (!seen) rec = r, seen = true;
  }
};

}  // namespace

TEST_CASE("three competing flows out of one state move N r_j pupils on average (McDraws::moves)", "[mc][closed-form][flows]") {
  LoadResult lr = load_text(kMinimalPo, kRulesPo);
  REQUIRE(lr.scenario);
  const Scenario& sc = *lr.scenario;
  McDraws dr(sc, Eigen::Matrix3d::Identity(), 99);
  // Rates far from the model's (so a lost condition shows at once), and the model's own: an SBO of
  // 300 with 3% to SO, 2% back to regular education and 20% leaving.
  struct Case {
    double n;
    std::array<double, 3> r;
  };
  for (const Case& c : {Case{1000, {0.2, 0.1, 0.3}}, Case{300, {0.03, 0.02, 0.2}}}) {
    INFO("N = " << c.n << ", r = " << c.r[0] << ", " << c.r[1] << ", " << c.r[2]);
    std::array<Mean, 4> m;  // the three flows and those who stay
    const int paths = 8000;
    for (int p = 0; p < paths; ++p) {
      dr.start_path(static_cast<uint64_t>(p));
      std::array<double, 3> out{};
      dr.moves(2026, 1, c.n, c.r.data(), 3, out.data());
      dr.end_path();
      for (int j = 0; j < 3; ++j) m[static_cast<size_t>(j)].add(out[static_cast<size_t>(j)]);
      m[3].add(c.n - out[0] - out[1] - out[2]);
      REQUIRE(out[0] + out[1] + out[2] <= c.n);
    }
    const double stay = 1 - c.r[0] - c.r[1] - c.r[2];
    for (int j = 0; j < 4; ++j) {
      const double want = c.n * (j < 3 ? c.r[static_cast<size_t>(j)] : stay);
      INFO("flow " << j << ": mean " << m[static_cast<size_t>(j)].mean() << " against N r = " << want);
      CHECK(std::fabs(m[static_cast<size_t>(j)].mean() - want) < 4.5 * m[static_cast<size_t>(j)].se());
    }
  }
}

TEST_CASE("the path model: SBO pupils leave by three competing flows, each N r_j on average", "[mc][closed-form][flows]") {
  // 1.000 SBO pupils and nobody else, no intake: after one year E[SO] = 1.000 × 0,15 (SBO -> SO
  // laag), E[regular] = 1.000 × 0,1 (terugplaatsing), E[SBO] = 1.000 × (1 - 0,15 - 0,1 - 0,25).
  LoadResult lr = load_text(R"(schema = "swvsim/1"
[swv]
naam = "Drie stromen"
sector = "po"
eerste_jaar = 2025
laatste_jaar = 2026
regels = "regels.toml"
[start]
eigen_vermogen = 0
[start.leerlingen]
regulier = 0
sbo = 1000
[demografie]
instroom = 0
[stromen]
doorstroom = { sbo_so = { laag = 0.15 } }
terugplaatsing = { sbo = 0.1 }
uitstroom = { sbo = 0.25 }
)", kRulesPo);
  INFO(errors(lr));
  REQUIRE(lr.scenario);
  const Scenario& sc = *lr.scenario;
  Model model(sc);
  McDraws dr(sc, Eigen::Matrix3d::Identity(), sc.seed);
  Mean so, regular, sbo;
  const int paths = 6000;
  for (int p = 0; p < paths; ++p) {
    dr.start_path(static_cast<uint64_t>(p));
    FirstYear f;
    model.run_path(dr, f);
    dr.end_path();
    REQUIRE(f.seen);
    so.add(f.rec.so), regular.add(f.rec.regular), sbo.add(f.rec.sbo);
  }
  INFO("SO " << so.mean() << ", regulier " << regular.mean() << ", SBO " << sbo.mean());
  CHECK(std::fabs(so.mean() - 150) < 4.5 * so.se());
  CHECK(std::fabs(regular.mean() - 100) < 4.5 * regular.se());
  CHECK(std::fabs(sbo.mean() - 500) < 4.5 * sbo.se());
}
