// The officially assigned ISO 3166-1 alpha-2 country codes, for checking the
// country a person gives (profile, sign-up, the crisis-line lookup).
//
// Thread-safety: pure function over constant data.
#pragma once

#include <string_view>

namespace securebase::domain {

// True for an assigned code in upper case ("GB", "IE", "US").
bool IsAssignedCountryCode(std::string_view code);

}  // namespace securebase::domain
