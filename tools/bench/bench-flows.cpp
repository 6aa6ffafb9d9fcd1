// swvsim_bench_flows: how much of a path-year the exact binomial flows cost, on a real scenario
// (issue 16; not a test, not installed). It runs P paths of the model on one thread (no sums, no
// percentiles: the path model and its draws only), records every binomial the flows draw (n, p),
// and then times exactly those draws on their own (binomial.h, two per Philox call as the flows take
// them, from counters of the bench's own). It prints the flows per path-year by size of the mean,
// nanoseconds per path-year of the model and of the flows alone (the floor any scalar path loop
// keeps), and what a path loop with paths side by side would gain on the flows: the scalar inversion
// against the engine's 8 lanes (binomial_inversion8, AVX2 and portable), the scalar flows against
// binomial8, the BTRS draws alone against binomial8 (how their first attempts end, and the times
// without Philox for the first words), and the scalar BTRS against the AVX2 prototype over lanes
// (bench_lanes.h).
// Usage: swvsim_bench_flows [SCENARIO] [PATHS] [R]   (defaults tools/bench/po-10jaar.toml 20000 5)
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench_lanes.h"
#include "binomial.h"
#include "loader.h"
#include "mc.h"
#include "mc_draws.h"
#include "model.h"
#include "random.h"
#include "simd_isa.h"

using namespace swv;

namespace {

volatile double g_sink;  // results go here so the compiler cannot drop the work

// One binomial the flows drew: its count and probability.
struct Draw {
  double n, p;
};

// McDraws that also writes down the binomials of every moves call. The probabilities are rebuilt
// from the call the way McDraws::moves forms them (competing risks: p_j = r_j / what is left), and
// the counts from its outcomes; the bench prints the mean outcome of the model beside the replay's
// (other words, the same distribution), so a recording that drifted from moves would show.
class RecordingDraws : public McDraws {
 public:
  using McDraws::McDraws;
  std::vector<Draw> draws;
  std::vector<double> outcomes;
  bool record = false;
  void moves(int Y, int state, double count, const double* rates, int k, double* out) {
    McDraws::moves(Y, state, count, rates, k, out);
    if (!record) return;
    double sum = 0;
    for (int j = 0; j < k; ++j) sum += rates[j];
    const double scale = sum >= 1 ? 1 / sum : 1;
    double n = std::round(count), left = 1;
    for (int j = 0; j < k; ++j) {
      const double p = left > 0 ? std::min(1.0, rates[j] * scale / left) : 0.0;
      if (n > 0 && p > 0) draws.push_back({n, p}), outcomes.push_back(out[j]);
      n -= out[j];
      left -= rates[j] * scale;
    }
  }
};

// binomial_inversion as it was up to issue 31, with the C library's exp and log1p: what the engine's
// scalar inversion cost before it took our own (exp_log.h), for comparison only (valid n, p).
double inversion_glibc(double n, double p, double u) {
  static const auto inv = [] {
    std::array<double, 128> t{};
    for (size_t k = 0; k < t.size(); ++k) t[k] = 1.0 / static_cast<double>(k + 1);
    return t;
  }();
  if (p > 0.5) return n - inversion_glibc(n, 1 - p, 1 - u);
  if (u <= 1 - n * p) return 0;
  const double ratio = p / (1 - p);
  double pk = std::exp(n * std::log1p(-p)), cdf = pk, k = 0;
  while (u > cdf && k < n) {
    pk *= (n - k) * ratio * (k < 128 ? inv[static_cast<size_t>(k)] : 1.0 / (k + 1));
    k += 1;
    cdf += pk;
    if (pk < 1e-300 && k > n * p) break;
  }
  return k;
}

struct NoSink {
  void year(int, const YearRecord& r, const LineAmounts&) { g_sink = r.equity; }
};

template <class F>
double best_seconds(int reps, F&& f) {
  double best = 1e300;
  for (int r = 0; r < reps; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  return best;
}

// The BTRS draws alone (means from kBinomialInversionBelow up), 8 neighbouring draws per call of
// binomial8 against binomial one at a time, on the same words: the first two words drawn beforehand
// (no Philox in the time but that of the retries), so the times are BTRS's own. Also how the first
// attempts end (Btrs's fields, binomial.h): accepted by the squeeze, accepted or rejected by the slow
// test with the logs, or a candidate outside [0, n].
void btrs_lanes_line(const std::vector<double>& bn, const std::vector<double>& bp, const Stream& s, uint32_t drv, int reps,
                     double all_draws) {
  const int L = simd::kLanes;
  const size_t m = bn.size() - bn.size() % static_cast<size_t>(L);
  if (m == 0) return;
  std::vector<uint32_t> a(m), b(m);
  size_t squeeze = 0, slow_accept = 0, slow_reject = 0, outside = 0;
  for (size_t i = 0; i < m; ++i) {
    const auto w = s.raw(drv, 0, static_cast<uint32_t>(i));
    a[i] = w[0], b[i] = w[1];
    const double q = std::min(bp[i], 1 - bp[i]);
    binomial_detail::Btrs bt(bn[i], q);
    const double u = Stream::u32(a[i]) - 0.5, v = Stream::u32(b[i]), us = 0.5 - std::fabs(u);
    const double k = std::floor((2 * bt.a / us + bt.b) * u + bt.c);
    if (k < 0 || k > bn[i])
      ++outside;
    else if (us >= 0.07 && v <= bt.v_r)
      ++squeeze;
    else
      ++(bt.attempt(Stream::u32(a[i]), v) >= 0 ? slow_accept : slow_reject);
  }
  const double dm = static_cast<double>(m);
  std::printf("BTRS, eerste poging: %.1f%% aanvaard door de squeeze, %.1f%% aanvaard en %.1f%% verworpen door de trage toets (logs),"
              " %.1f%% kandidaat buiten [0, n]\n",
              100 * static_cast<double>(squeeze) / dm, 100 * static_cast<double>(slow_accept) / dm,
              100 * static_cast<double>(slow_reject) / dm, 100 * static_cast<double>(outside) / dm);
  std::vector<double> scalar(m), lanes(m);
  auto more = [&](size_t id, uint32_t t) { return s.raw(drv, t, static_cast<uint32_t>(id)); };
  const double scalar_s = best_seconds(reps, [&] {
    for (size_t i = 0; i < m; ++i) scalar[i] = binomial(bn[i], bp[i], a[i], b[i], [&](uint32_t t) { return more(i, t); });
    g_sink = scalar.back();
  });
  std::printf("BTRS (gemiddelde vanaf %g, %.0f%% van de trekkingen), eerste woorden vooraf getrokken, ns per trekking: scalair %.1f",
              kBinomialInversionBelow, 100 * dm / all_draws, scalar_s * 1e9 / dm);
  for (simd::Isa isa : {simd::Isa::Avx2, simd::Isa::Scalar}) {
    if (isa == simd::Isa::Avx2 && !simd::avx2_available()) continue;
    const double lanes_s = best_seconds(reps, [&] {
      for (size_t i = 0; i < m; i += static_cast<size_t>(L))
        binomial8(&bn[i], &bp[i], &a[i], &b[i], [&](int lane, uint32_t t) { return more(i + static_cast<size_t>(lane), t); }, &lanes[i], isa);
      g_sink = lanes.back();
    });
    size_t differ = 0;
    for (size_t i = 0; i < m; ++i) differ += scalar[i] != lanes[i];
    std::printf("; binomial8 %s %.1f (%.2fx, %zu verschillen)", simd::isa_name(isa), lanes_s * 1e9 / dm, scalar_s / lanes_s, differ);
  }
  std::printf("\n");
}

}  // namespace

int main(int argc, char** argv) {
  const std::string file = argc > 1 ? argv[1] : "tools/bench/po-10jaar.toml";
  const size_t paths = argc > 2 ? static_cast<size_t>(std::max(1L, std::atol(argv[2]))) : 20000;
  const int reps = argc > 3 ? std::max(1, std::atoi(argv[3])) : 5;
  // Every recorded draw takes ~56 bytes (n, p, outcome and the replays): 200.000 paths of 15 years
  // are ~3 GB, enough to time the flows; more would only fill memory.
  constexpr size_t kMaxPaths = 200'000;
  if (paths > kMaxPaths) {
    std::fprintf(stderr, "swvsim_bench_flows: ten hoogste %zu paden (elke trekking wordt bewaard)\n", kMaxPaths);
    return 2;
  }
  LoadResult lr = load_scenario(file);
  if (!lr.scenario) {
    for (const auto& d : lr.diags.items()) std::fprintf(stderr, "%s\n", d.format().c_str());
    return 2;
  }
  Scenario sc = *lr.scenario;
  prepare_for_monte_carlo(sc);
  const Model model(sc);
  const Eigen::Matrix3d chol = correlation_factor(sc);
  RecordingDraws dr(sc, chol, sc.seed);
  NoSink sink;
  const double path_years = static_cast<double>(paths) * sc.years();

  // The path model with its draws, the same loop as a Monte-Carlo block (one thread).
  auto run = [&] {
    for (size_t p = 0; p < paths; ++p) {
      dr.start_path(p);
      model.run_path(dr, sink);
      dr.end_path();
    }
  };
  const double model_s = best_seconds(reps, run);
  dr.record = true;
  run();
  if (dr.draws.empty()) {
    std::printf("swvsim_bench_flows: %s trekt geen binomiale stromen (alle aantallen of kansen 0)\n", file.c_str());
    return 0;
  }

  // Sizes of the mean min(n p, n (1 - p)): inversion below kBinomialInversionBelow, BTRS above.
  const std::array<double, 6> edges = {0.1, 1, 3, kBinomialInversionBelow, 100, INFINITY};
  auto size_class = [&](const Draw& d) {
    const double m = d.n * std::min(d.p, 1 - d.p);
    return static_cast<size_t>(std::upper_bound(edges.begin(), edges.end(), m) - edges.begin());
  };
  // The recorded binomials replayed alone, two per Philox call as McDraws::moves takes them (words
  // 0-1 for the first of a pair, 2-3 for the second), retries from their own counters: all in model
  // order, then each size class on its own from a contiguous copy (scattered reads would time cache
  // misses, not draws).
  const Stream s(sc.seed, 0);
  auto replay = [&](const std::vector<Draw>& ds, std::vector<double>& got) {
    got.assign(ds.size(), 0.0);
    return best_seconds(reps, [&] {
      Stream::Words w{};
      for (size_t i = 0; i < ds.size(); ++i) {
        const uint32_t id = static_cast<uint32_t>(i);
        if (i % 2 == 0) w = s.raw(McDraws::kFlowDriver, 0, id / 2);
        const size_t h = 2 * (i % 2);
        got[i] = binomial(ds[i].n, ds[i].p, w[h], w[h + 1], [&](uint32_t t) { return s.raw(McDraws::kFlowDriver, t, id); });
      }
      g_sink = got.empty() ? 0.0 : got.back();
    });
  };
  std::array<std::vector<Draw>, 6> by_class;
  for (const Draw& d : dr.draws) by_class[size_class(d)].push_back(d);
  std::vector<double> again, scratch;
  const double flows_s = replay(dr.draws, again);
  std::array<double, 6> class_s{};
  for (size_t c = 0; c < class_s.size(); ++c) class_s[c] = replay(by_class[c], scratch);
  double mean_sum = 0, mean_again = 0, mean_exact = 0;
  for (size_t i = 0; i < dr.draws.size(); ++i) mean_sum += dr.outcomes[i], mean_again += again[i], mean_exact += dr.draws[i].n * dr.draws[i].p;

  const double per_py = static_cast<double>(dr.draws.size()) / path_years;
  std::printf("swvsim_bench_flows: %s, %zu paden x %d jaar, 1 thread, beste van %d\n", file.c_str(), paths, sc.years(), reps);
  std::printf("binomiale trekkingen per padjaar: %.2f (stromen met n = 0 of kans 0 niet meegeteld)\n", per_py);
  const char* names[] = {"< 0,1 (inversie)", "0,1-1 (inversie)", "1-3 (inversie)", "3-10 (inversie)", "10-100 (BTRS)", ">= 100 (BTRS)"};
  for (size_t c = 0; c < by_class.size(); ++c) {
    const double k = static_cast<double>(by_class[c].size());
    std::printf("  gemiddelde %-16s %5.1f%% van de trekkingen, %5.1f ns per trekking, %4.0f ns per padjaar\n", names[c],
                100 * k / static_cast<double>(dr.draws.size()), k > 0 ? class_s[c] * 1e9 / k : 0.0, class_s[c] * 1e9 / path_years);
  }
  const double model_ns = model_s * 1e9 / path_years, flows_ns = flows_s * 1e9 / path_years;
  std::printf("padmodel met trekkingen: %.0f ns per padjaar (%.2f miljoen padjaren/s)\n", model_ns, 1e-6 * path_years / model_s);
  std::printf("de stromen alleen:       %.0f ns per padjaar (%.1f ns per trekking), %.0f%% van het padmodel\n", flows_ns,
              flows_s * 1e9 / static_cast<double>(dr.draws.size()), 100 * flows_ns / model_ns);
  const double k = static_cast<double>(dr.draws.size());
  std::printf("controle: gemiddelde uitkomst in het model %.4f, opnieuw getrokken %.4f, verwacht (som n p) %.4f\n", mean_sum / k,
              mean_again / k, mean_exact / k);

  // What lanes gain on the inversion draws (means 0,1 to 10; below 0,1 there are none in the PO
  // example): the scalar inversion against binomial_inversion8 with AVX2 and with the portable code,
  // per size class and together, on the same uniforms (drawn beforehand, so no time includes Philox).
  // Neighbouring draws have similar means, as the same flow of neighbouring paths would in a path
  // loop over lanes. The lanes must give the scalar draws bit for bit.
  const int L = simd::kLanes;
  std::printf("inversie zonder Philox, ns per trekking: scalair met glibc (tot issue 31) | scalair | 8 banen AVX2 | 8 banen draagbaar"
              " (verschillen met scalair)\n");
  auto inversion_class = [&](const std::vector<Draw>& ds, const char* name) {
    if (ds.empty()) return;
    const size_t m = ds.size() - ds.size() % static_cast<size_t>(L);  // whole vectors
    if (m == 0) return;
    std::vector<double> n(m), p(m), u(m), scalar(m), lanes(m);
    for (size_t i = 0; i < m; ++i)
      n[i] = ds[i].n, p[i] = ds[i].p, u[i] = Stream::u32(s.raw(McDraws::kFlowDriver, 0, static_cast<uint32_t>(i))[0]);
    const double dm = static_cast<double>(m);
    const double glibc_s = best_seconds(reps, [&] {
      double acc = 0;
      for (size_t i = 0; i < m; ++i) acc += inversion_glibc(n[i], p[i], u[i]);
      g_sink = acc;
    });
    const double scalar_s = best_seconds(reps, [&] {
      for (size_t i = 0; i < m; ++i) scalar[i] = binomial_inversion(n[i], p[i], u[i]);
      g_sink = scalar.back();
    });
    std::printf("  gemiddelde %-16s %5.1f%% van de trekkingen: %5.1f | %5.1f", name, 100 * dm / static_cast<double>(dr.draws.size()),
                glibc_s * 1e9 / dm, scalar_s * 1e9 / dm);
    for (simd::Isa isa : {simd::Isa::Avx2, simd::Isa::Scalar}) {
      if (isa == simd::Isa::Avx2 && !simd::avx2_available()) {
        std::printf(" | (geen AVX2)");
        continue;
      }
      const double lanes_s = best_seconds(reps, [&] {
        for (size_t i = 0; i < m; i += static_cast<size_t>(L)) binomial_inversion8(&n[i], &p[i], &u[i], &lanes[i], isa);
        g_sink = lanes.back();
      });
      size_t differ = 0;
      for (size_t i = 0; i < m; ++i) differ += scalar[i] != lanes[i];
      std::printf(" | %5.1f (%.1fx, %zu)", lanes_s * 1e9 / dm, scalar_s / lanes_s, differ);
    }
    std::printf("\n");
  };
  std::vector<Draw> inversion_draws;
  for (size_t c = 1; c < 4; ++c) {
    inversion_class(by_class[c], names[c]);
    inversion_draws.insert(inversion_draws.end(), by_class[c].begin(), by_class[c].end());
  }
  inversion_class(inversion_draws, "0,1-10 samen");

  // All flows through binomial8 against binomial, Philox included in both: the words of draw i are
  // s.raw(driver, 0, i)[0..1], its retries s.raw(driver, t, i); 8 neighbouring draws per call.
  {
    const size_t m = dr.draws.size() - dr.draws.size() % static_cast<size_t>(L);
    std::vector<double> scalar(m), lanes(m);
    const uint32_t drv = McDraws::kFlowDriver;
    const double scalar_s = best_seconds(reps, [&] {
      for (size_t i = 0; i < m; ++i) {
        const uint32_t id = static_cast<uint32_t>(i);
        const auto w = s.raw(drv, 0, id);
        scalar[i] = binomial(dr.draws[i].n, dr.draws[i].p, w[0], w[1], [&](uint32_t t) { return s.raw(drv, t, id); });
      }
      g_sink = scalar.back();
    });
    std::printf("alle stromen met Philox, ns per trekking: scalair %.1f", scalar_s * 1e9 / static_cast<double>(m));
    for (simd::Isa isa : {simd::Isa::Avx2, simd::Isa::Scalar}) {
      if (isa == simd::Isa::Avx2 && !simd::avx2_available()) continue;
      const double lanes_s = best_seconds(reps, [&] {
        double n[8], p[8];
        uint32_t a[8], b[8];
        for (size_t i = 0; i < m; i += static_cast<size_t>(L)) {
          for (int lane = 0; lane < L; ++lane) {
            const size_t j = i + static_cast<size_t>(lane);
            const auto w = s.raw(drv, 0, static_cast<uint32_t>(j));
            n[lane] = dr.draws[j].n, p[lane] = dr.draws[j].p, a[lane] = w[0], b[lane] = w[1];
          }
          binomial8(n, p, a, b, [&](int lane, uint32_t t) { return s.raw(drv, t, static_cast<uint32_t>(i) + static_cast<uint32_t>(lane)); },
                    &lanes[i], isa);
        }
        g_sink = lanes.back();
      });
      size_t differ = 0;
      for (size_t i = 0; i < m; ++i) differ += scalar[i] != lanes[i];
      std::printf("; binomial8 %s %.1f ns (%.2fx, %zu verschillen)", simd::isa_name(isa), lanes_s * 1e9 / static_cast<double>(m),
                  scalar_s / lanes_s, differ);
    }
    std::printf(" (Philox per baan scalair)\n");
  }

  // BTRS (means from kBinomialInversionBelow up, a third of all draws) against the AVX2 prototype
  // (bench_lanes.h: 4 lanes, retries in the vector too, glibc's vector log; binomial8 has the first
  // attempt in lanes since issue 31c, btrs_lanes_line), Philox included in both: every draw's first
  // words and its retries from its own counters.
  std::vector<double> bn, bp;
  for (size_t c = 4; c < 6; ++c)
    for (const Draw& d : by_class[c]) bn.push_back(d.n), bp.push_back(d.p);
  if (bn.empty()) return 0;
  std::vector<double> bscalar(bn.size()), blanes(bn.size());
  const uint32_t drv = McDraws::kFlowDriver;
  btrs_lanes_line(bn, bp, s, drv, reps, static_cast<double>(dr.draws.size()));
  const double bscalar_s = best_seconds(reps, [&] {
    for (size_t i = 0; i < bn.size(); ++i) {
      const uint32_t id = static_cast<uint32_t>(i);
      const auto w = s.raw(drv, 0, id);
      bscalar[i] = binomial(bn[i], bp[i], w[0], w[1], [&](uint32_t t) { return s.raw(drv, t, id); });
    }
    g_sink = bscalar.back();
  });
  bool have = true;
  const double blanes_s = best_seconds(reps, [&] { have = bench::btrs_lanes(bn.data(), bp.data(), s, drv, blanes.data(), bn.size()); });
  const double bm = static_cast<double>(bn.size());
  if (!have) {
    std::printf("BTRS in banen: niet gemeten (geen AVX2)\n");
    return 0;
  }
  size_t bdiffer = 0;
  for (size_t i = 0; i < bn.size(); ++i) bdiffer += bscalar[i] != blanes[i];
  std::printf("BTRS (gemiddelde vanaf %g, %.0f%% van de trekkingen), met Philox: scalair %.1f ns per trekking; in banen van 4 (AVX2, prototype)"
              " %.1f ns (%.1fx, %zu verschillen)\n",
              kBinomialInversionBelow, 100 * bm / static_cast<double>(dr.draws.size()), bscalar_s * 1e9 / bm, blanes_s * 1e9 / bm,
              bscalar_s / blanes_s, bdiffer);
  return 0;
}
