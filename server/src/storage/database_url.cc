#include "storage/database_url.h"

namespace securebase::storage {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// postgresql://user:secret@host/db -> postgresql://user:***@host/db
std::string RedactPassword(std::string_view url) {
  const auto scheme_end = url.find("://");
  const auto at = url.find('@');
  if (scheme_end == std::string_view::npos || at == std::string_view::npos) {
    return std::string(url);
  }
  const auto colon = url.find(':', scheme_end + 3);
  if (colon == std::string_view::npos || colon > at) return std::string(url);
  return std::string(url.substr(0, colon + 1)) + "***" + std::string(url.substr(at));
}

}  // namespace

Result<DatabaseUrl> ParseDatabaseUrl(std::string_view url) {
  if (StartsWith(url, "sqlite://")) {
    std::string path(url.substr(9));
    if (path.empty()) {
      return InvalidArgument("The database URL 'sqlite://' names no file; use sqlite:///path/to/securebase.db.");
    }
    return DatabaseUrl{Backend::kSqlite, path, std::string(url)};
  }
  if (StartsWith(url, "postgresql://") || StartsWith(url, "postgres://")) {
    return DatabaseUrl{Backend::kPostgresql, std::string(url), RedactPassword(url)};
  }
  return InvalidArgument("The database URL must start with sqlite:// or postgresql://.");
}

}  // namespace securebase::storage
