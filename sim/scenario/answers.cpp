// Reading the answers file of `swvsim nieuw` (answers.h), the questions of the dialogue, and the
// example answers file.
#include "answers.h"

#include "build_common.h"
#include "format_nl.h"
#include "toml_tree.h"
#include "validate.h"
#include "value_read.h"

namespace swv {

using namespace detail;

bool Answers::Decision::any() const {
  bool any_so = false;
  for (const auto& d : deduct_so) any_so |= d.has_value();
  return any_so || light || heavy || regional || lwoo_pro || lwoo_factor || deduct_sbo;
}

Where Answers::at(const std::string& key) const {
  auto it = where.find(key);
  return it == where.end() ? Where{file, 0, 0, key} : it->second;
}

double answer_at(const YearTable& t, int year) { return t.linear_at(year); }

namespace {

// Every leaf's position, so the derivation can name the answer it cannot meet.
void remember(const MNode& m, std::map<std::string, Where>& where) {
  if (!m.key.empty() && m.node) where[m.key] = m.where();
  for (const auto& [name, child] : m.children) remember(child, where);
  for (const auto& item : m.items) remember(item, where);
}

std::optional<double> maybe(const MNode& root, std::string_view key) {
  const MNode* n = root.find(key);
  if (!n || !n->node) return std::nullopt;
  return number_of(*n->node);
}

}  // namespace

std::optional<Answers> read_answers(const std::string& path, Diagnostics& diags) {
  const int before = diags.error_count();
  ParsedFile f = parse_toml_file(path, diags);
  if (!f.root) return std::nullopt;
  std::optional<Sector> sector;
  if (auto s = f.root->get("sector"); s && s->value<std::string>()) {
    if (*s->value<std::string>() == "po") sector = Sector::Po;
    if (*s->value<std::string>() == "vo") sector = Sector::Vo;
  }
  if (const toml::node* s = f.root->get("schema"); s && s->value<std::string>() != std::string("swvsim-antwoorden/1"))
    diags.error(where_of(*s, "schema"), "verwacht schema = \"swvsim-antwoorden/1\" (of laat de sleutel weg), gevonden " + found_text(*s));
  validate_file(*f.root, FileKind::Answers, sector, false, diags);
  const MNode root = tree_of(*f.root, FileKind::Answers);
  check_required(root, FileKind::Answers, "", path, diags);
  if (diags.error_count() > before) return std::nullopt;

  Answers a;
  a.file = path;
  remember(root, a.where);
  a.sector = *sector;
  a.name = text(root.child("naam"));
  a.first_year = static_cast<int>(integer(root.child("eerste_jaar"), 0));
  a.last_year = static_cast<int>(integer(root.child("laatste_jaar"), 0));
  a.equity = num(root.child("eigen_vermogen"), 0);
  a.rules = text(root.child("regels"));
  a.regular = num(root.find("leerlingen.regulier"), 0);
  a.sbo = num(root.find("leerlingen.sbo"), 0);
  a.pro = num(root.find("leerlingen.pro"), 0);
  a.lwoo = maybe(root, "leerlingen.lwoo");
  const char* special = a.sector == Sector::Po ? "leerlingen.so." : "leerlingen.vso.";
  const char* cats[] = {"laag", "midden", "hoog"};
  for (int c = 0; c < 3; ++c) a.so[c] = num(root.find(std::string(special) + cats[c]), 0);
  a.shrink = year_table_of(*root.find("verwachting.krimp_per_jaar")->node);
  const char* shares[2][2] = {{"verwachting.deelname_sbo", "verwachting.deelname_so"}, {"verwachting.deelname_pro", "verwachting.deelname_vso"}};
  for (int k = 0; k < 2; ++k)
    if (const MNode* n = root.find(shares[a.sector == Sector::Vo][k])) a.participation[k] = year_table_of(*n->node);
  a.boards_per_pupil = maybe(root, "begroting.schoolbesturen_per_leerling");
  a.staff = maybe(root, "begroting.personeel");
  a.arrangements = maybe(root, "begroting.arrangementen");
  a.other_costs = maybe(root, "begroting.overige_lasten");
  a.floor = maybe(root, "begroting.ondergrens");
  a.target = maybe(root, "begroting.streefvermogen");
  if (const MNode* list = root.child("bestemmingsreserve"))
    for (const MNode& e : list->items)
      a.reserves.push_back({text(e.child("code")), text(e.child("naam")), num(e.child("stand"), 0), num(e.child("onttrekking"), 0)});
  Answers::Decision& d = a.decision;
  d.year = static_cast<int>(integer(root.find("beschikking.jaar"), a.first_year));
  d.light = maybe(root, "beschikking.licht"), d.heavy = maybe(root, "beschikking.zwaar");
  d.regional = maybe(root, "beschikking.regionaal"), d.lwoo_pro = maybe(root, "beschikking.lwoo_pro");
  d.lwoo_factor = maybe(root, "beschikking.lwoo_pro_factor"), d.deduct_sbo = maybe(root, "beschikking.afdracht_sbo");
  for (int c = 0; c < 3; ++c) d.deduct_so[c] = maybe(root, std::string("beschikking.afdracht_so.") + cats[c]);

  // Checks between answers.
  if (a.last_year < a.first_year)
    diags.error(a.at("laatste_jaar"), "laatste_jaar (" + std::to_string(a.last_year) + ") ligt vóór eerste_jaar (" + std::to_string(a.first_year) + ")");
  else if (a.last_year - a.first_year + 1 > 15)
    diags.error(a.at("laatste_jaar"), "de planperiode is " + std::to_string(a.last_year - a.first_year + 1) + " jaar; ten hoogste 15");
  if (a.regular <= 0) diags.error(a.at("leerlingen.regulier"), "er zijn geen reguliere leerlingen; geef het aantal op de laatste teldatum");
  double reserved = 0;
  for (size_t i = 0; i < a.reserves.size(); ++i) {
    reserved += a.reserves[i].balance;
    for (size_t j = 0; j < i; ++j)
      if (a.reserves[j].code == a.reserves[i].code)
        diags.error(a.at("bestemmingsreserve[" + a.reserves[i].code + "].code"), "code " + quote(a.reserves[i].code) + " komt twee keer voor");
  }
  if (reserved > a.equity && !a.reserves.empty())
    diags.error(a.at("eigen_vermogen"), "de bestemmingsreserves (samen " + euro(reserved) + ") zijn groter dan het eigen vermogen (" + euro(a.equity) +
                                             "); ze zijn er een deel van");
  for (int k = 0; k < 2; ++k)
    if (a.participation[k]) {
      const auto& t = *a.participation[k];
      for (int y = a.first_year; y <= a.last_year; ++y)
        if (answer_at(t, y) >= 0.5) {
          diags.error(a.at(shares[a.sector == Sector::Vo][k]), "een deelname van " + pct(answer_at(t, y)) + " in " + std::to_string(y) +
                                                                   " is onmogelijk hoog; een percentage schrijf je als fractie (2% = 0.02)");
          break;
        }
    }
  for (int y = a.first_year; y <= a.last_year; ++y)
    if (std::abs(answer_at(a.shrink, y)) >= 0.25) {
      diags.error(a.at("verwachting.krimp_per_jaar"), "een krimp van " + pct(answer_at(a.shrink, y)) + " per jaar in " + std::to_string(y) +
                                                          " is onredelijk (ten hoogste 25% per jaar, in beide richtingen); 1% schrijf je als 0.01");
      break;
    }
  if (diags.error_count() > before) return std::nullopt;
  return a;
}

}  // namespace swv
