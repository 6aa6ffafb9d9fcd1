// A run that is stopped halfway (Ctrl-C or kill -9) never leaves a truncated or half-new result:
// the output folder holds the previous complete results, and Ctrl-C exits with 130.
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

// Starts `swvsim run` on a long Monte-Carlo job, sends `sig` after `wait_ms`, returns the wait status.
int interrupted_run(const std::string& out, int sig, int wait_ms) {
  const std::string scenario = source_path("tools/bench/po-10jaar.toml");
  pid_t pid = fork();
  if (pid == 0) {
    freopen("/dev/null", "w", stdout);
    freopen("/dev/null", "w", stderr);
    execl(SWVSIM_BINARY, SWVSIM_BINARY, "run", scenario.c_str(), "--paden", "20000000", "--stil", "--uit", out.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(wait_ms));
  kill(pid, sig);
  int status = 0;
  waitpid(pid, &status, 0);
  return status;
}

}  // namespace

TEST_CASE("Ctrl-C stops a run promptly with exit 130 and keeps the previous results", "[cli][interrupt]") {
  const std::string out = temp_dir();
  write(out, "resultaat.json", "{\"vorige\": true}\n");
  const auto t0 = std::chrono::steady_clock::now();
  const int status = interrupted_run(out, SIGINT, 700);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 130);
  CHECK(secs < 5);  // 20 million paths would take minutes; the run stops at the next block
  CHECK(slurp(out + "/resultaat.json") == "{\"vorige\": true}\n");
  for (const auto& e : fs::directory_iterator(out)) CHECK(e.path().filename() == "resultaat.json");
}

TEST_CASE("kill -9 halfway leaves the previous results intact", "[cli][interrupt]") {
  const std::string out = temp_dir();
  write(out, "resultaat.json", "{\"vorige\": true}\n");
  const int status = interrupted_run(out, SIGKILL, 700);
  CHECK(WIFSIGNALED(status));
  CHECK(slurp(out + "/resultaat.json") == "{\"vorige\": true}\n");
  for (const auto& e : fs::directory_iterator(out)) CHECK(e.path().filename() == "resultaat.json");
}
