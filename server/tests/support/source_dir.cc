#include "support/source_dir.h"

namespace securebase::testing {

std::filesystem::path SourceDir() {
  return SECUREBASE_SOURCE_DIR;
}

}  // namespace securebase::testing
