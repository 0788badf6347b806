#include "domain/settings/settings_repository.h"

namespace securebase::domain {

Status ValidateSettingKey(std::string_view key) {
  if (key.empty() || key.size() > 64) {
    return InvalidArgument("A setting name must be 1 to 64 characters long.");
  }
  if (key.front() < 'a' || key.front() > 'z') {
    return InvalidArgument("A setting name must start with a lowercase letter.");
  }
  for (const char c : key) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!ok) {
      return InvalidArgument(
          "A setting name may contain only lowercase letters, digits, '.', '_' and '-'.");
    }
  }
  return {};
}

}  // namespace securebase::domain
