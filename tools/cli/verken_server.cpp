#include "verken_server.h"

#include <httplib.h>

#include <boost/program_options.hpp>
#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

#include "atomic_file.h"
#include "format_nl.h"
#include "html_parts.h"
#include "json_writer.h"
#include "run_set.h"
#include "scale_cmds.h"
#include "verken_page.h"
#include "verken_queue.h"

namespace swv::cli {

namespace {

using json = nlohmann::ordered_json;

// A variant to compute: its text, loaded as the file at `path`.
struct Job {
  std::string path, text;
};

struct Answer {
  std::string result_json;  // exactly run's resultaat.json
  PageParts page;
  double seconds = 0;
};

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

void send_error(httplib::Response& res, int status, const std::string& message, const std::vector<std::string>& details = {},
                bool replaced = false) {
  json j = {{"fout", message}};
  if (!details.empty()) j["meldingen"] = details;
  if (replaced) j["vervangen"] = true;
  res.status = status;
  res.set_content(dump(j), "application/json; charset=utf-8");
}

// What went wrong while answering, as the JSON error a client reads.
void send_failure(httplib::Response& res, std::exception_ptr failure) {
  try {
    std::rethrow_exception(failure);
  } catch (const VerkenError& e) {
    send_error(res, e.status, e.what(), e.details);
  } catch (const Replaced&) {
    send_error(res, 409, "vervangen door een nieuwere berekening", {}, true);
  } catch (const Stopped&) {
    send_error(res, 503, "swvsim verken stopt");
  } catch (const Cancelled&) {
    send_error(res, 503, "swvsim verken stopt; de berekening is afgebroken");
  } catch (const EnvironmentError& e) {
    send_error(res, 500, e.what());
  } catch (const std::bad_alloc&) {
    send_error(res, 500, out_of_memory_message());
  } catch (const std::exception& e) {
    send_error(res, 500, std::string("interne fout: ") + e.what());
  } catch (...) {
    send_error(res, 500, "interne fout");
  }
}

std::vector<std::string> messages(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& item : d.items()) out.push_back(item.format());
  return out;
}

// Loads `text` as the file `path` through the normal loader; VerkenError 400 with its messages.
LoadResult load_variant(const std::string& path, const std::string& text) {
  LoadOptions o;
  o.text = text;
  LoadResult lr = load_scenario(path, o);
  if (!lr.scenario) {
    const size_t n = lr.diags.error_count();
    throw VerkenError(400, "met deze wijzigingen is het scenario ongeldig (" + std::to_string(n) + (n == 1 ? " fout" : " fouten") + ")",
                      messages(lr.diags));
  }
  return lr;
}

// As `swvsim run` on the file: the scenario's own mode, paths, seed and precision (no options).
Answer compute(const Job& job, int threads) {
  const auto t0 = std::chrono::steady_clock::now();
  LoadResult lr = load_variant(job.path, job.text);
  RunOptions ro;
  ro.quiet = true;
  ro.mc.threads = threads;
  ro.mc.cancel = &g_cancel;
  ro.apply(*lr.scenario);
  McOptions mc = ro.mc;
  try {
    apply_precision(boost::program_options::variables_map(), ro, *lr.scenario, mc);
    const RunAnswer a = compute_run(lr, ro, mc);
    const ReportInput in = a.report_input(*lr.scenario);
    Answer out{result_json(a.result, a.kaderbrief ? &*a.kaderbrief : nullptr), {html::board_summary(in), html::equity_chart(in)}, 0};
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::cerr << "swvsim verken: " << job.path << " berekend in " << num_nl(out.seconds, 2) << " s\n";
    return out;
  } catch (const RunError& e) {
    throw VerkenError(400, "met deze wijzigingen rekent het scenario niet", {e.what()});
  } catch (const InputError& e) {
    throw VerkenError(400, e.what());
  }
}

}  // namespace

struct VerkenServer::Impl {
  Impl(VerkenBase b, bool mc, int threads)
      : base(std::move(b)), monte_carlo(mc), queue([threads](const Job& j) { return compute(j, threads); }) {}

  VerkenBase base;
  bool monte_carlo;
  ComputeQueue<Job, Answer> queue;
  httplib::Server server;
  int port = 0;

  VerkenRequest base_request() const {
    VerkenRequest r;
    r.name = base.default_name;
    return r;
  }
  Job job_for(const VerkenRequest& rq) const { return {variant_path(base, rq.name), variant_text(base, rq.changes, rq.name)}; }
  std::shared_ptr<const Answer> answer(const Job& j) { return queue.get(j.path + "\n" + j.text, j); }

  // Reads the body (at most kMaxBody bytes, also in chunks) and runs `f` on it; every failure becomes
  // a JSON error.
  template <class F>
  httplib::Server::HandlerWithContentReader with_body(F f) {
    return [f](const httplib::Request&, httplib::Response& res, const httplib::ContentReader& reader) {
      std::string body;
      bool too_big = false;
      const bool ok = reader([&](const char* data, size_t n) {
        if (body.size() + n > kMaxBody) return too_big = true, false;
        body.append(data, n);
        return true;
      });
      if (too_big || res.status == 413) return send_error(res, 413, "het verzoek is groter dan 64 KB");
      if (!ok) return send_error(res, 400, "het verzoek kwam niet volledig aan");
      try {
        f(body, res);
      } catch (...) {
        send_failure(res, std::current_exception());
      }
    };
  }

  void routes() {
    // Before anything is read: who asks, and in what form.
    server.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      if (!allowed_host(req.get_header_value("Host"), port)) {
        send_error(res, 403, "onbekende Host: swvsim verken antwoordt alleen op 127.0.0.1:" + std::to_string(port) + " en localhost:" +
                                 std::to_string(port));
        return httplib::Server::HandlerResponse::Handled;
      }
      if (!allowed_origin(req.get_header_value("Origin"), req.has_header("Origin"), port)) {
        send_error(res, 403, "verzoek van een andere site geweigerd (Origin " + shorten(req.get_header_value("Origin"), 80) + ")");
        return httplib::Server::HandlerResponse::Handled;
      }
      if (req.method == "POST") {
        const std::string type = req.get_header_value("Content-Type");
        if (type.rfind("application/json", 0) != 0) {
          send_error(res, 415, "stuur JSON (Content-Type: application/json)");
          return httplib::Server::HandlerResponse::Handled;
        }
        const std::string enc = req.get_header_value("Content-Encoding");
        if (!enc.empty() && enc != "identity") {
          send_error(res, 415, "een gecomprimeerd verzoek (Content-Encoding " + shorten(enc, 40) + ") wordt niet aangenomen");
          return httplib::Server::HandlerResponse::Handled;
        }
      }
      return httplib::Server::HandlerResponse::Unhandled;
    });

    server.Get("/", [this](const httplib::Request&, httplib::Response& res) {
      try {
        const auto a = answer(job_for(base_request()));
        res.set_content(verken_page(base, monte_carlo, a->page), "text/html; charset=utf-8");
      } catch (...) {
        send_failure(res, std::current_exception());
      }
    });
    auto asset = [this](const char* path, std::string content, const char* type) {
      server.Get(path, [content = std::move(content), type](const httplib::Request&, httplib::Response& res) { res.set_content(content, type); });
    };
    asset("/verken.js", std::string(verken_script()), "text/javascript; charset=utf-8");
    asset("/verken.css", std::string(verken_style()), "text/css; charset=utf-8");
    asset("/rapport.css", report_style(), "text/css; charset=utf-8");
    server.Get("/api/basis", [this](const httplib::Request&, httplib::Response& res) { res.set_content(dump(basis()), "application/json; charset=utf-8"); });

    server.Post("/api/bereken", with_body([this](const std::string& body, httplib::Response& res) {
      const auto a = answer(job_for(read_request(base, body, false)));
      res.set_content(a->result_json, "application/json; charset=utf-8");
    }));
    server.Post("/api/pagina", with_body([this](const std::string& body, httplib::Response& res) {
      const auto a = answer(job_for(read_request(base, body, false)));
      // resultaat.json as it is (not parsed and written again: the same bytes as /api/bereken).
      res.set_content("{\"pagina\":" + dump(a->page.summary) + ",\"grafiek\":" + dump(a->page.chart) + ",\"seconden\":" + num_exact(a->seconds) +
                          ",\"resultaat\":" + a->result_json + "}",
                      "application/json; charset=utf-8");
    }));
    server.Post("/api/variant", with_body([this](const std::string& body, httplib::Response& res) {
      const VerkenRequest rq = read_request(base, body, true);
      const Job j = job_for(rq);
      load_variant(j.path, j.text);  // an invalid variant is never written
      if (rq.overwrite) write_file_atomic(j.path, j.text);
      else if (!write_file_atomic_new(j.path, j.text))
        throw VerkenError(409, "er staat al een bestand " + j.path + "; kies een andere naam, of vervang het (\"overschrijf\": true)");
      res.set_content(dump(json{{"bestand", j.path}, {"naam", rq.name}, {"opdracht", "swvsim run " + j.path}}), "application/json; charset=utf-8");
    }));
    server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
      if (res.body.empty()) send_error(res, res.status, res.status == 404 ? "niet gevonden" : "verzoek niet verwerkt (" + std::to_string(res.status) + ")");
    });
  }

  json basis() const {
    json keys = json::array();
    for (const Control& c : base.controls)
      keys.push_back({{"sleutel", c.key}, {"label", c.label}, {"groep", c.group},
                      {"eenheid", c.unit == ControlUnit::Euro ? "euro" : c.unit == ControlUnit::Factor ? "factor" : "procent"},
                      {"basis", c.base}, {"min", c.min}, {"max", c.max}, {"stap", c.step}, {"basiswaarde", c.base_value}});
    return {{"scenario", base.scenario}, {"paden", base.paths}, {"zaad", base.seed}, {"sleutels", keys}};
  }
};

VerkenServer::VerkenServer(VerkenBase base, bool monte_carlo, int threads) : impl_(std::make_unique<Impl>(std::move(base), monte_carlo, threads)) {
  impl_->server.set_payload_max_length(kMaxBody);
  // An idle browser connection holds a server thread this long: Ctrl-C stops within about a second.
  impl_->server.set_keep_alive_timeout(1);
  impl_->server.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                                     {"Cache-Control", "no-store"},
                                     {"Referrer-Policy", "no-referrer"},
                                     {"Content-Security-Policy",
                                      "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; "
                                      "base-uri 'none'; form-action 'none'"}});
  impl_->routes();
}

VerkenServer::~VerkenServer() = default;

int VerkenServer::bind(int port) {
  const int bound = port == 0 ? impl_->server.bind_to_any_port("127.0.0.1") : (impl_->server.bind_to_port("127.0.0.1", port) ? port : -1);
  if (bound <= 0)
    throw EnvironmentError(port == 0 ? "geen vrije poort op 127.0.0.1 gevonden"
                                     : "poort " + std::to_string(port) + " op 127.0.0.1 is niet te gebruiken (al in gebruik?); kies een andere met "
                                                                        "--poort, of --poort 0 voor een vrije");
  impl_->port = bound;
  return bound;
}

void VerkenServer::run(const std::atomic<bool>& stop) {
  std::atomic<bool> done{false};
  // The base page, computed while the user opens the address.
  std::thread prime([this] {
    try {
      impl_->answer(impl_->job_for(impl_->base_request()));
    } catch (...) {  // shown when the page is asked for
    }
  });
  // Stop: first the queue (wakes the waiting requests, ends the running computation: it polls the
  // same flag), then the server; stop() is repeated until listen has returned, since a stop before
  // listen has started would be lost.
  std::thread watcher([&] {
    while (!done.load()) {
      if (stop.load()) {
        impl_->queue.stop();
        impl_->server.stop();
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  });
  const bool ok = impl_->server.listen_after_bind();
  done = true;
  watcher.join();
  impl_->queue.stop();
  prime.join();
  if (!ok && !stop.load()) throw EnvironmentError("de server op 127.0.0.1:" + std::to_string(impl_->port) + " stopte onverwacht");
}

}  // namespace swv::cli
