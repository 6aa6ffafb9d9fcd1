// Reading one TOML file (toml_tree.h): a bounded read, strict UTF-8, a nesting bound checked before
// toml++ parses (it recurses per level), and toml++'s parse errors in Dutch.
#include <regex>
#include "toml_tree.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>

#include "format_nl.h"
#include "sha256.h"
#include "toml_nesting.h"

namespace swv {

namespace fs = std::filesystem;

namespace {

// A number written the Dutch way (2.400.000, 10000,50 or 85%) on line `line` of `text`: the way to
// write it in TOML, appended to the parse error (empty when the line holds no such number).
std::string dutch_number_hint(const std::string& text, int line) {
  size_t start = 0;
  for (int l = 1; l < line; ++l) {
    const size_t nl = text.find('\n', start);
    if (nl == std::string::npos) return {};
    start = nl + 1;
  }
  const std::string row = text.substr(start, text.find('\n', start) - start);
  static const std::regex thousands(R"((^|[^\w.])(\d{1,3}(\.\d{3})+)(?![\d.]))"), comma(R"((^|[^\w,])(\d+),(\d+)(?![\d,]))");
  std::smatch m;
  const size_t eq = row.find('=');
  const std::string value = eq == std::string::npos ? row : row.substr(eq + 1);
  static const std::regex percent(R"((^|[^\w.,])(\d+)(?:[.,](\d+))?\s*%)");
  if (std::regex_search(value, m, percent)) {
    const std::string written = m[2].str() + (m[3].matched ? "," + m[3].str() : "");
    const double x = std::stod(m[2].str() + (m[3].matched ? "." + m[3].str() : "")) / 100;
    return "; " + written + "% is een percentage: schrijf " + num_exact(x) + " (kansen en percentages zijn fracties)";
  }
  if (std::regex_search(value, m, thousands)) {
    std::string plain = m[2].str();
    std::replace(plain.begin(), plain.end(), '.', '_');
    return "; " + m[2].str() + " is Nederlandse notatie: schrijf " + plain + " (punten als scheiding van duizendtallen kent TOML niet)";
  }
  if (std::regex_search(value, m, comma))
    return "; " + m[2].str() + "," + m[3].str() + " is Nederlandse notatie: schrijf " + m[2].str() + "." + m[3].str() +
           " (een decimaalteken is een punt; tussen [ ] scheidt een komma de getallen)";
  return {};
}


// Returns the offset of the first invalid UTF-8 sequence, or npos. Strict (RFC 3629): overlong
// forms, surrogates (U+D800..U+DFFF) and code points above U+10FFFF are invalid too; toml++
// would otherwise reject them later with an English message.
size_t invalid_utf8_at(const std::string& s) {
  size_t i = 0, n = s.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (len == 0 || i + len > n) return i;
    for (int k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return i;
    unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
    if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0) || (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90)) return i;
    i += len;
  }
  return std::string::npos;
}

void line_col_of(const std::string& s, size_t offset, int& line, int& col) {
  line = 1, col = 1;
  for (size_t i = 0; i < offset && i < s.size(); ++i) {
    if (s[i] == '\n') ++line, col = 1;
    else ++col;
  }
}

constexpr size_t kMaxFileBytes = 8u << 20;  // a scenario is a few kB; 8 MB is not a scenario

// Why a path cannot be opened, in Dutch (strerror is English).
std::string errno_text(int e) {
  switch (e) {
    case ENOENT: return "bestand niet gevonden";
    case ENOTDIR: return "bestand niet gevonden (een deel van het pad is geen map)";
    case EACCES:
    case EPERM: return "bestand kan niet worden gelezen (geen leesrechten voor het bestand of een map erboven; controleer de rechten)";
    case ELOOP: return "het pad kan niet worden gevolgd: te veel symbolische koppelingen na elkaar (een kring van koppelingen?)";
    case ENAMETOOLONG: return "het pad is te lang (een deel van het pad mag ten hoogste 255 tekens hebben, het hele pad 4095)";
    case EISDIR: return "dit is een map, geen bestand; geef een .toml-bestand op";
    case EIO: return "bestand kan niet worden gelezen (invoer-/uitvoerfout van de schijf)";
    case ENOMEM: return "bestand kan niet worden gelezen (te weinig geheugen)";
    case EMFILE:
    case ENFILE: return "bestand kan niet worden geopend (te veel open bestanden)";
    default: return "bestand kan niet worden gelezen (systeemfout " + std::to_string(e) + ")";
  }
}

}  // namespace

namespace {

// Reads at most max_bytes + 1 bytes of a regular file. Opened non-blocking and checked with fstat
// on the open descriptor: a path that became a FIFO or device, or a /proc file that never ends,
// cannot hang or exhaust the loader. Returns "" on success, else the Dutch reason.
std::string read_bounded(const std::string& path, size_t max_bytes, std::string& text) {
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    return errno == EACCES || errno == EPERM ? "bestand kan niet worden gelezen (geen leesrechten; controleer de rechten)"
                                             : errno_text(errno);
  }
  struct stat st {};
  std::string why;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) why = "dit is geen gewoon bestand";
  char buf[1 << 16];
  while (why.empty() && text.size() <= max_bytes) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      why = errno_text(errno);
      break;
    }
    text.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return why;
}

}  // namespace

ParsedFile parse_toml_file(const std::string& path, Diagnostics& diags, const std::string& named_at) {
  ParsedFile out{path, nullptr, {}};
  Where w{path, 0, 0, ""};
  // Where the file was named (basis, regels), for the errors about the file as a whole.
  const std::string named = named_at.empty() ? "" : " (genoemd bij " + named_at + ")";
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    // Not found, or a path that cannot be followed at all (ELOOP, ENAMETOOLONG, EACCES on a folder):
    // say which, "niet gevonden" would send the user looking for a file that is there.
    diags.error(w, (ec ? errno_text(ec.value()) : "bestand niet gevonden") + named);
    return out;
  }
  if (fs::is_directory(status)) {
    diags.error(w, "dit is een map, geen bestand; geef een .toml-bestand op" + named);
    return out;
  }
  if (!fs::is_regular_file(status)) {
    diags.error(w, "dit is geen gewoon bestand" + named);
    return out;
  }
  std::string text;
  if (std::string why = read_bounded(path, kMaxFileBytes, text); !why.empty()) {
    diags.error(w, why + named);
    return out;
  }
  return parse_toml_text(path, text, diags, named_at);
}

ParsedFile parse_toml_text(const std::string& path, const std::string& text, Diagnostics& diags, const std::string& named_at) {
  ParsedFile out{path, nullptr, {}};
  Where w{path, 0, 0, ""};
  const std::string named = named_at.empty() ? "" : " (genoemd bij " + named_at + ")";
  if (text.size() > kMaxFileBytes) {
    diags.error(w, "bestand is groter dan 8 MB; dit is geen scenario" + named);
    return out;
  }
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    diags.error(w, "bestand is leeg" + named);
    return out;
  }
  if (size_t bad = invalid_utf8_at(text); bad != std::string::npos) {
    line_col_of(text, bad, w.line, w.column);
    diags.error(w, "bestand is geen geldige UTF-8-tekst (sla het op als UTF-8)");
    return out;
  }
  if (NestingProblem p = nesting_problem(text); p.offset != std::string::npos) {
    line_col_of(text, p.offset, w.line, w.column);
    diags.error(w, p.message);
    return out;
  }
  try {
    out.root = std::make_shared<toml::table>(toml::parse(text, path));
    out.sha256 = sha256_hex(text);
  } catch (const toml::parse_error& e) {
    w.line = static_cast<int>(e.source().begin.line);
    w.column = static_cast<int>(e.source().begin.column);
    diags.error(w, "geen geldige TOML: " + toml_error_text(e.description()) + dutch_number_hint(text, w.line));
  }
  return out;
}

std::string toml_error_text(std::string_view d) {
  auto has = [&](std::string_view part) { return d.find(part) != std::string_view::npos; };
  // First the specific ones whose text also holds a general phrase ("while parsing value").
  if (has("surrogates")) return "tekens U+D800 tot en met U+DFFF (surrogaten) zijn geen geldige tekens, ook niet als \\u-code";
  if (has("greater than U+10FFFF")) return "een \\U-code boven U+10FFFF is geen geldig teken";
  if (has("exceeded maximum nested value depth")) return "te diep genest: te veel lijsten [ ] en tabellen { } in elkaar";
  if (has("cannot redefine existing")) {
    size_t q = d.find('\''), e = d.rfind('\'');
    std::string name = q < e ? " " + shorten(d.substr(q, e - q + 1), kQuoteMax) : "";
    return "sleutel" + name + " is al eerder gegeven; een sleutel of tabel mag maar één keer voorkomen";
  }
  if (has("control characters"))
    return "tekst niet afgesloten op dezelfde regel (sluit af met een aanhalingsteken; voor meerdere regels \"\"\"...\"\"\") "
           "of met een stuurteken erin";
  if (has("key-value pair: expected '='")) return "verwacht '=' na de sleutel (sleutel = waarde)";
  if (has("expected value")) return "verwacht een waarde na '='";
  if (has("parsing boolean") || has("parsing value"))
    return "waarde niet herkend: tekst staat tussen aanhalingstekens (\"...\"), true en false in kleine letters";
  if (has("expected a comment or whitespace")) return "na de waarde mag op deze regel alleen nog commentaar staan (# ...)";
  if (has("table header: expected ']'")) return "tabelkop niet afgesloten met ] (schrijf [naam] of [[naam]])";
  if (has("dangling comma")) return "komma vóór } is in een inline tabel niet toegestaan";
  if (has("inline table: expected key or closing")) return "een inline tabel { ... } staat op één regel en sluit met }";
  if (has("end-of-file")) return "het bestand houdt midden in een waarde op (ontbreekt een ], } of aanhalingsteken?)";
  if (has("not representable in 64 bits")) return "geheel getal is te groot (past niet in 64 bits)";
  if (has("leading zeroes")) return "een getal begint niet met een 0 (schrijf 7, niet 07)";
  if (has("underscores may only follow digits")) return "een _ in een getal staat alleen tussen cijfers (1_000_000)";
  if (has("unknown escape sequence"))
    return "onbekende \\-code in tekst; schrijf \\\\ voor een backslash of gebruik '...' (letterlijke tekst)";
  if (has("expected decimal digit")) return "onvolledig getal (schrijf bijv. 0.5, 3.0 of 1e3)";
  if (has("expected keys, tables, whitespace or comments")) return "hier hoort een sleutel, een tabelkop [...] of commentaar (#)";
  if (has("exceeds length limit") || has("exceeeds maximum length") || has("too long to identify"))
    return "sleutel, tekst of getal is te lang";
  if (has("fractional component exceeds maximum precision")) return "te veel cijfers achter de komma";
  if (has("not supported in TOML 1.0.0")) return "deze \\-code bestaat niet in TOML 1.0; schrijf \\u gevolgd door 4 hexadecimale cijfers";
  if (has("line-ending backslashes")) return "een \\ aan het eind van een regel mag alleen nog door spaties gevolgd worden";
  if (has("multi-line strings are prohibited")) return "tekst over meerdere regels (\"\"\"...\"\"\") kan niet als sleutel";
  if (has("blank bare keys")) return "een tabelkop heeft een naam nodig";
  if (has("brackets must be contiguous")) return "schrijf [[naam]] zonder spaties tussen de haken";
  if (has("into existing inline table")) return "een inline tabel { ... } is af: voeg er later geen sleutels aan toe";
  if (has("expected hex") || has("expected hexadecimal")) return "onvolledige \\u-code of hexadecimaal getal (verwacht hexadecimale cijfers)";
  if (has("underscores")) return "een _ in een getal staat alleen tussen cijfers (1_000_000)";
  if (has("exponent")) return "onvolledig getal: na e volgt een exponent (bijv. 1e3)";
  if (has("month") || has("day between") || has("hour") || has("minute") || has("second") || has("4-digit year"))
    return "ongeldige datum of tijd; bedragen en jaartallen schrijf je als gewoon getal (2025, niet 2025-01-01)";
  if (has("unexpected control character") || has("control characters other than TAB") || has("vertical tabs"))
    return "stuurteken in het bestand (alleen tab en regeleinden zijn toegestaan)";
  if (has("'\\n' after '\\r'")) return "een \\r staat niet gevolgd door \\n (regeleinden zijn \\n of \\r\\n)";
  if (has("bare key starting character")) return "hier hoort een sleutel (letters, cijfers, _ en -, of tussen aanhalingstekens)";
  if (has("comma or closing ']'") || has("value or closing ']'")) return "in een lijst [ ... ] staan waarden gescheiden door komma's";
  if (has("comma or closing '}'") || has("key-value pair or closing '}'"))
    return "in een inline tabel { ... } staan sleutel = waarde-paren gescheiden door komma's";
  if (has("could not be interpreted as a value") || has("could not determine value type") || has("value-terminator"))
    return "waarde niet herkend: tekst staat tussen aanhalingstekens (\"...\"), getallen zonder, true en false in kleine letters";
  if (has("expected '='")) return "verwacht '=' na de sleutel (sleutel = waarde)";
  if (has("expected ']'")) return "tabelkop niet afgesloten met ] (schrijf [naam] of [[naam]])";
  if (has("digit")) return "onvolledig getal (schrijf bijv. 0.5, 3.0 of 1e3)";
  // Anything else: a Dutch sentence, with toml++'s own words as a technical detail.
  return "onverwachte tekst op deze plaats (technische melding van de TOML-lezer: " + shorten(d, kQuoteMax) + ")";
}

}  // namespace swv
