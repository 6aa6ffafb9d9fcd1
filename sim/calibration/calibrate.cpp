#include "calibrate.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "format_nl.h"

namespace swv {

SectorAssumptions sector_assumptions(Sector s) {
  if (s == Sector::Po)
    return {0.125, 0.24, 0.23, "1/8: acht jaargroepen, groep 8 gaat naar het VO (voorbeeld-po)",
            "landelijk is elk jaar ≈ 24% van de SBO-leerlingen nieuw, verblijf ≈ 4 jaar (docs/bronnen.md)",
            "landelijk is elk jaar ≈ 23% van de SO-leerlingen nieuw, verblijf ≈ 4 jaar (docs/bronnen.md)"};
  return {0.19, 0.20, 0.21, "≈ 1/5,3: eindexamen na 4 tot 6 jaar plus verhuizingen (voorbeeld-vo)",
          "PrO duurt 4 tot 6 jaar: ≈ 1/5 per jaar (voorbeeld-vo)", "VSO-uitstroom 19% plus terugplaatsing 2% (voorbeeld-vo)"};
}

std::string estimate_text(const std::string& key, double x) {
  if (key == "demografie.instroom") return num_nl(x, 1);
  if (key == "demografie.persistentie") return num_nl(x, 2);
  const double p = 100 * x;
  const int decimals = p == 0 ? 0 : std::clamp(2 - static_cast<int>(std::floor(std::log10(std::fabs(p)))), 0, 4);
  return num_nl(p, decimals) + "%";
}

const Estimate* Calibration::find(const std::string& key) const {
  for (const auto& e : estimates)
    if (e.key == key) return &e;
  return nullptr;
}

namespace {

const char* kCats[3] = {"laag", "midden", "hoog"};

// The arrays of one stock over the years t in `ts` (each t >= 1: the change from row t-1 to t).
struct Span {
  std::vector<double> change, regular_before, stock_before, in, out;
  std::vector<int> years;
};
Span span(const History& h, const std::vector<double>& stock, const HistoryFlow* flow, const std::vector<size_t>& ts) {
  Span s;
  for (size_t t : ts) {
    s.change.push_back(stock[t] - stock[t - 1]);
    s.regular_before.push_back(h.regular[t - 1]);
    s.stock_before.push_back(stock[t - 1]);
    if (flow) s.in.push_back(flow->in[t]), s.out.push_back(flow->out[t]);
    s.years.push_back(h.years[t]);
  }
  return s;
}

std::string years_text(const std::vector<int>& y) {
  if (y.empty()) return "geen jaren";
  return y.size() == 1 ? std::to_string(y.front()) : std::to_string(y.front()) + "–" + std::to_string(y.back()) +
                                                           (static_cast<int>(y.size()) == y.back() - y.front() + 1 ? "" : " (" + std::to_string(y.size()) + " jaren)");
}

// A rate estimate as it enters the fragment: a beta once per path (the estimate's uncertainty), or
// every year when the rate swings beyond chance (then its sd holds both).
Estimate rate_estimate(const std::string& key, const RateEstimate& r, const std::string& method) {
  Estimate e;
  e.key = key, e.value = r.value, e.std_error = r.std_error, e.years = r.years, e.method = method;
  if (r.value <= 0) return e;  // a beta needs a mean above 0: the fragment writes 0
  e.dist = Dist::Beta;
  e.spread = r.overdispersed ? Spread::PerYear : Spread::PerPath;
  e.year_sd = r.year_sd;
  e.sd = r.overdispersed ? std::sqrt(r.year_sd * r.year_sd + r.std_error * r.std_error) : r.std_error;
  // A beta exists for sd² < m(1 − m); far from it in practice, but never write an impossible one.
  const double cap = 0.9 * std::sqrt(r.value * (1 - r.value));
  if (e.sd > cap) e.sd = cap, e.note = "sd begrensd tot wat een bètaverdeling met dit gemiddelde toelaat";
  if (r.overdispersed)
    e.note = "schommelt van jaar tot jaar meer dan toeval (Pearson-toets, 5%): sd per jaar " + num_short(r.year_sd) +
             ", samen met de standaardfout getrokken per jaar";
  return e;
}

// The most that regular education can lose a year (referrals plus uitstroom.regulier) in a fragment.
constexpr double kMaxReferral = 0.9;

std::string too_many_leave(const std::string& stock, double q) {
  return "in de historie verlaten meer leerlingen het " + stock + " dan er op de teldatum ervoor waren (kortdurende plaatsingen?): het model laat "
         "alleen die leerlingen uitstromen; de uitstroomkans is op " + pct(q, 0) + " gezet";
}

Estimate assumed(const std::string& key, double value, const std::string& why) {
  Estimate e;
  e.key = key, e.value = value, e.method = "aanname", e.note = why;
  return e;
}

}  // namespace

Calibration calibrate(const History& h) {
  Calibration c;
  c.sector = h.sector;
  c.history_file = h.file, c.history_sha256 = h.sha256;
  c.years = h.years;
  c.so_by_category = h.so_by_category;
  c.last_regular = h.regular.back(), c.last_special = h.special.back();
  for (size_t k = 0; k < 3; ++k) c.last_so[k] = h.so[k].empty() ? 0.0 : h.so[k].back();
  const SectorAssumptions a = sector_assumptions(h.sector);
  const bool po = h.sector == Sector::Po;
  const HistoryColumns cols = history_columns(h.sector);
  const std::string sp = cols.special, so = cols.so;
  const std::string SP = po ? "SBO" : "PrO", SO = po ? "SO" : "VSO";
  const size_t n = h.size();
  const Where file{h.file, 0, 0, ""};
  if (n < 5)
    c.diags.warning(file, "met " + std::to_string(n) + " teldata zijn de spreidingen een gok: elke standaardfout steunt op " + std::to_string(n - 1) +
                              " veranderingen van jaar op jaar; gebruik 5 of meer jaren");

  std::vector<size_t> all;
  for (size_t t = 1; t < n; ++t) all.push_back(t);
  auto known = [&](const HistoryFlow& f) {
    std::vector<size_t> ts;
    for (size_t t = 1; t < n; ++t)
      if (f.known(t)) ts.push_back(t);
    return ts;
  };
  std::vector<Estimate> referrals, exits;
  double referral_total = 0;

  // SBO (po) or PrO (vo): one stock, one referral rate, one exit rate.
  {
    const std::vector<size_t> ts = known(h.special_flow);
    const std::string refer_key = "stromen.verwijzing." + sp, out_key = "stromen.uitstroom." + sp;
    if (!ts.empty()) {
      c.special_flows = true;
      const Span s = span(h, h.special, &h.special_flow, ts);
      const RateEstimate p = pooled_rate(s.in, s.regular_before, s.years), q = pooled_rate(s.out, s.stock_before, s.years);
      referrals.push_back(rate_estimate(refer_key, p, "instroom_" + sp + " / regulier op de teldatum ervoor, gepoold; quasi-binomiaal"));
      exits.push_back(rate_estimate(out_key, q, "uitstroom_" + sp + " / " + SP + " op de teldatum ervoor, gepoold; quasi-binomiaal"));
      if (q.clamped) c.diags.warning({h.file, 0, 0, "uitstroom_" + sp}, too_many_leave(SP, q.value));
      if (ts.size() + 1 < n)
        c.diags.warning({h.file, 0, 0, "instroom_" + sp},
                        "de stroomkolommen van " + SP + " zijn er alleen voor " + years_text(s.years) + "; de kansen steunen op die jaren");
    } else {
      const Span s = span(h, h.special, nullptr, all);
      const RateEstimate p = net_rate(s.change, s.regular_before, s.stock_before, a.out_special, 1.0, s.years);
      referrals.push_back(rate_estimate(refer_key, p, "netto verandering van " + SP + " plus de aangenomen uitstroom, gedeeld door regulier; quasi-binomiaal"));
      exits.push_back(assumed(out_key, a.out_special, a.out_special_source));
      if (p.clamped)
        c.diags.warning({h.file, 0, 0, sp}, SP + " daalt sneller dan de aangenomen uitstroom van " + pct(a.out_special, 0) +
                                                 " toelaat: de verwijzing is op 0 gezet; geef instroom_" + sp + " of uitstroom_" + sp);
      c.not_separable.push_back(
          SP + ": zonder instroom_" + sp + " of uitstroom_" + sp + " is alleen de netto verandering te zien (verwijzing × regulier − uitstroom × " + SP +
          "). De uitstroom is aangenomen (" + pct(a.out_special, 0) + " per jaar: " + a.out_special_source +
          "); de verwijzing volgt daaruit en haar standaardfout geldt alleen als die aanname klopt. Hoe hoog de deelname op den duur uitkomt "
          "(verwijzing gedeeld door uitstroom) is zo niet te toetsen; de komende jaren wel, want die volgen vooral de netto verandering.");
    }
  }

  // SO (po) or VSO (vo): the referral per category and one exit rate for all categories.
  {
    const std::vector<size_t> ts = known(h.so_flow);
    const std::string refer = "stromen.verwijzing.so", out_key = "stromen.uitstroom.so";
    std::vector<double> total(n);
    for (size_t t = 0; t < n; ++t) total[t] = h.so_total(t);
    double q = a.out_so, weight_total = 0;
    const std::vector<size_t>& used = ts.empty() ? all : ts;
    if (!ts.empty()) {
      c.so_flows = true;
      const Span s = span(h, total, &h.so_flow, ts);
      const RateEstimate qe = pooled_rate(s.out, s.stock_before, s.years);
      q = qe.value;
      for (double x : s.stock_before) weight_total += x;
      exits.push_back(rate_estimate(out_key, qe, "uitstroom_" + so + " / " + SO + " op de teldatum ervoor, gepoold; quasi-binomiaal"));
      if (qe.clamped) c.diags.warning({h.file, 0, 0, "uitstroom_" + so}, too_many_leave(SO, qe.value));
      if (!h.so_by_category)
        referrals.push_back(rate_estimate(refer, pooled_rate(s.in, s.regular_before, s.years),
                                          "instroom_" + so + " / regulier op de teldatum ervoor, gepoold; quasi-binomiaal"));
      if (ts.size() + 1 < n)
        c.diags.warning({h.file, 0, 0, "instroom_" + so},
                        "de stroomkolommen van " + SO + " zijn er alleen voor " + years_text(s.years) + "; de kansen steunen op die jaren");
    } else {
      exits.push_back(assumed(out_key, a.out_so, a.out_so_source));
      if (!h.so_by_category) {
        const Span s = span(h, total, nullptr, all);
        referrals.push_back(rate_estimate(refer, net_rate(s.change, s.regular_before, s.stock_before, q, 1.0, s.years),
                                          "netto verandering van " + SO + " plus de aangenomen uitstroom, gedeeld door regulier; quasi-binomiaal"));
      }
      c.not_separable.push_back(SO + ": zonder instroom_" + so + " of uitstroom_" + so + " geldt hetzelfde: de uitstroom is aangenomen (" +
                                pct(a.out_so, 0) + " per jaar: " + a.out_so_source + "), de verwijzing volgt uit de netto verandering.");
    }
    if (h.so_by_category) {
      // Per category from its net change with the common exit rate; with flows the categories'
      // referrals add up to instroom / regulier exactly.
      for (int k = 0; k < 3; ++k) {
        const Span s = span(h, h.so[static_cast<size_t>(k)], nullptr, used);
        double share = 0;
        for (double x : s.stock_before) share += x;
        const double w = ts.empty() || weight_total <= 0 ? 0.0 : share / weight_total;
        const RateEstimate r = net_rate(s.change, s.regular_before, s.stock_before, q, ts.empty() ? 1.0 : 1 - w, s.years);
        referrals.push_back(rate_estimate(refer + "." + kCats[k], r,
                                          "netto verandering van " + so + "_" + kCats[k] + " plus de uitstroom (" + (ts.empty() ? "aangenomen" : "uit de stroomkolommen") +
                                              "), gedeeld door regulier; quasi-binomiaal"));
        if (r.clamped)
          c.diags.warning({h.file, 0, 0, so + "_" + kCats[k]}, so + "_" + kCats[k] + " daalt sneller dan de uitstroom van " + pct(q, 0) +
                                                                    " toelaat: de verwijzing naar " + kCats[k] + " is op 0 gezet");
      }
    } else {
      c.not_separable.push_back("De historie geeft " + SO + " als één kolom " + so + ": de verwijzing staat in het fragment bij categorie laag. De aantallen "
                                "kloppen zo, de afdrachten niet: verdeel de kans over laag, midden en hoog naar de mix van de eigen " + SO + "-leerlingen.");
      c.diags.warning({h.file, 0, 0, so}, "de historie geeft " + SO + " niet per categorie: de verwijzing staat bij laag; verdeel haar naar de eigen mix");
    }
  }
  for (const auto& e : referrals) referral_total += e.value;
  // More referrals than regular pupils can give cannot be the model's; keep the regular state's
  // rates well below 1 (scaled alike), so the engine can run what the history says, with a warning.
  if (referral_total > kMaxReferral - a.out_regular) {
    const double f = (kMaxReferral - a.out_regular) / referral_total;
    c.diags.warning({h.file, 0, 0, "regulier"}, "de verwijzingen zijn samen " + pct(referral_total, 0) +
                                                     " van regulier per jaar: de historie past niet bij het model (klopt regulier?); ze zijn geschaald tot " +
                                                     pct(kMaxReferral - a.out_regular, 0));
    for (auto& e : referrals) e.value *= f, e.sd *= f, e.std_error = e.std_error ? std::optional<double>(*e.std_error * f) : std::nullopt;
    referral_total = kMaxReferral - a.out_regular;
  }

  // Demography: the intake behind the regular counts, with everything that leaves regular education.
  c.demography = estimate_demography(h.regular, h.years, a.out_regular + referral_total);
  const DemographyEstimate& d = c.demography;
  const std::string dmethod = "Kalman-filter op de afgeleide instroom (regulier − (1 − uitstroom − verwijzing) × regulier vorig jaar), aannemelijkheid gewogen over een rooster";
  {
    Estimate e;
    e.key = "demografie.instroom", e.value = d.intake, e.std_error = d.intake_sd, e.years = d.years;
    e.method = "gefilterde instroom op de laatste teldatum; " + dmethod;
    e.note = "een getal in het scenario; haar onzekerheid zit in de spreiding van groei in het eerste jaar";
    c.estimates.push_back(e);
  }
  c.estimates.push_back(assumed("demografie.zij_instroom", 0, "zit in de instroom (de historie telt alleen wie er is)"));
  {
    Estimate e;
    e.key = "demografie.groei", e.value = d.growth, e.std_error = d.growth_se, e.years = d.years, e.method = dmethod;
    e.spread = Spread::PerPath, e.dist = Dist::Normal, e.sd = d.growth_se;
    // The engine starts each path with shock 0: the fragment's groei carries the shock the history
    // ends with, g + ρ^k e_T in the k-th year after it, with its sd over filter and grid.
    for (size_t k = 0; k < d.growth_ahead.size(); ++k) {
      const int year = h.last_year() + 1 + static_cast<int>(k);
      e.mean_by_year.emplace_back(year, d.growth_ahead[k]);
      e.sd_by_year.emplace_back(year, d.growth_ahead_sd[k]);
    }
    e.note = "in het fragment per jaar na " + std::to_string(h.last_year()) + " gemiddelde en sd zo dat de groei over k jaar (met nieuwe schokken van "
             "onzekerheid en persistentie) de verdeling volgt die de historie toelaat: de onzekerheid van g, onzekerheid en persistentie "
             "en de schok waarmee de historie eindigt (de rekenkern begint elk pad met schok 0)";
    c.estimates.push_back(e);
  }
  auto bounded = [&](const std::string& key, double m, double se, double hi) {
    Estimate e;
    e.key = key, e.value = m, e.std_error = se, e.years = d.years, e.method = dmethod + " (vlakke verdeling vooraf op [0, " + num_short(hi) + "])";
    e.note = "in het fragment de schatting zelf; haar onzekerheid zit in de spreiding van groei (die verdelingen hangen samen, "
             "en de rekenkern trekt elke sleutel los)";
    return e;
  };
  c.estimates.push_back(bounded("demografie.onzekerheid", d.sigma, d.sigma_se, kSigmaMax));
  c.estimates.push_back(bounded("demografie.persistentie", d.persistence, d.persistence_se, kRhoMax));
  for (auto& e : referrals) c.estimates.push_back(std::move(e));
  c.estimates.push_back(assumed("stromen.uitstroom.regulier", a.out_regular, a.out_regular_source));
  for (auto& e : exits) c.estimates.push_back(std::move(e));
  // Folded in (see the header): the history cannot tell them apart from outflow and intake.
  if (po) {
    c.estimates.push_back(assumed("stromen.terugplaatsing.sbo", 0, "zit in uitstroom.sbo (weg uit het SBO) en in de instroom van regulier"));
    for (const char* k : kCats)
      c.estimates.push_back(assumed(std::string("stromen.doorstroom.sbo_so.") + k, 0, "zit in uitstroom.sbo en in verwijzing.so"));
  }
  c.estimates.push_back(assumed("stromen.terugplaatsing.so", 0, "zit in uitstroom.so (weg uit het " + SO + ") en in de instroom van regulier"));
  c.not_separable.push_back("Terugplaatsing" + std::string(po ? " en doorstroom SBO → SO" : "") +
                            ": de historie telt wie vertrekt, niet waarheen. Het fragment telt elk vertrek uit " + SP + " en " + SO +
                            " als uitstroom en elke nieuwe " + SO + "-leerling als verwijzing uit regulier; teruggeplaatste leerlingen zitten in de "
                            "instroom van regulier. De aantallen bewegen zo hetzelfde.");
  c.not_separable.push_back("Regulier: de historie heeft geen uitstroomkolom voor regulier; de uitstroom is aangenomen (" + pct(a.out_regular, 1) + ": " +
                            a.out_regular_source + ") en de instroom is wat de aantallen dan vragen. Zij-instroom en verhuizingen zitten in die instroom.");
  if (d.negative_intake)
    c.diags.warning({h.file, 0, 0, "regulier"}, "regulier daalt in een jaar sterker dan de aangenomen uitstroom (" + pct(a.out_regular, 1) +
                                                     ") toelaat: de afgeleide instroom is dan negatief; de demografie past slecht bij de historie");
  if (d.sigma_at_edge)
    c.diags.warning({h.file, 0, 0, "regulier"}, "de jaarlijkse onzekerheid van de instroom zit tegen de rand van het onderzochte bereik (" + pct(kSigmaMax, 0) +
                                                     "): de historie past slecht bij het model (een trendbreuk?); toets de banden met swvsim terugtoets");
  if (d.growth_at_edge)
    c.diags.warning({h.file, 0, 0, "regulier"}, "de groei van de instroom ligt aan de rand van het onderzochte bereik; de schatting is onbetrouwbaar");
  // Never a NaN in a fragment or a report: a non-finite estimate is a bug here, not a number.
  for (const Estimate& e : c.estimates) {
    bool finite = std::isfinite(e.value) && std::isfinite(e.sd) && (!e.std_error || std::isfinite(*e.std_error));
    for (const auto& [year, x] : e.mean_by_year) finite &= std::isfinite(x);
    for (const auto& [year, x] : e.sd_by_year) finite &= std::isfinite(x);
    if (!finite) throw std::logic_error("kalibratie: de schatting van " + e.key + " is geen eindig getal");
  }
  c.method = std::string("stromen: kansen gepoold over de jaren, ") + (c.special_flows || c.so_flows ? "uit de stroomkolommen" : "") +
             (c.special_flows != c.so_flows || (!c.special_flows && !c.so_flows) ? std::string(c.special_flows || c.so_flows ? " en " : "") +
                                                                                       "uit de netto verandering met aangenomen uitstroom"
                                                                                 : "") +
             ", quasi-binomiale standaardfouten; demografie: Kalman-filter, aannemelijkheid gewogen over een rooster (docs/kalibratie.md)";
  return c;
}

}  // namespace swv
