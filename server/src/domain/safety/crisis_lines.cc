#include "domain/safety/crisis_lines.h"

#include "domain/safety/country_codes.h"

#include <algorithm>

namespace securebase::domain {

Result<std::string> NormalizeCountryCode(std::string_view code) {
  if (code.size() != 2) {
    return InvalidArgument("A country is a two-letter code such as GB, IE or US.",
                           {{"country", "must be two letters"}});
  }
  std::string out;
  for (const char c : code) {
    if (c >= 'a' && c <= 'z')
      out += static_cast<char>(c - 'a' + 'A');
    else if (c >= 'A' && c <= 'Z')
      out += c;
    else {
      return InvalidArgument("A country is a two-letter code such as GB, IE or US.",
                             {{"country", "must be two letters"}});
    }
  }
  if (!IsAssignedCountryCode(out)) {
    return InvalidArgument("That is not a country code we know. Please choose your country from "
                           "the list.",
                           {{"country", "is not a known country code"}});
  }
  return out;
}

CrisisDirectory::CrisisDirectory(std::vector<CountryCrisisLines> countries)
    : countries_(std::move(countries)) {
  for (const auto& c : countries_) names_.push_back({c.country, c.name});
  std::sort(names_.begin(), names_.end(),
            [](const CountryName& a, const CountryName& b) { return a.name < b.name; });
}

Result<const CountryCrisisLines*> CrisisDirectory::Find(std::string_view code) const {
  auto normalized = NormalizeCountryCode(code);
  if (!normalized) return std::unexpected(normalized.error());
  for (const auto& c : countries_) {
    if (c.country == *normalized) return &c;
  }
  return NotFound(
      "We do not hold crisis lines for that country yet. If you are in danger, call your local "
      "emergency number now.");
}

}  // namespace securebase::domain
