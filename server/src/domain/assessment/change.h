// Change between two results of one questionnaire, per subscale.
//
// Always the plain difference (later − earlier). Where the questionnaire
// gives the subscale's norms (SD and reliability), also the reliable change
// index of Jacobson & Truax (1991):
//
//   SE     = SD × √(1 − r)          standard error of measurement
//   S_diff = √2 × SE                standard error of the difference
//   RCI    = (x2 − x1) / S_diff
//
// and |RCI| ≥ 1.96 counts as reliable: a change that large would arise from
// measurement error alone less than 5 % of the time. Without norms there is
// no honest way to say that, so rci and reliable stay empty.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/assessment/questionnaire.h"
#include "domain/assessment/scoring.h"

namespace securebase::domain {

inline constexpr double kReliableChangeThreshold = 1.96;

struct SubscaleChange {
  std::string subscale;
  double difference = 0;      // later − earlier
  std::optional<double> rci;  // with norms only
  std::optional<bool> reliable;
};

// The reliable change index for a change from x1 to x2 under `norms`;
// nullopt when the norms cannot give one (SD ≤ 0, reliability outside (0, 1)).
std::optional<double> ReliableChangeIndex(double x1, double x2, const Norms& norms);

// One entry per subscale that both results scored, in `later`'s order.
std::vector<SubscaleChange> Compare(const Questionnaire& questionnaire, const Scores& earlier,
                                    const Scores& later);

}  // namespace securebase::domain
