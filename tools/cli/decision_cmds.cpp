#include "decision_cmds.h"

#include <unistd.h>

#include <boost/program_options.hpp>
#include <chrono>
#include <iostream>
#include <optional>

#include "output_set.h"
#include "cli_common.h"
#include "decision_report.h"
#include "format_nl.h"
#include "mc.h"
#include "mc_paths.h"
#include "validate.h"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace swv::cli {

namespace {

const std::vector<std::string> kFormats = {"json", "html", "xlsx", "md"};

po::options_description common_options(const char* title) { return run_options(title, kFormats); }
RunOptions read_common(const po::variables_map& vm) { return read_run_options(vm, kFormats); }

// Loads a scenario for decision support: Monte Carlo whatever its modus, with the command's paths
// and seed, prepared once for the many runs.
Scenario load_for_decision(const std::string& file, const RunOptions& c) {
  LoadResult lr = load_or_report(file);
  if (!lr.scenario) throw LoadFailed();
  Scenario sc = std::move(*lr.scenario);
  sc.mode = Mode::MonteCarlo;
  c.apply(sc);
  return sc;
}

// The result set of one command: <stem>.json/.html/.xlsx/.md in the folder; nothing else. Opened
// before the run, so a second run on the same folder is refused at once (exit 4).
OutputSet open_outputs(const RunOptions& c, const std::string& default_dir, const std::string& stem) {
  std::vector<std::string> files;  // what this run writes: the user's own files under these names are refused up front
  for (const auto& f : c.formats) files.push_back(stem + "." + f);
  return OutputSet(c.dir.empty() ? default_dir : c.dir, {stem + ".json", stem + ".html", stem + ".xlsx", stem + ".md"}, files);
}

// Writes the set and swaps it in whole (unless Ctrl-C or SIGTERM came first).
void write_outputs(OutputSet& set, const RunOptions& c, const std::string& stem, const Document& doc, const std::string& json) {
  auto has = [&](const char* f) { return std::find(c.formats.begin(), c.formats.end(), f) != c.formats.end(); };
  if (has("json")) set.write(stem + ".json", json);
  if (has("html")) set.write(stem + ".html", document_html(doc));
  if (has("xlsx")) write_document_xlsx(doc, set.path_for(stem + ".xlsx")), set.done(stem + ".xlsx");
  if (has("md")) set.write(stem + ".md", document_markdown(doc));
  check_cancel();
  const std::vector<std::string> written = set.commit();
  std::cout << "Resultaten:\n";
  for (const auto& f : written) std::cout << "  " << shown(f) << "\n";
}

// The positional files of parse_command: one (a string) or several.
std::vector<std::string> files(const po::variables_map& vm, const char* key) {
  if (!vm.count(key)) return {};
  if (vm[key].value().type() == typeid(std::string)) return {vm[key].as<std::string>()};
  return vm[key].as<std::vector<std::string>>();
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

namespace {

// The files of one comparison, loaded: the base and its variants in Monte-Carlo mode on the base's
// seed and paths (a variant with its own is warned about), each over its own planperiode; they are
// compared over the years all of them share (last year's plan beside this year's).
struct LoadedComparison {
  std::vector<LoadResult> loaded;
  Scenario base;
  std::vector<Scenario> variants;
  int first = 0, last = 0;  // the shared years
};

std::string period(const Scenario& s) { return std::to_string(s.first_year) + "–" + std::to_string(s.last_year); }

// Whether `v` is a variant of `base`: the base's file is in v's chain of bases.
bool chain_holds(const Scenario& v, const Scenario& base) {
  std::error_code ec;
  const fs::path main = fs::weakly_canonical(base.files.back(), ec);
  for (const auto& f : v.files)
    if (fs::weakly_canonical(f, ec) == main) return true;
  return false;
}

// Loads everything first: every error of every file is reported before anything runs (false then).
bool load_comparison(const std::vector<std::string>& names, const RunOptions& c, LoadedComparison& cmp) {
  bool ok = true;
  for (const auto& f : names) {
    cmp.loaded.push_back(load_or_report(f));
    ok &= cmp.loaded.back().scenario.has_value();
  }
  if (!ok) return false;
  Scenario& base = cmp.base = *cmp.loaded[0].scenario;
  base.mode = Mode::MonteCarlo;
  c.apply(base);
  cmp.first = base.first_year, cmp.last = base.last_year;
  std::string periods = names[0] + " " + period(base);
  for (size_t i = 1; i < cmp.loaded.size(); ++i) {
    const Scenario& v = *cmp.loaded[i].scenario;
    cmp.first = std::max(cmp.first, v.first_year), cmp.last = std::min(cmp.last, v.last_year);
    periods += ", " + names[i] + " " + period(v);
  }
  if (cmp.first > cmp.last) throw InputError("de planperiodes hebben geen jaar gemeen (" + periods + "); vergelijken kan alleen over gedeelde jaren");
  for (size_t i = 1; i < cmp.loaded.size(); ++i) {
    Scenario v = *cmp.loaded[i].scenario;
    c.apply(v);  // --zaad/--paden hold for every file: warn only when the variant's own setting differs
    if (v.seed != base.seed || v.paths != base.paths)
      std::cerr << shown(names[i]) << ": waarschuwing: vergelijk gebruikt zaad en paden van de basis (" << base.seed << ", "
                << num_nl(static_cast<double>(base.paths)) << " paden)\n";
    v.mode = Mode::MonteCarlo, v.seed = base.seed, v.paths = base.paths;
    cmp.variants.push_back(std::move(v));
  }
  return true;
}

// The paths of `sc` (its own planperiode) over the shared years.
PathTable shared_paths(const Scenario& sc, const LoadedComparison& cmp, const McOptions& mc) {
  Scenario prepared = sc;
  prepare_for_monte_carlo(prepared);
  return restrict_years(run_paths(prepared, mc), static_cast<size_t>(cmp.first - sc.first_year), static_cast<size_t>(cmp.last - cmp.first + 1));
}

// Runs each variant and pairs its paths with the base's over the shared years; `results` holds each
// variant's result over those years.
std::vector<VariantComparison> compare_variants(const LoadedComparison& cmp, const std::vector<std::string>& names, const McOptions& mc,
                                                const PathTable& base_paths, std::vector<Result>& results) {
  std::vector<VariantComparison> comparisons;
  results.reserve(cmp.variants.size());
  for (size_t i = 0; i < cmp.variants.size(); ++i) {
    const Scenario& v = cmp.variants[i];
    results.push_back(restrict_years(run_monte_carlo(v, cmp.loaded[i + 1].diags.warnings(), mc), cmp.first, cmp.last));
    VariantComparison vc;
    vc.scenario = &v;
    vc.paired = compare_paths(base_paths, shared_paths(v, cmp, mc));
    vc.of_base = chain_holds(v, cmp.base);
    // What differs in the inputs, over every year either plans (a change before the shared years
    // moves the equity they start from).
    const int from = std::min(cmp.base.first_year, v.first_year), to = std::max(cmp.base.last_year, v.last_year);
    vc.changes = scenario_changes(cmp.loaded[0].tree->root, cmp.loaded[i + 1].tree->root, from, to);
    // And the amounts of their funding rules (an own beschikking, another year's rules).
    for (Change& r : rules_changes(cmp.base, v, from, to)) vc.changes.push_back(std::move(r));
    if (vc.changes.empty())
      std::cerr << shown(names[i + 1]) << ": waarschuwing: deze variant verandert niets ten opzichte van " << shown(names[0])
                << "; alle verschillen zijn 0\n";
    comparisons.push_back(std::move(vc));
  }
  for (size_t i = 0; i < comparisons.size(); ++i) comparisons[i].result = &results[i];
  return comparisons;
}

}  // namespace

int cmd_compare(const std::vector<std::string>& args) {
  po::options_description opts = common_options("Opties van vergelijk");
  po::variables_map vm = parse_command(args, opts, "bestanden", -1);
  if (vm.count("help")) {
    std::cout << "swvsim vergelijk BASIS VARIANT... [opties]\n\nRekent de basis en elke variant door op dezelfde paden met hetzelfde zaad "
                 "(gemeenschappelijke\ntoevalsgetallen) en schrijft per jaar basis, variant en verschil met de standaardfout van het\n"
                 "gepaarde verschil, plus de lijst van alles wat de variant verandert (vergelijking.*). Scenario's met een\n"
                 "andere planperiode (de begroting van vorig jaar naast die van nu) worden vergeleken over de jaren die\n"
                 "ze delen; scenario's die geen variant van elkaar zijn, met alles wat in hun invoer verschilt.\n\n"
              << opts;
    return kOk;
  }
  const std::vector<std::string> names = files(vm, "bestanden");
  if (names.size() < 2) throw InputError("geef een basis en ten minste één variant: swvsim vergelijk BASIS VARIANT...");
  RunOptions c = read_common(vm);
  LoadedComparison cmp;
  if (!load_comparison(names, c, cmp)) return kInput;
  const Scenario& base = cmp.base;
  OutputSet set = open_outputs(c, "uitvoer/" + slug(base.name) + "-vergelijking", "vergelijking");
  const auto t0 = std::chrono::steady_clock::now();
  install_sigint();
  const Result base_result = restrict_years(run_monte_carlo(base, cmp.loaded[0].diags.warnings(), c.mc), cmp.first, cmp.last);
  const PathTable base_paths = shared_paths(base, cmp, c.mc);
  std::vector<Result> results;
  const std::vector<VariantComparison> comparisons = compare_variants(cmp, names, c.mc, base_paths, results);
  const ComparisonReport report{&base, &base_result, comparisons};
  const Document doc = comparison_document(report);
  if (!c.quiet) {
    for (const auto& s : doc.sections.front().bullets) std::cout << "• " << s << "\n";
    std::cout << "(" << num_nl(seconds_since(t0), 1) << " s)\n";
  }
  write_outputs(set, c, "vergelijking", doc, comparison_json(report));
  return kOk;
}

int cmd_sensitivity(const std::vector<std::string>& args) {
  po::options_description opts = common_options("Opties van gevoeligheid");
  opts.add_options()("doeljaar", po::value<int>(), "jaar waarop samenvatting en grafiek gaan (standaard: laatste jaar)")(
      "laag", po::value<double>(), "vervallen sinds 0.3 (genegeerd, met een waarschuwing)")("hoog", po::value<double>(),
                                                                                            "vervallen sinds 0.3 (genegeerd, met een waarschuwing)");
  po::variables_map vm = parse_command(args, opts, "bestanden", 1);
  if (vm.count("help")) {
    std::cout << "swvsim gevoeligheid BESTAND [opties]\n\nWelke onzekere invoer verklaart hoeveel van de spreiding van het eigen vermogen, "
                 "per jaar\n(aandeel in de variantie; een invoer die per jaar wordt getrokken telt als één proces) (gevoeligheid.*).\n\n"
              << opts;
    return kOk;
  }
  const auto names = files(vm, "bestanden");
  if (names.size() != 1) throw InputError("geef één scenariobestand: swvsim gevoeligheid BESTAND");
  if (vm.count("laag") || vm.count("hoog"))
    std::cerr << "swvsim: waarschuwing: --laag en --hoog zijn vervallen: gevoeligheid rekent sinds 0.3 met het aandeel van elke invoer "
                 "in de variantie, niet meer met P10 en P90\n";
  RunOptions c = read_common(vm);
  Scenario sc = load_for_decision(names[0], c);
  prepare_for_monte_carlo(sc);
  OutputSet set = open_outputs(c, "uitvoer/" + slug(sc.name), "gevoeligheid");
  const auto t0 = std::chrono::steady_clock::now();
  install_sigint();
  Sensitivity s;
  try {
    s = run_sensitivity(sc, c.mc, vm.count("doeljaar") ? vm["doeljaar"].as<int>() : 0);
  } catch (const std::invalid_argument& e) {
    throw InputError(e.what());
  }
  const Document doc = sensitivity_document(s, sc);
  if (!c.quiet) {
    for (const auto& b : doc.sections.front().bullets) std::cout << b << "\n";
    std::cout << "(" << s.inputs.size() << " onzekere invoeren, " << s.inputs.size() + 2 << " doorrekeningen van "
              << num_nl(static_cast<double>(s.paths)) << " paden, " << num_nl(seconds_since(t0), 1) << " s)\n";
  }
  write_outputs(set, c, "gevoeligheid", doc, sensitivity_json(s, sc));
  return kOk;
}

int cmd_spending(const std::vector<std::string>& args) {
  po::options_description opts = common_options("Opties van bestedingsruimte");
  opts.add_options()("doeljaar", po::value<int>(), "jaar waarin het eigen vermogen onder de signaleringswaarde moet zijn (standaard: laatste jaar)")(
      "zekerheid", po::value<double>()->default_value(0.9), "zekerheid voor de signaleringswaarde in het doeljaar")(
      "ondergrens-zekerheid", po::value<double>()->default_value(0.95), "zekerheid om in geen enkel jaar onder de ondergrens te komen")(
      "tot", po::value<int>(), "laatste jaar met extra besteding (standaard: het doeljaar; daarna wordt niets extra uitgegeven)");
  po::variables_map vm = parse_command(args, opts, "bestanden", 1);
  if (vm.count("help")) {
    std::cout << "swvsim bestedingsruimte BESTAND --doeljaar JAAR [opties]\n\nZoekt het minimum aan extra jaarlijkse besteding waarmee de kans "
                 "op een bovenmatig eigen vermogen\nin het doeljaar ten hoogste 1 − zekerheid is, en het maximum waarmee de kans om in enig "
                 "jaar onder\nde ondergrens te komen ten hoogste 1 − ondergrens-zekerheid is (bestedingsruimte.*). Het bedrag\nvolgt "
                 "bestedingsruimte.profiel uit het scenario (standaard elk jaar hetzelfde) en wordt\nuitgegeven tot en met het doeljaar "
                 "(of --tot); daarna niet meer. Met een afweegtabel (extra\nbesteding tegen de kansen en het mediane eigen vermogen) en "
                 "een aanbevolen bedrag.\n\n"
              << opts;
    return kOk;
  }
  const auto names = files(vm, "bestanden");
  if (names.size() != 1) throw InputError("geef één scenariobestand: swvsim bestedingsruimte BESTAND --doeljaar JAAR");
  RunOptions c = read_common(vm);
  Scenario sc = load_for_decision(names[0], c);
  SpendingQuery q;
  q.target_year = vm.count("doeljaar") ? vm["doeljaar"].as<int>() : sc.last_year;
  q.confidence = vm["zekerheid"].as<double>();
  q.floor_confidence = vm["ondergrens-zekerheid"].as<double>();
  if (vm.count("tot")) q.end_year = vm["tot"].as<int>();
  prepare_for_monte_carlo(sc);
  OutputSet set = open_outputs(c, "uitvoer/" + slug(sc.name), "bestedingsruimte");
  const auto t0 = std::chrono::steady_clock::now();
  install_sigint();
  SpendingRoom room;
  try {
    room = spending_room(sc, q, c.mc);
  } catch (const std::invalid_argument& e) {
    throw InputError(e.what());
  }
  if (!c.quiet) {
    for (const auto& s : spending_sentences(room)) std::cout << s << "\n";
    std::cout << "(één doorrekening van " << num_nl(static_cast<double>(room.paths)) << " paden en " << room.replays
              << " herberekeningen van de jaarafsluiting, " << num_nl(seconds_since(t0), 1) << " s)\n";
  }
  write_outputs(set, c, "bestedingsruimte", spending_document(room, sc), spending_json(room, sc));
  return kOk;
}

int cmd_buffer(const std::vector<std::string>& args) {
  po::options_description opts = common_options("Opties van weerstandsvermogen");
  po::variables_map vm = parse_command(args, opts, "bestanden", 1);
  if (vm.count("help")) {
    std::cout << "swvsim weerstandsvermogen BESTAND [opties]\n\nHet benodigde weerstandsvermogen bij 80/90/95% zekerheid: hoeveel het eigen "
                 "vermogen door\nrisico's en onzekerheid in het slechtste jaar onder de deterministische begroting kan\nuitkomen, "
                 "tegenover de algemene reserve (ratio en NAR-klasse A–F), en de bijdrage van\nelk risico (weerstandsvermogen.*).\n\n"
              << opts;
    return kOk;
  }
  const auto names = files(vm, "bestanden");
  if (names.size() != 1) throw InputError("geef één scenariobestand: swvsim weerstandsvermogen BESTAND");
  RunOptions c = read_common(vm);
  Scenario sc = load_for_decision(names[0], c);
  prepare_for_monte_carlo(sc);
  OutputSet set = open_outputs(c, "uitvoer/" + slug(sc.name), "weerstandsvermogen");
  install_sigint();
  const BufferAnalysis b = analyse_buffer(sc, c.mc);
  const Document doc = buffer_document(b, sc);
  if (!c.quiet) {
    for (const auto& s : doc.sections.front().bullets) std::cout << s << "\n";
    for (const auto& r : b.risks)
      std::cout << "  " << r.code << " " << r.name << ": bijdrage (90%) " << euro(r.contribution[1]) << "\n";
  }
  write_outputs(set, c, "weerstandsvermogen", doc, buffer_json(b, sc));
  return kOk;
}

}  // namespace swv::cli
