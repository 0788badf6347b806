// The repository's root folder, for tests that read what ships with it (the
// content, the example config, the SMTP sink script).
//
// Only source_dir.cc is compiled with the path: every other test file then
// compiles to the same thing wherever the repository was cloned, so a
// compiler cache (ccache, see the top-level CMakeLists.txt) reuses it.
//
// Thread-safety: pure.
#pragma once

#include <filesystem>

namespace securebase::testing {

std::filesystem::path SourceDir();

}  // namespace securebase::testing
