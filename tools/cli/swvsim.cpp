// swvsim — the command line (docs/cli-en-uitvoer.md). Thin: parse options, call sim/ and
// reports/, map errors to exit codes: 0 success (also when a breach is flagged), 2 invalid input,
// 3 internal error, 4 the environment refused, 128 + signal when stopped by Ctrl-C or SIGTERM.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <new>
#include <system_error>

#include <algorithm>
#include <atomic>
#include <boost/program_options.hpp>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>

#include "atomic_file.h"
#include "output_set.h"
#include "calibration_cmds.h"
#include "cli_common.h"
#include "decision_cmds.h"
#include "deterministic.h"
#include "engine_version.h"
#include "finance_table.h"
#include "format_nl.h"
#include "kaderbrief.h"
#include "loader.h"
#include "mc.h"
#include "nieuw_cmd.h"
#include "run_set.h"
#include "scale_cmds.h"
#include "verken_cmd.h"
#include "schema.h"
#include "thread_limit.h"
#include "targets.h"

namespace po = boost::program_options;
namespace fs = std::filesystem;
using namespace swv;
using namespace swv::cli;

namespace {

const char* kUsage =
    "swvsim — Monte-Carlo-meerjarenbegroting voor een samenwerkingsverband passend onderwijs\n\n"
    "Gebruik:\n"
    "  swvsim nieuw [--antwoorden BESTAND] [--uit SCENARIO]\n"
    "                                 een scenario uit wat u weet (vragen op de terminal, of een antwoordenbestand;\n"
    "                                 --voorbeeld-antwoorden toont er een)\n"
    "  swvsim controleer BESTAND      scenario laden en controleren (alias: check)\n"
    "  swvsim run BESTAND [opties]    simuleren en resultaten schrijven (--deel K/N: één deel van de paden)\n"
    "  swvsim samenvoegen DEEL... --uit MAP\n"
    "                                 delen van swvsim run --deel samenvoegen tot het resultaat van één run\n"
    "  swvsim vergelijk BASIS VARIANT... [opties]\n"
    "                                 varianten tegen de basis, op dezelfde paden\n"
    "  swvsim gevoeligheid BESTAND    welk deel van de spreiding elke onzekere invoer verklaart, per jaar\n"
    "  swvsim bestedingsruimte BESTAND --doeljaar JAAR [--zekerheid 0.9] [--ondergrens-zekerheid 0.95]\n"
    "                                 hoeveel extra per jaar besteden: minimum en maximum\n"
    "  swvsim weerstandsvermogen BESTAND\n"
    "                                 benodigd weerstandsvermogen bij 80/90/95% (ratio, NAR-klasse)\n"
    "                                 en de bijdrage per risico\n"
    "  swvsim kalibreer HISTORIE.csv [--sector po|vo] [--uit MAP] [--terugtoets]\n"
    "                                 demografie en stromen schatten uit de eigen telgeschiedenis\n"
    "                                 (kalibratie.toml: een scenariofragment met standaardfouten)\n"
    "  swvsim terugtoets HISTORIE.csv [--vanaf JAAR] [--horizon 3] [--uit MAP]\n"
    "                                 toetsen of de banden eerlijk zijn: vangen ze de werkelijke aantallen?\n"
    "  swvsim verken BESTAND [--poort N] [--paden P] [--zaad Z]\n"
    "                                 een verkenpagina in de browser: schuif aan de aannames en zie pagina 1\n"
    "                                 meteen opnieuw berekend; bewaar de wijzigingen als variant\n"
    "  swvsim sleutels                alle scenario- en regelssleutels (Markdown)\n"
    "  swvsim --version | --help | OPDRACHT --help\n\n"
    "Exitcodes: 0 gelukt (ook als de uitkomst een overschrijding toont), 2 ongeldige invoer, 3 interne fout,\n"
    "4 de omgeving weigerde (map of bestand niet te lezen of te schrijven, schijf vol, te weinig geheugen of threads),\n"
    "130 afgebroken met Ctrl-C, 143 gestopt met SIGTERM, 129 met SIGHUP.\n";

int cmd_check(const std::vector<std::string>& args) {
  po::options_description opts("Opties van controleer");
  opts.add_options()("help,h", "deze hulp");
  const po::variables_map vm = parse_command(args, opts, "bestand");
  if (vm.count("help")) {
    std::cout << "swvsim controleer BESTAND\n\nLaadt het scenario met zijn basis-keten en regels, controleert alles en\n"
                 "toont een samenvatting. Exitcode 2 met alle gevonden fouten.\n\n"
              << opts;
    return kOk;
  }
  if (!vm.count("bestand")) throw InputError("geef een scenariobestand op: swvsim controleer BESTAND");
  LoadResult lr = load_or_report(vm["bestand"].as<std::string>());
  if (!lr.scenario) return kInput;
  const auto& sc = lr.scenario;
  std::ostringstream o;
  const auto& s = sc->start;
  o << "Scenario in orde: " << sc->name << " (" << sector_name(sc->sector) << ", " << sc->first_year << "–" << sc->last_year
    << ", " << sc->years() << " jaar)\n";
  for (size_t i = 0; i < sc->files.size(); ++i)
    o << "  " << (i + 1 == sc->files.size() ? "bestand   " : "basis     ") << sc->files[i] << "\n";
  o << "  regels    " << sc->rules.file << (sc->rules.name.empty() ? "" : " (" + sc->rules.name + ")") << "\n";
  if (!sc->rules.own.empty())  // a rules file with basis: the SWV's own beschikking over other rules
    o << "  eigen     " << sc->rules.own.size() << (sc->rules.own.size() == 1 ? " eigen bedrag" : " eigen bedragen") << "; de rest uit "
      << sc->rules.files.back() << "\n";
  o << "  start     eigen vermogen " << euro(s.equity) << "; leerlingen regulier " << num_nl(s.regular);
  if (sc->sector == Sector::Po) o << ", SBO " << num_nl(s.sbo);
  o << ", " << (sc->sector == Sector::Po ? "SO " : "VSO ") << num_nl(s.so[0] + s.so[1] + s.so[2]);
  if (sc->sector == Sector::Vo) o << ", PrO " << num_nl(s.pro);
  o << "\n  instroom  " << num_nl(sc->demography.intake, 1) << (sc->demography.intake_given ? "" : " (standaard: houdt regulier gelijk)")
    << "\n";
  o << "  posten    " << sc->lines.size() << "; risico's " << sc->risks.size() << "; modus "
    << (sc->mode == Mode::Deterministic ? "deterministisch" : "montecarlo") << ", " << sc->paths << " paden, zaad " << sc->seed
    << "\n";
  o << "  norm      signaleringswaarde " << pct(sc->signal_percentage) << " van de totale baten, minimaal " << euro(sc->signal_minimum)
    << "\n";
  // Participation targets are solved as run solves them: every target that cannot be met is named
  // with its cause (exit 2); the solved factors are shown.
  if (sc->flows.target_given[0] || sc->flows.target_given[1]) {
    Scenario solved = *sc;
    try {
      solve_targets(solved);
    } catch (const RunError& e) {
      std::cerr << e.what();
      return kInput;
    }
    for (int k = 0; k < 2; ++k) {
      if (!solved.flows.target_given[k]) continue;
      const YearTable& f = k == 1 ? solved.flows.factor_so : solved.sector == Sector::Vo ? solved.flows.factor_pro : solved.flows.factor_sbo;
      o << "  doel      " << target_key(solved, k) << ": verwijzingsfactor " << num_nl(f.at(solved.first_year), 3) << " in "
        << solved.first_year << " … " << num_nl(f.at(solved.last_year), 3) << " in " << solved.last_year << "\n";
    }
  }
  std::cout << shown(o.str());  // the file names are the user's
  return kOk;
}

int cmd_run(const std::vector<std::string>& args) {
  po::options_description opts = run_options("Opties van run", {"json", "html", "xlsx", "csv", "md"});
  opts.add_options()("deterministisch", "deterministische modus: de klassieke meerjarenbegroting")(
      "geheugen", po::value<int64_t>(), "geheugen in MB voor exacte percentielen (standaard 1024); daarboven histogrammen")(
      "geen-kaderbrief", "sla het kaderbriefbedrag op pagina 1 over")(
      "met-risicolast", "met --deterministisch: de verwachte risicolast (kans × gemiddelde impact) als bedrag op de risicoregels van de "
                        "begroting, in plaats van erbuiten");
  add_scale_options(opts);
  const po::variables_map vm = parse_command(args, opts, "bestand");
  if (vm.count("help")) {
    std::cout << "swvsim run BESTAND [opties]\n\nSimuleert het scenario en schrijft resultaat.json (altijd) en de rapporten (html, xlsx,\n"
                 "csv, md) in de uitvoermap; de vorige resultaten daar worden als geheel vervangen. Met --deel K/N\n"
                 "alleen deel K van N als deelbestand (samenvoegen met swvsim samenvoegen; docs/schalen.md).\n\n" << opts;
    return kOk;
  }
  if (!vm.count("bestand")) throw InputError("geef een scenariobestand op: swvsim run BESTAND");
  RunOptions ro = read_run_options(vm, {"json", "html", "xlsx", "csv", "md"});
  const std::optional<size_t> memory = memory_budget(vm);
  check_scale_options(vm, ro);
  ro.kaderbrief = !vm.count("geen-kaderbrief");

  LoadResult lr = load_or_report(vm["bestand"].as<std::string>());
  if (!lr.scenario) return kInput;
  auto& sc = lr.scenario;
  if (vm.count("deterministisch")) sc->mode = Mode::Deterministic;
  if (vm.count("met-risicolast")) {
    if (sc->mode != Mode::Deterministic)
      throw InputError("--met-risicolast geldt alleen voor de deterministische begroting (--deterministisch of simulatie.modus = "
                       "\"deterministisch\"); in Monte Carlo worden de risico's al getrokken");
    sc->plan_risk_load = true;
  }
  ro.apply(*sc);
  if (sc->mode == Mode::Deterministic && (ro.paths || ro.seed)) {  // they would do nothing, silently
    const std::string what = ro.paths && ro.seed ? "--paden en --zaad doen" : ro.paths ? "--paden doet" : "--zaad doet";
    std::cerr << "swvsim: waarschuwing: " << what << " niets: deze run is deterministisch "
              << (vm.count("deterministisch") ? "(--deterministisch)"
                                              : "(simulatie.modus = \"deterministisch\" in het scenario); voor Monte Carlo: simulatie.modus = \"montecarlo\"")
              << "\n";
  }
  McOptions mc = ro.mc;
  if (memory) mc.memory_budget = *memory;
  apply_precision(vm, ro, *sc, mc);
  if (vm.count("deel")) return run_part(vm["deel"].as<std::string>(), lr, ro, mc);
  Progress progress;
  mc.progress = &progress;
  // Lock the output folder before the (long) run: a second run on it is refused at once.
  const std::string dir = ro.dir.empty() ? "uitvoer/" + slug(sc->name) : ro.dir;
  OutputSet set(dir, run_set_files(), run_set_files(ro.formats));
  install_sigint();
  const RunAnswer a = compute_run(lr, ro, mc);
  // Warnings the run itself found (the loader's were printed when loading).
  for (size_t i = lr.diags.warnings().size(); i < a.result.warnings.size(); ++i) std::cerr << shown(a.result.warnings[i]) << "\n";
  return write_run_result(set, *sc, a, ro);
}

// The command named by args[0], run with the rest (usage and --version here).
int dispatch(const std::vector<std::string>& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << kUsage;
    return args.empty() ? kInput : kOk;
  }
  if (args[0] == "--version" || args[0] == "-V") {
    std::cout << "swvsim " << engine_version() << "\n";
    return kOk;
  }
  std::string cmd = args[0];
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (cmd == "controleer" || cmd == "check") return cmd_check(rest);
  if (cmd == "nieuw") return cmd_new(rest);
  if (cmd == "run") return cmd_run(rest);
  if (cmd == "vergelijk") return cmd_compare(rest);
  if (cmd == "gevoeligheid") return cmd_sensitivity(rest);
  if (cmd == "bestedingsruimte") return cmd_spending(rest);
  if (cmd == "weerstandsvermogen") return cmd_buffer(rest);
  if (cmd == "samenvoegen") return cmd_merge(rest);
  if (cmd == "kalibreer") return cmd_calibrate(rest);
  if (cmd == "terugtoets") return cmd_backtest(rest);
  if (cmd == "verken") return cmd_verken(rest);
  if (cmd == "sleutels") {
    std::cout << schema_markdown();
    return kOk;
  }
  std::cerr << "swvsim: onbekende opdracht \"" << shown(cmd) << "\"" << did_you_mean(shown(cmd), {"nieuw", "controleer", "check", "run", "samenvoegen", "vergelijk", "gevoeligheid", "bestedingsruimte", "weerstandsvermogen", "sleutels", "kalibreer", "terugtoets"})
            << "\n\n"
            << kUsage;
  return kInput;
}

// Runs a command and maps what went wrong to a Dutch message and an exit code.
int run_command(const std::vector<std::string>& args) {
  try {
    return dispatch(args);
  } catch (const LoadFailed&) {
    return kInput;
  } catch (const InputError& e) {
    std::cerr << "swvsim: fout: " << shown(e.what()) << "\n";
    return kInput;
  } catch (const RunError& e) {
    std::cerr << shown(e.what()) << "Er is niets geschreven.\n";
    return kInput;
  } catch (const Cancelled&) {
    const int sig = g_signal.load() != 0 ? g_signal.load() : SIGINT;
    std::cerr << "\nswvsim: afgebroken (" << signal_name(sig)
              << "); er is niets geschreven, eerdere resultaten zijn ongewijzigd.\n";
    return 128 + sig;
  } catch (const RefusedFolder& e) {  // --uit / or the home folder: the option is wrong
    std::cerr << "swvsim: fout: " << shown(e.what()) << "\n";
    return kInput;
  } catch (const EnvironmentError& e) {
    std::cerr << "swvsim: fout: " << shown(e.what()) << "\n";
    return kEnvironment;
  } catch (const std::bad_alloc&) {
    std::cerr << "swvsim: fout: " << out_of_memory_message() << "\n";
    return kEnvironment;
  } catch (const fs::filesystem_error& e) {
    std::string where = e.path1().empty() ? "" : " " + e.path1().string();
    std::cerr << "swvsim: fout: bestand of map" << shown(where) << ": " << errno_nl(e.code().value()) << "\n";
    return kEnvironment;
  } catch (const po::error& e) {
    std::cerr << "swvsim: fout in de opties: " << shown(option_error_nl(e)) << " (zie swvsim " << shown(args.empty() ? "" : args[0]) << " --help)\n";
    return kInput;
  } catch (const std::system_error& e) {
    // Threads or files the system would not give: the environment, not a bug.
    if (e.code().category() == std::generic_category() || e.code().category() == std::system_category()) {
      const int v = e.code().value();
      // EAGAIN: std::thread could not start one (thread_limit.h).
      std::cerr << "swvsim: fout: " << (v == EAGAIN ? thread_refusal_message() : errno_nl(v) + (v == ENOMEM ? "; " + out_of_memory_message() : ""))
                << "\n";
      return kEnvironment;
    }
    std::cerr << "swvsim: interne fout: " << shown(e.what()) << "\n";
    return kInternal;
  } catch (const std::exception& e) {
    if (is_thread_refusal(e.what())) {  // oneTBB's own exception for a refused worker thread
      std::cerr << "swvsim: fout: " << thread_refusal_message() << "\n";
      return kEnvironment;
    }
    std::cerr << "swvsim: interne fout: " << shown(e.what()) << "\n";
    return kInternal;
  }
}

}  // namespace

// Standard output through write(2), keeping the first error's errno: stdio forgets why a write
// failed, and "sleutels > /dev/full" must say "schijf vol".
class StdoutBuf : public std::streambuf {
 public:
  StdoutBuf() { setp(buf_, buf_ + sizeof buf_); }
  ~StdoutBuf() override { flush(); }
  int error() const { return error_; }
  bool flush() {
    const char* p = pbase();
    size_t left = static_cast<size_t>(pptr() - pbase());
    while (left > 0 && error_ == 0) {
      const ssize_t n = ::write(STDOUT_FILENO, p, left);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) error_ = n < 0 ? errno : EIO;
      else p += n, left -= static_cast<size_t>(n);
    }
    setp(buf_, buf_ + sizeof buf_);
    return error_ == 0;
  }

 protected:
  int_type overflow(int_type c) override {
    if (!flush()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) sputc(traits_type::to_char_type(c));
    return traits_type::not_eof(c);
  }
  int sync() override { return flush() ? 0 : -1; }

 private:
  char buf_[1 << 14];
  int error_ = 0;
};

int main(int argc, char** argv) {
  static StdoutBuf out;
  std::streambuf* previous = std::cout.rdbuf(&out);
  const int rc = run_command(std::vector<std::string>(argv + 1, argv + argc));
  // Output that did not arrive (sleutels > /dev/full) is a failure too: exit 4, not 0.
  std::cout.flush();
  out.flush();
  std::cout.rdbuf(previous);
  if (out.error() != 0) {
    std::cerr << "swvsim: fout: kan niet naar de standaarduitvoer schrijven: " << errno_nl(out.error()) << "\n";
    return rc == kOk ? kEnvironment : rc;
  }
  return rc;
}
