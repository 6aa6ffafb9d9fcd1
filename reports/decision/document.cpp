#include "document.h"

#include <cmath>

#include "format_nl.h"

namespace swv {

std::string DocCell::display() const {
  if (kind != Kind::Text && kind != Kind::Empty && !std::isfinite(value)) return "n.v.t.";
  switch (kind) {
    case Kind::Text: return text;
    case Kind::Money: return euro(value);
    case Kind::Percent: return pct_plain(value);
    case Kind::Number: return num_short(value);
    case Kind::Ratio: return num_nl(value, 2);
    case Kind::Year: return std::to_string(static_cast<int>(value));
    case Kind::Empty: return "";
  }
  return "";
}

}  // namespace swv
