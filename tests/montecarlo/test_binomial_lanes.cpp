// The binomial draws over 8 lanes (binomial.h, issue 31): every lane of binomial_inversion8 and
// binomial8 gives exactly the bits of the scalar function for that lane, on the portable code and on
// AVX2 (when the processor has it), over millions of random inputs with the special cases, the flip
// for p > 1/2, the Bernoulli shortcut, long walks and the early stop mixed into the same vectors; and
// for BTRS's lanes (issue 31c: their first attempt in AVX2) the flips, the switch-over, retries,
// candidates outside [0, n], the acceptance boundary and the give-up after kBinomialMaxRetries. And
// the inversion with our own exp and log1p, and BTRS with our own log, still draw the exact pmf
// (boost::math, never the program's output).
#include <boost/math/distributions/binomial.hpp>
#include <boost/math/distributions/chi_squared.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

#include "simd_test_support.h"
#include "binomial.h"
#include "random.h"

using namespace swv;
using namespace swv::test;

namespace {

constexpr int L = simd::kLanes;

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

// One BTRS lane (min(n p, n (1 - p)) >= 10): means from 10 to 10^6, the switch-over itself, p = 1/2
// and just above it (the flip), huge n, and small n near p = 1/2, where candidates fall outside
// [0, n] most often; p above 1/2 a third of the time.
std::pair<double, double> random_btrs(std::mt19937_64& g) {
  double n, q;
  switch (g() % 8) {
    case 0: {  // at the switch-over: n q = 10 exactly
      const double ns[] = {20, 40, 200, 1000, 1e4, 1e6};
      n = ns[g() % 6], q = 10 / n;
      break;
    }
    case 1: {  // p = 1/2 and its neighbours
      const double ps[] = {0.5, std::nextafter(0.5, 1.0), std::nextafter(0.5, 0.0)};
      n = static_cast<double>(20 + g() % 200), q = ps[g() % 3];
      return {n, q};
    }
    case 2:  // huge n
      n = g() % 2 ? 1e9 : 1e12, q = std::exp(std::log(1e-8) + uniform(g) * std::log(1e7));
      break;
    case 3:  // small n, p near 1/2
      n = static_cast<double>(20 + g() % 30), q = 0.5 - 0.1 * uniform(g);
      break;
    default: {  // means from 10 to 10^6, log-uniform
      const double mean = std::exp(std::log(10.0) + uniform(g) * std::log(1e5));
      n = std::ceil(mean * (2 + static_cast<double>(g() % 1000)));
      q = std::min(0.5, mean / n);
    }
  }
  if (n * q < kBinomialInversionBelow) q = std::nextafter(kBinomialInversionBelow / n, 1.0);
  return {n, g() % 3 == 0 ? 1 - q : q};
}

}  // namespace

TEST_CASE("binomial8's BTRS lanes give the bits of binomial: flips, the switch-over, retries, candidates outside [0, n]", "[draws][binomial][simd]") {
  // Vectors of BTRS lanes only, and vectors mixing them with inversion and special lanes; words from
  // mt19937 (the first two) and a Stream (the retries). The first attempt of each lane is classified
  // as binomial.h's Btrs::attempt makes it (squeeze, slow test, outside [0, n]) so that the test shows
  // it reached every branch, and lanes that needed two or more calls of more are counted.
  std::mt19937_64 g(1993);
  const Stream s(31, 3);
  const uint32_t driver = 5;
  const size_t vectors = 150'000;
  for (simd::Isa isa : isas_to_check()) {
    INFO("isa " << simd::isa_name(isa));
    size_t bad = 0, lanes = 0, squeezed = 0, slow = 0, outside = 0, retried = 0, twice = 0, flipped = 0;
    for (size_t v = 0; v < vectors; ++v) {
      double n[L], p[L], out[L];
      uint32_t a[L], b[L], id[L], calls[L] = {};
      const bool mixed = v % 4 == 3;
      for (int k = 0; k < L; ++k) {
        id[k] = static_cast<uint32_t>(v * L + static_cast<size_t>(k));
        a[k] = static_cast<uint32_t>(g()), b[k] = static_cast<uint32_t>(g());
        if (mixed && g() % 2 == 0) {
          const Input x = random_input(g, false);
          n[k] = std::round(x.n), p[k] = x.p;
        } else {
          std::tie(n[k], p[k]) = random_btrs(g);
        }
      }
      auto more = [&](int lane, uint32_t t) {
        ++calls[lane];
        return s.raw(driver, t, id[lane]);
      };
      binomial8(n, p, a, b, more, out, isa);
      for (int k = 0; k < L; ++k) {
        uint32_t scalar_calls = 0;
        const double want = binomial(n[k], p[k], a[k], b[k], [&](uint32_t t) {
          ++scalar_calls;
          return s.raw(driver, t, id[k]);
        });
        bad += bits(out[k]) != bits(want) || calls[k] != scalar_calls;
        const double q = std::min(p[k], 1 - p[k]);
        if (!(std::isfinite(n[k]) && n[k] > 0 && q > 0 && n[k] * q >= kBinomialInversionBelow)) continue;
        ++lanes;
        flipped += p[k] > 0.5;
        retried += calls[k] > 0;
        twice += calls[k] > 1;
        const binomial_detail::Btrs bt(n[k], q);
        const double u = Stream::u32(a[k]) - 0.5, us = 0.5 - std::fabs(u);
        const double c = std::floor((2 * bt.a / us + bt.b) * u + bt.c);
        if (c < 0 || c > n[k])
          ++outside;
        else if (us >= 0.07 && Stream::u32(b[k]) <= bt.v_r)
          ++squeezed;
        else
          ++slow;
      }
    }
    INFO(lanes << " BTRS lanes (" << flipped << " flipped): first attempt squeezed " << squeezed << ", slow test " << slow << ", outside [0, n] "
               << outside << "; " << retried << " retried, " << twice << " with two calls of more or more");
    CHECK(bad == 0);
    CHECK(lanes > vectors * L * 3 / 4);
    CHECK(flipped > lanes / 4);
    CHECK(squeezed > lanes / 2);
    CHECK(slow > lanes / 10);
    CHECK(outside > lanes / 1000);
    CHECK(retried > lanes / 20);
    CHECK(twice > lanes / 1000);
  }
}

TEST_CASE("binomial8's first BTRS attempt in AVX2 decides as Btrs::attempt at the acceptance boundary, candidates below 10 included", "[draws][binomial][simd]") {
  // Random words reach the slow test's boundary too rarely to show a small error in the bound (the
  // Stirling table for k < 10, say). For each of 4000 u, the word b* where Btrs::attempt stops
  // accepting (acceptance is monotone in v) is found by bisection, and the 8 words b* - 3 .. b* + 4 go
  // through btrs8_first_avx2: a bound off by more than about 1e-9 moves the boundary by a word or more.
  // Every lane must be accepted exactly when Btrs::attempt accepts, with its k (n - k when flipped).
  if (!simd::avx2_available()) {
    WARN("deze processor heeft geen AVX2: niets te testen");
    return;
  }
  const int nu = 4000;
  for (const auto& [cn, cp] : std::vector<std::pair<double, double>>{{20, 0.5}, {25, 0.6}, {200, 0.05}, {1000, 0.99}, {40'000, 0.3}}) {
    INFO("n = " << cn << ", p = " << cp);
    const bool flip = cp > 0.5;
    binomial_detail::Btrs bt(cn, flip ? 1 - cp : cp);
    size_t bad = 0, rows = 0, slow_rows = 0, small_k = 0;
    for (int i = 0; i < nu; ++i) {
      const uint32_t ua = static_cast<uint32_t>((i + 0.5) / nu * 4294967296.0);
      const double u = Stream::u32(ua);
      auto accepts = [&](uint32_t w) { return bt.attempt(u, Stream::u32(w)) >= 0; };
      if (!accepts(0)) continue;  // a candidate outside [0, n]: no boundary
      uint32_t lo = 0, hi = 0xFFFFFFFFu;  // accepts(lo); the last accepted word lies in [lo, hi]
      if (accepts(hi)) continue;
      while (hi - lo > 1) {
        const uint32_t mid = lo + (hi - lo) / 2;
        (accepts(mid) ? lo : hi) = mid;
      }
      ++rows;
      const double k_row = bt.attempt(u, 0.5 / 4294967296.0);
      small_k += k_row < 10 || cn - k_row < 10;
      slow_rows += !(0.5 - std::fabs(u - 0.5) >= 0.07 && Stream::u32(lo) <= bt.v_r);
      double n[L], p[L], out[L];
      uint32_t a[L], b[L];
      for (int k = 0; k < L; ++k) n[k] = cn, p[k] = cp, out[k] = -7, a[k] = ua, b[k] = lo - 3 + static_cast<uint32_t>(k);
      const unsigned rejected = binomial_detail::btrs8_first_avx2(n, p, a, b, 0xFF, out);
      for (int k = 0; k < L; ++k) {
        const double want = bt.attempt(u, Stream::u32(b[k]));
        if (want >= 0)
          bad += (rejected >> k & 1u) != 0 || out[k] != (flip ? cn - want : want);
        else
          bad += (rejected >> k & 1u) == 0 || out[k] != -7;
      }
    }
    INFO(rows << " boundaries, " << slow_rows << " of them the slow test's, " << small_k << " with k or n - k below 10; " << bad << " lanes differ");
    CHECK(bad == 0);
    CHECK(slow_rows > rows / 2);
  }
}

TEST_CASE("binomial8: one BTRS lane among inversion lanes and one other lane among BTRS lanes, in every position", "[draws][binomial][simd]") {
  const double inf = std::numeric_limits<double>::infinity(), nan = std::numeric_limits<double>::quiet_NaN();
  const Stream s(8, 1);
  struct Lane {
    double n, p;
  };
  const Lane btrs[] = {{20, 0.5}, {200, 0.05}, {1000, 0.3}, {1e6, 0.999}, {1e12, 0.25}, {45, 0.55}};
  const Lane other[] = {{30, 0.1}, {1e4, 1e-5}, {0, 0.3}, {inf, 0.3}, {nan, 0.3}, {40, nan}, {40, 0}, {40, 1}, {40, -1}, {199, 0.05}};
  uint32_t id = 0;
  for (simd::Isa isa : isas_to_check())
    for (int background = 0; background < 2; ++background)
      for (const Lane& odd : background == 0 ? std::vector<Lane>(std::begin(btrs), std::end(btrs)) : std::vector<Lane>(std::begin(other), std::end(other)))
        for (int lane = 0; lane < L; ++lane)
          for (int rep = 0; rep < 20; ++rep) {  // different words: squeezed, slow, rejected first attempts
            INFO("isa " << simd::isa_name(isa) << ", n " << odd.n << ", p " << odd.p << ", lane " << lane);
            double n[L], p[L], out[L];
            uint32_t a[L], b[L], ids[L];
            for (int k = 0; k < L; ++k) {
              const Lane& x = k == lane ? odd : background == 0 ? other[k % 2] : btrs[k % 6];
              n[k] = x.n, p[k] = x.p, ids[k] = id++;
              const auto w = s.raw(1, 0, ids[k]);
              a[k] = w[0], b[k] = w[1];
            }
            binomial8(n, p, a, b, [&](int i, uint32_t t) { return s.raw(1, t, ids[i]); }, out, isa);
            for (int k = 0; k < L; ++k)
              CHECK(bits(out[k]) == bits(binomial(n[k], p[k], a[k], b[k], [&](uint32_t t) { return s.raw(1, t, ids[k]); })));
          }
}

TEST_CASE("binomial8: BTRS lanes that never accept give NaN after kBinomialMaxRetries, as binomial", "[draws][binomial][simd]") {
  // Words 0 give u just above 0: the candidate lies far below 0, every attempt is rejected. The
  // other lanes draw normally, and are not held up.
  const Stream s(9, 0);
  for (simd::Isa isa : isas_to_check()) {
    INFO("isa " << simd::isa_name(isa));
    double n[L] = {200, 1000, 50, 30, 1e6, 40, 500, 5000}, p[L] = {0.3, 0.8, 0.5, 0.1, 0.01, 0.6, 0.05, 0.9}, out[L];
    uint32_t a[L], b[L];
    const bool stuck[L] = {true, true, false, false, false, false, true, false};
    for (int k = 0; k < L; ++k) {
      const auto w = s.raw(2, 0, static_cast<uint32_t>(k));
      a[k] = stuck[k] ? 0 : w[0], b[k] = stuck[k] ? 0 : w[1];
    }
    auto words = [&](int lane, uint32_t t) { return stuck[lane] ? Stream::Words{{0, 0, 0, 0}} : s.raw(2, t, static_cast<uint32_t>(lane)); };
    uint32_t calls[L] = {};
    binomial8(n, p, a, b, [&](int lane, uint32_t t) { ++calls[lane]; return words(lane, t); }, out, isa);
    for (int k = 0; k < L; ++k) {
      INFO("lane " << k);
      const double want = binomial(n[k], p[k], a[k], b[k], [&](uint32_t t) { return words(k, t); });
      CHECK(bits(out[k]) == bits(want));
      CHECK(std::isnan(out[k]) == stuck[k]);
      if (stuck[k]) CHECK(calls[k] == kBinomialMaxRetries);
    }
  }
}

TEST_CASE("binomial8's BTRS lanes: chi-square of the pmf over 10^6 draws at means 10 to 10^4, both instruction sets", "[draws][binomial][simd]") {
  // The lanes are the scalar draws bit for bit (above); this checks that BTRS with our own log and
  // the Stirling series as they are now still draws the exact pmf (boost::math), threshold at the
  // chi-square quantile 1 - 1e-6 (fixed seed: always passes or always fails); mean within 4,5
  // standard errors.
  const int draws = 1'000'000;
  const Stream s(1993, 0);
  uint32_t driver = 1;
  for (simd::Isa isa : isas_to_check())
    for (const auto& [cn, cp] : std::vector<std::pair<double, double>>{{20, 0.5}, {200, 0.05}, {120, 0.9}, {13'000, 0.0068}, {40'000, 0.25}}) {
      INFO("isa " << simd::isa_name(isa) << ", n = " << cn << ", p = " << cp);
      const boost::math::binomial_distribution<> dist(cn, cp);
      std::vector<double> count(static_cast<size_t>(cn) + 1);
      double sum = 0;
      for (int i = 0; i < draws; i += L) {
        double n[L], p[L], out[L];
        uint32_t a[L], b[L];
        for (int k = 0; k < L; ++k) {
          const auto w = s.raw(driver, 0, static_cast<uint32_t>(i + k));
          n[k] = cn, p[k] = cp, a[k] = w[0], b[k] = w[1];
        }
        binomial8(n, p, a, b, [&](int lane, uint32_t t) { return s.raw(driver, t, static_cast<uint32_t>(i + lane)); }, out, isa);
        for (int k = 0; k < L; ++k) count[static_cast<size_t>(out[k])] += 1, sum += out[k];
      }
      ++driver;
      // Cells: every k with an expected count of at least 20, and both tails together as one.
      double chi2 = 0, tail_obs = 0, tail_exp = 0;
      int cells = 0;
      for (size_t k = 0; k < count.size(); ++k) {
        const double e = draws * boost::math::pdf(dist, static_cast<double>(k));
        if (e >= 20) {
          chi2 += (count[k] - e) * (count[k] - e) / e;
          ++cells;
        } else {
          tail_obs += count[k], tail_exp += e;
        }
      }
      chi2 += (tail_obs - tail_exp) * (tail_obs - tail_exp) / tail_exp;
      ++cells;
      REQUIRE(cells >= 2);
      const double limit = boost::math::quantile(boost::math::complement(boost::math::chi_squared(cells - 1), 1e-6));
      const double se = std::sqrt(cn * cp * (1 - cp) / draws);
      INFO("chi2 = " << chi2 << " over " << cells << " cells, limit " << limit << "; mean " << sum / draws << ", n p " << cn * cp);
      CHECK(chi2 < limit);
      CHECK(std::fabs(sum / draws - cn * cp) < 4.5 * se);
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
