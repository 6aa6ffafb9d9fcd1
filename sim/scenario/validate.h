#pragma once
// Per-file validation against the schema (scenario-format section 2: "each file is checked on
// its own before merging", so an error names the file where the mistake is).
#include <toml++/toml.h>

#include <optional>

#include "diagnostics.h"
#include "schema.h"

namespace swv {

// Checks unknown keys (with the nearest valid name), keys and choices of the other sector (when
// the sector is known), value forms (number, per-year table, distribution), number ranges,
// distribution parameters by name, and `vervang`/`verwijder` only in variants.
void validate_file(const toml::table& root, FileKind kind, std::optional<Sector> sector, bool is_variant,
                   Diagnostics& diags);

// The schema tag every file must carry as its key "schema": scenario files (each file of a chain)
// and rules files.
constexpr const char* kScenarioSchema = "swvsim/1";
constexpr const char* kRulesSchema = "swvsim-regels/1";
// Reports a missing `schema` key, or one that is not `expected`, in the file `file` with root `root`.
void check_schema_tag(const toml::table& root, const std::string& file, const char* expected, Diagnostics& diags);

// The parameter names of a verdeling ("normaal" -> gemiddelde, sd), empty if unknown.
std::vector<std::string> dist_params(std::string_view verdeling);
// All verdeling names.
std::vector<std::string> dist_names();

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2200;
constexpr double kMaxMagnitude = 1e13;  // larger than any SWV amount or count, by far
constexpr double kMinMagnitude = 1e-9;  // non-zero numbers closer to 0 are rejected
constexpr size_t kMaxTextLength = 1000;  // characters
constexpr int64_t kMaxPaths = 100'000'000;

}  // namespace swv
