// A run that is stopped halfway (Ctrl-C, SIGTERM or kill -9) never leaves a truncated or half-new
// result: the output folder holds the previous complete results; Ctrl-C exits 130, SIGTERM 143.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "helpers.h"

using namespace swv::test;
namespace fs = std::filesystem;

namespace {

bool has_staging(const std::string& out) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(out, ec))
    if (e.path().filename().string().rfind(".swvsim-tmp-", 0) == 0) return true;
  return false;
}

struct Stopped {
  int status = 0;
  double seconds_after_signal = 0;  // from the signal to the exit
};

// Starts `swvsim run` on a long Monte-Carlo job and sends `sig` once it is computing: its staging
// folder exists (made with the lock, right before the stop handlers are installed and the run
// starts), plus a margin. Waiting for that rather than a fixed time keeps the test honest on a slow
// machine or under the sanitizers, where start-up alone can take longer than any fixed delay.
Stopped interrupted_run(const std::string& out, int sig) {
  const std::string scenario = source_path("tools/bench/po-10jaar.toml");
  pid_t pid = fork();
  if (pid == 0) {
    freopen("/dev/null", "w", stdout);
    freopen("/dev/null", "w", stderr);
    execl(SWVSIM_BINARY, SWVSIM_BINARY, "run", scenario.c_str(), "--paden", "20000000", "--stil", "--uit", out.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  const auto start = std::chrono::steady_clock::now();
  while (!has_staging(out) && std::chrono::steady_clock::now() - start < std::chrono::seconds(60))
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const auto t0 = std::chrono::steady_clock::now();
  kill(pid, sig);
  Stopped s;
  waitpid(pid, &s.status, 0);
  s.seconds_after_signal = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return s;
}

}  // namespace

// Signals during the computation (signals while writing, with the old set checked file by file, are
// in test_output_set.cpp: there the new set is half written, so "previous results intact" can fail).
TEST_CASE("Ctrl-C stops a run promptly with exit 130 and removes its staging folder", "[cli][interrupt]") {
  const std::string out = temp_dir();
  write(out, "resultaat.json", "{\"vorige\": true}\n");
  write(out, ".swvsim.set", "resultaat.json\n");  // a previous set's (a file of the user's would be refused)
  const Stopped s = interrupted_run(out, SIGINT);
  const int status = s.status;
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 130);
  CHECK(s.seconds_after_signal < 5);  // 20 million paths take minutes; the run stops at the next block
  CHECK(slurp(out + "/resultaat.json") == "{\"vorige\": true}\n");
  // The staging folder existed during the run (made before computing); it is gone, the lock stays.
  for (const auto& e : fs::directory_iterator(out)) {
    const std::string name = e.path().filename().string();
    CHECK((name == "resultaat.json" || name == ".swvsim.lock" || name == ".swvsim.set"));
  }
}

TEST_CASE("SIGTERM and SIGHUP are handled like Ctrl-C: exit 143 / 129, staging folder removed", "[cli][interrupt]") {
  const std::string out = temp_dir();
  write(out, "resultaat.json", "{\"vorige\": true}\n");
  write(out, ".swvsim.set", "resultaat.json\n");
  // SIGHUP: a closed terminal or ssh session (before issue 24 it killed the run at once).
  const auto [sig, code] = GENERATE(std::pair{SIGTERM, 143}, std::pair{SIGHUP, 129});
  const int status = interrupted_run(out, sig).status;
  REQUIRE(WIFEXITED(status));  // before the fix SIGTERM killed the process (WIFSIGNALED)
  CHECK(WEXITSTATUS(status) == code);
  CHECK(slurp(out + "/resultaat.json") == "{\"vorige\": true}\n");
  for (const auto& e : fs::directory_iterator(out)) {
    const std::string name = e.path().filename().string();
    CHECK((name == "resultaat.json" || name == ".swvsim.lock" || name == ".swvsim.set"));
  }
}

TEST_CASE("kill -9 during the computation leaves a staging folder that the next run removes", "[cli][interrupt]") {
  const std::string out = temp_dir();
  write(out, "resultaat.json", "{\"vorige\": true}\n");
  write(out, ".swvsim.set", "resultaat.json\n");  // a previous set's (a file of the user's would be refused)
  const int status = interrupted_run(out, SIGKILL).status;
  CHECK(WIFSIGNALED(status));
  CHECK(slurp(out + "/resultaat.json") == "{\"vorige\": true}\n");
  int staging = 0;
  for (const auto& e : fs::directory_iterator(out)) staging += e.path().filename().string().rfind(".swvsim-tmp-", 0) == 0;
  CHECK(staging == 1);
  REQUIRE(run_cli("run " + source_path("scenarios/voorbeeld-po.toml") + " --paden 200 --stil --formaat json --uit " + out) == 0);
  for (const auto& e : fs::directory_iterator(out)) {
    const std::string name = e.path().filename().string();
    CHECK((name == "resultaat.json" || name == ".swvsim.lock" || name == ".swvsim.set"));
  }
  CHECK(slurp(out + "/resultaat.json").find("vorige") == std::string::npos);
}
