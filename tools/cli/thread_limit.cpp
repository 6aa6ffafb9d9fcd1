// Settling the thread count before any work (thread_limit.h).
#include "thread_limit.h"

#include <tbb/global_control.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <iostream>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

#include "atomic_file.h"

namespace swv::cli {

namespace {

constexpr const char* kWhy = "de grens op het aantal processen en threads is bereikt (ulimit -u, of pids.max van de container)";

struct Probe {
  int got = 1;  // the main thread
  int err = 0;  // errno of the first refusal
};

// Starts up to wanted - 1 threads that wait until all are started, then lets them end.
Probe probe(int wanted) {
  Probe p;
  std::mutex m;
  std::condition_variable cv;
  bool release = false;
  std::vector<std::thread> held;
  held.reserve(static_cast<size_t>(wanted));
  for (int i = 1; i < wanted; ++i) {
    try {
      held.emplace_back([&] {
        std::unique_lock<std::mutex> l(m);
        cv.wait(l, [&] { return release; });
      });
    } catch (const std::system_error& e) {
      p.err = e.code().value() != 0 ? e.code().value() : EAGAIN;
      break;
    }
  }
  {
    std::lock_guard<std::mutex> l(m);
    release = true;
  }
  cv.notify_all();
  for (auto& t : held) t.join();
  p.got = 1 + static_cast<int>(held.size());
  return p;
}

}  // namespace

int settle_threads(int requested) {
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const int wanted = requested > 0 ? requested : cores;
  const Probe p = wanted > 1 ? probe(wanted) : Probe{};
  if (p.got < wanted) {
    if (requested > 0)
      throw EnvironmentError("het systeem geeft maar " + std::to_string(p.got) + " van de " + std::to_string(wanted) +
                             " threads van --threads: " + errno_nl(p.err) + "; " + kWhy + "; kies --threads " + std::to_string(p.got) +
                             " of verhoog die grens");
    std::cerr << "swvsim: waarschuwing: het systeem geeft maar " << p.got << (p.got == 1 ? " thread" : " threads") << " ("
              << errno_nl(p.err) << "; " << kWhy << "); swvsim rekent daarmee in plaats van met " << wanted
              << " (de uitkomst hangt er niet van af)\n";
  }
  // Never destroyed: its destructor would lift the limit and make TBB start workers (see the header).
  static tbb::global_control* const pinned =
      new tbb::global_control(tbb::global_control::max_allowed_parallelism, static_cast<size_t>(p.got));
  (void)pinned;
  return p.got;
}

bool is_thread_refusal(const std::string& what) { return what.rfind("pthread_create has failed", 0) == 0; }

std::string thread_refusal_message() {
  return std::string("het systeem weigerde een thread te starten: ") + errno_nl(EAGAIN) + "; " + kWhy +
         "; geef minder --threads of verhoog die grens";
}

}  // namespace swv::cli
