// [kalibratie] (an extension, docs/kalibratie.md): where a scenario's spreads came from, for the
// reports. Read as given; the only cross-checks are the order of the years and of the two shares.
#include "builder.h"
#include "format_nl.h"

namespace swv::detail {

void build_calibration_info(Builder& b) {
  const MNode* k = b.root.find("kalibratie");
  if (!k) return;
  CalibrationInfo& c = b.sc.calibration;
  c.given = true;
  c.file = k->where().file;
  c.history = text(b.root.find("kalibratie.historie"));
  c.history_sha256 = text(b.root.find("kalibratie.historie_sha256"));
  c.method = text(b.root.find("kalibratie.methode"));
  c.version = text(b.root.find("kalibratie.swvsim"));
  c.first_year = static_cast<int>(integer(b.root.find("kalibratie.eerste_jaar"), 0));
  c.last_year = static_cast<int>(integer(b.root.find("kalibratie.laatste_jaar"), 0));
  if (c.last_year < c.first_year)
    b.d.error(b.where("kalibratie.laatste_jaar"), "laatste_jaar (" + std::to_string(c.last_year) + ") ligt vóór eerste_jaar (" +
                                                      std::to_string(c.first_year) + ")");
  if (!b.root.find("kalibratie.terugtoets")) return;
  c.has_backtest = true;
  c.coverage50 = num(b.root.find("kalibratie.terugtoets.dekking_50"), 0.0);
  c.coverage90 = num(b.root.find("kalibratie.terugtoets.dekking_90"), 0.0);
  c.points = static_cast<int>(integer(b.root.find("kalibratie.terugtoets.punten"), 0));
  c.horizon = static_cast<int>(integer(b.root.find("kalibratie.terugtoets.horizon"), 0));
  if (c.coverage50 > c.coverage90)
    b.d.error(b.where("kalibratie.terugtoets.dekking_50"), "dekking_50 (" + num_plain(c.coverage50) + ") kan niet groter zijn dan dekking_90 (" +
                                                               num_plain(c.coverage90) + "): de 50%-band ligt binnen de 90%-band");
}

}  // namespace swv::detail
