#include "build_common.h"

#include "scenario.h"

namespace swv::detail {

double num(const MNode* n, double def) { return n && n->node ? number_of(*n->node).value_or(def) : def; }
int64_t integer(const MNode* n, int64_t def) { return n && n->node ? n->node->value<int64_t>().value_or(def) : def; }
std::string text(const MNode* n, const std::string& def) {
  return n && n->node ? n->node->value<std::string>().value_or(def) : def;
}
bool boolean(const MNode* n, bool def) { return n && n->node ? n->node->value<bool>().value_or(def) : def; }

void check_required(const MNode& t, FileKind kind, const std::string& spath, const std::string& file, Diagnostics& diags) {
  for (const auto& k : schema(kind)) {
    if (!k.required) continue;
    std::string_view p = k.path;
    size_t dot = p.rfind('.');
    std::string_view parent = dot == std::string_view::npos ? "" : p.substr(0, dot);
    std::string_view name = dot == std::string_view::npos ? p : p.substr(dot + 1);
    if (name == "*") continue;
    if (!(parent == spath || (parent.find('*') != std::string_view::npos && path_matches(parent, spath)))) continue;
    if (!t.child(name)) {
      Where w = t.where();
      if (w.file.empty()) w.file = file;
      w.key = t.key.empty() ? std::string(name) : t.key;
      diags.error(w, "verplichte sleutel \"" + std::string(name) + "\" ontbreekt" +
                         (spath.empty() ? "" : " in [" + (t.key.empty() ? spath : t.key) + "]") + " (" + std::string(k.doc) + ")");
    }
  }
  for (const auto& [name, child] : t.children) {
    std::string cpath = spath.empty() ? name : spath + "." + name;
    if (child.kind == MNode::Kind::Table) check_required(child, kind, cpath, file, diags);
    if (child.kind == MNode::Kind::Array)
      for (const auto& e : child.items) check_required(e, kind, cpath + "[]", file, diags);
  }
}

Basis basis_of(const std::string& s) {
  if (s == "sbo") return Basis::Sbo;
  if (s == "so") return Basis::So;
  if (s == "pro") return Basis::Pro;
  if (s == "lwoo") return Basis::Lwoo;
  if (s == "totaal") return Basis::Total;
  return Basis::Regular;
}

}  // namespace swv::detail
