// swvsim nieuw as a controller uses it: from an answers file (--antwoorden), and on a terminal,
// one question at a time, driven through a pseudo-terminal (tests/cli/nieuw_dialoog.py, python3's
// pty module). The written scenario must pass `swvsim controleer`; nothing is ever overwritten
// without --overschrijf.
#include <catch2/catch.hpp>

#include <filesystem>

#include "helpers.h"

using namespace swv::test;
namespace fs = std::filesystem;

namespace {

std::string quoted(const std::string& s) { return "'" + s + "'"; }

// Runs the dialogue script through the pty driver; the conversation goes to dir/gesprek.txt.
// The exit code of the conversation; 77 when the machine has no pseudo-terminal (nieuw_dialoog.py).
int converse(const std::string& dir, const std::string& script) {
  write(dir, "script.txt", script);
  return run_shell("python3 " + quoted(source_path("tests/cli/nieuw_dialoog.py")) + " " + quoted(SWVSIM_BINARY) + " " + quoted(dir) + " " +
                   quoted(dir + "/script.txt") + " >" + quoted(dir + "/gesprek.txt") + " 2>&1");
}

}  // namespace

TEST_CASE("nieuw --antwoorden: het voorbeeld wordt een scenario dat swvsim controleer doorstaat", "[nieuw][cli]") {
  const std::string dir = temp_dir();
  REQUIRE(run_shell(std::string(SWVSIM_BINARY) + " nieuw --voorbeeld-antwoorden >" + quoted(dir + "/antwoorden.toml")) == 0);
  const std::string scenario = dir + "/begroting.toml";
  REQUIRE(run_cli("nieuw --antwoorden " + quoted(dir + "/antwoorden.toml") + " --uit " + quoted(scenario), dir + "/uit.txt") == 0);
  CHECK(slurp(dir + "/uit.txt").find("Geschreven: " + scenario) != std::string::npos);
  CHECK(run_cli("controleer " + quoted(scenario), dir + "/controle.txt") == 0);
  CHECK(slurp(dir + "/controle.txt").find("Scenario in orde: SWV Voorbeeldregio PO (po, 2026–2030, 5 jaar)") != std::string::npos);
  // Every default is marked as an assumption in the file itself.
  const std::string text = slurp(scenario);
  CHECK(text.find("AANNAME") != std::string::npos);
  CHECK(text.find("docs/starten.md") != std::string::npos);

  // Never over an existing file without --overschrijf: exit 2, the file as it was.
  write(dir, "begroting.toml", "# van mij\n");
  CHECK(run_cli("nieuw --antwoorden " + quoted(dir + "/antwoorden.toml") + " --uit " + quoted(scenario), dir + "/uit2.txt") == 2);
  CHECK(slurp(dir + "/uit2.txt") ==
        "swvsim: fout: " + scenario + " bestaat al; kies met --uit een andere naam, of geef --overschrijf om het te vervangen\n");
  CHECK(slurp(source_path("docs/foutmeldingen.md"))
            .find("swvsim: fout: begroting.toml bestaat al; kies met --uit een andere naam, of geef --overschrijf om het te vervangen") !=
        std::string::npos);
  CHECK(slurp(scenario) == "# van mij\n");
  CHECK(run_cli("nieuw --antwoorden " + quoted(dir + "/antwoorden.toml") + " --uit " + quoted(scenario) + " --overschrijf") == 0);
  CHECK(slurp(scenario) == text);
  fs::remove_all(dir);
}

TEST_CASE("nieuw --antwoorden: met een beschikking ook het eigen regelsbestand, dat de rapporten noemen", "[nieuw][cli]") {
  const std::string dir = temp_dir();
  REQUIRE(run_shell(std::string(SWVSIM_BINARY) + " nieuw --voorbeeld-antwoorden --sector vo >" + quoted(dir + "/antwoorden.toml")) == 0);
  std::string answers = slurp(dir + "/antwoorden.toml");
  answers += "[beschikking]\njaar = 2026\nzwaar = 820.10\nlwoo_pro_factor = 0.118\n";
  write(dir, "antwoorden.toml", answers);
  REQUIRE(run_cli("nieuw --antwoorden " + quoted(dir + "/antwoorden.toml") + " --uit " + quoted(dir + "/vo.toml"), dir + "/uit.txt") == 0);
  CHECK(fs::exists(dir + "/vo-regels.toml"));
  REQUIRE(run_cli("run " + quoted(dir + "/vo.toml") + " --deterministisch --formaat md --uit " + quoted(dir + "/rapport"), dir + "/run.txt") == 0);
  const std::string md = slurp(dir + "/rapport/samenvatting.md");
  // zwaar of 2026 holds the 2026 step, so the overlay also sets vo-2026's zwaar_2026 (to 0).
  CHECK(md.find("Bekostigingsregels: vo-regels.toml: eigen bedragen voor ondersteuning lwoo\\_pro (factor), ondersteuning zwaar (normbedrag), "
                "ondersteuning zwaar\\_2026 (normbedrag); de overige bedragen uit vo-2026") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("nieuw zonder terminal en zonder antwoorden: een duidelijke fout", "[nieuw][cli]") {
  const std::string dir = temp_dir();
  CHECK(run_shell(std::string(SWVSIM_BINARY) + " nieuw </dev/null >" + quoted(dir + "/uit.txt") + " 2>&1") == 2);
  CHECK(slurp(dir + "/uit.txt") ==
        "swvsim: fout: geen terminal om de vragen te stellen: geef de antwoorden met --antwoorden BESTAND (een ingevuld voorbeeld: swvsim "
        "nieuw --voorbeeld-antwoorden > antwoorden.toml)\n");
  CHECK(slurp(source_path("docs/foutmeldingen.md")).find(slurp(dir + "/uit.txt").substr(0, slurp(dir + "/uit.txt").size() - 1)) != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("nieuw op een terminal: één vraag tegelijk, met voorbeeld, terug en uitleg", "[nieuw][cli][pty]") {
  const std::string dir = temp_dir();
  // Each line: what the program asks (then its prompt), TAB, what the controller types.
  const int rc = converse(dir,
                          "Sector: po of vo?\tpo\n"
                          "!absent\tNaam van het samenwerkingsverband\n"
                          "Naam van het samenwerkingsverband?\tSWV Dialoog PO\n"
                          "!absent\tEerste kalenderjaar\n"
                          "bijvoorbeeld: 2026\t2026\n"
                          "Laatste kalenderjaar\t2030\n"
                          "Eigen vermogen op 31 december\t€ 2.400.000\n"
                          "Leerlingen basisonderwijs (BaO)\t18.950\n"
                          "Leerlingen SBO op die teldatum?\t?\n"
                          "met een TLV van dit SWV\t390\n"
                          "Leerlingen SO categorie laag (1)?\t300\n"
                          "Leerlingen SO categorie midden (2)?\tterug\n"
                          "(nu: 300)\t310\n"
                          "Leerlingen SO categorie midden (2)?\t25\n"
                          "Leerlingen SO categorie hoog (3)?\tveel\n"
                          "Dat gaat niet: verwacht een getal, gevonden \"veel\"\t40\n"
                          "Krimp van het aantal reguliere leerlingen\t1%\n"
                          "Verwachte deelname SBO\t2,0%\n"
                          "Verwachte deelname SO\t\n"
                          "eigen begroting\tja\n"
                          "Euro per leerling naar de schoolbesturen?\t\n"
                          "Personeel eigen organisatie per jaar\t1.200.000\n"
                          "Arrangementen en projecten\t\n"
                          "Huisvesting, administratie\t\n"
                          "Eigen ondergrens\t500000\n"
                          "Streefwaarde voor de algemene reserve\t\n"
                          "DUO-beschikking bij de hand\tnee\n"
                          "Klopt dit?\t\n");
  if (rc == 77) {  // a root without /dev/pts: the suite on an ordinary machine runs this case
    WARN("skipped: this machine offers no pseudo-terminal (" + slurp(dir + "/gesprek.txt") + ")");
    fs::remove_all(dir);
    return;
  }
  INFO(slurp(dir + "/gesprek.txt"));
  REQUIRE(rc == 0);
  // The answers as typed, read the Dutch way, and the scenario that loads.
  const std::string answers = slurp(dir + "/dialoog-antwoorden.toml");
  for (const char* line : {"eigen_vermogen = 2400000", "regulier = 18950", "so = { laag = 310, midden = 25, hoog = 40 }", "krimp_per_jaar = 0.01",
                           "deelname_sbo = 0.02", "personeel = 1200000", "ondergrens = 500000"})
    CHECK(answers.find(line) != std::string::npos);
  CHECK(answers.find("deelname_so") == std::string::npos);
  CHECK(run_cli("controleer " + quoted(dir + "/dialoog.toml"), dir + "/controle.txt") == 0);
  CHECK(slurp(dir + "/dialoog.toml").find("bedrag      = 1_200_000   # uw antwoord") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("nieuw op een terminal: stop schrijft niets", "[nieuw][cli][pty]") {
  const std::string dir = temp_dir();
  const int rc = converse(dir, "Sector: po of vo?\tvo\nNaam van het samenwerkingsverband?\tstop\n!exit\t130\n");
  if (rc == 77) {  // a root without /dev/pts: the suite on an ordinary machine runs this case
    WARN("skipped: this machine offers no pseudo-terminal (" + slurp(dir + "/gesprek.txt") + ")");
    fs::remove_all(dir);
    return;
  }
  INFO(slurp(dir + "/gesprek.txt"));
  CHECK(rc == 0);
  CHECK(slurp(dir + "/gesprek.txt").find("swvsim nieuw: gestopt; er is niets geschreven.") != std::string::npos);
  CHECK_FALSE(fs::exists(dir + "/dialoog.toml"));
  CHECK_FALSE(fs::exists(dir + "/dialoog-antwoorden.toml"));
  fs::remove_all(dir);
}
