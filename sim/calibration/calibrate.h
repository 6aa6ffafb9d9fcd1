#pragma once
// Calibration: a count history -> the scenario's demographic and flow parameters, each with its
// standard error, the years it rests on and how it was found (docs/kalibratie.md). What the history
// cannot tell (the regular outflow, the split between referral and outflow without flow columns,
// returns and SBO→SO moves) is an assumption, marked as one, with its source.
//
// The calibrated model is the engine's own (scenario-format sections 5 and 6) with returns and
// SBO→SO moves folded in: every pupil leaving SBO or SO is `uitstroom` (terugplaatsing and
// doorstroom 0), every pupil entering SO is a referral from regular education, and the returns to
// regular education are part of the regular intake. The counts move exactly alike; only who is
// counted as what differs.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "demography.h"
#include "diagnostics.h"
#include "history.h"
#include "rates.h"
#include "value.h"

namespace swv {

// What the history cannot tell, per sector (docs/kalibratie.md, "Aannames"; docs/bronnen.md).
struct SectorAssumptions {
  double out_regular;  // uitstroom.regulier: leaving regular education (end of school, moving away)
  double out_special;  // uitstroom.sbo (po) or uitstroom.pro (vo), without flow columns
  double out_so;       // uitstroom.so (SO or VSO, all categories), without flow columns
  const char* out_regular_source;
  const char* out_special_source;
  const char* out_so_source;
};
SectorAssumptions sector_assumptions(Sector s);

// How a fragment writes an estimate (fragment.h).
enum class Spread {
  None,     // a plain number
  PerPath,  // a distribution drawn once per path: the uncertainty of the estimate
  PerYear,  // drawn every year (per_jaar): the rate swings from year to year beyond chance
};

struct Estimate {
  std::string key;                  // scenario key, e.g. "stromen.verwijzing.sbo"
  double value = 0;
  std::optional<double> std_error;  // nullopt: an assumption, not estimated
  std::vector<int> years;           // teldatum years whose changes it rests on
  std::string method;               // how, in one Dutch line
  Spread spread = Spread::None;
  Dist dist = Dist::Fixed;          // Beta (rates, σ, ρ) or Normal (groei)
  double sd = 0;                    // sd of that distribution
  double year_sd = 0;               // τ̂ of an overdispersed rate (0 otherwise)
  // A distribution whose mean and sd differ per year (groei: the shock the history ends with fades):
  // (year, mean) and (year, sd); empty = value and sd in every year.
  std::vector<std::pair<int, double>> mean_by_year, sd_by_year;
  std::string note;                 // an assumption's source, or a caveat
  bool assumed() const { return !std_error.has_value(); }
};

struct Calibration {
  Sector sector = Sector::Po;
  std::string history_file, history_sha256;
  std::vector<int> years;  // the teldatum years of the history
  // The counts of the last teldatum: the start of a scenario that follows on the history (the
  // intake belongs to them). so: per category, or the total in [0] (so_by_category false).
  double last_regular = 0, last_special = 0;
  std::array<double, 3> last_so{};
  bool special_flows = false, so_flows = false, so_by_category = true;
  DemographyEstimate demography;
  std::vector<Estimate> estimates;          // in the fragment's order
  std::vector<std::string> not_separable;   // what the history cannot separate, in plain Dutch
  Diagnostics diags;                        // warnings (never errors: a read history calibrates)
  std::string method;                       // one line for kalibratie.methode

  const Estimate* find(const std::string& key) const;
};

Calibration calibrate(const History& h);

// An estimate's number as a Dutch reader sees it: rates and growth as a percentage with three
// significant digits ("0,611%", "12,5%"), the intake as a count ("1.433,4"), the persistence with
// two decimals ("0,42").
std::string estimate_text(const std::string& key, double x);

}  // namespace swv
