// Parts on the command line (run --deel, samenvoegen; docs/schalen.md): a killed part's temporary
// is removed by the next part in its folder, SIGHUP stops a part like SIGTERM, samenvoegen never waits
// on a pipe, and every problem of every part is named, each blamed on the part that has it.
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include "helpers.h"

using namespace swv::test;
namespace fs = std::filesystem;

namespace {

// The temporaries of parts in `dir`.
std::vector<std::string> part_temps(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (name.rfind(".deel-", 0) == 0 && name.find(".swvdeel.tmp-") != std::string::npos) out.push_back(name);
  }
  return out;
}

// Starts a long part (20 million paths) into `dir`, sends `sig` once its temporary exists, and
// returns the wait status.
int stopped_part(const std::string& dir, int sig) {
  const std::string scenario = source_path("tools/bench/po-10jaar.toml");
  const pid_t pid = fork();
  if (pid == 0) {
    freopen("/dev/null", "w", stdout);
    freopen((dir + "/../log").c_str(), "w", stderr);
    execl(SWVSIM_BINARY, SWVSIM_BINARY, "run", scenario.c_str(), "--paden", "20000000", "--stil", "--threads", "1", "--deel", "1/2", "--uit",
          dir.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  const auto start = std::chrono::steady_clock::now();
  while (part_temps(dir).empty() && std::chrono::steady_clock::now() - start < std::chrono::seconds(60))
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  kill(pid, sig);
  int status = 0;
  waitpid(pid, &status, 0);
  return status;
}

std::string small_scenario(const std::string& dir) {
  write(dir, "regels.toml", kRulesPo);
  return write(dir, "scenario.toml", random_walk_scenario(2027, "50_000", "0", 300));
}

// Flips a bit of the byte at `offset` (from the end when negative).
void flip(const std::string& path, long offset) {
  std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
  const auto from = offset < 0 ? std::ios::end : std::ios::beg;
  f.seekg(offset, from);
  const char c = static_cast<char>(f.get());
  f.seekp(offset, from);
  f.put(static_cast<char>(c ^ 0x10));
}

}  // namespace

TEST_CASE("delen: a part killed by SIGKILL leaves its temporary, which the next part in the folder removes", "[cli][shards][interrupt]") {
  const std::string dir = temp_dir(), out = dir + "/delen", log = dir + "/log";
  fs::create_directories(out);
  const int status = stopped_part(out, SIGKILL);
  CHECK(WIFSIGNALED(status));
  REQUIRE(part_temps(out).size() == 1);  // SIGKILL cannot be handled: the temporary stays
  // ".deel-1-van-2.swvdeel.tmp-<host>-<pid>": this machine's name as swvsim writes it.
  const std::string killed = part_temps(out)[0], tail = killed.substr(killed.find(".tmp-") + 5);
  const std::string host = tail.substr(0, tail.rfind('-'));
  // A temporary of another machine (a shared folder), of a live process, or of swvsim 0.4 (no host)
  // is never touched.
  const std::vector<std::string> kept = {".deel-2-van-2.swvdeel.tmp-andere-machine-1",
                                         ".deel-2-van-2.swvdeel.tmp-" + host + "-" + std::to_string(::getpid()),
                                         ".deel-2-van-2.swvdeel.tmp-1"};
  for (const auto& name : kept) write(out, name, "x");
  REQUIRE(run_cli("run " + small_scenario(dir) + " --stil --paden 600 --deel 1/1 --uit " + out, log) == 0);
  const std::vector<std::string> left = part_temps(out);
  CHECK(std::set<std::string>(left.begin(), left.end()) == std::set<std::string>(kept.begin(), kept.end()));
  CHECK(fs::exists(out + "/deel-1-van-1.swvdeel"));
}

TEST_CASE("delen: SIGHUP stops a part like SIGTERM: exit 129, its temporary removed", "[cli][shards][interrupt]") {
  const std::string dir = temp_dir(), out = dir + "/delen";
  fs::create_directories(out);
  const int status = stopped_part(out, SIGHUP);
  REQUIRE(WIFEXITED(status));  // before: killed by the signal, the temporary left for ever
  CHECK(WEXITSTATUS(status) == 129);
  CHECK_THAT(slurp(dir + "/log"), Catch::Contains("swvsim: afgebroken (SIGHUP); er is niets geschreven"));
  CHECK(part_temps(out).empty());
  CHECK(fs::is_empty(out));
}

TEST_CASE("samenvoegen: a pipe or a folder given as a part is refused at once", "[cli][shards]") {
  const std::string dir = temp_dir(), log = dir + "/log";
  REQUIRE(::mkfifo((dir + "/pijp").c_str(), 0644) == 0);
  // A wall-clock guard: before the fix this waited for a writer for ever (timeout: exit 124).
  CHECK(run_shell("timeout 20 " + std::string(SWVSIM_BINARY) + " samenvoegen " + dir + "/pijp --uit " + dir + "/uit >" + log + " 2>&1") == 2);
  CHECK_THAT(slurp(log), Catch::Contains(dir + "/pijp: fout: deel: dit is een pijp (FIFO), geen deelbestand; geef het deelbestand zelf"));
  fs::create_directories(dir + "/map");
  CHECK(run_cli("samenvoegen " + dir + "/map --uit " + dir + "/uit", log) == 4);
  CHECK_THAT(slurp(log), Catch::Contains("swvsim: fout: kan " + dir + "/map niet lezen als deel (geef de deelbestanden zelf, bijv. " + dir +
                                         "/map/deel-*-van-*.swvdeel): is een map, geen bestand (EISDIR)"));
  CHECK(!fs::exists(dir + "/uit"));
}

TEST_CASE("samenvoegen: every problem of every part is named, each on the part that has it", "[cli][shards]") {
  const std::string dir = temp_dir(), out = dir + "/delen", log = dir + "/log", sc = small_scenario(dir);
  for (int k = 1; k <= 3; ++k)
    REQUIRE(run_cli("run " + sc + " --stil --paden 1500 --deel " + std::to_string(k) + "/3 --uit " + out, log) == 0);
  const std::string p1 = out + "/deel-1-van-3.swvdeel", p2 = out + "/deel-2-van-3.swvdeel", p3 = out + "/deel-3-van-3.swvdeel";
  // Damage in the values of two parts: both named (before: only the first).
  flip(p2, -100);
  flip(p3, -100);
  CHECK(run_cli("samenvoegen " + p1 + " " + p2 + " " + p3 + " --stil --uit " + dir + "/uit", log) == 2);
  CHECK_THAT(slurp(log), Catch::Contains(p2 + ": fout: deel: de controlesom klopt niet (het bestand is beschadigd)"));
  CHECK_THAT(slurp(log), Catch::Contains(p3 + ": fout: deel: de controlesom klopt niet (het bestand is beschadigd)"));
  CHECK(!fs::exists(dir + "/uit"));
  // A missing part, a part that is no part and a damaged header: all three named, exit 4 (the system
  // refused one); the damaged header is not read as another version.
  flip(p2, -100);
  flip(p1, 24);  // inside the engine version text of the header
  write(dir, "geen-deel.swvdeel", "dit is geen deel");
  CHECK(run_cli("samenvoegen " + p1 + " " + p2 + " " + dir + "/weg.swvdeel " + dir + "/geen-deel.swvdeel --uit " + dir + "/uit", log) == 4);
  const std::string got = slurp(log);
  INFO(got);
  CHECK_THAT(got, Catch::Contains("swvsim: fout: kan " + dir + "/weg.swvdeel niet lezen: bestaat niet (ENOENT)"));
  CHECK_THAT(got, Catch::Contains(p1 + ": fout: deel: beschadigde kop (de controlesom van de kop klopt niet)"));
  CHECK_THAT(got, Catch::Contains(dir + "/geen-deel.swvdeel: fout: deel: geen deelbestand van swvsim"));
  CHECK_THAT(got, !Catch::Contains("gemaakt met swvsim"));
  CHECK_THAT(got, !Catch::Contains(("ontbreekt")));
  CHECK(!fs::exists(dir + "/uit"));
  const std::string doc = slurp(source_path("docs/foutmeldingen.md"));
  for (const char* m : {"dit is een pijp (FIFO), geen deelbestand", "niet lezen als deel (geef de deelbestanden zelf",
                        "de controlesom van de kop klopt niet", "afgebroken (SIGHUP)", "deelbestand in formaat 1 (swvsim 0.4)"})
    CHECK_THAT(doc, Catch::Contains(m));
}
