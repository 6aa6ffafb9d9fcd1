#pragma once
// Small helpers shared by the scenario and rules builders: typed reads from the merged tree and
// the required-key check. Only for sim/'s loading code.
#include <string>

#include "diagnostics.h"
#include "scenario.h"
#include "schema.h"
#include "toml_tree.h"

namespace swv::detail {

double num(const MNode* n, double def);
int64_t integer(const MNode* n, int64_t def);
std::string text(const MNode* n, const std::string& def = "");
bool boolean(const MNode* n, bool def);

// Reports every required key (schema) missing below `t`, recursing into sections and entries.
void check_required(const MNode& t, FileKind kind, const std::string& spath, const std::string& file, Diagnostics& diags);

Basis basis_of(const std::string& s);

// load_rules with where the file was named ("regels in scenario.toml:7"), for errors about the file,
// and the folder of the built-in rules a `basis` in the rules file may name.
void load_rules_named(const std::string& path, Sector sector, Rules& out, Diagnostics& diags, const std::string& named_at,
                      const std::string& rules_dir);

// The file a rules name stands for: a path (relative to the file that names it, w.file) or the name
// of a built-in rules file in rules_dir. An unknown built-in name is an error at `w` listing the
// built-in ones (a later year than any of them points to the newest); "" then.
std::string resolve_rules_name(const std::string& name, const Where& w, const std::string& rules_dir, Diagnostics& d);

}  // namespace swv::detail
