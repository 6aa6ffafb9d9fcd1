#pragma once
// How many threads a command computes with, settled once before any work (docs/cli-en-uitvoer.md,
// exit 4). The system may cap threads (ulimit -u / RLIMIT_NPROC, a container's pids.max). oneTBB
// starts its workers only when work appears, and a refused pthread_create then throws from wherever
// that happens: from a parallel loop as an English "pthread_create has failed" (exit 3), or from
// tbb::global_control's destructor, when a scoped limit is lifted and TBB starts workers for the
// cores, which aborts the process (exit 134, the staging folder left behind).
//
// settle_threads therefore
//  * probes by starting the threads a run needs (requested - 1 workers; the main thread is the
//    first) and holding them until all are up, so the count is what the system gives at once;
//  * refuses with EnvironmentError (exit 4, the reason in Dutch) when --threads T was given and fewer
//    can be had; without --threads (all cores) it takes what it gets, with a warning when that is
//    fewer than the cores (results do not depend on the thread count);
//  * pins TBB's parallelism to that number for the rest of the process with a global_control that
//    is never destroyed: the engine's own scoped limits use the same number, so ending them never
//    raises the limit and never makes TBB start a thread.
#include <string>

namespace swv::cli {

// `requested`: --threads, or 0 for all cores. Returns the number of threads to compute with (>= 1).
int settle_threads(int requested);

// Whether `what` is oneTBB's message for a thread the system refused ("pthread_create has failed: ...").
bool is_thread_refusal(const std::string& what);
// The Dutch exit-4 message for such a refusal.
std::string thread_refusal_message();

}  // namespace swv::cli
