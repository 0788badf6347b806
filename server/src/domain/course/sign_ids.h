// The eight signs of anxious attachment, by id. The ids are a shared contract
// (DESIGN.md section 8): check-in results, the personal plan, journal entries
// and lesson front matter (`signs = [...]`) all use them.
//
// Thread-safety: constants.
#pragma once

#include <algorithm>
#include <array>
#include <string_view>

namespace securebase::domain {

inline constexpr std::array<std::string_view, 8> kSignIds = {
    "fear_of_abandonment", "need_for_reassurance", "sensitivity_to_changes",
    "jealousy_insecurity", "emotional_regulation", "clinging",
    "fear_of_being_alone", "rumination",
};

inline bool IsSignId(std::string_view id) {
  return std::find(kSignIds.begin(), kSignIds.end(), id) != kSignIds.end();
}

}  // namespace securebase::domain
