#pragma once
// Plain Dutch for the keys of a scenario, for every report that names an input (vergelijk,
// gevoeligheid): "post[4.5.2b].realisatie" -> "Post 4.5.2b Arrangementen extra ondersteuning:
// realisatie", "risico[R1]" -> "Risico R1 <naam>", "indexatie.loon" -> "Loonindexatie",
// "stromen.verwijzing.sbo" -> "Verwijzing regulier → SBO". Every key family of the schema
// (schema.h, `swvsim sleutels`) has a name, the rules file's keys included; a key that is not in
// the schema comes back unchanged. Besides the name: the topic a key belongs to (how vergelijk
// groups its changes) and the unit of its value (how a report writes it and its difference).
#include <optional>
#include <string>

#include "scenario.h"

namespace swv {

// The plain name of `key`. Entries of [[post]], [[risico]] and [[bestemmingsreserve]] are named
// with their code and, when `sc` holds that code, their name. SO/VSO and BaO/VO follow sc.sector.
std::string plain_input_name(const std::string& key, const Scenario& sc);

// Whether `sc` holds the [[post]], [[risico]] or [[bestemmingsreserve]] entry that `key` names
// (false for other keys): a report names a removed entry from the scenario that still has it.
bool input_entry_known(const std::string& key, const Scenario& sc);

// Whether the schema gives `key` a value per year (a grootheid or a year table); a plain number
// (a start count, a balance item, the paths) holds for the whole planperiode. Unknown keys: true.
bool input_per_year(const std::string& key);

// The value that holds when no file gives `key` (a rate as a fraction), where the schema names one
// number: 1 for a beleidsfactor or a realisatie, 0 for a flow, 10.000 paths. None for keys whose
// default is computed or absent (indexatie.bekostiging, normen.streefvermogen, a post's bedrag).
std::optional<double> input_default(const std::string& key);

// The topics, in report order. Other: keys outside the schema.
enum class InputTopic { Pupils, Flows, Funding, Lines, Risks, Policy, Norms, Simulation, Other };
inline constexpr int kInputTopics = 9;
InputTopic input_topic(const std::string& key);
// "Leerlingen en demografie", "Stromen en deelname", "Bekostiging en regels", "Baten- en
// lastenposten", "Risico's", "Beleid", "Normen en reserves", "Simulatie", "Overig".
const char* topic_title(InputTopic t);

// The unit of a key's value. Rate: a fraction shown as a percentage, whose differences are
// procentpunten; Number: a factor or coefficient; Text: words, switches, lists, whole entries.
enum class InputUnit { Euro, Rate, Count, Number, Year, Text };
InputUnit input_unit(const std::string& key);
// "euro", "procent", "aantal", "getal", "jaar", "tekst" (the JSON field `eenheid`).
const char* unit_name(InputUnit u);

}  // namespace swv
