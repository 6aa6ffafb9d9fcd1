#include "report_terms.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <filesystem>

#include "format_nl.h"
#include "loader.h"
#include "targets.h"

namespace swv {

const char* side_name(Side s) {
  switch (s) {
    case Side::Income: return "baten";
    case Side::Reduction: return "kortingen";
    case Side::Cost: return "lasten";
  }
  return "";
}

const char* side_title(Side s) {
  switch (s) {
    case Side::Income: return "Baten";
    case Side::Reduction: return "Kortingen";
    case Side::Cost: return "Lasten";
  }
  return "";
}

bool has_side(const Result& r, Side s) {
  for (const auto& l : r.lines)
    if (l.side == s) return true;
  return false;
}

bool is_risk_line(const LineResult& l) { return l.code.rfind("risico.", 0) == 0; }
bool is_policy_line(const LineResult& l) { return l.code.rfind("beleid.", 0) == 0; }

const Probability* find_flag(const Result& r, const std::string& key) {
  for (const auto& [k, p] : r.more_flags)
    if (k == key) return &p;
  return nullptr;
}

std::string flag_words(const std::string& key) {
  if (key == "onder_streefvermogen") return "algemene reserve onder streefvermogen";
  if (key == "solvabiliteit_onder_signaal") return "solvabiliteit 2 onder 0,30";
  if (key == "liquiditeit_onder_signaal") return "liquiditeit onder 0,75";
  if (key == "drie_jaar_negatief_resultaat") return "drie jaar op rij een negatief resultaat";
  if (key == "doel_sbo_gehaald") return "doel SBO gehaald";
  if (key == "doel_so_gehaald") return "doel SO gehaald";
  if (key == "doel_vso_gehaald") return "doel VSO gehaald";
  if (key == "doel_pro_gehaald") return "doel PrO gehaald";
  return key;
}

std::string flag_label(const std::string& key, bool monte_carlo) {
  std::string w = flag_words(key);
  if (monte_carlo) return "Kans " + w;
  if (!w.empty() && w[0] >= 'a' && w[0] <= 'z') w[0] = static_cast<char>(w[0] - 'a' + 'A');
  return w;
}

BufferVerdict buffer_verdict(double available, double required) {
  const double ratio = buffer_ratio(available, required);
  const NarClass c = nar_class(ratio);
  // Two decimals, or more where two would put the ratio on the other side of a class boundary
  // (2,004 is class A; "2,00" would read as B).
  int decimals = 2;
  while (std::isfinite(ratio) && decimals < 6) {
    const double scale = std::pow(10.0, decimals);
    if (nar_class(std::round(ratio * scale) / scale).letter == c.letter) break;
    ++decimals;
  }
  return {ratio, c, std::isfinite(ratio) ? num_nl(ratio, decimals) : "geen buffer nodig", std::string(1, c.letter) + " — " + c.label};
}

const char* const kBufferDefinition =
    "Het benodigde weerstandsvermogen bij zekerheid c is het bedrag waarmee het eigen vermogen in het slechtste jaar van de "
    "planperiode onder de deterministische begroting kan uitkomen, bij die zekerheid: per pad het grootste tekort van het eigen "
    "vermogen onder de begroting (minimaal 0), en daarvan het c-kwantiel over de paden. De deterministische begroting bevat het "
    "bestedingsplan al: geplande uitgaven vragen geen buffer. Zonder risico's en onzekerheid volgt elk pad de begroting en is het "
    "benodigde weerstandsvermogen 0. Beschikbaar is de algemene reserve bij de start (het eigen vermogen min de "
    "bestemmingsreserves). De ratio beschikbaar / benodigd wordt beoordeeld met de NAR-schaal.";

const char* const kBufferDefinitionShort = "grootste tekort van het eigen vermogen onder de deterministische begroting";

const std::vector<NarRow>& nar_scale() {
  // Written out from the engine's one definition (kNarScale, result.h): "meer dan 2,0", "1,4–2,0", ...
  static const std::vector<NarRow> rows = [] {
    std::vector<NarRow> r;
    for (size_t i = 0; i < kNarScale.size(); ++i) {
      const NarBand& b = kNarScale[i];
      const std::string range = i == 0                       ? "meer dan " + num_nl(b.lower, 1)
                                : i + 1 == kNarScale.size() ? "minder dan " + num_nl(kNarScale[i - 1].lower, 1)
                                                            : num_nl(b.lower, 1) + "–" + num_nl(kNarScale[i - 1].lower, 1);
      r.push_back({std::string(1, b.cls.letter), range, b.cls.label});
    }
    return r;
  }();
  return rows;
}

std::string nar_scale_text() {
  std::string s;
  for (const NarRow& n : nar_scale()) s += std::string(s.empty() ? "" : "; ") + n.letter + " " + n.range + ": " + n.label;
  return s;
}

const std::vector<BalanceRow>& balance_assets() {
  static const std::vector<BalanceRow> rows = {{"materiele_vaste_activa", "Materiële vaste activa", BalanceKind::Money},
                                               {"vorderingen", "Vorderingen", BalanceKind::Money},
                                               {"liquide_middelen", "Liquide middelen", BalanceKind::Money}};
  return rows;
}

const std::vector<BalanceRow>& balance_liabilities() {
  static const std::vector<BalanceRow> rows = {{"eigen_vermogen", "Eigen vermogen", BalanceKind::Money},
                                               {"voorzieningen", "Voorzieningen", BalanceKind::Money},
                                               {"langlopende_schulden", "Langlopende schulden", BalanceKind::Money},
                                               {"kortlopende_schulden", "Kortlopende schulden", BalanceKind::Money}};
  return rows;
}

const std::vector<BalanceRow>& balance_ratios() {
  static const std::vector<BalanceRow> rows = {
      {"solvabiliteit_2", "Solvabiliteit 2 ((eigen vermogen + voorzieningen) / balanstotaal)", BalanceKind::Ratio},
      {"liquiditeit", "Liquiditeit ((vorderingen + liquide middelen) / kortlopende schulden)", BalanceKind::Ratio},
      {"rentabiliteit", "Rentabiliteit (saldo / totale baten)", BalanceKind::Percent}};
  return rows;
}

bool has_balance(const Result& r) { return r.find("balanstotaal") != nullptr; }

std::string ratio_value_text(BalanceKind kind, double x) {
  if (!std::isfinite(x)) return "n.v.t.";
  if (kind == BalanceKind::Percent) return pct(x, 1);
  if (kind == BalanceKind::Ratio) return num_nl(x, 2);
  return euro(x);
}

const std::vector<BalanceSignal>& balance_signals() {
  static const std::vector<BalanceSignal> rows = {{"solvabiliteit_onder_signaal", "Solvabiliteit 2 onder 0,30"},
                                                  {"liquiditeit_onder_signaal", "Liquiditeit onder 0,75"},
                                                  {"drie_jaar_negatief_resultaat", "Drie jaar op rij een negatief resultaat"}};
  return rows;
}

std::vector<ReserveSeries> reserve_series(const ReportInput& in) {
  std::vector<ReserveSeries> out;
  const std::string prefix = "bestemmingsreserve.";
  for (const Series& s : in.result.series) {
    if (s.key.rfind(prefix, 0) != 0) continue;
    const std::string code = s.key.substr(prefix.size());
    std::string label = code;
    if (in.scenario)
      for (const auto& r : in.scenario->reserves)
        if (r.code == code) label += " " + r.name;
    out.push_back({&s, label});
  }
  return out;
}

bool any_nonzero(const Series* s) {
  if (!s) return false;
  for (double x : s->mean)
    if (std::fabs(x) >= 0.005) return true;
  return false;
}

std::vector<PupilShare> pupil_shares(const Result& r) {
  struct Known {
    const char *key, *label, *title;
    bool percent;
    int target;
  };
  static const Known known[] = {
      {"deelname_sbo", "Deelname SBO", "Deelname SBO (% van BaO + SBO)", true, 0},
      {"deelname_so", "Deelname SO", "Deelname SO (% van alle leerlingen)", true, 1},
      {"deelname_vso", "Deelname VSO", "Deelname VSO (% van VO + VSO)", true, 1},
      {"deelname_pro", "Deelname PrO", "Deelname PrO (% van VO + PrO)", true, 0},
      {"wachtlijst_sbo", "Wachtlijst SBO", "Wachtlijst SBO (leerlingen)", false, -1},
      {"wachtlijst_so", "Wachtlijst SO", "Wachtlijst SO (leerlingen)", false, -1},
      {"wachtlijst_vso", "Wachtlijst VSO", "Wachtlijst VSO (leerlingen)", false, -1},
  };
  std::vector<PupilShare> out;
  for (const Known& k : known)
    if (const Series* s = r.find(k.key)) out.push_back({s, k.label, k.title, k.percent, k.target});
  return out;
}

std::string pupil_share_text(const PupilShare& p, double x) {
  if (!std::isfinite(x)) return "n.v.t.";
  return p.percent ? pct(x, 2) : num_nl(x, 0);
}

std::vector<double> pupil_share_target(const ReportInput& in, const PupilShare& p) {
  if (!in.scenario || p.target < 0) return {};
  const size_t i = static_cast<size_t>(p.target);
  // A target in pupils (doel.<type>_leerlingen) is no participation: the table shows its chance instead.
  if (!in.scenario->flows.target_given[i] || in.scenario->flows.target_pupils[i]) return {};
  std::vector<double> v;
  for (int y : in.result.years) v.push_back(target_at(in.scenario->flows.target[i], y));
  return v;
}

// Whole euros per line so that the printed lines add up to the printed total (largest remainder):
// per year, when the lines sum to the total within a euro (always, up to floating point: every euro
// is on a line), the lines are rounded down and the euros still missing go to the largest remainders.
std::vector<std::vector<double>> printed_lines(const std::vector<const std::vector<double>*>& lines, const std::vector<double>& total) {
  std::vector<std::vector<double>> out;
  for (const auto* l : lines) out.push_back(*l);
  for (size_t y = 0; y < total.size(); ++y) {
    double sum = 0, floors = 0;
    std::vector<std::pair<double, size_t>> rest;
    for (size_t i = 0; i < lines.size(); ++i) {
      const double x = y < lines[i]->size() ? (*lines[i])[y] : 0.0;
      sum += x, floors += std::floor(x);
      rest.push_back({x - std::floor(x), i});
    }
    if (std::fabs(sum - total[y]) > 1.0) {  // not a rounding matter: print each line as it is
      for (size_t i = 0; i < lines.size(); ++i) out[i][y] = std::round(out[i][y]);
      continue;
    }
    std::stable_sort(rest.begin(), rest.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    const long extra = std::lround(std::round(total[y]) - floors);
    for (size_t i = 0; i < lines.size(); ++i) out[i][y] = std::floor(out[i][y]);
    for (long j = 0; j < extra && j < static_cast<long>(rest.size()); ++j) out[rest[static_cast<size_t>(j)].second][y] += 1;
  }
  return out;
}

const Probability* pupil_share_met(const ReportInput& in, const PupilShare& p) {
  if (!in.scenario || p.target < 0) return nullptr;
  const bool vo = in.scenario->sector == Sector::Vo;
  return find_flag(in.result, std::string("doel_") + (p.target == 1 ? (vo ? "vso" : "so") : (vo ? "pro" : "sbo")) + "_gehaald");
}

std::string report_date() {
  std::time_t t = std::time(nullptr);
  if (const char* e = std::getenv("SOURCE_DATE_EPOCH"); e && *e) {
    char* end = nullptr;
    const long long v = std::strtoll(e, &end, 10);
    if (end && *end == '\0' && v >= 0) t = static_cast<std::time_t>(v);
  }
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%d-%m-%Y", &tm);
  return buf;
}

namespace {

// A rules file as a reader knows it: a built-in one by its name ("po-2026"), another by its file name.
std::string rules_file_name(const std::string& file) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path dir = fs::weakly_canonical(fs::path(file).parent_path().empty() ? "." : fs::path(file).parent_path(), ec);
  const fs::path builtin = fs::weakly_canonical(default_rules_dir(), ec);
  if (!ec && dir == builtin) return fs::path(file).stem().string();
  return fs::path(file).filename().string();
}

// "afdracht.so.laag" -> "afdracht SO laag", "ondersteuning.licht.normbedrag" -> "ondersteuning licht (normbedrag)".
std::string rules_key_words(const std::string& key, Sector sector) {
  const std::vector<std::pair<std::string, std::string>> words = {
      {"afdracht.so.", sector == Sector::Vo ? "afdracht VSO " : "afdracht SO "}, {"afdracht.sbo.bedrag", "afdracht SBO"},
      {"afdracht.sbo.drempel", "drempel afdracht SBO"}, {"afdracht.lwoo_pro.bedrag", "afdracht LWOO/PrO"},
      {"indexatie.loon_aandeel", "loongevoelig deel"},  {"signaleringswaarde.", "signaleringswaarde "}};
  for (const auto& [prefix, text] : words)
    if (key.rfind(prefix, 0) == 0) return text + key.substr(prefix.size());
  if (key.rfind("ondersteuning.", 0) == 0) {
    const std::string rest = key.substr(14);
    const size_t dot = rest.find('.');
    if (dot != std::string::npos) return "ondersteuning " + rest.substr(0, dot) + " (" + rest.substr(dot + 1) + ")";
  }
  return key;
}

std::string rules_line(const Rules& r) {
  std::string s = rules_file_name(r.file);
  if (r.own.empty()) return s + (r.name.empty() ? "" : " (" + r.name + ")");
  s += ": eigen bedragen voor ";
  for (size_t i = 0; i < r.own.size(); ++i) s += (i ? ", " : "") + rules_key_words(r.own[i], r.sector);
  return s + "; de overige bedragen uit " + rules_file_name(r.files.back());
}

}  // namespace

std::vector<std::string> rules_words(const Scenario& sc) {
  std::vector<std::string> out;
  if (sc.rules_by_year.empty()) out.push_back(rules_line(sc.rules));
  for (const auto& [from, r] : sc.rules_by_year) out.push_back("vanaf " + std::to_string(from) + ": " + rules_line(r));
  return out;
}

}  // namespace swv
