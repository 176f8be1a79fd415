// The fixtures shipped in the repository's fixtures/mappings, compiled into the binary so the
// embedded default works wherever the binary is copied. The definition is generated at configure
// time by server/stubbing/CMakeLists.txt (never checked in).
#pragma once

#include "stubbing/fixture_loader.h"
