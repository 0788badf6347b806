// The attachment plane: anxiety across, avoidance up, each on the
// questionnaire's response scale, split at the scale's midpoint into four
// regions. A score exactly on the midpoint counts as low: the plane
// describes leanings, and a result sitting on the line leans neither way.
//
//                      low anxiety            high anxiety
//   high avoidance     avoidant_dismissing    fearful
//   low avoidance      secure                 anxious_preoccupied
//
// The region ids are the API's contract; the words the learner reads live
// in the web app and describe tendencies in relationships that can change,
// never a diagnosis (docs/scoring.md).
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string_view>

#include "domain/assessment/questionnaire.h"
#include "domain/assessment/scoring.h"

namespace securebase::domain {

enum class Region { kSecure, kAnxiousPreoccupied, kAvoidantDismissing, kFearful };

// "secure" | "anxious_preoccupied" | "avoidant_dismissing" | "fearful"
const char* RegionId(Region region);
std::optional<Region> RegionFromId(std::string_view id);

Region RegionFor(double anxiety, double avoidance, const ResponseScale& scale);

// The region of an attachment questionnaire's scores; nullopt for other
// kinds (or scores without both subscales).
std::optional<Region> RegionOf(const Questionnaire& questionnaire, const Scores& scores);

}  // namespace securebase::domain
