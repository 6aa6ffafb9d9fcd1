#include "calibration_cmds.h"

#include <boost/program_options.hpp>
#include <filesystem>
#include <iostream>
#include <optional>
#include <stdexcept>

#include "backtest.h"
#include "calibrate.h"
#include "calibration_report.h"
#include "cli_common.h"
#include "engine_version.h"
#include "format_nl.h"
#include "fragment.h"
#include "history.h"
#include "output_set.h"
#include "validate.h"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace swv::cli {

namespace {

constexpr int64_t kMaxBacktestPaths = 1'000'000;

// The options both commands share, and those of the back-test (kalibreer --terugtoets uses them too).
po::options_description history_options(const char* title, const char* default_dir) {
  po::options_description o(title);
  const std::string uit = std::string("uitvoermap (standaard ") + default_dir + ")";
  o.add_options()("help,h", "deze hulp")("sector", po::value<std::string>(), "po of vo (standaard: af te lezen uit de kolommen)")(
      "uit", po::value<std::string>(), uit.c_str())("stil", "geen tabel op het scherm");
  return o;
}

void add_backtest_options(po::options_description& o) {
  o.add_options()("vanaf", po::value<int>(), "eerste oorsprong (standaard: de vijfde teldatum)")(
      "horizon", po::value<int>()->default_value(3), "jaren vooruit per oorsprong (1 tot en met 15)")(
      "paden", po::value<int64_t>()->default_value(2000), "Monte-Carlo-paden per oorsprong")("zaad", po::value<std::string>(), "zaad (standaard 1)")(
      "threads", po::value<int>(), "aantal threads (standaard: alle kernen); de uitkomst hangt er niet van af");
}

po::variables_map parse(const std::vector<std::string>& args, const po::options_description& opts) {
  return parse_command(args, opts, "historie");
}

std::optional<Sector> read_sector(const po::variables_map& vm) {
  if (!vm.count("sector")) return std::nullopt;
  const std::string s = vm["sector"].as<std::string>();
  if (s == "po") return Sector::Po;
  if (s == "vo") return Sector::Vo;
  throw InputError("--sector is po of vo, niet " + quote(s));
}

BacktestOptions read_backtest(const po::variables_map& vm) {
  BacktestOptions o;
  if (vm.count("vanaf")) o.from_year = vm["vanaf"].as<int>();
  o.horizon = vm["horizon"].as<int>();
  o.paths = vm["paden"].as<int64_t>();
  if (o.paths < 100) throw InputError("--paden moet bij een terugtoets ten minste 100 zijn (de banden P5–P95 vragen genoeg paden)");
  if (o.paths > kMaxBacktestPaths) throw InputError("--paden mag bij een terugtoets hoogstens " + num_nl(static_cast<double>(kMaxBacktestPaths)) + " zijn");
  if (vm.count("zaad")) o.seed = parse_seed(vm["zaad"].as<std::string>());
  if (vm.count("threads")) {
    if (vm["threads"].as<int>() < 1) throw InputError("--threads moet ten minste 1 zijn");
    o.mc.threads = vm["threads"].as<int>();
  }
  o.mc.cancel = &g_cancel;
  return o;
}

// The history, with every problem printed (exit 2 when there are errors).
std::optional<History> read_or_report(const po::variables_map& vm, const char* command) {
  if (!vm.count("historie")) throw InputError(std::string("geef een historiebestand op: swvsim ") + command + " HISTORIE.csv");
  Diagnostics d;
  std::optional<History> h = read_history(vm["historie"].as<std::string>(), read_sector(vm), d);
  print_diagnostics(d);
  return h;
}

// The back-test's origins checked before anything runs or any folder is touched.
void check_origins(const History& h, const BacktestOptions& o) {
  const Origins origins = backtest_origins(h, o);
  if (!origins.error.empty()) throw InputError(origins.error);
}

// The fragment as the loader checks each file of a chain: a fragment that would not load is a bug here.
void check_fragment(const std::string& text, Sector sector) {
  Diagnostics d;
  try {
    const toml::table root = toml::parse(text, std::string("kalibratie.toml"));
    validate_file(root, FileKind::Scenario, sector, root.contains("basis"), d);
  } catch (const toml::parse_error& e) {
    throw std::logic_error(std::string("kalibratie.toml is geen geldige TOML: ") + std::string(e.description()));
  }
  if (d.has_errors()) throw std::logic_error("kalibratie.toml laadt niet: " + d.items().front().format());
}

void print_written(const std::vector<std::string>& written) {
  std::cout << "Resultaten:\n";
  for (const auto& f : written) std::cout << "  " << f << "\n";
}

}  // namespace

int cmd_calibrate(const std::vector<std::string>& args) {
  po::options_description opts = history_options("Opties van kalibreer", "uitvoer/kalibratie");
  opts.add_options()("basis", po::value<std::string>(), "scenario waarvan kalibratie.toml een variant is (basis = ...)")(
      "terugtoets", "toets de banden ook (als swvsim terugtoets) en zet de dekking in kalibratie.toml");
  add_backtest_options(opts);
  const po::variables_map vm = parse(args, opts);
  if (vm.count("help")) {
    std::cout << "swvsim kalibreer HISTORIE.csv [--sector po|vo] [--uit MAP] [--basis SCENARIO] [--terugtoets]\n\n"
                 "Schat uit de eigen telgeschiedenis (een rij per teldatum: jaar, regulier, sbo, so_laag, so_midden, so_hoog;\n"
                 "vo: pro, vso_*; met of zonder instroom- en uitstroomkolommen) de demografische trend, haar onzekerheid en\n"
                 "persistentie en de verwijs- en uitstroomkansen, elk met standaardfout. Schrijft kalibratie.toml (een\n"
                 "scenariofragment: als variant of om te plakken) en kalibratie.json; met --terugtoets ook terugtoets.json\n"
                 "en terugtoets.html. Zie docs/kalibratie.md.\n\n"
              << opts;
    return kOk;
  }
  const bool backtest = vm.count("terugtoets") > 0;
  const BacktestOptions bo = read_backtest(vm);
  std::optional<History> h = read_or_report(vm, "kalibreer");
  if (!h) return kInput;
  if (backtest) check_origins(*h, bo);
  const std::string dir = vm.count("uit") ? vm["uit"].as<std::string>() : "uitvoer/kalibratie";
  FragmentOptions fo;
  fo.version = engine_version();
  if (vm.count("basis")) {
    const std::string basis = vm["basis"].as<std::string>();
    LoadResult lr = load_or_report(basis);
    if (!lr.scenario) return kInput;
    if (lr.scenario->sector != h->sector)
      throw InputError("de basis " + basis + " is een " + sector_name(lr.scenario->sector) + "-scenario, de historie " + sector_name(h->sector));
    if (lr.scenario->first_year != h->last_year() + 1)
      std::cerr << basis << ": waarschuwing: het scenario begint in " << lr.scenario->first_year << "; de kalibratie hoort bij een begin in "
                << h->last_year() + 1 << " (de instroom en de startaantallen zijn die van de laatste teldatum, " << h->last_year() << ")\n";
    std::error_code ec;
    const fs::path rel = fs::relative(fs::absolute(basis), fs::absolute(dir), ec);
    fo.basis = ec || rel.empty() ? fs::absolute(basis).string() : rel.string();
  }
  std::vector<std::string> family = {"kalibratie.toml", "kalibratie.json"};
  if (backtest) family.insert(family.end(), {"terugtoets.json", "terugtoets.html"});
  OutputSet set(dir, family);
  install_sigint();
  const Calibration c = calibrate(*h);
  print_diagnostics(c.diags);
  std::optional<Backtest> bt;
  if (backtest) {
    bt = run_backtest(*h, bo);
    fo.backtest = bt->all, fo.backtest_horizon = bt->horizon;
  }
  const std::string fragment = fragment_toml(c, fo);
  check_fragment(fragment, c.sector);
  set.write("kalibratie.toml", fragment);
  set.write("kalibratie.json", calibration_json(c, engine_version()));
  if (bt) {
    set.write("terugtoets.json", backtest_json(*bt, engine_version()));
    set.write("terugtoets.html", backtest_html(*bt, engine_version()));
  }
  check_cancel();
  const std::vector<std::string> written = set.commit();
  if (!vm.count("stil")) {
    std::cout << calibration_table(c) << "\n";
    if (bt) std::cout << backtest_table(*bt) << "\n";
  }
  print_written(written);
  return kOk;
}

int cmd_backtest(const std::vector<std::string>& args) {
  po::options_description opts = history_options("Opties van terugtoets", "uitvoer/terugtoets");
  add_backtest_options(opts);
  const po::variables_map vm = parse(args, opts);
  if (vm.count("help")) {
    std::cout << "swvsim terugtoets HISTORIE.csv [--sector po|vo] [--vanaf JAAR] [--horizon 3] [--uit MAP]\n\n"
                 "Toetst of de banden van een kalibratie eerlijk zijn: kalibreert voor elk oorsprongsjaar van --vanaf tot\n"
                 "het voorlaatste jaar alleen op de historie tot dat jaar, rekent de aantallen met de rekenkern door en legt\n"
                 "de werkelijke aantallen van de jaren erna naast de banden P25–P75 en P5–P95. Schrijft terugtoets.json en\n"
                 "terugtoets.html met het oordeel (eerlijk, te smal, te breed). Zie docs/kalibratie.md.\n\n"
              << opts;
    return kOk;
  }
  const BacktestOptions bo = read_backtest(vm);
  std::optional<History> h = read_or_report(vm, "terugtoets");
  if (!h) return kInput;
  check_origins(*h, bo);
  OutputSet set(vm.count("uit") ? vm["uit"].as<std::string>() : "uitvoer/terugtoets", {"terugtoets.json", "terugtoets.html"});
  install_sigint();
  const Backtest bt = run_backtest(*h, bo);
  set.write("terugtoets.json", backtest_json(bt, engine_version()));
  set.write("terugtoets.html", backtest_html(bt, engine_version()));
  check_cancel();
  const std::vector<std::string> written = set.commit();
  if (!vm.count("stil"))
    std::cout << backtest_table(bt) << "\nVoor kalibratie.toml (het rapport toont dan de terugtoets):\n\n" << backtest_toml_snippet(bt) << "\n";
  print_written(written);
  return kOk;
}

}  // namespace swv::cli
