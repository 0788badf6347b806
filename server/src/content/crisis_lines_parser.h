// Reads one content/crisis/<cc>.toml file:
//
//   country = "GB"            name = "United Kingdom"
//   emergency = "999"         last_verified = 2026-11-29
//   [[lines]]
//   id = "samaritans"  name = "Samaritans"  description = "…"
//   phone = "116 123"  sms = "…"  sms_keyword = "…"  url = "https://…"
//   hours = "24 hours, every day"  last_verified = 2026-11-29
//
// Rules: the file is named after its country code; a country may have no
// lines (then the panel shows its emergency number alone); every line has a phone
// or an sms number; urls are https; ids are unique in the file; dates are
// TOML dates. Each broken rule is a Problem with its line.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/problem.h"
#include "domain/safety/crisis_lines.h"

namespace securebase::content {

std::optional<domain::CountryCrisisLines> ParseCrisisLines(std::string_view toml_text,
                                                           const std::string& file,
                                                           std::vector<Problem>& problems);

}  // namespace securebase::content
