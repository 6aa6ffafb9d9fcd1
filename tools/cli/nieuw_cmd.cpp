// swvsim nieuw: a complete, commented scenario from what a controller knows (docs/starten.md).
// Answers come from --antwoorden FILE or, on a terminal, from the dialogue (nieuw_dialog.h); both
// go through read_answers and derive_starter (sim/scenario/answers.h, starter.h). The files are
// written whole or not at all, and never over an existing file without --overschrijf; the written
// scenario is loaded once more as a check before nieuw reports success.
#include "nieuw_cmd.h"

#include <unistd.h>

#include <boost/program_options.hpp>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "answers.h"
#include "atomic_file.h"
#include "cli_common.h"
#include "nieuw_dialog.h"
#include "starter.h"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace swv::cli {

namespace {

// Every message of `d`, then the count: nothing is written after an error.
bool report(const Diagnostics& d) {
  for (const auto& item : d.items()) std::cerr << item.format() << "\n";
  if (d.has_errors())
    std::cerr << d.error_count() << (d.error_count() == 1 ? " fout" : " fouten") << " gevonden; er is niets geschreven.\n";
  return !d.has_errors();
}

// A path as the scenario (in folder `from`) names it: relative to that folder.
std::string relative_to(const std::string& file, const fs::path& from) {
  std::error_code ec;
  const fs::path rel = fs::relative(fs::absolute(file), fs::absolute(from.empty() ? fs::path(".") : from), ec);
  return ec || rel.empty() ? fs::absolute(file).string() : rel.string();
}

// The answers of the dialogue, checked as an answers file is; the first problem sends the user back
// to its question.
std::optional<std::string> dialogue() {
  const std::string dir = fs::temp_directory_path().string();
  const AnswersCheck check = [&](const std::string& text) -> std::optional<AnswersProblem> {
    char name[] = "/tmp/swvsim-antwoorden-XXXXXX";
    const int fd = ::mkstemp(name);
    if (fd < 0) return AnswersProblem{"", "kan geen tijdelijk bestand maken in " + dir};
    const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    ::close(fd);
    Diagnostics d;
    std::optional<Answers> a;
    if (written) a = read_answers(name, d);
    if (a) derive_starter(*a, default_rules_dir(), d);
    ::unlink(name);
    if (!written) return AnswersProblem{"", "kan geen tijdelijk bestand schrijven"};
    for (const auto& item : d.items())
      if (item.severity == Severity::Error) return AnswersProblem{item.where.key, item.message};
    return std::nullopt;
  };
  return ask_answers(std::cin, std::cout, check);
}

}  // namespace

int cmd_new(const std::vector<std::string>& args) {
  po::options_description opts("Opties van nieuw");
  opts.add_options()("help,h", "deze hulp")("antwoorden", po::value<std::string>(), "lees de antwoorden uit dit bestand (TOML) in plaats van ze te vragen")(
      "voorbeeld-antwoorden", "toon een ingevuld antwoordenbestand met uitleg (met --sector vo: voor het VO)")(
      "sector", po::value<std::string>(), "po of vo, voor --voorbeeld-antwoorden (standaard po)")(
      "uit", po::value<std::string>(), "het scenario dat geschreven wordt (standaard: <naam>.toml in deze map)")(
      "overschrijf", "bestaande bestanden vervangen");
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(opts).run(), vm);
  if (vm.count("help")) {
    std::cout << "swvsim nieuw [--antwoorden BESTAND] [--uit SCENARIO] [--overschrijf]\nswvsim nieuw --voorbeeld-antwoorden [--sector vo]\n\n"
                 "Maakt een volledig scenario met toelichting uit wat u als controller weet: sector, planperiode,\n"
                 "eigen vermogen, de leerlingen op de laatste teldatum, de verwachte krimp en deelname, en als u\n"
                 "ze heeft bedragen uit uw begroting en uw DUO-beschikking. Op een terminal vraagt nieuw ze één\n"
                 "voor één; met --antwoorden leest het ze uit een bestand (een voorbeeld: --voorbeeld-antwoorden).\n"
                 "De verwijzingskansen en de instroom worden zo afgeleid dat de begroting de opgegeven deelname en\n"
                 "krimp houdt; al het andere is een aanname met bron (docs/starten.md). Met een beschikking schrijft\n"
                 "nieuw ook SCENARIO-regels.toml (uw bedragen over de ingebouwde regels), na de dialoog ook\n"
                 "SCENARIO-antwoorden.toml. Een bestaand bestand wordt alleen met --overschrijf vervangen.\n\n"
              << opts;
    return kOk;
  }
  if (vm.count("voorbeeld-antwoorden")) {
    const std::string s = vm.count("sector") ? vm["sector"].as<std::string>() : "po";
    if (s != "po" && s != "vo") throw InputError("--sector is po of vo, niet \"" + s + "\"");
    std::cout << example_answers(s == "vo" ? Sector::Vo : Sector::Po);
    return kOk;
  }
  if (vm.count("sector")) throw InputError("--sector hoort bij --voorbeeld-antwoorden; de sector staat in de antwoorden");

  // The answers: from the file, or asked on the terminal.
  std::string answers_file, dialogue_text;
  if (vm.count("antwoorden")) {
    answers_file = vm["antwoorden"].as<std::string>();
  } else {
    if (!::isatty(STDIN_FILENO))
      throw InputError("geen terminal om de vragen te stellen: geef de antwoorden met --antwoorden BESTAND "
                       "(een ingevuld voorbeeld: swvsim nieuw --voorbeeld-antwoorden > antwoorden.toml)");
    const std::optional<std::string> text = dialogue();
    if (!text) {
      std::cerr << "swvsim nieuw: gestopt; er is niets geschreven.\n";
      return kInterrupted;
    }
    dialogue_text = *text;
  }
  Diagnostics d;
  std::optional<Answers> a;
  if (answers_file.empty()) {
    // Read back from a temporary file: one reader for both paths (the dialogue checked them already).
    char name[] = "/tmp/swvsim-antwoorden-XXXXXX";
    const int fd = ::mkstemp(name);
    if (fd < 0) throw_environment("kan geen tijdelijk bestand maken", errno);
    const bool ok = ::write(fd, dialogue_text.data(), dialogue_text.size()) == static_cast<ssize_t>(dialogue_text.size());
    ::close(fd);
    if (ok) a = read_answers(name, d);
    ::unlink(name);
  } else {
    a = read_answers(answers_file, d);
  }
  std::optional<StarterPlan> plan;
  if (a) plan = derive_starter(*a, default_rules_dir(), d);
  if (!report(d) || !plan) return kInput;

  // The files: the scenario, its rules overlay (a beschikking), the dialogue's answers.
  const std::string scenario = vm.count("uit") ? vm["uit"].as<std::string>() : slug(a->name) + ".toml";
  const fs::path dir = fs::path(scenario).parent_path();
  const std::string stem = (dir / fs::path(scenario).stem()).string();
  const std::string overlay = a->decision.any() ? stem + "-regels.toml" : "";
  const std::string answers_out = dialogue_text.empty() ? "" : stem + "-antwoorden.toml";
  const bool replace = vm.count("overschrijf") > 0;
  for (const std::string& f : {scenario, overlay, answers_out}) {
    std::error_code ec;
    if (!f.empty() && fs::exists(f, ec) && !replace)
      throw InputError(f + " bestaat al; kies met --uit een andere naam, of geef --overschrijf om het te vervangen");
  }
  if (!dir.empty() && !fs::is_directory(dir)) throw_environment("kan " + scenario + " niet schrijven: map " + dir.string(), ENOENT);
  const std::string base_ref = plan->rules_builtin ? plan->rules_name : relative_to(plan->rules_file, dir);
  const std::string rules_ref = !overlay.empty() ? fs::path(overlay).filename().string() : base_ref;
  if (!answers_out.empty()) a->file = fs::path(answers_out).filename().string();
  const StarterFiles files = starter_files(*a, *plan, rules_ref, base_ref);
  auto put = [&](const std::string& path, const std::string& content) {
    if (replace) write_file_atomic(path, content);
    else if (!write_file_atomic_new(path, content)) throw InputError(path + " bestaat al; kies met --uit een andere naam, of geef --overschrijf");
  };
  if (!answers_out.empty()) put(answers_out, dialogue_text);
  if (!overlay.empty()) put(overlay, files.rules_overlay);
  put(scenario, files.scenario);

  // The check: the written scenario loads as any scenario does.
  const LoadResult lr = load_scenario(scenario);
  if (!lr.scenario) {
    print_diagnostics(lr.diags);
    std::cerr << "swvsim: interne fout: het geschreven scenario " << scenario << " laadt niet (zie hierboven)\n";
    return kInternal;
  }
  for (const auto& note : plan->notes) std::cerr << "swvsim nieuw: let op: " << note << "\n";
  std::cout << "Geschreven: " << scenario << (overlay.empty() ? "" : ", " + overlay + " (uw beschikking)")
            << (answers_out.empty() ? "" : ", " + answers_out + " (uw antwoorden)") << "\n"
            << "Controle: het scenario laadt (" << lr.scenario->name << ", " << lr.scenario->first_year << "–" << lr.scenario->last_year
            << ", " << lr.scenario->lines.size() << " posten).\n"
            << "Verder:\n  swvsim run " << scenario << " --deterministisch   # de begroting, regel voor regel\n"
            << "  swvsim run " << scenario << "                      # met onzekerheid: kansen per jaar\n"
            << "Lees de toelichting in het scenario en pas de AANNAMES aan die u beter weet (docs/starten.md).\n";
  return kOk;
}

}  // namespace swv::cli
