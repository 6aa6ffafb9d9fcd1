#include "cli_common.h"

#include <algorithm>
#include <boost/program_options/errors.hpp>
#include <cctype>
#include <csignal>
#include <iostream>
#include <sstream>

#include "format_nl.h"
#include "validate.h"

namespace swv::cli {

std::atomic<bool> g_cancel{false};
std::atomic<int> g_signal{0};

namespace {
// Ctrl-C or SIGTERM asks the run to stop at the next block of paths (and not to swap in its
// results); a second one kills at once (except while a result set is being swapped: OutputSet
// blocks signals for those few renames).
extern "C" void on_stop_signal(int sig) {
  int none = 0;
  g_signal.compare_exchange_strong(none, sig);
  g_cancel.store(true);
  std::signal(sig, SIG_DFL);
}
}  // namespace

void install_sigint() {
  std::signal(SIGINT, on_stop_signal);
  std::signal(SIGTERM, on_stop_signal);
}

void check_cancel() {
  if (g_cancel.load()) throw Cancelled();
}

std::string out_of_memory_message() {
  return "te weinig geheugen; kies minder paden (--paden) of een lager geheugenbudget (--geheugen, in MB)";
}

void print_diagnostics(const Diagnostics& d) {
  for (const auto& item : d.items()) std::cerr << item.format() << "\n";
  if (d.has_errors())
    std::cerr << d.error_count() << (d.error_count() == 1 ? " fout" : " fouten") << " gevonden; er is niets berekend.\n";
}

LoadResult load_or_report(const std::string& file) {
  LoadResult lr = load_scenario(file);
  print_diagnostics(lr.diags);
  return lr;
}

std::string slug(const std::string& name) {
  std::string s;
  for (unsigned char c : name) {
    if (std::isalnum(c)) s += static_cast<char>(std::tolower(c));
    else if (!s.empty() && s.back() != '-') s += '-';
  }
  while (!s.empty() && s.back() == '-') s.pop_back();
  return s.empty() ? "scenario" : s;
}

std::vector<std::string> parse_formats(const std::optional<std::string>& given, const std::vector<std::string>& allowed) {
  std::string list;
  for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
  if (!given) return allowed;
  const std::string& text = *given;
  if (text.empty()) throw InputError("--formaat is leeg; kies uit " + list + " (of laat de optie weg voor alle)");
  std::vector<std::string> formats;
  std::stringstream ss(text);
  for (std::string f; std::getline(ss, f, ',');) {
    if (f.empty()) throw InputError("--formaat \"" + text + "\" bevat een leeg formaat; kies uit " + list);
    if (std::find(allowed.begin(), allowed.end(), f) == allowed.end())
      throw InputError("onbekend formaat \"" + f + "\"" + did_you_mean(f, allowed) + "; kies uit " + list);
    if (std::find(formats.begin(), formats.end(), f) == formats.end()) formats.push_back(f);
  }
  if (formats.empty() || text.back() == ',')
    throw InputError("--formaat \"" + text + "\" bevat een leeg formaat; kies uit " + list);
  return formats;
}

uint64_t parse_seed(const std::string& text) {
  const std::string why = "--zaad moet een geheel getal van 0 tot en met 18446744073709551615 zijn, niet \"" + text + "\"";
  if (text.empty() || text.size() > 20 || text.find_first_not_of("0123456789") != std::string::npos) throw InputError(why);
  uint64_t v = 0;
  for (char c : text) {
    const uint64_t d = static_cast<uint64_t>(c - '0');
    if (v > (UINT64_MAX - d) / 10) throw InputError(why);
    v = v * 10 + d;
  }
  return v;
}

std::string option_error_nl(const std::exception& e) {
  namespace po = boost::program_options;
  if (auto* u = dynamic_cast<const po::unknown_option*>(&e)) return "onbekende optie " + u->get_option_name();
  if (auto* v = dynamic_cast<const po::invalid_option_value*>(&e))
    return "ongeldige waarde voor " + v->get_option_name() + " (verwacht een getal)";
  if (auto* s = dynamic_cast<const po::invalid_command_line_syntax*>(&e)) {
    if (s->kind() == po::invalid_syntax::missing_parameter) return "optie " + s->get_option_name() + " mist een waarde";
    return "ongeldige optie " + s->get_option_name();
  }
  if (dynamic_cast<const po::too_many_positional_options_error*>(&e)) return "te veel bestanden of argumenten";
  if (auto* m = dynamic_cast<const po::multiple_occurrences*>(&e)) return "optie " + m->get_option_name() + " staat er meer dan één keer";
  if (auto* a = dynamic_cast<const po::ambiguous_option*>(&e)) return "optie " + a->get_option_name() + " is niet eenduidig";
  return e.what();
}

void RunOptions::apply(Scenario& sc) const {
  if (paths) sc.paths = *paths;
  if (seed) sc.seed = *seed;
}

boost::program_options::options_description run_options(const char* title, const std::vector<std::string>& formats) {
  namespace po = boost::program_options;
  std::string list;
  for (const auto& f : formats) list += (list.empty() ? "" : ",") + f;
  const std::string formats_help = "kommalijst van " + list + " (standaard: alle)";
  po::options_description o(title);
  o.add_options()("help,h", "deze hulp")("paden", po::value<int64_t>(), "aantal Monte-Carlo-paden (standaard: uit het scenario)")(
      "zaad", po::value<std::string>(), "zaad (standaard: uit het scenario; 0 is een gewoon zaad)")(
      "threads", po::value<int>(), "aantal threads (standaard: alle kernen); de uitkomst hangt er niet van af")(
      "uit", po::value<std::string>(), "uitvoermap (standaard uitvoer/<scenarionaam>/)")(
      "formaat", po::value<std::string>(), formats_help.c_str())("stil", "geen voortgangsbalk, tabel of samenvatting");
  return o;
}

RunOptions read_run_options(const boost::program_options::variables_map& vm, const std::vector<std::string>& formats) {
  RunOptions c;
  if (vm.count("paden")) {
    const int64_t n = vm["paden"].as<int64_t>();
    if (n < 1) throw InputError("--paden moet ten minste 1 zijn");
    if (n > kMaxPaths) throw InputError("--paden mag hoogstens " + num_nl(static_cast<double>(kMaxPaths)) + " zijn");
    c.paths = n;
  }
  if (vm.count("zaad")) c.seed = parse_seed(vm["zaad"].as<std::string>());
  if (vm.count("threads")) {
    if (vm["threads"].as<int>() < 1) throw InputError("--threads moet ten minste 1 zijn");
    c.mc.threads = vm["threads"].as<int>();
  }
  c.mc.cancel = &g_cancel;
  if (vm.count("uit")) c.dir = vm["uit"].as<std::string>();
  c.formats = parse_formats(vm.count("formaat") ? std::optional<std::string>(vm["formaat"].as<std::string>()) : std::nullopt, formats);
  c.quiet = vm.count("stil") > 0;
  return c;
}

}  // namespace swv::cli
