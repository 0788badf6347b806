#include "domain/assessment/change.h"

#include <cmath>

namespace securebase::domain {

std::optional<double> ReliableChangeIndex(double x1, double x2, const Norms& norms) {
  if (!(norms.sd > 0) || !(norms.reliability > 0) || !(norms.reliability < 1)) return std::nullopt;
  const double se = norms.sd * std::sqrt(1 - norms.reliability);
  const double s_diff = std::sqrt(2.0) * se;
  return (x2 - x1) / s_diff;
}

std::vector<SubscaleChange> Compare(const Questionnaire& q, const Scores& earlier,
                                    const Scores& later) {
  std::vector<SubscaleChange> out;
  for (const auto& now : later) {
    const auto before = ScoreOf(earlier, now.subscale);
    if (!before) continue;
    SubscaleChange c{now.subscale, now.score - *before, std::nullopt, std::nullopt};
    const Subscale* subscale = q.FindSubscale(now.subscale);
    if (subscale && subscale->norms) {
      c.rci = ReliableChangeIndex(*before, now.score, *subscale->norms);
      // A hair of tolerance so that a change exactly at the threshold is
      // not lost to rounding in √2 × SD × √(1 − r).
      if (c.rci) c.reliable = std::fabs(*c.rci) >= kReliableChangeThreshold - 1e-9;
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace securebase::domain
