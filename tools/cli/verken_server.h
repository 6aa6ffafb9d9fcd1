#pragma once
// The HTTP side of swvsim verken (cpp-httplib: Debian's libcpp-httplib-dev), on 127.0.0.1 only.
//
//   GET  /                 the page (verken_page.h) for the base
//   GET  /verken.js, /verken.css, /rapport.css    its assets, compiled in
//   GET  /api/basis        the controls: keys, labels, base levels and values, slider ranges
//   POST /api/bereken      {"wijzigingen": {...}, "naam": "..."} -> resultaat.json of that variant
//   POST /api/pagina       the same request -> {"pagina", "grafiek", "seconden", "resultaat"}
//   POST /api/variant      {"naam", "wijzigingen", "overschrijf"} -> writes <naam>.toml beside the scenario
//
// A computation loads the variant text as the file <map>/<naam>.toml (default naam "verken") and
// runs it as `swvsim run` does (run_set.h compute_run), so /api/bereken answers exactly the
// resultaat.json of `swvsim run` on the saved file. One computation at a time (verken_queue.h).
//
// Refused before anything is read: a Host other than 127.0.0.1:PORT or localhost:PORT, or an Origin
// other than this server (403); a POST that is not application/json or is compressed (415); a body
// over 64 KB, also when sent in chunks (413). Errors are JSON {"fout": "...", "meldingen": [...]}
// in Dutch: 400 bad request or invalid values (the loader's messages), 409 replaced by a newer
// request ("vervangen": true) or a variant that exists, 503 while stopping.
#include <atomic>
#include <memory>

#include "verken_variant.h"

namespace swv::cli {

constexpr size_t kMaxBody = 64 * 1024;

class VerkenServer {
 public:
  // `threads`: for the simulation (0: all cores).
  VerkenServer(VerkenBase base, bool monte_carlo, int threads);
  ~VerkenServer();
  // Binds 127.0.0.1:port (0: a free port) and returns the port; EnvironmentError when refused.
  int bind(int port);
  // Serves until `stop` is set (Ctrl-C, SIGTERM), then stops the computation queue and the server and
  // returns. Computes the base page in the background first so the first visit is quick.
  void run(const std::atomic<bool>& stop);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace swv::cli
