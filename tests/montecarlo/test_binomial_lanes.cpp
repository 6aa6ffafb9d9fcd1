// The binomial draws over 8 lanes (binomial.h, issue 31): every lane of binomial_inversion8 and
// binomial8 gives exactly the bits of the scalar function for that lane, on the portable code and on
// AVX2 (when the processor has it), over millions of random inputs with the special cases, the flip
// for p > 1/2, the Bernoulli shortcut, long walks and the early stop mixed into the same vectors. And
// the inversion, now with our own exp and log1p, still inverts the exact CDF (boost::math, never the
// program's output) at means 0,1 to 10.
#include <boost/math/distributions/binomial.hpp>
#include <boost/math/distributions/chi_squared.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

#include "binomial.h"
#include "random.h"

using namespace swv;

namespace {

constexpr int L = simd::kLanes;

std::vector<simd::Isa> isas_to_check() {
  std::vector<simd::Isa> out{simd::Isa::Scalar};
  if (simd::avx2_available())
    out.push_back(simd::Isa::Avx2);
  else
    WARN("deze processor heeft geen AVX2: alleen de draagbare code is getest");
  return out;
}

uint64_t bits(double x) {
  uint64_t b;
  std::memcpy(&b, &x, sizeof b);
  return b;
}

double uniform(std::mt19937_64& g) { return Stream::u53(static_cast<uint32_t>(g() >> 32), static_cast<uint32_t>(g())); }

// One lane's (n, p, u): mostly the inversion's regime (means 0,1 to 10 and the tiny flows), and every
// kind of edge the scalar function has, so that lanes of one vector finish at different steps. Walks
// of hundreds of steps (u at the far tail, P(X = 0) subnormal or 0, means up to 50) only when asked:
// one such lane holds its whole vector up, so the test puts them in one vector of 16.
struct Input {
  double n, p, u;
};

Input random_input(std::mt19937_64& g, bool long_walk) {
  const double inf = std::numeric_limits<double>::infinity(), nan = std::numeric_limits<double>::quiet_NaN();
  const double u = uniform(g);
  const double n_small = static_cast<double>(1 + g() % 60), n_big = static_cast<double>(1 + g() % 200'000);
  switch (long_walk ? 12 + g() % 4 : g() % 12) {
    case 0: case 1: case 2: case 3: case 4: {  // a mean between 0,1 and 10, p on either side of 1/2
      const double mean = std::exp(std::log(0.1) + uniform(g) * std::log(100.0));
      const double q = std::min(0.5, mean / n_big);
      return {n_big, g() % 4 == 0 ? 1 - q : q, u};
    }
    case 5: case 6:  // small counts with any p
      return {n_small, uniform(g), u};
    case 7:  // the model's tiny flows: the Bernoulli shortcut decides most
      return {n_big, 0.05 * uniform(g) / n_big, u};
    case 8: {  // p = 1/2 exactly and just beside it (the flip), p near 0 and 1
      const double ps[] = {0.5, std::nextafter(0.5, 1.0), std::nextafter(0.5, 0.0), 1e-300, 1e-17, 1 - 1e-16, 1 - 0x1p-53};
      const size_t i = g() % 7;
      return {i < 3 ? n_small : n_big, ps[i], u};  // (a big n at p = 1/2 walks from P(X = 0) = 0 to n / 2)
    }
    case 9: {  // the special cases: non-finite n, NaN p, n <= 0, p <= 0, p >= 1
      const double ns[] = {inf, -inf, nan, 0.0, -0.0, -3.0, n_small};
      const double ps[] = {nan, 0.0, -0.0, -0.25, 1.0, 1.5, inf, 0.3};
      return {ns[g() % 7], ps[g() % 8], u};
    }
    case 10: {  // huge n with a tiny p (log1p(-p) = -p near 1e-300), or a fractional n
      const double mean = 10 * uniform(g);
      return g() % 2 ? Input{1e300, mean * 1e-300, u} : Input{n_small + 0.5, 0.3 * uniform(g), u};
    }
    case 11: {  // u at the edges of (0, 1) and outside it (out of contract, still the same bits)
      const double us[] = {0.0, 1.0, 0x1p-54, 1.0 - 0x1p-53, nan, -0.5, 2.0};
      return {n_small, 0.3, us[g() % 7]};
    }
    case 12: {  // u at the far tail: the CDF stalls below u, the early stop at pk < 1e-300
      const double tail[] = {1.0 - 0x1p-53, 1.0 - 0x1p-50, 1.0 - 1e-12, 0x1p-54, 0.5};
      const double mean = 10 * uniform(g);
      return {n_big, std::min(0.5, mean / n_big), tail[g() % 5]};
    }
    case 13:  // P(X = 0) subnormal or 0: hundreds of steps from a vanishing pk
      return {1000 + static_cast<double>(g() % 200), 0.5 - 0.01 * uniform(g), u};
    case 14:  // u = 2 (out of contract): the walk runs to n
      return {n_small, 0.3, 2.0};
    default: {  // means up to 50 (longer than the flows' walks)
      const double mean = 50 * uniform(g);
      return {n_big, std::min(0.5, mean / n_big), u};
    }
  }
}

}  // namespace

TEST_CASE("binomial_inversion8 gives every lane the bits of binomial_inversion on 2 million random lanes", "[draws][binomial][simd]") {
  std::mt19937_64 g(31);
  const size_t vectors = 250'000;
  std::vector<Input> in(vectors * L);
  for (size_t i = 0; i < in.size(); ++i) in[i] = random_input(g, i / L % 16 == 0 && g() % 4 == 0);
  std::vector<double> want(in.size());
  size_t walked = 0, nan_lanes = 0;
  for (size_t i = 0; i < in.size(); ++i) {
    want[i] = binomial_inversion(in[i].n, in[i].p, in[i].u);
    walked += want[i] > 0 && want[i] < in[i].n;
    nan_lanes += std::isnan(want[i]);
  }
  INFO(walked << " lanes walked to an inner k, " << nan_lanes << " NaN lanes");
  CHECK(walked > in.size() / 3);  // most lanes walk (not only shortcuts and special cases)
  CHECK(nan_lanes > 1000);
  for (simd::Isa isa : isas_to_check()) {
    INFO("isa " << simd::isa_name(isa));
    size_t bad = 0;
    double n[L], p[L], u[L], out[L];
    for (size_t v = 0; v < vectors; ++v) {
      for (int k = 0; k < L; ++k) {
        const Input& x = in[v * L + static_cast<size_t>(k)];
        n[k] = x.n, p[k] = x.p, u[k] = x.u;
      }
      binomial_inversion8(n, p, u, out, isa);
      for (int k = 0; k < L; ++k) bad += bits(out[k]) != bits(want[v * L + static_cast<size_t>(k)]);
    }
    CHECK(bad == 0);
  }
}

TEST_CASE("binomial_inversion8: one odd lane among ordinary ones, in every position", "[draws][binomial][simd]") {
  const double inf = std::numeric_limits<double>::infinity(), nan = std::numeric_limits<double>::quiet_NaN();
  // Each odd lane against lanes that walk a few steps: a lane that stops at once, one that walks far,
  // one whose CDF stalls below u (the early stop), each special case.
  const Input odd[] = {{inf, 0.3, 0.5},   {nan, 0.3, 0.5},     {40, nan, 0.5},        {0, 0.3, 0.5},
                       {-5, 0.3, 0.5},    {40, 0, 0.5},        {40, -1, 0.5},         {40, 1, 0.5},
                       {40, 7, 0.5},      {40, 0.3, nan},      {1e6, 0.4, 0.5},       {1e6, 5e-6, 1.0 - 0x1p-53},
                       {40, 0.5, 0.999},  {40, 0.99, 0.2},     {1e300, 3e-300, 0.9},  {1200, 0.5, 0.7}};
  for (simd::Isa isa : isas_to_check())
    for (const Input& o : odd)
      for (int lane = 0; lane < L; ++lane) {
        INFO("isa " << simd::isa_name(isa) << ", n " << o.n << ", p " << o.p << ", u " << o.u << ", lane " << lane);
        double n[L], p[L], u[L], out[L];
        for (int k = 0; k < L; ++k) n[k] = 30, p[k] = 0.1, u[k] = 0.1 * (k + 1) - 0.05;
        n[lane] = o.n, p[lane] = o.p, u[lane] = o.u;
        binomial_inversion8(n, p, u, out, isa);
        for (int k = 0; k < L; ++k) CHECK(bits(out[k]) == bits(binomial_inversion(n[k], p[k], u[k])));
      }
}

TEST_CASE("binomial8 gives every lane the bits of binomial, inversion and BTRS lanes mixed, retries included", "[draws][binomial][simd]") {
  // Words as the flows take them: a, b from one Philox call per lane, retries from more(lane, t).
  std::mt19937_64 g(16);
  const Stream s(20'261'207, 3);
  const uint32_t driver = 77;
  const size_t vectors = 100'000;
  for (simd::Isa isa : isas_to_check()) {
    INFO("isa " << simd::isa_name(isa));
    size_t bad = 0, btrs = 0, retried = 0;
    for (size_t v = 0; v < vectors; ++v) {
      double n[L], p[L], out[L];
      uint32_t a[L], b[L], id[L];
      for (int k = 0; k < L; ++k) {
        id[k] = static_cast<uint32_t>(v * L + static_cast<size_t>(k));
        const auto w = s.raw(driver, 0, id[k]);
        a[k] = w[0], b[k] = w[1];
        if (g() % 8 == 0) {  // an inversion edge case or a special case
          const Input x = random_input(g, g() % 64 == 0);
          n[k] = std::round(x.n), p[k] = x.p;
        } else {  // a mean between 0,1 and 10.000: both methods
          n[k] = static_cast<double>(1 + g() % 100'000);
          const double q = std::min(0.5, std::exp(std::log(0.1) + uniform(g) * std::log(1e5)) / n[k]);
          p[k] = g() % 4 == 0 ? 1 - q : q;
        }
      }
      size_t calls = 0;
      auto more = [&](int lane, uint32_t t) {
        ++calls;
        return s.raw(driver, t, id[lane]);
      };
      binomial8(n, p, a, b, more, out, isa);
      retried += calls > 0;
      for (int k = 0; k < L; ++k) {
        const double q = std::min(p[k], 1 - p[k]);
        btrs += std::isfinite(n[k]) && n[k] > 0 && q > 0 && n[k] * q >= kBinomialInversionBelow;
        const double want = binomial(n[k], p[k], a[k], b[k], [&](uint32_t t) { return s.raw(driver, t, id[k]); });
        bad += bits(out[k]) != bits(want);
      }
    }
    INFO(btrs << " BTRS lanes, " << retried << " vectors with a retry");
    CHECK(bad == 0);
    CHECK(btrs > vectors);          // about a third of the lanes
    CHECK(retried > vectors / 10);  // BTRS rejects about one attempt in ten
  }
}

namespace {

struct Case {
  double n, p;
};
// Means n min(p, 1 - p) from 0,1 to 9,9 (the inversion's whole range), small and large n, p on both sides of 1/2.
const std::vector<Case> kMeans = {{3, 0.04}, {8, 0.45}, {20, 0.25}, {12, 0.6}, {200, 0.012},
                                  {1000, 0.0099}, {30'000, 0.0003}, {60, 1 - 0.09}};

double exact_cdf(const Case& c, double k) { return boost::math::cdf(boost::math::binomial_distribution<>(c.n, c.p), k); }
double exact_pmf(const Case& c, double k) { return boost::math::pdf(boost::math::binomial_distribution<>(c.n, c.p), k); }

}  // namespace

TEST_CASE("binomial inversion with its own exp and log1p is the exact CDF inverse at means 0,1 to 10 on a grid of u", "[draws][binomial]") {
  // u on a grid of 2^20 midpoints: the inversion is monotone in u, so the share of grid points giving
  // at most k is the CDF at k within 1/2^20 (plus rounding), for every k.
  const int grid = 1 << 20;
  for (const Case& c : kMeans) {
    INFO("n = " << c.n << ", p = " << c.p);
    std::vector<double> count(static_cast<size_t>(c.n) + 1);
    for (int i = 0; i < grid; i += L) {
      double n[L], p[L], u[L], out[L];
      for (int k = 0; k < L; ++k) n[k] = c.n, p[k] = c.p, u[k] = (i + k + 0.5) / grid;
      binomial_inversion8(n, p, u, out);
      for (int k = 0; k < L; ++k) count[static_cast<size_t>(out[k])] += 1;
    }
    double below = 0, worst = 0;
    for (size_t k = 0; k < count.size(); ++k) {
      below += count[k] / grid;
      worst = std::max(worst, std::fabs(below - exact_cdf(c, static_cast<double>(k))));
    }
    INFO("largest CDF difference " << worst << " (grid step " << 1.0 / grid << ")");
    CHECK(worst < 2.0 / grid);
  }
}

TEST_CASE("binomial inversion with its own exp and log1p: chi-square of the pmf over 10^6 draws at means 0,1 to 10", "[draws][binomial]") {
  // Uniforms from a Stream as the flows take them (Stream::u32 of word a). Cells: k while the expected
  // count is at least 20, the rest pooled; the threshold is the chi-square quantile at 1 - 1e-6 (the
  // seed is fixed, so the test always passes or always fails). Also the mean against n p within 4,5
  // standard errors (sqrt(n p (1 - p) / draws)).
  const int draws = 1'000'000;
  const Stream s(31, 0);
  uint32_t driver = 1;
  for (const Case& c : kMeans) {
    INFO("n = " << c.n << ", p = " << c.p);
    std::vector<double> count(static_cast<size_t>(c.n) + 1);
    double sum = 0;
    for (int i = 0; i < draws; i += L) {
      double n[L], p[L], u[L], out[L];
      for (int k = 0; k < L; ++k) n[k] = c.n, p[k] = c.p, u[k] = Stream::u32(s.raw(driver, static_cast<uint32_t>(i + k), 0)[0]);
      binomial_inversion8(n, p, u, out);
      for (int k = 0; k < L; ++k) count[static_cast<size_t>(out[k])] += 1, sum += out[k];
    }
    ++driver;
    double chi2 = 0, rest_obs = draws, rest_exp = draws;
    int cells = 0;
    for (size_t k = 0; k < count.size(); ++k) {
      const double e = draws * exact_pmf(c, static_cast<double>(k));
      if (e < 20 || rest_exp - e < 20) {
        if (cells == 0) continue;  // a rare first cell (p > 1/2: the mass sits near n) joins the rest
        break;
      }
      chi2 += (count[k] - e) * (count[k] - e) / e;
      rest_obs -= count[k], rest_exp -= e;
      ++cells;
    }
    chi2 += (rest_obs - rest_exp) * (rest_obs - rest_exp) / rest_exp;
    ++cells;
    REQUIRE(cells >= 2);
    const double limit = boost::math::quantile(boost::math::complement(boost::math::chi_squared(cells - 1), 1e-6));
    const double se = std::sqrt(c.n * c.p * (1 - c.p) / draws);
    INFO("chi2 = " << chi2 << " over " << cells << " cells, limit " << limit << "; mean " << sum / draws << ", n p " << c.n * c.p);
    CHECK(chi2 < limit);
    CHECK(std::fabs(sum / draws - c.n * c.p) < 4.5 * se);
  }
}
