// exp, log1p and log of our own (exp_log.h, issue 31): within one unit in the last place of the C
// library's over the ranges the binomial draws use (exp of n log1p(-p) from about -750 to 0, log1p of
// -p for p in (0, 1/2], tiny p included; log over every binade and on BTRS's arguments) and beyond,
// their special values, and the same bits from the scalar function, the portable batch and the AVX2
// batch. The AVX2 checks need a processor with AVX2; without one they say so (WARN) and check the
// portable batch.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

#include "simd_test_support.h"
#include "exp_log.h"
#include "exp_log_kernels.h"

using namespace swv;
using namespace swv::test;

namespace {

// |a - b| in units in the last place of b, the reference (the smaller spacing at a power of two; the
// subnormal spacing below the smallest normal). Equal values (and two NaNs) are 0 apart.
double ulps(double a, double b) {
  if (a == b || (std::isnan(a) && std::isnan(b))) return 0;
  if (!std::isfinite(a) || !std::isfinite(b)) return INFINITY;
  const double up = std::fabs(std::nextafter(b, INFINITY) - b), down = std::fabs(b - std::nextafter(b, -INFINITY));
  return std::fabs(a - b) / std::min(up, down);
}

// Tallies of one comparison: the worst distance and how many inputs differ at all.
struct Ulps {
  double worst = 0, at = 0;
  size_t differ = 0, count = 0;
  void add(double x, double got, double want) {
    const double d = ulps(got, want);
    ++count;
    if (d > 0) ++differ;
    if (d > worst) worst = d, at = x;
  }
};

// A double with a uniform mantissa in [2^e, 2^(e+1)).
double in_binade(std::mt19937_64& g, int e) { return std::ldexp(1.0 + static_cast<double>(g() >> 12) * 0x1p-52, e); }

}  // namespace

TEST_CASE("own exp is within 1 ulp of std::exp from -750 to 0 and on the whole finite range", "[simd][exp_log]") {
  std::mt19937_64 g(31);
  std::uniform_real_distribution<double> inversion(-750.0, 0.0), whole(-760.0, 720.0);
  Ulps range, beyond, small, subnormal;
  for (int i = 0; i < 3'000'000; ++i) {
    const double x = inversion(g);
    (x < -708.39 ? subnormal : range).add(x, simd::exp(x), std::exp(x));
  }
  for (int i = 0; i < 1'000'000; ++i) {
    const double x = whole(g);
    beyond.add(x, simd::exp(x), std::exp(x));
  }
  // Arguments near 0 in every binade down to the smallest subnormal, both signs (exp(x) ~ 1 + x).
  for (int e = -1074; e <= 0; ++e)
    for (int j = 0; j < 200; ++j) {
      const double x = (j % 2 ? -1 : 1) * in_binade(g, e);
      small.add(x, simd::exp(x), std::exp(x));
    }
  INFO("[-750, 0]: worst " << range.worst << " ulp at " << range.at << ", " << range.differ << " of " << range.count << " differ");
  INFO("subnormal results: worst " << subnormal.worst << " ulp at " << subnormal.at << ", " << subnormal.differ << " of "
                                   << subnormal.count << " differ");
  INFO("[-760, 720]: worst " << beyond.worst << " ulp, " << beyond.differ << " of " << beyond.count << " differ");
  INFO("near 0: worst " << small.worst << " ulp, " << small.differ << " of " << small.count << " differ");
  CHECK(range.worst <= 1.0);
  CHECK(subnormal.worst <= 1.0);
  CHECK(beyond.worst <= 1.0);
  CHECK(small.worst <= 1.0);
  // Equal to the C library on nearly all inputs (the same method; both err little above 0.5 ulp).
  CHECK(range.differ < range.count / 100);
  CHECK(subnormal.count > 100'000);
}

TEST_CASE("own log1p is within 1 ulp of std::log1p for -p with 0 < p <= 0.5, every binade down to subnormals", "[simd][exp_log]") {
  std::mt19937_64 g(1988);
  std::uniform_real_distribution<double> half(0.0, 0.5);
  Ulps uniform, binades, positive, near_minus_one;
  for (int i = 0; i < 3'000'000; ++i) {
    const double p = half(g);
    if (p > 0) uniform.add(-p, simd::log1p(-p), std::log1p(-p));
  }
  for (int e = -1074; e <= -2; ++e)  // p in [2^e, 2^(e+1)): every binade of (0, 1/2)
    for (int j = 0; j < 1000; ++j) {
      const double p = in_binade(g, e);
      binades.add(-p, simd::log1p(-p), std::log1p(-p));
    }
  for (int i = 0; i < 500'000; ++i) {  // beyond the inversion's range: x > 0 up to 2^60, and x near -1
    const double x = in_binade(g, static_cast<int>(g() % 1135) - 1074);
    positive.add(x, simd::log1p(x), std::log1p(x));
    const double y = -1.0 + in_binade(g, -1 - static_cast<int>(g() % 53));
    near_minus_one.add(y, simd::log1p(y), std::log1p(y));
  }
  INFO("-p, p uniform in (0, 0.5]: worst " << uniform.worst << " ulp at " << uniform.at << ", " << uniform.differ << " of "
                                           << uniform.count << " differ");
  INFO("-p, every binade: worst " << binades.worst << " ulp at " << binades.at << ", " << binades.differ << " of " << binades.count);
  INFO("x > 0: worst " << positive.worst << " ulp at " << positive.at);
  INFO("x in (-1, 0) near -1: worst " << near_minus_one.worst << " ulp at " << near_minus_one.at);
  CHECK(uniform.worst <= 1.0);
  CHECK(binades.worst <= 1.0);
  CHECK(positive.worst <= 1.0);
  CHECK(near_minus_one.worst <= 1.0);
  CHECK(uniform.differ < uniform.count / 100);
}

TEST_CASE("own log is within 1 ulp of std::log on every binade, near 1 and on BTRS's arguments", "[simd][exp_log]") {
  // BTRS's slow test (binomial.cpp) takes the log of ratios near 1 ((n - m + 1) / (n - k + 1)), of the
  // scaled v in (0, 1) and of r (n - k + 1) / (k + 1) from about 1e-3 to 1e3.
  std::mt19937_64 g(1993);
  std::uniform_real_distribution<double> ratio(0.5, 2.0), unit(0.0, 1.0), wide(-7.0, 7.0);
  Ulps binades, near_one, btrs;
  for (int e = -1074; e <= 1023; ++e)  // every binade, subnormals included
    for (int j = 0; j < 500; ++j) {
      const double x = in_binade(g, e);
      binades.add(x, simd::log(x), std::log(x));
    }
  for (int i = 0; i < 1'000'000; ++i) {
    const double x = 1.0 + (g() & 1 ? -1 : 1) * in_binade(g, -1 - static_cast<int>(g() % 60));  // 1 +- 2^-60 .. 1 +- 1/2
    near_one.add(x, simd::log(x), std::log(x));
  }
  for (int i = 0; i < 3'000'000; ++i) {
    double x;
    switch (i % 3) {
      case 0: x = ratio(g); break;
      case 1: x = unit(g); break;
      default: x = std::pow(10.0, wide(g)); break;
    }
    if (x > 0) btrs.add(x, simd::log(x), std::log(x));
  }
  INFO("every binade: worst " << binades.worst << " ulp at " << binades.at << ", " << binades.differ << " of " << binades.count << " differ");
  INFO("near 1: worst " << near_one.worst << " ulp at " << near_one.at << ", " << near_one.differ << " of " << near_one.count << " differ");
  INFO("BTRS's arguments: worst " << btrs.worst << " ulp at " << btrs.at << ", " << btrs.differ << " of " << btrs.count << " differ");
  CHECK(binades.worst <= 1.0);
  CHECK(near_one.worst <= 1.0);
  CHECK(btrs.worst <= 1.0);
  CHECK(btrs.differ < btrs.count / 100);
  // Against logl (long double, 64-bit mantissa on x86-64, errs about 2^-11 ulp of a double): the
  // method's bound is about 0,52 ulp, as glibc's log.
  if (std::numeric_limits<long double>::digits >= 64) {
    double worst = 0, at = 0;
    for (int i = 0; i < 1'000'000; ++i) {
      const double x = i % 2 ? in_binade(g, static_cast<int>(g() % 2098) - 1074) : 1.0 + (g() & 1 ? -1 : 1) * in_binade(g, -1 - static_cast<int>(g() % 20));
      const long double want = logl(static_cast<long double>(x));
      const double spacing = std::fabs(std::nextafter(static_cast<double>(want), INFINITY) - static_cast<double>(want));
      const double e = static_cast<double>(std::fabs((static_cast<long double>(simd::log(x)) - want) / spacing));
      if (e > worst) worst = e, at = x;
    }
    INFO("against logl: worst " << worst << " ulp at " << at);
    CHECK(worst < 0.53);
  }
}

TEST_CASE("own log: the table holds 1 / c with 11 bits and log(c) to within 2^-62", "[simd][exp_log]") {
  // -log(invc) = head + tail against logl in long double (64-bit mantissa on x86-64), the head a
  // multiple of 2^-32 (k ln2hi + head exact), invc with at most 11 significant bits (z invc exact in
  // two parts), and |z invc - 1| at the ends of every interval below 2^-7 (the series' range).
  using namespace simd::exp_log_detail;
  double worst = 0;
  for (int i = 0; i < kLogN; ++i) {
    INFO("i = " << i);
    const double invc = kLogInvC[i], head = kLogCHi[i], tail = kLogCLo[i];
    CHECK(std::ldexp(head, 32) == std::round(std::ldexp(head, 32)));
    int e;
    const double mant = std::frexp(invc, &e);
    CHECK(std::ldexp(mant, 11) == std::round(std::ldexp(mant, 11)));
    const double lo = i < 80 ? 0.6875 + i / 256.0 : 1.0 + (i - 80) / 128.0, hi = lo + (i < 80 ? 1 / 256.0 : 1 / 128.0);
    CHECK(std::fabs(lo * invc - 1) <= 0x1p-7);
    CHECK(std::fabs(hi * invc - 1) <= 0x1p-7);
    const long double want = -logl(static_cast<long double>(invc));
    const long double got = static_cast<long double>(head) + static_cast<long double>(tail);
    if (want != 0) worst = std::max(worst, static_cast<double>(std::fabs((got - want) / want)));
    else CHECK(got == 0);
  }
  INFO("worst relative error of head + tail: " << worst);
  if (std::numeric_limits<long double>::digits >= 64) CHECK(worst < 0x1p-62);
}

TEST_CASE("own exp: the table holds 2^(j/128) to within 2^-62", "[simd][exp_log]") {
  // H (1 + T) against 2^(j/128) in long double (64-bit mantissa on x86-64: exp2l errs about 2^-64);
  // H itself is 2^(j/128) rounded to a double (within half its spacing).
  using namespace simd::exp_log_detail;
  double worst = 0;
  for (int j = 0; j < kExpN; ++j) {
    const uint64_t hb = kExpScale[j] + (static_cast<uint64_t>(j) << 45);
    double h, t;
    std::memcpy(&h, &hb, sizeof h);
    std::memcpy(&t, &kExpTail[j], sizeof t);
    const long double want = exp2l(static_cast<long double>(j) / kExpN);
    INFO("j = " << j);
    CHECK(std::fabs(static_cast<long double>(h) - want) <= 0.5L * (std::nextafter(h, 2.0) - h));
    worst = std::max(worst, static_cast<double>(std::fabs((static_cast<long double>(h) * (1.0L + t) - want) / want)));
  }
  INFO("worst relative error of H (1 + T): " << worst);
  if (std::numeric_limits<long double>::digits >= 64) CHECK(worst < 0x1p-62);
}

TEST_CASE("own exp, log1p and log: special values, underflow and tiny arguments", "[simd][exp_log]") {
  const double inf = std::numeric_limits<double>::infinity(), nan = std::numeric_limits<double>::quiet_NaN();
  const double tiny = std::numeric_limits<double>::denorm_min();
  // exp: 1 at 0, overflow above log(DBL_MAX), 0 below log(smallest subnormal / 2), subnormal between.
  CHECK(simd::exp(0.0) == 1.0);
  CHECK(simd::exp(-0.0) == 1.0);
  CHECK(simd::exp(inf) == inf);
  CHECK(simd::exp(-inf) == 0.0);
  CHECK(std::isnan(simd::exp(nan)));
  CHECK(simd::exp(709.78) < std::numeric_limits<double>::max());
  CHECK(simd::exp(709.79) == inf);
  CHECK(simd::exp(1e300) == inf);
  CHECK(simd::exp(-746.0) == 0.0);
  CHECK(simd::exp(-1e300) == 0.0);
  CHECK(simd::exp(-745.13) == tiny);                             // e^-745.13 = 0.5000... x 2^-1074, rounds up
  CHECK(simd::exp(-745.1332191019412) == std::exp(-745.1332191019412));  // the last argument with a nonzero result
  CHECK(simd::exp(-720.0) > 0.0);
  CHECK(simd::exp(-720.0) < std::numeric_limits<double>::min());  // subnormal
  CHECK(simd::exp(1e-300) == 1.0);
  CHECK(simd::exp(-1e-17) == 1.0);        // 1 - 1e-17 rounds to 1
  CHECK(simd::exp(-2e-16) == 1.0 - 0x1p-52);  // 1 - 2e-16 rounds to the double below 1 (spacing 2^-53)
  // log1p: x itself below 2^-54 (signed zero kept), -inf at -1, NaN below, +inf at +inf.
  CHECK(bits(simd::log1p(0.0)) == bits(0.0));
  CHECK(bits(simd::log1p(-0.0)) == bits(-0.0));
  CHECK(simd::log1p(-1e-300) == -1e-300);
  CHECK(simd::log1p(-tiny) == -tiny);
  CHECK(simd::log1p(-1.0) == -inf);
  CHECK(std::isnan(simd::log1p(-1.5)));
  CHECK(std::isnan(simd::log1p(-inf)));
  CHECK(std::isnan(simd::log1p(nan)));
  CHECK(simd::log1p(inf) == inf);
  CHECK(ulps(simd::log1p(-0.5), -M_LN2) <= 1.0);  // log(1/2)
  CHECK(ulps(simd::log1p(1.0), M_LN2) <= 1.0);
  // The inversion's P(X = 0) = (1 - p)^n at a tiny p and a huge n: log1p(-p) = -p exactly, then e^(-n p).
  CHECK(simd::log1p(-1e-300) == -1e-300);
  CHECK(ulps(simd::exp(1e300 * simd::log1p(-1e-300)), std::exp(1e300 * -1e-300)) <= 1.0);
  // log: 0 at 1, -inf at +-0, NaN below 0, +inf at +inf, subnormals and the largest double finite.
  CHECK(bits(simd::log(1.0)) == bits(0.0));
  CHECK(simd::log(0.0) == -inf);
  CHECK(simd::log(-0.0) == -inf);
  CHECK(std::isnan(simd::log(-1e-300)));
  CHECK(std::isnan(simd::log(-inf)));
  CHECK(std::isnan(simd::log(nan)));
  CHECK(simd::log(inf) == inf);
  CHECK(ulps(simd::log(tiny), std::log(tiny)) <= 1.0);  // -744.44...
  CHECK(ulps(simd::log(std::numeric_limits<double>::max()), std::log(std::numeric_limits<double>::max())) <= 1.0);
  CHECK(ulps(simd::log(2.0), M_LN2) <= 1.0);
  CHECK(ulps(simd::log(M_E), 1.0) <= 1.0);
}

TEST_CASE("own exp, log1p and log: the portable and AVX2 batches give the scalar bits on 4 million inputs", "[simd][exp_log]") {
  std::mt19937_64 g(8);
  std::vector<double> x;
  for (int i = 0; i < 4'000'000; ++i) {
    switch (i % 4) {
      case 0: x.push_back(-750.0 * static_cast<double>(g() >> 11) * 0x1p-53); break;  // exp's range, log1p's NaNs
      case 1: x.push_back(-0.5 * static_cast<double>(g() >> 11) * 0x1p-53); break;    // log1p's range
      case 2: x.push_back((g() & 1 ? -1 : 1) * in_binade(g, static_cast<int>(g() % 1085) - 1074)); break;  // every binade
      default: {  // any bit pattern: NaNs, infinities, subnormals, huge numbers
        const uint64_t b = g();
        double v;
        std::memcpy(&v, &b, sizeof v);
        x.push_back(v);
      }
    }
  }
  const double specials[] = {0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 709.78, 709.79, 710.0, -708.4, -745.13, -745.14, -746.0,
                             -1e300, 1e300, 0x1p-54, -0x1p-54, 0x1p-55, std::numeric_limits<double>::denorm_min(),
                             std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
                             std::numeric_limits<double>::quiet_NaN()};
  for (double s : specials)  // each special value in every lane, between ordinary ones
    for (int lane = 0; lane < simd::kLanes; ++lane)
      for (int k = 0; k < simd::kLanes; ++k) x.push_back(k == lane ? s : -0.1 * (k + 1));
  while (x.size() % simd::kLanes != 0) x.push_back(0.25);
  for (simd::Isa isa : isas_to_check()) {
    INFO("isa " << simd::isa_name(isa));
    size_t bad_exp = 0, bad_log1p = 0, bad_log = 0;
    double e[simd::kLanes], l[simd::kLanes], lg[simd::kLanes];
    for (size_t i = 0; i < x.size(); i += simd::kLanes) {
      simd::exp8(&x[i], e, isa);
      simd::log1p8(&x[i], l, isa);
      simd::log8(&x[i], lg, isa);
      for (int k = 0; k < simd::kLanes; ++k) {
        bad_exp += bits(e[k]) != bits(simd::exp(x[i + static_cast<size_t>(k)]));
        bad_log1p += bits(l[k]) != bits(simd::log1p(x[i + static_cast<size_t>(k)]));
        bad_log += bits(lg[k]) != bits(simd::log(x[i + static_cast<size_t>(k)]));
      }
    }
    CHECK(bad_exp == 0);
    CHECK(bad_log1p == 0);
    CHECK(bad_log == 0);
  }
  // In place, as the header allows.
  double v[simd::kLanes] = {-1, -2, -3, -4, -5, -6, -7, -8};
  simd::exp8(v, v);
  CHECK(bits(v[7]) == bits(simd::exp(-8.0)));
}
