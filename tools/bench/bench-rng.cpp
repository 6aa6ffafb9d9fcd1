// swvsim_bench_rng: micro-benchmark of the random-number building blocks (issue 16; not a test, not
// installed). Prints nanoseconds per Philox4x32-10 call (Random123 one at a time, the batch in scalar
// code and in AVX2), per normal score (value.h's normal_quantile against the batch), and the RNG floor
// for 32 normals per path-year: 16 Philox calls plus Box-Muller or plus the inverse normal, one
// exact binomial flow draw at four flow sizes, and inversion against BTRS around their switch-over.
// Each figure is the fastest of R repetitions (the machine is shared), on data that stays in the
// L1/L2 cache.
// Usage: swvsim_bench_rng [R]     (default R = 7; SWVSIM_SIMD=scalar has no effect: both sets are timed)
#include <boost/math/special_functions/erf.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "binomial.h"
#include "normal_batch.h"
#include "philox_batch.h"
#include "random.h"
#include "value.h"

using namespace swv;

namespace {

volatile double g_sink_d;    // results go here so the compiler cannot drop the work
volatile uint32_t g_sink_w;

// Hides a value from the optimiser at no cost (no instruction): a loop around it is not vectorised.
inline void opaque(uint32_t& x) { asm volatile("" : "+r"(x)); }

// The fastest of `reps` runs of f(), in nanoseconds per item (f processes `items` items).
template <class F>
double best_ns(int reps, double items, F&& f) {
  double best = 1e300;
  for (int r = 0; r < reps; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    const auto t1 = std::chrono::steady_clock::now();
    best = std::min(best, std::chrono::duration<double, std::nano>(t1 - t0).count() / items);
  }
  return best;
}

constexpr size_t kBlock = 2048;  // lanes per batch call (32 kB of words: stays in cache)
constexpr int kPasses = 256;     // batch calls per timing: 2048 * 256 = 524288 items

struct Words {
  std::vector<uint32_t> w[4];
  explicit Words(size_t n) {
    for (auto& v : w) v.assign(n, 0);
  }
  simd::WordArrays out() { return {{w[0].data(), w[1].data(), w[2].data(), w[3].data()}}; }
  simd::CounterArrays in() const { return {{w[0].data(), w[1].data(), w[2].data(), w[3].data()}}; }
};

void philox_speed(int reps, bool avx2) {
  const double items = double(kBlock) * kPasses;
  const double r123_ns = best_ns(reps, items, [] {
    r123::Philox4x32 g;
    uint32_t acc = 0;  // the same counters and keys as the batch below (a key per path)
    for (uint32_t i = 0; i < kBlock * kPasses; ++i) {
      opaque(i);  // one call at a time, as the engine calls it (else GCC vectorises this loop with SSE2)
      acc ^= g(r123::Philox4x32::ctr_type{{i, 3u, 7u, 0u}}, r123::Philox4x32::key_type{{12345u, static_cast<uint32_t>(i % kBlock)}}).v[0];
    }
    g_sink_w = acc;
  });
  std::printf("Philox4x32-10 per aanroep:   r123 scalair %6.2f ns", r123_ns);
  Words ctr(kBlock), out(kBlock);
  std::vector<uint32_t> k0(kBlock, 12345u), k1(kBlock);
  for (uint32_t i = 0; i < kBlock; ++i) ctr.w[1][i] = 3, ctr.w[2][i] = 7, k1[i] = i;  // 2048 paths, one key each
  for (simd::Isa isa : {simd::Isa::Scalar, simd::Isa::Avx2}) {
    if (isa == simd::Isa::Avx2 && !avx2) continue;
    const double ns = best_ns(reps, items, [&] {
      uint32_t acc = 0;
      for (int p = 0; p < kPasses; ++p) {
        for (uint32_t i = 0; i < kBlock; ++i) ctr.w[0][i] = static_cast<uint32_t>(p) * kBlock + i;
        simd::philox4x32_10(kBlock, ctr.in(), simd::KeyArrays{{k0.data(), k1.data()}}, out.out(), isa);
        acc ^= out.w[0][p % kBlock];
      }
      g_sink_w = acc;
    });
    std::printf(",  batch %s %6.2f ns", simd::isa_name(isa), ns);
  }
  std::printf("\n");
}

void normal_speed(int reps, bool avx2) {
  // 64 Ki uniforms (512 kB): too many for the branch predictor to learn which are tails
  constexpr size_t kN = 65536;
  constexpr int kRounds = static_cast<int>(kBlock * kPasses / kN);
  std::vector<double> u(kN), z(kN);
  Words w(kN);
  r123::Philox4x32 g;
  for (uint32_t i = 0; i < kN; ++i) {
    const auto x = g(r123::Philox4x32::ctr_type{{i, 0u, 0u, 0u}}, r123::Philox4x32::key_type{{1u, 2u}});
    for (int j = 0; j < 4; ++j) w.w[j][i] = x.v[j];
    u[i] = Stream::u53(x.v[0], x.v[1]);
  }
  const double items = double(kBlock) * kPasses;
  const double old_ns = best_ns(reps, items, [&] {
    double acc = 0;
    for (int p = 0; p < kRounds; ++p)
      for (size_t i = 0; i < kN; ++i) acc += normal_quantile(u[i]);
    g_sink_d = acc;
  });
  std::printf("normale score (Phi^-1 van u): normal_quantile (AS 241) %6.2f ns", old_ns);
  for (simd::Isa isa : {simd::Isa::Scalar, simd::Isa::Avx2}) {
    if (isa == simd::Isa::Avx2 && !avx2) continue;
    const double ns = best_ns(reps, items, [&] {
      double acc = 0;
      for (int p = 0; p < kRounds; ++p) {
        simd::normal_quantile(kN, u.data(), z.data(), isa);
        acc += z[static_cast<size_t>(p)];
      }
      g_sink_d = acc;
    });
    std::printf(",  batch %s %6.2f ns", simd::isa_name(isa), ns);
  }
  std::printf("\n");
  std::printf("uniform u53 uit twee woorden:  Stream::u53 %6.2f ns",
              best_ns(reps, items, [&] {
                double acc = 0;
                for (int p = 0; p < kRounds; ++p)
                  for (size_t i = 0; i < kN; ++i) acc += Stream::u53(w.w[0][i], w.w[1][i] + static_cast<uint32_t>(p));
                g_sink_d = acc;
              }));
  for (simd::Isa isa : {simd::Isa::Scalar, simd::Isa::Avx2}) {
    if (isa == simd::Isa::Avx2 && !avx2) continue;
    std::printf(",  batch %s %6.2f ns", simd::isa_name(isa), best_ns(reps, items, [&] {
                  double acc = 0;
                  for (int p = 0; p < kRounds; ++p) {
                    simd::u53(kN, w.w[0].data(), w.w[1].data(), z.data(), isa);
                    acc += z[static_cast<size_t>(p)];
                  }
                  g_sink_d = acc;
                }));
  }
  std::printf("\n");
}

// 32 normals per path-year = 16 Philox calls (4 words = 2 uniforms of 53 bits each) + the mapping.
void floor_speed(int reps, bool avx2) {
  constexpr uint32_t kYears = 65536;  // path-years per timing (each with its own key, as a path has)
  const double box_muller = best_ns(reps, kYears, [&] {
    r123::Philox4x32 g;
    double acc = 0;
    for (uint32_t y = 0; y < kYears; ++y)
      for (uint32_t d = 0; d < 16; ++d) {
        const auto x = g(r123::Philox4x32::ctr_type{{d, 3u, 0u, 0u}}, r123::Philox4x32::key_type{{12345u, y}});
        const double r = std::sqrt(-2.0 * std::log(Stream::u53(x.v[0], x.v[1])));
        const double t = 6.283185307179586 * Stream::u53(x.v[2], x.v[3]);
        acc += r * std::cos(t) + r * std::sin(t);
      }
    g_sink_d = acc;
  });
  const double inverse = best_ns(reps, kYears, [&] {
    r123::Philox4x32 g;
    double acc = 0;
    for (uint32_t y = 0; y < kYears; ++y)
      for (uint32_t d = 0; d < 16; ++d) {
        const auto x = g(r123::Philox4x32::ctr_type{{d, 3u, 0u, 0u}}, r123::Philox4x32::key_type{{12345u, y}});
        acc += normal_quantile(Stream::u53(x.v[0], x.v[1])) + normal_quantile(Stream::u53(x.v[2], x.v[3]));
      }
    g_sink_d = acc;
  });
  std::printf("RNG-vloer, 32 normalen per padjaar (16 Philox-aanroepen + afbeelding), scalair:\n");
  std::printf("  Philox + Box-Muller %6.0f ns per padjaar;  Philox + normal_quantile %6.0f ns per padjaar\n", box_muller,
              inverse);
  // The batch: 128 path-years (paths) at a time, 16 counters each, one key per path.
  constexpr size_t kPaths = 128, kLanes = kPaths * 16;
  Words ctr(kLanes), out(kLanes);
  std::vector<uint32_t> k0(kLanes, 12345u), k1(kLanes);
  std::vector<double> u(2 * kLanes), z(2 * kLanes);
  for (size_t i = 0; i < kLanes; ++i) ctr.w[0][i] = static_cast<uint32_t>(i % 16), k1[i] = static_cast<uint32_t>(i / 16);
  for (simd::Isa isa : {simd::Isa::Scalar, simd::Isa::Avx2}) {
    if (isa == simd::Isa::Avx2 && !avx2) continue;
    const double ns = best_ns(reps, kYears, [&] {
      double acc = 0;
      for (uint32_t y = 0; y < kYears / kPaths; ++y) {
        std::fill(ctr.w[1].begin(), ctr.w[1].end(), y);
        simd::philox4x32_10(kLanes, ctr.in(), simd::KeyArrays{{k0.data(), k1.data()}}, out.out(), isa);
        simd::u53(kLanes, out.w[0].data(), out.w[1].data(), u.data(), isa);
        simd::u53(kLanes, out.w[2].data(), out.w[3].data(), u.data() + kLanes, isa);
        simd::normal_quantile(2 * kLanes, u.data(), z.data(), isa);
        acc += z[y % (2 * kLanes)];
      }
      g_sink_d = acc;
    });
    std::printf("  batch %s: Philox + u53 + Phi^-1 %6.0f ns per padjaar\n", simd::isa_name(isa), ns);
  }
}

// Accuracy of both inverse normals against a long-double reference, -sqrt(2) erfc^-1(2u) (Boost.Math).
void accuracy() {
  double centre[2] = {0, 0}, tails[2] = {0, 0}, vs_old = 0;
  auto at = [&](double u) {
    const long double ref = -std::sqrt(2.0L) * boost::math::erfc_inv(2.0L * static_cast<long double>(u));
    const double got[2] = {normal_quantile(u), simd::normal_quantile_one(u)};
    double* worst = std::fabs(u - 0.5) <= 0.425 ? centre : tails;
    for (int k = 0; k < 2; ++k)
      worst[k] = std::max(worst[k], static_cast<double>(std::fabs((got[k] - ref) / ref)));
    if (got[0] != got[1]) vs_old = std::max(vs_old, std::fabs((got[1] - got[0]) / got[0]));
  };
  for (int k = 1; k < 200000; ++k) at(k / 200000.0);
  for (int e = 4; e <= 1074; ++e)
    for (int j = 0; j < 16; ++j) {
      const double u = std::ldexp(1.0 + j / 16.0, -e);
      at(u);
      if (e <= 53) at(1.0 - u);
    }
  std::printf("nauwkeurigheid t.o.v. long double (max relatieve fout): normal_quantile midden %.1e, staarten %.1e;"
              " batch midden %.1e, staarten %.1e; batch t.o.v. normal_quantile %.1e\n",
              centre[0], tails[0], centre[1], tails[1], vs_old);
}

// One exact binomial draw (binomial.h) per item, for flow sizes of the PO example: a small SO flow
// (mean 0,5 and 3: inversion), a mid-size one (mean 25) and the large regular outflow (mean 2.500:
// BTRS), with the words of one Philox call each (the flows' cost without the model around them).
void binomial_speed(int reps) {
  std::printf("exacte binomiaal per trekking (inclusief een Philox-aanroep):");
  for (auto [n, p] : {std::pair{100.0, 0.005}, {600.0, 0.005}, {2500.0, 0.01}, {20000.0, 0.125}}) {
    const int items = 200'000;
    const Stream s(5, 0);
    const double ns = best_ns(reps, items, [&] {
      double acc = 0;
      for (int i = 0; i < items; ++i) {
        const auto w = s.raw(1, static_cast<uint32_t>(i), 0);
        acc += binomial(n, p, w[0], w[1], [&](uint32_t t) { return s.raw(2, static_cast<uint32_t>(i), t); });
      }
      g_sink_d = acc;
    });
    std::printf("  gemiddelde %g: %.1f ns;", n * p, ns);
  }
  std::printf("\n");
}

// Inversion against BTRS around the switch-over (kBinomialInversionBelow): one draw of each with its
// Philox words, n = 400; shows whether the switch-over sits where the two cost the same. Cost only:
// below a mean of 10 BTRS runs outside the range where Hörmann's constants make it exact.
void switch_over_speed(int reps) {
  std::printf("inversie tegen BTRS rond de grens van %g (n = 400):", kBinomialInversionBelow);
  for (double mean : {5.0, 10.0, 15.0, 20.0}) {
    const double n = 400, p = mean / n;
    const int items = 200'000;
    const Stream s(5, 0);
    const double inv = best_ns(reps, items, [&] {
      double acc = 0;
      for (int i = 0; i < items; ++i) acc += binomial_inversion(n, p, Stream::u32(s.raw(1, static_cast<uint32_t>(i), 0)[0]));
      g_sink_d = acc;
    });
    const double btrs = best_ns(reps, items, [&] {
      double acc = 0;
      for (int i = 0; i < items; ++i) {
        const auto w = s.raw(1, static_cast<uint32_t>(i), 0);
        binomial_detail::Btrs bt(n, p);
        double k = bt.attempt(Stream::u32(w[0]), Stream::u32(w[1]));
        for (uint32_t t = 1; k < 0 && t <= kBinomialMaxRetries; ++t) {
          const auto v = s.raw(2, static_cast<uint32_t>(i), t);
          k = bt.attempt(Stream::u32(v[0]), Stream::u32(v[1]));
          if (k < 0) k = bt.attempt(Stream::u32(v[2]), Stream::u32(v[3]));
        }
        acc += k;
      }
      g_sink_d = acc;
    });
    std::printf("  gemiddelde %g: %.1f tegen %.1f ns;", mean, inv, btrs);
  }
  std::printf("\n");
}

}  // namespace

int main(int argc, char** argv) {
  const int reps = argc > 1 ? std::max(1, std::atoi(argv[1])) : 7;
  const bool avx2 = simd::avx2_available();
  std::printf("swvsim_bench_rng: AVX2 %s, gekozen instructieset %s, beste van %d herhalingen\n",
              avx2 ? "aanwezig" : "afwezig", simd::isa_name(simd::active_isa()), reps);
  philox_speed(reps, avx2);
  normal_speed(reps, avx2);
  floor_speed(reps, avx2);
  binomial_speed(reps);
  switch_over_speed(reps);
  accuracy();
  return 0;
}
