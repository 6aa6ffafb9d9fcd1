#pragma once
// swvsim verken's requests and variants: what a request may change (only the page's controls),
// the variant file those changes make (a commented overlay with basis = the scenario, overlay.h),
// and the variant's name and file. The server (verken_server.cpp) computes a request by loading that
// text as if it were the file <map van het scenario>/<naam>.toml, so its answer is exactly what
// `swvsim run` gives on the saved file.
//
// Contract:
// - Keys outside the controls, values that are null, and request fields that do not exist are a
//   VerkenError 400 with a Dutch reason; what a value means is left to the loader (its messages).
// - A variant's name becomes a file name of letters, digits, '-' and '_' only (never a path), at
//   most 60 characters; the base scenario's own files are never a variant's name.
// - The variant text holds the paths and seed verken computes with (simulatie.paden, .zaad) and a
//   name of its own (swv.naam: the base's with " — <naam>"), so `swvsim run` on it reproduces the
//   page and writes into its own output folder.
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "overlay.h"
#include "verken_controls.h"

namespace swv::cli {

// A request verken answers with an HTTP status and a Dutch message instead of a result; `details`
// holds the loader's messages (file:line: fout: ...).
struct VerkenError : std::runtime_error {
  VerkenError(int status_, const std::string& message, std::vector<std::string> details_ = {})
      : std::runtime_error(message), status(status_), details(std::move(details_)) {}
  int status;
  std::vector<std::string> details;
};

// What verken knows of its base scenario.
struct VerkenBase {
  std::string scenario;           // the path as given on the command line
  std::string folder;             // its folder as given ("" = the current folder)
  std::string file_name;          // "voorbeeld-po.toml": the variant's basis (it lies beside it)
  std::string name;               // swv.naam of the base
  std::vector<std::string> own_files;  // file names in the folder that are the base's (never a variant's)
  int64_t paths = 0;
  uint64_t seed = 0;
  bool precision = false;         // the base asks for precision on demand (simulatie.precisie)
  std::string version;            // swvsim's version, in the variant's header
  std::string default_name = "verken";  // a request's name when it gives none (never an own file)
  std::vector<Control> controls;
};

// A request's changes, checked against the controls, in control order.
struct Changes {
  std::vector<std::pair<const Control*, OverlayValue>> items;
};

struct VerkenRequest {
  Changes changes;
  std::string name;        // the variant's name (sanitised); base.default_name when not given
  bool overwrite = false;  // /api/variant: replace an existing file
};

// Reads a request body: {"wijzigingen": {KEY: VALUE, ...}, "naam": "...", "overschrijf": true}.
// `variant`: overschrijf is allowed (only /api/variant). VerkenError 400 for bad JSON, unknown
// fields or keys, or a value that is not a number, text, true/false, table or list.
VerkenRequest read_request(const VerkenBase& base, const std::string& body, bool variant);

// The changes of {KEY: VALUE, ...} (VerkenError 400 as above).
Changes read_changes(const VerkenBase& base, const nlohmann::ordered_json& changes);

// A JSON value as a TOML value (integers stay integers); VerkenError 400 naming `key` for null, a
// number beyond 64 bits, or nesting deeper than 4 levels.
OverlayValue overlay_value_of_json(const nlohmann::ordered_json& j, const std::string& key, int depth = 0);

// The variant's name from what was typed: ASCII letters (lower case) and digits kept, '-' and '_'
// kept, anything else a '-' (runs of them one), ".toml" at the end dropped, at most 60 characters.
// VerkenError 400 when nothing is left or the name is one of the base's own files.
std::string variant_name(const VerkenBase& base, const std::string& typed);

// <folder>/<name>.toml (the name already sanitised).
std::string variant_path(const VerkenBase& base, const std::string& name);

// The variant file's text for `changes` under `name` (overlay.h).
std::string variant_text(const VerkenBase& base, const Changes& changes, const std::string& name);

// The Host header a request to the server on 127.0.0.1:`port` may carry: "127.0.0.1:PORT" or
// "localhost:PORT" (any case). Anything else is a page of another site reaching this server through
// a name it resolved to 127.0.0.1 (DNS rebinding): refused (403).
bool allowed_host(const std::string& host, int port);
// An Origin header (sent with a page's POST) must be this server's own: http://127.0.0.1:PORT or
// http://localhost:PORT. An absent Origin (a command-line client) is allowed.
bool allowed_origin(const std::string& origin, bool present, int port);

}  // namespace swv::cli
