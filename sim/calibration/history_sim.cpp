#include "history_sim.h"

#include <array>
#include <limits>
#include <stdexcept>

#include "mc.h"
#include "mc_record.h"

namespace swv {

History simulate_history(const Scenario& scenario, uint64_t path, bool with_flows) {
  if (scenario.flows.cap_sbo || scenario.flows.cap_so) throw std::invalid_argument("simulate_history: een scenario zonder capaciteit");
  Scenario sc = scenario;
  sc.mode = Mode::MonteCarlo;
  prepare_for_monte_carlo(sc);
  const std::vector<RecordedYear> years = record_path(sc, path);

  const double nan = std::numeric_limits<double>::quiet_NaN();
  History h;
  h.file = "(gesimuleerd)";
  h.sector = sc.sector;
  const bool po = sc.sector == Sector::Po;
  auto row = [&](int year, double regular, double special, const std::array<double, 3>& so) {
    h.years.push_back(year);
    h.regular.push_back(regular), h.special.push_back(special);
    for (size_t c = 0; c < 3; ++c) h.so[c].push_back(so[c]);
  };
  std::array<double, 3> so = sc.start.so;
  row(sc.first_year - 1, sc.start.regular, po ? sc.start.sbo : sc.start.pro, so);
  for (auto* v : {&h.special_flow.in, &h.special_flow.out, &h.so_flow.in, &h.so_flow.out}) v->push_back(nan);
  for (const RecordedYear& ry : years) {
    const YearRecord& r = ry.record;
    const int Y = r.year;
    const std::vector<double>& reg = ry.moves[0];
    const std::vector<double>& sbo = ry.moves[1];
    double so_in = 0, so_out = 0;
    for (size_t c = 0; c < 3; ++c) {
      const std::vector<double>& out = ry.moves[2 + c];
      const double in = reg[1 + c] + sbo[c];
      so[c] += in - out[0] - out[1];
      so_in += in, so_out += out[0] + out[1];
    }
    const double sbo_out = sbo[0] + sbo[1] + sbo[2] + sbo[3] + sbo[4];
    row(Y, r.regular, po ? r.sbo : r.pro, so);
    h.special_flow.in.push_back(with_flows ? (po ? reg[0] : reg[4]) : nan);
    h.special_flow.out.push_back(with_flows ? (po ? sbo_out : ry.moves[5][0]) : nan);
    h.so_flow.in.push_back(with_flows ? so_in : nan);
    h.so_flow.out.push_back(with_flows ? so_out : nan);
  }
  return h;
}

std::optional<double> scenario_parameter(const Scenario& sc, const std::string& key, int year) {
  const Flows& f = sc.flows;
  const Demography& d = sc.demography;
  auto m = [year](const Value& v) { return v.mean(year); };
  const char* cats[3] = {"laag", "midden", "hoog"};
  if (key == "demografie.groei") return m(d.growth);
  if (key == "demografie.onzekerheid") return m(d.sigma);
  if (key == "demografie.persistentie") return m(d.persistence);
  if (key == "stromen.verwijzing.sbo") return m(f.refer_sbo);
  if (key == "stromen.verwijzing.pro") return m(f.refer_pro);
  if (key == "stromen.uitstroom.regulier") return m(f.out_regular);
  if (key == "stromen.uitstroom.sbo") return m(f.out_sbo) + m(f.return_sbo) + m(f.sbo_to_so[0]) + m(f.sbo_to_so[1]) + m(f.sbo_to_so[2]);
  if (key == "stromen.uitstroom.pro") return m(f.out_pro);
  if (key == "stromen.uitstroom.so") return m(f.out_so) + m(f.return_so);
  double total = 0;
  for (int c = 0; c < 3; ++c) {
    total += m(f.refer_so[c]);
    if (key == std::string("stromen.verwijzing.so.") + cats[c]) return m(f.refer_so[c]);
  }
  if (key == "stromen.verwijzing.so") return total;
  return std::nullopt;
}

}  // namespace swv
