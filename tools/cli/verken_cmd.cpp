#include "verken_cmd.h"

#include <csignal>
#include <filesystem>
#include <iostream>

#include "cli_common.h"
#include "deterministic.h"
#include "engine_version.h"
#include "format_nl.h"
#include "validate.h"
#include "verken_server.h"

namespace swv::cli {

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace {

constexpr int64_t kDefaultPaths = 2'000;  // a recomputation well under a second (docs/verken.md)

// The file names in the scenario's folder that belong to the base (its chain): never a variant's.
std::vector<std::string> own_files(const Scenario& sc, const std::string& folder) {
  std::vector<std::string> out;
  std::error_code ec;
  const fs::path dir = fs::weakly_canonical(folder.empty() ? "." : folder, ec);
  for (const auto& f : sc.files) {
    const fs::path p = fs::weakly_canonical(f, ec);
    if (!ec && p.parent_path() == dir) out.push_back(p.filename().string());
    out.push_back(fs::path(f).filename().string());  // also as written (a link's own name)
  }
  return out;
}

// The first year's total baten of the plan (the extra spending's range scales with it).
double first_income(const Scenario& sc) {
  Scenario plan = sc;
  plan.mode = Mode::Deterministic;
  const Result r = run_deterministic(plan);
  const Series* s = r.find("totale_baten");
  return s && !s->mean.empty() ? s->mean.front() : 0.0;
}

}  // namespace

int cmd_verken(const std::vector<std::string>& args) {
  po::options_description opts("Opties van verken");
  opts.add_options()("help,h", "deze hulp")("poort", po::value<int>()->default_value(0), "poort op 127.0.0.1 (0: een vrije poort)")(
      "paden", po::value<int64_t>(), "Monte-Carlo-paden per berekening (standaard 2000)")(
      "zaad", po::value<std::string>(), "zaad (standaard: uit het scenario)")(
      "threads", po::value<int>(), "aantal threads (standaard: alle kernen); de uitkomst hangt er niet van af");
  const po::variables_map vm = parse_command(args, opts, "bestand");
  if (vm.count("help")) {
    std::cout << "swvsim verken SCENARIO [opties]\n\nStart een verkenpagina op http://127.0.0.1:POORT/ (alleen op deze computer): pagina 1 van\n"
                 "het rapport naast schuiven voor de aannames waarover een bestuur praat. Elke wijziging wordt opnieuw\n"
                 "doorgerekend (dezelfde paden en hetzelfde zaad); \"Bewaar als variant\" schrijft de wijzigingen als\n"
                 "variantbestand naast het scenario, en swvsim run op dat bestand geeft dezelfde getallen.\n"
                 "De eerste regel op de standaarduitvoer is het adres. Stoppen: Ctrl-C.\n\n"
              << opts;
    return kOk;
  }
  if (!vm.count("bestand")) throw InputError("geef een scenariobestand op: swvsim verken SCENARIO");
  const int port = vm["poort"].as<int>();
  if (port < 0 || port > 65535) throw InputError("--poort moet 0 (een vrije poort) tot en met 65535 zijn");
  int threads = 0;
  if (vm.count("threads")) {
    threads = vm["threads"].as<int>();
    if (threads < 1) throw InputError("--threads moet ten minste 1 zijn");
  }
  int64_t paths = kDefaultPaths;
  if (vm.count("paden")) {
    paths = vm["paden"].as<int64_t>();
    if (paths < 1) throw InputError("--paden moet ten minste 1 zijn");
    if (paths > kMaxPaths) throw InputError("--paden mag hoogstens " + num_nl(static_cast<double>(kMaxPaths)) + " zijn");
  }

  const std::string file = vm["bestand"].as<std::string>();
  LoadResult lr = load_or_report(file);
  if (!lr.scenario) return kInput;
  const Scenario& sc = *lr.scenario;
  const uint64_t seed = vm.count("zaad") ? parse_seed(vm["zaad"].as<std::string>()) : sc.seed;
  if (seed > static_cast<uint64_t>(INT64_MAX))
    throw InputError("--zaad " + std::to_string(seed) + " past niet in een scenariobestand (gehele getallen tot 9223372036854775807); kies een kleiner zaad");

  VerkenBase base;
  base.scenario = file;
  base.folder = fs::path(file).parent_path().string();
  base.file_name = fs::path(file).filename().string();
  base.name = sc.name;
  base.own_files = own_files(sc, base.folder);
  base.paths = paths;
  base.seed = seed;
  base.precision = sc.precision > 0;
  base.version = engine_version();
  if (std::find(base.own_files.begin(), base.own_files.end(), "verken.toml") != base.own_files.end()) base.default_name = "verken-variant";
  base.controls = verken_controls(sc, lr.tree->root, first_income(sc));

  // The variant without changes must load (a long swv.naam could make it too long, for instance).
  {
    LoadOptions o;
    o.text = variant_text(base, Changes{}, base.default_name);
    const LoadResult check = load_scenario(variant_path(base, base.default_name), o);
    if (!check.scenario) {
      print_diagnostics(check.diags);
      std::cerr << "swvsim verken: de variant zonder wijzigingen laadt niet; zie de meldingen hierboven.\n";
      return kInput;
    }
  }

  VerkenServer server(base, sc.mode == Mode::MonteCarlo, threads);
  const int bound = server.bind(port);
  std::signal(SIGPIPE, SIG_IGN);  // a browser that closes a connection early is not a reason to stop
  install_sigint();
  std::cout << "http://127.0.0.1:" << bound << "/" << std::endl;
  std::cerr << "swvsim verken: " << file << " (" << (sc.mode == Mode::MonteCarlo ? num_nl(static_cast<double>(paths)) + " paden, zaad " + std::to_string(seed)
                                                                                    : std::string("deterministisch"))
            << "); open het adres hierboven in een browser op deze computer. Stoppen: Ctrl-C.\n";
  server.run(g_cancel);
  const int sig = g_signal.load() != 0 ? g_signal.load() : SIGINT;
  std::cerr << "swvsim verken: gestopt (" << (sig == SIGTERM ? "SIGTERM" : "Ctrl-C") << ").\n";
  return 128 + sig;
}

}  // namespace swv::cli
