// The batch building blocks of issue 16 (philox_batch.h, normal_batch.h): Philox4x32-10 for many
// lanes equals Random123 word for word, the batch u53 equals Stream::u53, the AVX2 and scalar inverse
// normals give the same bits, and the batch inverse normal is as accurate as normal_quantile (value.h).
// The AVX2 checks need a processor with AVX2; without one they say so (WARN) and check the scalar code.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "simd_test_support.h"
#include "normal_batch.h"
#include "philox_batch.h"
#include "random.h"
#include "value.h"

using namespace swv;
using namespace swv::test;

namespace {

struct Lanes {
  std::vector<uint32_t> c[4], k[2];
  explicit Lanes(size_t n, uint64_t seed) {
    std::mt19937 g(static_cast<uint32_t>(seed));
    for (auto* v : {&c[0], &c[1], &c[2], &c[3], &k[0], &k[1]}) {
      v->resize(n);
      for (auto& w : *v) w = static_cast<uint32_t>(g());
    }
    // a few lanes at the edges of the words (carries in the key schedule, zero products)
    for (size_t i = 0; i < n && i < 4; ++i) {
      const uint32_t e = i % 2 ? 0xFFFFFFFFu : 0u;
      for (auto* v : {&c[0], &c[1], &c[2], &c[3], &k[0], &k[1]}) (*v)[i] = e;
    }
  }
};

}  // namespace

TEST_CASE("philox batch: every lane equals Random123's Philox4x32-10, per-lane and shared keys", "[simd]") {
  for (size_t n : {size_t{100000}, size_t{100003}, size_t{7}}) {  // whole vectors, a remainder, only remainder
    const Lanes in(n, 16 + n);
    std::vector<r123::Philox4x32::ctr_type> want(n), want_one(n);
    r123::Philox4x32 g;
    const uint32_t key0 = 0x12345678u, key1 = 0xFEDCBA98u;
    for (size_t i = 0; i < n; ++i) {
      const r123::Philox4x32::ctr_type c{{in.c[0][i], in.c[1][i], in.c[2][i], in.c[3][i]}};
      want[i] = g(c, r123::Philox4x32::key_type{{in.k[0][i], in.k[1][i]}});
      want_one[i] = g(c, r123::Philox4x32::key_type{{key0, key1}});
    }
    std::vector<simd::Isa> isas = isas_to_check();
    isas.push_back(simd::active_isa());
    for (simd::Isa isa : isas) {
      INFO("isa " << simd::isa_name(isa) << ", n " << n);
      std::vector<uint32_t> o[4], p[4];
      for (int j = 0; j < 4; ++j) o[j].resize(n), p[j].resize(n);
      const simd::CounterArrays ctr{{in.c[0].data(), in.c[1].data(), in.c[2].data(), in.c[3].data()}};
      simd::philox4x32_10(n, ctr, simd::KeyArrays{{in.k[0].data(), in.k[1].data()}},
                          simd::WordArrays{{o[0].data(), o[1].data(), o[2].data(), o[3].data()}}, isa);
      simd::philox4x32_10(n, ctr, key0, key1, simd::WordArrays{{p[0].data(), p[1].data(), p[2].data(), p[3].data()}},
                          isa);
      size_t bad = 0, bad_one = 0;
      for (size_t i = 0; i < n; ++i)
        for (int j = 0; j < 4; ++j) bad += o[j][i] != want[i].v[j], bad_one += p[j][i] != want_one[i].v[j];
      CHECK(bad == 0);
      CHECK(bad_one == 0);
      // in place: the output arrays are the counter arrays
      Lanes io = in;
      simd::philox4x32_10(n, simd::CounterArrays{{io.c[0].data(), io.c[1].data(), io.c[2].data(), io.c[3].data()}},
                          simd::KeyArrays{{io.k[0].data(), io.k[1].data()}},
                          simd::WordArrays{{io.c[0].data(), io.c[1].data(), io.c[2].data(), io.c[3].data()}}, isa);
      for (int j = 0; j < 4; ++j) CHECK((io.c[j] == o[j]));  // (( )): no printing of 10^5 words
    }
  }
}

TEST_CASE("philox batch: a stream's words through the batch, SWVSIM_SIMD=scalar chooses the portable code", "[simd]") {
  // Stream's layout: key {seed, path}, counter {driver, year, draw, seed >> 32}.
  const uint64_t seed = 0x0123456789ABCDEFull;
  std::vector<uint32_t> drv(64), yr(64), dr(64), hi(64, static_cast<uint32_t>(seed >> 32)), o[4];
  for (uint32_t i = 0; i < 64; ++i) drv[i] = 0xA5A5A5A5u * (i + 1), yr[i] = i % 7, dr[i] = i;
  for (auto& v : o) v.resize(64);
  simd::philox4x32_10(64, simd::CounterArrays{{drv.data(), yr.data(), dr.data(), hi.data()}},
                      static_cast<uint32_t>(seed), 42u, simd::WordArrays{{o[0].data(), o[1].data(), o[2].data(), o[3].data()}});
  const Stream s(seed, 42);
  for (size_t i = 0; i < 64; ++i) {
    const auto w = s.raw(drv[i], yr[i], dr[i]);
    for (int j = 0; j < 4; ++j) CHECK(o[j][i] == w.v[j]);
  }

  const char* old = std::getenv("SWVSIM_SIMD");
  const std::string saved = old ? old : "";
  setenv("SWVSIM_SIMD", "scalar", 1);
  CHECK(simd::detect_isa() == simd::Isa::Scalar);
  unsetenv("SWVSIM_SIMD");
  CHECK(simd::detect_isa() == (simd::avx2_available() ? simd::Isa::Avx2 : simd::Isa::Scalar));
  if (old) setenv("SWVSIM_SIMD", saved.c_str(), 1);
}

TEST_CASE("philox batch: u53 equals Stream::u53 bit for bit, extremes included", "[simd]") {
  const size_t n = 100003;
  std::vector<uint32_t> a(n), b(n);
  std::mt19937 g(53);
  for (size_t i = 0; i < n; ++i) a[i] = static_cast<uint32_t>(g()), b[i] = static_cast<uint32_t>(g());
  const uint32_t edge[][2] = {{0, 0}, {0, 0x7FF}, {0, 0x800}, {0xFFFFFFFFu, 0xFFFFFFFFu}, {0xFFFFFFFFu, 0xFFFFF7FFu},
                              {0x80000000u, 0}, {0x7FFFFFFFu, 0xFFFFFFFFu}, {1, 0}};
  for (size_t i = 0; i < std::size(edge); ++i) a[i] = edge[i][0], b[i] = edge[i][1];
  for (simd::Isa isa : isas_to_check()) {
    INFO("isa " << simd::isa_name(isa));
    std::vector<double> u(n);
    simd::u53(n, a.data(), b.data(), u.data(), isa);
    size_t bad = 0;
    for (size_t i = 0; i < n; ++i) bad += bits(u[i]) != bits(Stream::u53(a[i], b[i]));
    CHECK(bad == 0);
    CHECK(u[0] == 0x1p-54);                  // the smallest uniform
    CHECK(u[3] == 1.0 - 0x1p-53);            // the largest, held below 1
    CHECK(u[4] == Stream::u53(0xFFFFFFFFu, 0xFFFFF7FFu));
  }
}

TEST_CASE("normal batch: AVX2 and scalar give the same bits on 10^6 uniforms and the extremes", "[simd]") {
  std::vector<double> u;
  std::mt19937_64 g(1988);
  for (int i = 0; i < 1000000; ++i) {
    const uint64_t w = g();
    u.push_back(Stream::u53(static_cast<uint32_t>(w >> 32), static_cast<uint32_t>(w)));
  }
  const double extremes[] = {0x1p-53, 0x1p-54, 1.0 - 0x1p-53, 0.5 - 0x1p-54, 0.5, 0.075, 0.925, 0.0749999999999999,
                             0.9250000000000001, 1e-10, 1.3887943864964021e-11, 1.3887943864964e-11, 1e-300,
                             std::numeric_limits<double>::min(), std::numeric_limits<double>::denorm_min(), 3e-320,
                             0.0, -0.0, 1.0, -1.0, 2.0, std::numeric_limits<double>::quiet_NaN(),
                             std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
  // each extreme in every lane position, between ordinary values (mixed vectors)
  for (double x : extremes)
    for (int lane = 0; lane < 4; ++lane) {
      for (int k = 0; k < 4; ++k) u.push_back(k == lane ? x : 0.3 + 0.1 * k);
      for (int k = 0; k < 4; ++k) u.push_back(k == lane ? x : 0.01 * (k + 1));
    }
  std::vector<double> scalar(u.size()), dispatched(u.size());
  simd::normal_quantile(u.size(), u.data(), scalar.data(), simd::Isa::Scalar);
  simd::normal_quantile(u.size(), u.data(), dispatched.data());
  size_t bad = 0;
  for (size_t i = 0; i < u.size(); ++i) bad += bits(scalar[i]) != bits(simd::normal_quantile_one(u[i]));
  CHECK(bad == 0);
  for (simd::Isa isa : isas_to_check()) {
    INFO("isa " << simd::isa_name(isa));
    std::vector<double> z(u.size());
    simd::normal_quantile(u.size(), u.data(), z.data(), isa);
    size_t differ = 0;
    for (size_t i = 0; i < u.size(); ++i) differ += bits(z[i]) != bits(scalar[i]);
    CHECK(differ == 0);
  }
  for (size_t i = 0; i < u.size(); ++i) bad += bits(dispatched[i]) != bits(scalar[i]);
  CHECK(bad == 0);
  CHECK(simd::normal_quantile_one(0.0) == -std::numeric_limits<double>::infinity());
  CHECK(simd::normal_quantile_one(1.0) == std::numeric_limits<double>::infinity());
  CHECK(std::isinf(simd::normal_quantile_one(std::nan(""))));
  CHECK(std::isfinite(simd::normal_quantile_one(0x1p-54)));
  CHECK(std::isfinite(simd::normal_quantile_one(1.0 - 0x1p-53)));
}

TEST_CASE("normal batch: accuracy against normal_quantile (AS 241 with the C library's log)", "[simd]") {
  // Central region |u - 0.5| <= 0.425: the same rational function; tails: our log instead of libm's.
  // Bounds: relative difference <= 1e-15 in the centre (in fact 0) and <= 2e-15 in the tails (measured
  // 8e-16: one unit in the last place of log moves z by about that much).
  double central = 0, tails = 0;
  auto check = [&](double u) {
    const double want = normal_quantile(u), got = simd::normal_quantile_one(u);
    const double rel = want == got ? 0.0 : std::fabs(got - want) / std::fabs(want);
    double& worst = std::fabs(u - 0.5) <= 0.425 ? central : tails;
    worst = std::max(worst, rel);
  };
  const int n = 1000000;
  for (int k = 0; k < n; ++k) check((k + 0.5) / n);  // dense grid over (0, 1)
  for (int e = 4; e <= 1074; ++e)                     // every binade of the tails, both sides
    for (int j = 0; j < 64; ++j) {
      const double u = std::ldexp(1.0 + j / 64.0, -e);
      check(u);
      if (e <= 53) check(1.0 - u);
    }
  INFO("max relative difference: centre " << central << ", tails " << tails);
  CHECK(central <= 1e-15);
  CHECK(tails <= 2e-15);
}

TEST_CASE("normal batch: log_tail within one unit in the last place of std::log", "[simd]") {
  std::mt19937_64 g(7);
  double worst = 0;
  auto ulps = [](double a, double b) { return std::fabs(a - b) / std::fabs(std::nextafter(b, 0.0) - b); };
  for (int i = 0; i < 200000; ++i) {
    const double x = std::ldexp(static_cast<double>(g() >> 11) * 0x1p-53, -static_cast<int>(g() % 1080));
    if (x > 0 && x < 1) worst = std::max(worst, ulps(simd::log_tail(x), std::log(x)));
  }
  for (double x : {0x1p-1074, 0x1p-1022, 0.5, std::sqrt(0.5), 0.075, 1.0 - 0x1p-53})
    worst = std::max(worst, ulps(simd::log_tail(x), std::log(x)));
  INFO("worst " << worst << " ulp");
  CHECK(worst <= 1.0);
}
