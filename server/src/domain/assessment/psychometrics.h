// Psychometrics of a questionnaire from the site's own check-ins: for each
// subscale, how many people answered it, the mean and standard deviation of
// their subscale scores, and Cronbach's alpha (how closely its items agree),
// with what that means in a sentence. The practitioner's console shows them
// so she can see how an instrument behaves with her own clients.
//
// Choices, documented in docs/scoring.md:
//   - one response per person: each learner's latest check-in of the
//     questionnaire, so that someone who checks in weekly does not count
//     twelve times (responses must be independent for these figures);
//   - a check-in counts for a subscale only when it answers every item the
//     questionnaire now has in that subscale (older versions may differ);
//   - reverse-keyed items are turned round first, as in scoring;
//   - the SD is the sample SD (n - 1); alpha uses variances with one
//     denominator throughout, so the choice cancels out;
//   - below `kMinimumResponses` people nothing but n is given: figures from
//     a handful of people mislead more than they tell.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/assessment/checkin.h"
#include "domain/assessment/questionnaire.h"

namespace securebase::domain {

inline constexpr int kMinimumResponses = 30;

struct SubscaleStatistics {
  double mean = 0;              // of subscale scores, on the response scale
  double sd = 0;                // sample standard deviation
  std::optional<double> alpha;  // none for one item or answers that never vary
};

struct SubscalePsychometrics {
  std::string subscale;                          // the subscale id
  int items = 0;                                 // how many items it has now
  int n = 0;                                     // people whose latest check-in answers all of them
  std::optional<SubscaleStatistics> statistics;  // only from kMinimumResponses
  std::string meaning;  // a sentence on what alpha says (or why there is none)
};

struct Psychometrics {
  std::string questionnaire_id;
  int people = 0;                                // learners with at least one check-in of it
  std::vector<SubscalePsychometrics> subscales;  // in the questionnaire's order
};

// `checkins` may hold any questionnaire's check-ins; only this one's count.
Psychometrics PsychometricsOf(const Questionnaire& questionnaire,
                              std::span<const Checkin> checkins);

// The sentence for an alpha (none: the answers never varied or one item).
std::string AlphaMeaning(std::optional<double> alpha);

}  // namespace securebase::domain
