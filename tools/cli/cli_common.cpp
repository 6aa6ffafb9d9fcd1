#include "cli_common.h"

#include <algorithm>
#include <boost/program_options/errors.hpp>
#include <cctype>
#include <csignal>
#include <iostream>
#include <sstream>

#include "format_nl.h"
#include "sha256.h"
#include "thread_limit.h"
#include "validate.h"

namespace swv::cli {

std::atomic<bool> g_cancel{false};
std::atomic<int> g_signal{0};

namespace {
// Ctrl-C, SIGTERM or SIGHUP asks the run to stop at the next block of paths (and not to swap in its
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
  std::signal(SIGHUP, on_stop_signal);  // a closed terminal or ssh session: stop as cleanly as SIGTERM
}

std::string signal_name(int sig) {
  switch (sig) {
    case SIGINT: return "Ctrl-C";
    case SIGTERM: return "SIGTERM";
    case SIGHUP: return "SIGHUP";
    default: return "signaal " + std::to_string(sig);
  }
}

void check_cancel() {
  if (g_cancel.load()) throw Cancelled();
}

std::optional<size_t> memory_budget(const boost::program_options::variables_map& vm) {
  if (!vm.count("geheugen")) return std::nullopt;
  const int64_t mb = vm["geheugen"].as<int64_t>();
  if (mb < 1) throw InputError("--geheugen moet ten minste 1 (MB) zijn");
  if (mb > kMaxMemoryMb) throw InputError("--geheugen mag hoogstens " + int_nl(kMaxMemoryMb) + " zijn (in MB: 16 TB)");
  return static_cast<size_t>(mb) << 20;
}

std::string out_of_memory_message() {
  return "te weinig geheugen; kies minder paden (--paden) of een lager geheugenbudget (--geheugen, in MB)";
}

boost::program_options::variables_map parse_command(const std::vector<std::string>& args,
                                                    const boost::program_options::options_description& opts, const char* positional,
                                                    int count) {
  namespace po = boost::program_options;
  po::options_description all;
  if (count == 1)
    all.add(opts).add_options()(positional, po::value<std::string>());
  else
    all.add(opts).add_options()(positional, po::value<std::vector<std::string>>());
  po::positional_options_description pos;
  pos.add(positional, count);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
  return vm;
}

std::string shown(const std::string& text) {
  std::string out;
  size_t at = 0;
  while (at <= text.size()) {
    const size_t nl = text.find('\n', at);
    out += escape_controls(std::string_view(text).substr(at, nl == std::string::npos ? std::string::npos : nl - at));
    if (nl == std::string::npos) break;
    out += '\n';
    at = nl + 1;
  }
  return out;
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

namespace {

// The base letters of a Latin letter with a diacritic (U+00C0..U+017F: "Fryslân" -> "fryslan",
// "Ĳsselmonde" -> "ijsselmonde"); "" for a character that is no letter (×, ÷) or outside the range.
std::string latin_base(char32_t cp) {
  struct Range {
    char32_t first, last;
    const char* base;
  };
  static const Range kRanges[] = {
      {0xC0, 0xC5, "a"},     {0xC6, 0xC6, "ae"},    {0xC7, 0xC7, "c"},     {0xC8, 0xCB, "e"},     {0xCC, 0xCF, "i"},
      {0xD0, 0xD0, "d"},     {0xD1, 0xD1, "n"},     {0xD2, 0xD6, "o"},     {0xD8, 0xD8, "o"},     {0xD9, 0xDC, "u"},
      {0xDD, 0xDD, "y"},     {0xDE, 0xDE, "th"},    {0xDF, 0xDF, "ss"},    {0xE0, 0xE5, "a"},     {0xE6, 0xE6, "ae"},
      {0xE7, 0xE7, "c"},     {0xE8, 0xEB, "e"},     {0xEC, 0xEF, "i"},     {0xF0, 0xF0, "d"},     {0xF1, 0xF1, "n"},
      {0xF2, 0xF6, "o"},     {0xF8, 0xF8, "o"},     {0xF9, 0xFC, "u"},     {0xFD, 0xFD, "y"},     {0xFE, 0xFE, "th"},
      {0xFF, 0xFF, "y"},     {0x100, 0x105, "a"},   {0x106, 0x10D, "c"},   {0x10E, 0x111, "d"},   {0x112, 0x11B, "e"},
      {0x11C, 0x123, "g"},   {0x124, 0x127, "h"},   {0x128, 0x131, "i"},   {0x132, 0x133, "ij"},  {0x134, 0x135, "j"},
      {0x136, 0x138, "k"},   {0x139, 0x142, "l"},   {0x143, 0x14B, "n"},   {0x14C, 0x151, "o"},   {0x152, 0x153, "oe"},
      {0x154, 0x159, "r"},   {0x15A, 0x161, "s"},   {0x162, 0x167, "t"},   {0x168, 0x173, "u"},   {0x174, 0x175, "w"},
      {0x176, 0x178, "y"},   {0x179, 0x17E, "z"},   {0x17F, 0x17F, "s"}};
  for (const Range& r : kRanges)
    if (cp >= r.first && cp <= r.last) return r.base;
  return "";
}

}  // namespace

std::string slug(const std::string& name) {
  std::string s;
  bool lost = false;  // a letter or digit of another script: names that differ only there must not share a folder
  auto separate = [&] {
    if (!s.empty() && s.back() != '-') s += '-';
  };
  for (size_t i = 0; i < name.size();) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (c < 0x80) {
      if (std::isalnum(c)) s += static_cast<char>(std::tolower(c));
      else separate();
      ++i;
      continue;
    }
    // One UTF-8 sequence (the loader accepts only valid UTF-8; a stray byte counts as one character).
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    len = std::min(len, name.size() - i);
    char32_t cp = len == 1 ? c : c & (0xFF >> (len + 1));
    for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(name[i + k]) & 0x3F);
    const std::string base = latin_base(cp);
    if (!base.empty()) s += base;
    else {
      lost = true;
      separate();
    }
    i += len;
  }
  while (!s.empty() && s.back() == '-') s.pop_back();
  if (!lost && !s.empty()) return s;
  return (s.empty() ? "scenario" : s) + "-" + sha256_hex(name).substr(0, 6);
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
  if (vm.count("threads") && vm["threads"].as<int>() < 1) throw InputError("--threads moet ten minste 1 zijn");
  c.mc.cancel = &g_cancel;
  if (vm.count("uit")) c.dir = vm["uit"].as<std::string>();
  c.formats = parse_formats(vm.count("formaat") ? std::optional<std::string>(vm["formaat"].as<std::string>()) : std::nullopt, formats);
  c.quiet = vm.count("stil") > 0;
  // After the checks above, so a mistyped option is reported before threads are probed (thread_limit.h).
  c.mc.threads = settle_threads(vm.count("threads") ? vm["threads"].as<int>() : 0);
  return c;
}

}  // namespace swv::cli
