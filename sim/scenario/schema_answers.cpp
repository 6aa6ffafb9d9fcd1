// The keys of the answers file of `swvsim nieuw`: the third table of the schema (schema.h), in its
// own file beside the scenario and rules tables of schema.cpp.
#include "schema.h"

namespace swv {

namespace {

using F = Form;
using R = Range;
using S = SectorOnly;

// The answers file of `swvsim nieuw` (docs/starten.md): what a controller knows. nieuw derives a
// complete scenario from it (starter.h); the dialogue on a terminal asks the same keys (answers.h).
const std::vector<KeyInfo> kAnswers = {
    {"schema", F::Text, R::Any, S::Both, false, "", "mag weg; anders \"swvsim-antwoorden/1\""},
    {"sector", F::Enum, R::Any, S::Both, true, "po,vo", "po (BaO, SBO, SO) of vo (VO, PrO, LWOO, VSO)"},
    {"naam", F::Text, R::Any, S::Both, true, "", "naam van het samenwerkingsverband"},
    {"eerste_jaar", F::Integer, R::Year, S::Both, true, "", "eerste kalenderjaar van de planperiode"},
    {"laatste_jaar", F::Integer, R::Year, S::Both, true, "", "laatste kalenderjaar van de planperiode (ten hoogste 15 jaar)"},
    {"eigen_vermogen", F::Number, R::Any, S::Both, true, "", "eigen vermogen op 31 december vóór eerste_jaar (euro)"},
    {"regels", F::Text, R::Any, S::Both, false, "", "bekostigingsregels: ingebouwde naam of pad (standaard de nieuwste ingebouwde regels tot en met eerste_jaar)"},
    {"leerlingen", F::Section, R::Any, S::Both, true, "", "leerlingen op de laatste teldatum (die eerste_jaar bekostigt)"},
    {"leerlingen.regulier", F::Number, R::Count, S::Both, true, "", "reguliere leerlingen (BaO, of VO zonder PrO)"},
    {"leerlingen.sbo", F::Number, R::Count, S::Po, false, "", "SBO-leerlingen (standaard 0)"},
    {"leerlingen.so", F::Section, R::Any, S::Po, false, "", "SO-leerlingen per bekostigingscategorie"},
    {"leerlingen.so.laag", F::Number, R::Count, S::Po, false, "", "SO categorie laag (1)"},
    {"leerlingen.so.midden", F::Number, R::Count, S::Po, false, "", "SO categorie midden (2)"},
    {"leerlingen.so.hoog", F::Number, R::Count, S::Po, false, "", "SO categorie hoog (3)"},
    {"leerlingen.pro", F::Number, R::Count, S::Vo, false, "", "PrO-leerlingen (standaard 0)"},
    {"leerlingen.lwoo", F::Number, R::Count, S::Vo, false, "", "leerlingen met leerwegondersteuning (standaard: 9% van regulier, AANNAME)"},
    {"leerlingen.vso", F::Section, R::Any, S::Vo, false, "", "VSO-leerlingen per bekostigingscategorie"},
    {"leerlingen.vso.laag", F::Number, R::Count, S::Vo, false, "", "VSO categorie laag (1)"},
    {"leerlingen.vso.midden", F::Number, R::Count, S::Vo, false, "", "VSO categorie midden (2)"},
    {"leerlingen.vso.hoog", F::Number, R::Count, S::Vo, false, "", "VSO categorie hoog (3)"},
    {"verwachting", F::Section, R::Any, S::Both, true, "", "wat u verwacht voor de planperiode (jaartabellen: tussen gegeven jaren lineair)"},
    {"verwachting.krimp_per_jaar", F::Table, R::Any, S::Both, true, "", "krimp van het aantal reguliere leerlingen per jaar (0.01 = 1% minder per jaar; negatief = groei)"},
    {"verwachting.deelname_sbo", F::Table, R::Rate, S::Po, false, "", "deelname SBO = SBO / (BaO + SBO) (standaard: die van de telling)"},
    {"verwachting.deelname_so", F::Table, R::Rate, S::Po, false, "", "deelname SO = SO / (BaO + SBO + SO) (standaard: die van de telling)"},
    {"verwachting.deelname_pro", F::Table, R::Rate, S::Vo, false, "", "deelname PrO = PrO / (VO + PrO) (standaard: die van de telling)"},
    {"verwachting.deelname_vso", F::Table, R::Rate, S::Vo, false, "", "deelname VSO = VSO / (VO + VSO) (standaard: die van de telling)"},
    {"begroting", F::Section, R::Any, S::Both, false, "", "bedragen uit uw eigen begroting, in prijzen van eerste_jaar (elk mag weg)"},
    {"begroting.schoolbesturen_per_leerling", F::Number, R::NonNegative, S::Both, false, "", "euro per leerling (BaO + SBO, of VO met PrO) naar de schoolbesturen (standaard: wat overblijft, zodat de begroting van eerste_jaar sluit)"},
    {"begroting.personeel", F::Number, R::NonNegative, S::Both, false, "", "personeel eigen organisatie per jaar (standaard 7% van de baten, AANNAME)"},
    {"begroting.arrangementen", F::Number, R::NonNegative, S::Both, false, "", "arrangementen en projecten per jaar (standaard geen)"},
    {"begroting.overige_lasten", F::Number, R::NonNegative, S::Both, false, "", "huisvesting, administratie en overige lasten per jaar (standaard 2% van de baten, AANNAME)"},
    {"begroting.ondergrens", F::Number, R::Any, S::Both, false, "", "eigen ondergrens voor het eigen vermogen (weerstandsvermogen; standaard geen)"},
    {"begroting.streefvermogen", F::Number, R::Any, S::Both, false, "", "eigen streefwaarde voor de algemene reserve (standaard geen)"},
    {"bestemmingsreserve", F::ArrayOfTables, R::Any, S::Both, false, "", "bestemmingsreserves (deel van het eigen vermogen)"},
    {"bestemmingsreserve[].code", F::Text, R::Any, S::Both, true, "", "unieke code (bijv. \"BR1\")"},
    {"bestemmingsreserve[].naam", F::Text, R::Any, S::Both, true, "", "naam van de reserve"},
    {"bestemmingsreserve[].stand", F::Number, R::NonNegative, S::Both, true, "", "stand op 31 december vóór eerste_jaar (euro)"},
    {"bestemmingsreserve[].onttrekking", F::Number, R::NonNegative, S::Both, false, "", "besteding uit de reserve per jaar tot ze op is (euro; standaard 0)"},
    {"beschikking", F::Section, R::Any, S::Both, false, "", "bedragen uit uw eigen DUO-beschikking (per leerling); nieuw schrijft ze als eigen regelsbestand over de ingebouwde regels"},
    {"beschikking.jaar", F::Integer, R::Year, S::Both, false, "", "bekostigingsjaar van de bedragen (standaard eerste_jaar)"},
    {"beschikking.licht", F::Number, R::NonNegative, S::Po, false, "", "lichte ondersteuning per BaO-leerling"},
    {"beschikking.zwaar", F::Number, R::NonNegative, S::Both, false, "", "zware ondersteuning per leerling (BaO + SBO, of VO)"},
    {"beschikking.regionaal", F::Number, R::NonNegative, S::Vo, false, "", "regionale ondersteuning per VO-leerling"},
    {"beschikking.lwoo_pro", F::Number, R::NonNegative, S::Vo, false, "", "ondersteuningsbedrag LWOO/PrO per leerling (budget en afdracht)"},
    {"beschikking.lwoo_pro_factor", F::Number, R::Rate, S::Vo, false, "", "bevroren deelname LWOO + PrO van 1 oktober 2012"},
    {"beschikking.afdracht_sbo", F::Number, R::NonNegative, S::Po, false, "", "afdracht per SBO-leerling"},
    {"beschikking.afdracht_so", F::Section, R::Any, S::Both, false, "", "afdracht per SO- (po) of VSO-leerling (vo) per categorie"},
    {"beschikking.afdracht_so.laag", F::Number, R::NonNegative, S::Both, false, "", "categorie laag (1)"},
    {"beschikking.afdracht_so.midden", F::Number, R::NonNegative, S::Both, false, "", "categorie midden (2)"},
    {"beschikking.afdracht_so.hoog", F::Number, R::NonNegative, S::Both, false, "", "categorie hoog (3)"},
};

}  // namespace

const std::vector<KeyInfo>& detail::answers_schema() { return kAnswers; }

}  // namespace swv
