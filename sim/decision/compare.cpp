#include "compare.h"

#include <cmath>
#include <stdexcept>

namespace swv {

namespace {

// Mean of f(base path), of f(variant path), of the difference, and the standard error of the
// mean difference (Welford, so large equity values do not lose the small differences).
template <class F>
void paired(const PathTable& b, const PathTable& v, size_t y, F f, PairedSeries& out) {
  double mb = 0, mv = 0, md = 0, m2 = 0;
  for (size_t p = 0; p < b.paths; ++p) {
    const double xb = f(b, p, y), xv = f(v, p, y), d = xv - xb;
    const double k = static_cast<double>(p + 1);
    mb += (xb - mb) / k, mv += (xv - mv) / k;
    const double delta = d - md;
    md += delta / k;
    m2 += delta * (d - md);
  }
  const double n = static_cast<double>(b.paths);
  out.base.push_back(mb), out.variant.push_back(mv), out.diff.push_back(md);
  out.std_error.push_back(n > 1 ? std::sqrt(m2 / (n - 1) / n) : 0.0);
}

}  // namespace

Comparison compare_paths(const PathTable& b, const PathTable& v) {
  if (b.paths != v.paths || b.years != v.years)
    throw std::invalid_argument("vergelijken vraagt evenveel paden en jaren in basis en variant");
  Comparison c;
  c.paths = b.paths;
  for (size_t y = 0; y < b.years; ++y) {
    paired(b, v, y, [](const PathTable& t, size_t p, size_t k) { return t.at(t.equity, p, k); }, c.equity);
    paired(b, v, y, [](const PathTable& t, size_t p, size_t k) { return t.at(t.equity, p, k) > t.at(t.signal, p, k) ? 1.0 : 0.0; },
           c.excessive);
    paired(b, v, y, [](const PathTable& t, size_t p, size_t k) { return t.at(t.equity, p, k) < t.at(t.floor, p, k) ? 1.0 : 0.0; },
           c.below_floor);
    paired(b, v, y, [](const PathTable& t, size_t p, size_t k) { return t.at(t.equity, p, k) < 0 ? 1.0 : 0.0; }, c.negative);
    paired(b, v, y, [](const PathTable& t, size_t p, size_t k) { return t.at(t.signal, p, k); }, c.signal);
  }
  return c;
}

}  // namespace swv
