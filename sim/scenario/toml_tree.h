#pragma once
// Reading TOML files and merging a variant chain into one tree, without losing where each value
// was written (toml++ drops source positions on copy, so the merged tree points into the parsed
// files instead of copying them).
#include <toml++/toml.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.h"
#include "schema.h"

namespace swv {

struct ParsedFile {
  std::string path;  // as resolved (relative paths kept readable)
  std::shared_ptr<toml::table> root;
  std::string sha256;  // of the text parsed (set with root): provenance of exactly what was read
};

// Reads and parses one file; on failure (missing, a directory, unreadable, too big, empty, invalid
// UTF-8, TOML syntax) adds an error and returns a file with a null root. `named_at` says where the
// file was named ("basis in a.toml:2"), added to errors about the file as a whole.
ParsedFile parse_toml_file(const std::string& path, Diagnostics& diags, const std::string& named_at = "");
// The same checks and parse for a text already in memory that stands for the file `path` (a variant
// not saved yet: swvsim verken); the same messages, naming `path`.
ParsedFile parse_toml_text(const std::string& path, const std::string& text, Diagnostics& diags, const std::string& named_at = "");

// A toml++ parse error description in Dutch for the common mistakes; others as toml++ wrote them.
std::string toml_error_text(std::string_view description);

// How deep a file may nest: parts of a dotted key or table header, plus the tables and lists
// around it ({ } and [ ]). A scenario needs about 7; toml++ recurses per level, and a key of
// 40.000 parts overflowed the stack. parse_toml_file checks this before parsing.
constexpr int kMaxNesting = 32;

// The number of a node (integer or decimal), nullopt for anything else. toml++'s value<double>()
// gives nothing for an integer beyond 2^53 (not exactly representable), which read as 0 and slipped
// past the range checks; here it is converted (rounded), so the range check sees its size.
std::optional<double> number_of(const toml::node& node);

// Position of a node in its file, with a key path for messages.
Where where_of(const toml::node& node, std::string key);

// A node of the merged tree.
struct MNode {
  enum class Kind { Leaf, Table, Array };
  Kind kind = Kind::Leaf;
  const toml::node* node = nullptr;  // leaf value; for tables the table of the newest file
  std::string key;                   // display key path ("post[3.1].bedrag")
  std::vector<std::pair<std::string, MNode>> children;  // Table
  std::vector<MNode> items;                             // Array (each a Table)

  // Defined in toml_tree.cpp, where MNode is complete: clang with libstdc++ otherwise instantiates
  // pair<string, MNode> while MNode is incomplete and fails to compile (needed for the fuzz build).
  MNode();
  MNode(const MNode&);
  MNode(MNode&&) noexcept;
  MNode& operator=(const MNode&);
  MNode& operator=(MNode&&) noexcept;
  ~MNode();

  const MNode* child(std::string_view name) const;
  // Dotted path below this node ("leerlingen.so.laag"); nullptr when absent.
  const MNode* find(std::string_view dotted) const;
  Where where() const { return node ? where_of(*node, key) : Where{{}, 0, 0, key}; }
};

// Mirror of one file's root table, typed by the schema (Sections and arrays of tables become
// Table/Array nodes, everything else a Leaf).
MNode tree_of(const toml::table& root, FileKind kind);

// Merges `over` (a variant) onto `base` following scenario-format section 2: sections merge
// key by key, values and plain arrays replace, [[post]]/[[risico]] merge by code with
// `vervang`/`verwijder`. Errors (unknown code to remove or replace) go to diags.
void merge_into(MNode& base, const MNode& over, FileKind kind, Diagnostics& diags);

// Structural equality of two merged trees (values compared, positions ignored).
bool same_tree(const MNode& a, const MNode& b);

// Display text of a node's TOML type ("tekst", "getal", "tabel", ...), for "gevonden ..." messages.
std::string found_text(const toml::node& node);

}  // namespace swv
