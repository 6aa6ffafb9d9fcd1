#include "stream_id.h"

namespace swv {

uint32_t stream_id(const std::string& key) {
  uint32_t h = 2166136261u;  // FNV-1a
  for (unsigned char c : key) h = (h ^ c) * 16777619u;
  return h;
}

}  // namespace swv
