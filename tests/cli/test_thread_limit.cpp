// A system that gives no (or too few) threads (ulimit -u, a container's pids.max): exit 4 with a
// Dutch reason when --threads asks for more than it gives, a run on what it gives otherwise, never
// an abort (exit 134) or "interne fout", and nothing left in the output folder (thread_limit.h).
//
// The limit is RLIMIT_NPROC set with prlimit(1). It counts every process and thread of the real user
// and root ignores it, so as root the command runs under a user id that owns no process at all
// (setpriv(1), an unnamed uid: nothing else can count against its limit).
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <set>
#include <string>
#include <thread>

#include "helpers.h"

using namespace swv::test;
namespace fs = std::filesystem;

namespace {

// An uid no process has: RLIMIT_NPROC then counts only the command's own tasks.
constexpr const char* kLoneUid = "64999";

// "prlimit --nproc=N" in front of a command, as a user that the limit binds; empty when that cannot be arranged.
std::string limited(int nproc) {
  if (run_shell("command -v prlimit >/dev/null 2>&1") != 0) return "";
  const std::string limit = "prlimit --nproc=" + std::to_string(nproc) + " ";
  if (::geteuid() != 0) return limit;
  if (run_shell("command -v setpriv >/dev/null 2>&1") != 0) return "";
  const std::string as_lone = std::string("setpriv --reuid=") + kLoneUid + " --regid=" + kLoneUid + " --clear-groups ";
  // A clone under /root (mode 0700) is out of that user's reach: then this case cannot be arranged.
  if (run_shell(as_lone + SWVSIM_BINARY + " --version >/dev/null 2>&1") != 0) return "";
  return as_lone + limit;
}

std::set<std::string> names_in(const std::string& dir) {
  std::set<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) out.insert(e.path().filename().string());
  return out;
}

}  // namespace

TEST_CASE("threads: a system that gives too few threads is exit 4 in Dutch or a run on what it gives", "[cli][omgeving][threads]") {
#ifdef SWVSIM_SANITIZED
  // ASan starts a background thread of its own and reserves memory per thread: the limit would
  // measure the sanitizer. The optimised build of the suite (tools/test.sh) runs this case.
  WARN("skipped under the sanitizers: ASan's own threads count against the limit");
  return;
#endif
  if (limited(1).empty()) {
    WARN("skipped: prlimit, or (as root, whom the limit does not bind) setpriv, is not installed, or the user without "
         "processes cannot run " SWVSIM_BINARY);
    return;
  }
  // Readable and writable for the unprivileged user.
  const std::string dir = temp_dir(), log = dir + "/log";
  ::chmod(dir.c_str(), 0777);
  write(dir, "regels.toml", kRulesPo);
  const std::string sc = write(dir, "scenario.toml", random_walk_scenario(2028, "50_000", "0", 600));
  auto run = [&](int nproc, const std::string& args) {
    return run_shell(limited(nproc) + SWVSIM_BINARY + " " + args + " >" + log + " 2>&1");
  };
  auto says = [&](const std::string& text) {
    const std::string got = slurp(log);
    INFO(got);
    CHECK(got.find(text) != std::string::npos);
    CHECK(got.find("interne fout") == std::string::npos);
    CHECK(got.find("pthread_create") == std::string::npos);
  };

  // Before: --threads 2 gave "interne fout: pthread_create has failed" (exit 3), --threads 1 an
  // abort in tbb::global_control's destructor (exit 134) with the staging folder left behind.
  CHECK(run(1, "run " + sc + " --stil --threads 2 --uit " + dir + "/a") == 4);
  says("swvsim: fout: het systeem geeft maar 1 van de 2 threads van --threads: tijdelijk niet beschikbaar (EAGAIN); de grens op het "
       "aantal processen en threads is bereikt (ulimit -u, of pids.max van de container); kies --threads 1 of verhoog die grens");
  CHECK(!fs::exists(dir + "/a"));
  CHECK(run(1, "run " + sc + " --stil --threads 2 --deel 1/2 --uit " + dir + "/p") == 4);
  CHECK(names_in(dir + "/p").empty());
  CHECK(run(1, "weerstandsvermogen " + sc + " --stil --paden 300 --threads 3 --uit " + dir + "/w") == 4);
  says("het systeem geeft maar 1 van de 3 threads");

  // One thread needs no other: the run computes and writes its set.
  REQUIRE(run(1, "run " + sc + " --stil --threads 1 --formaat json --uit " + dir + "/b") == 0);
  for (const auto& name : names_in(dir + "/b")) CHECK(name.rfind(".swvsim-tmp-", 0) != 0);
  CHECK(names_in(dir + "/b").count("resultaat.json") == 1);
  // Without --threads: what the system gives, with a warning when that is fewer than the cores.
  REQUIRE(run(1, "run " + sc + " --stil --formaat json --uit " + dir + "/c") == 0);
  if (std::thread::hardware_concurrency() > 1) says("swvsim: waarschuwing: het systeem geeft maar 1 thread (");
  // A limit that allows the threads asked for is no problem.
  CHECK(run(2, "run " + sc + " --stil --threads 2 --formaat json --uit " + dir + "/d") == 0);
  // Every message is documented.
  const std::string doc = slurp(source_path("docs/foutmeldingen.md"));
  for (const char* m : {"het systeem geeft maar 1 van de 2 threads van --threads", "het systeem weigerde een thread te starten",
                        "swvsim: waarschuwing: het systeem geeft maar 1 thread"})
    CHECK_THAT(doc, Catch::Contains(m));
}
