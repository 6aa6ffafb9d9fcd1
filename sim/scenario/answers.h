#pragma once
// The answers of `swvsim nieuw`: what a controller knows (sector, planperiode, equity, the counts
// of the last teldatum, the expected krimp and participation, and optionally amounts from their own
// budget and DUO beschikking), read from an answers file (TOML, keys in schema_answers.cpp) with every
// error at once, file, line and key, as scenario files are. The terminal dialogue asks the same keys
// (kQuestions) and writes its answers in this format, so both paths are checked by one reader.
// starter.h derives the scenario from these answers.
#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diagnostics.h"
#include "schema.h"
#include "value.h"

namespace swv {

struct Answers {
  std::string file;  // the answers file (for messages)
  Sector sector = Sector::Po;
  std::string name;
  int first_year = 0, last_year = 0;
  double equity = 0;
  std::string rules;  // regels: a built-in name or path; empty = the newest built-in up to first_year

  // Counts at the last teldatum (funding first_year).
  double regular = 0, sbo = 0, pro = 0;
  std::array<double, 3> so{};  // po: SO, vo: VSO (laag, midden, hoog)
  std::optional<double> lwoo;  // vo: pupils with leerwegondersteuning

  // Expectations; a per-year table is linear between its years (answer_at).
  YearTable shrink;                            // krimp_per_jaar of the regular count
  std::array<std::optional<YearTable>, 2> participation;  // po: sbo, so; vo: pro, vso (unset = that of the counts)

  // Amounts from the SWV's own budget, in prices of first_year (unset = the documented default).
  std::optional<double> boards_per_pupil, staff, arrangements, other_costs, floor, target;
  struct Reserve {
    std::string code, name;
    double balance = 0, withdrawal = 0;
  };
  std::vector<Reserve> reserves;

  // The SWV's own DUO beschikking (per pupil, nominal, of `year`); written as a rules overlay.
  struct Decision {
    int year = 0;
    std::optional<double> light, heavy, regional, lwoo_pro, lwoo_factor, deduct_sbo;
    std::array<std::optional<double>, 3> deduct_so;
    bool any() const;
  } decision;

  // Where each answer was written ("verwachting.deelname_sbo" -> file:line), for the derivation's errors.
  std::map<std::string, Where> where;
  Where at(const std::string& key) const;
};

// An answer's value in `year`: a number, or a per-year table linear between its given years and
// constant before the first and after the last (like stromen.doel).
double answer_at(const YearTable& t, int year);

// Reads and checks an answers file: TOML syntax, unknown keys (with "bedoelde je"), forms and ranges
// (schema), required keys, and the checks between answers (planperiode, reserves within equity).
// Returns the answers when there is no error; every error goes to diags.
std::optional<Answers> read_answers(const std::string& path, Diagnostics& diags);

// One question of the dialogue (and one commented line of --voorbeeld-antwoorden): the key it fills,
// the question, an example answer, and how to answer.
struct Question {
  std::string_view key;      // "leerlingen.regulier", "leerlingen.so.laag"
  SectorOnly sector;
  bool required;
  std::string_view question;  // Dutch
  std::string_view example;   // TOML value, as in the answers file
  std::string_view help;      // Dutch: what to fill in, where to find it
};
const std::vector<Question>& questions();

// A filled-in, commented answers file for `sector` (swvsim nieuw --voorbeeld-antwoorden): the
// contract's example for po, a like one for vo.
std::string example_answers(Sector sector);

}  // namespace swv
