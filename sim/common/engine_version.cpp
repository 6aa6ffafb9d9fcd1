#include "engine_version.h"

#include "version.h"

namespace swv {

const char* engine_version() { return SWVSIM_VERSION; }

}  // namespace swv
