#include "content/problem.h"

#include <fmt/format.h>

namespace securebase::content {

std::string Problem::ToString() const {
  return line > 0 ? fmt::format("{}:{}: {}", file, line, message)
                  : fmt::format("{}: {}", file, message);
}

}  // namespace securebase::content
