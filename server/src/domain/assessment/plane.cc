#include "domain/assessment/plane.h"

namespace securebase::domain {

const char* RegionId(Region region) {
  switch (region) {
    case Region::kSecure: return "secure";
    case Region::kAnxiousPreoccupied: return "anxious_preoccupied";
    case Region::kAvoidantDismissing: return "avoidant_dismissing";
    case Region::kFearful: return "fearful";
  }
  return "secure";
}

std::optional<Region> RegionFromId(std::string_view id) {
  for (Region r : {Region::kSecure, Region::kAnxiousPreoccupied, Region::kAvoidantDismissing,
                   Region::kFearful}) {
    if (id == RegionId(r)) return r;
  }
  return std::nullopt;
}

Region RegionFor(double anxiety, double avoidance, const ResponseScale& scale) {
  const double mid = scale.Midpoint();
  const bool anxious = anxiety > mid;
  const bool avoidant = avoidance > mid;
  if (anxious && avoidant) return Region::kFearful;
  if (anxious) return Region::kAnxiousPreoccupied;
  if (avoidant) return Region::kAvoidantDismissing;
  return Region::kSecure;
}

std::optional<Region> RegionOf(const Questionnaire& q, const Scores& scores) {
  if (q.kind != QuestionnaireKind::kAttachment) return std::nullopt;
  const auto anxiety = ScoreOf(scores, kAnxietySubscale);
  const auto avoidance = ScoreOf(scores, kAvoidanceSubscale);
  if (!anxiety || !avoidance) return std::nullopt;
  return RegionFor(*anxiety, *avoidance, q.scale);
}

}  // namespace securebase::domain
