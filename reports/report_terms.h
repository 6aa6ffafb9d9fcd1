#pragma once
// The words every report uses for the same thing, in one place: the sides of the budget (baten,
// kortingen, lasten), the extra flags of `kansen`, the balance sheet (meerjarenbalans), the
// bestemmingsreserves, and the benodigd weerstandsvermogen with its NAR rating. Writers format;
// nothing here computes a result (ratio and class come from result.h).
#include <string>
#include <vector>

#include "report_input.h"

namespace swv {

// The sides in report order: baten, kortingen, lasten.
inline constexpr Side kSideOrder[] = {Side::Income, Side::Reduction, Side::Cost};
const char* side_name(Side s);   // "baten", "kortingen", "lasten" (resultaat.json `kant`)
const char* side_title(Side s);  // "Baten", "Kortingen", "Lasten"
bool has_side(const Result& r, Side s);
bool is_risk_line(const LineResult& l);    // risico.<code>: 0 in the plan (no begroot)
bool is_policy_line(const LineResult& l);  // beleid.*

// A flag of Result::more_flags, or null when the run has none with this key.
const Probability* find_flag(const Result& r, const std::string& key);
// "algemene reserve onder streefvermogen", "solvabiliteit 2 onder 0,30", ... (lower case).
std::string flag_words(const std::string& key);
// "Kans algemene reserve onder streefvermogen" (Monte Carlo) or "Algemene reserve onder streefvermogen".
std::string flag_label(const std::string& key, bool monte_carlo);

// Benodigd weerstandsvermogen: beschikbaar (the algemene reserve at the start) against benodigd.
struct BufferVerdict {
  double ratio;            // infinity when nothing is needed
  NarClass nar;            // A..F
  std::string ratio_text;  // "1,71" or "geen buffer nodig"
  std::string class_text;  // "B — ruim voldoende"
};
BufferVerdict buffer_verdict(double available, double required);
// The definition in plain Dutch (HTML, Excel, Markdown, the weerstandsvermogen document).
extern const char* const kBufferDefinition;
// resultaat.json's one-line definition.
extern const char* const kBufferDefinitionShort;
// The NAR scale as text, from the engine's kNarScale (result.h): {"A", "meer dan 2,0", "uitstekend"}, ... .
struct NarRow {
  std::string letter, range, label;
};
const std::vector<NarRow>& nar_scale();
std::string nar_scale_text();  // "A meer dan 2,0: uitstekend; B 1,4–2,0: ruim voldoende; ..."

// The meerjarenbalans (series present when the scenario has [balans]).
enum class BalanceKind { Money, Ratio, Percent };
struct BalanceRow {
  const char *key, *label;
  BalanceKind kind;
};
const std::vector<BalanceRow>& balance_assets();       // materiële vaste activa, vorderingen, liquide middelen
const std::vector<BalanceRow>& balance_liabilities();  // eigen vermogen, voorzieningen, langlopende, kortlopende schulden
const std::vector<BalanceRow>& balance_ratios();       // solvabiliteit 2, liquiditeit, rentabiliteit
bool has_balance(const Result& r);
// "0,62" for a ratio, "1,9%" for rentabiliteit.
std::string ratio_value_text(BalanceKind kind, double x);
// The Inspectie's signal per ratio and the flag that counts it: {"solvabiliteit_onder_signaal", "< 0,30"}.
struct BalanceSignal {
  const char *flag, *label;
};
const std::vector<BalanceSignal>& balance_signals();

// The bestemmingsreserves of the run: {series key, "BR1 Pilot thuiszitters"} (name from the scenario
// when given, else the code).
struct ReserveSeries {
  const Series* series;
  std::string label;
};
std::vector<ReserveSeries> reserve_series(const ReportInput& in);
// Whether any value of the series is not 0 (e.g. bestemmingsreserves in a scenario without them).
bool any_nonzero(const Series* s);

// Participation and waiting lists (the figures a board steers on), in output order: deelname_sbo,
// deelname_so (po) or deelname_vso, deelname_pro (vo), then the waiting lists the run has
// (wachtlijst_sbo, wachtlijst_so, wachtlijst_vso). Only the series present in the result.
struct PupilShare {
  const Series* series;
  std::string label;  // "Deelname SBO", "Wachtlijst SBO"
  std::string title;  // "Deelname SBO (% van BaO + SBO)", "Wachtlijst SBO (leerlingen)"
  bool percent;       // a fraction (deelname) or a pupil count (wachtlijst)
  int target = -1;    // the index of its participation target in Flows::target (doel), or -1
};
std::vector<PupilShare> pupil_shares(const Result& r);
// "2,90%" (two decimals) for a participation, "12" for a waiting list.
std::string pupil_share_text(const PupilShare& p, double x);
// The participation target (stromen.doel) per year of the run when the scenario sets one; else empty.
std::vector<double> pupil_share_target(const ReportInput& in, const PupilShare& p);
// The chance that the target of a participation row is met (kansen.doel_<type>_gehaald), or null.
const Probability* pupil_share_met(const ReportInput& in, const PupilShare& p);

// The funding rules of a run in words, one line per rules file of the planperiode: which file (a
// built-in one by its name, "po-2026") and, for a rules file with basis (the SWV's own DUO
// beschikking), which amounts are the SWV's own and which file gives the rest. E.g. "eigen-regels.toml:
// eigen bedragen voor ondersteuning licht (normbedrag), afdracht SO laag; de overige bedragen uit po-2026".
std::vector<std::string> rules_words(const Scenario& sc);

// Whole euros per line (largest remainder) so that the printed lines of a side add up to its printed
// total, per year; a year where the lines miss the total by more than a euro prints each line rounded.
std::vector<std::vector<double>> printed_lines(const std::vector<const std::vector<double>*>& lines, const std::vector<double>& total);

// The report's date (dd-mm-jjjj) in the HTML footer and the Excel footer: SOURCE_DATE_EPOCH when
// set (reproducible output), else today (UTC).
std::string report_date();

}  // namespace swv
