// Scoring a questionnaire: each answer checked against the scale, reverse-
// keyed items turned round (min + max - answer), and each subscale scored as
// the mean of its items. docs/scoring.md explains it with a worked example.
//
// A result is only scored from complete answers: every item answered once,
// each a whole number on the scale, and nothing that is not an item. Anything
// else is refused with kInvalidArgument; each wrong item is one FieldError
// named "answers.<item id>", and the message names the first.
//
// Thread-safety: pure functions.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "domain/assessment/questionnaire.h"

namespace securebase::domain {

// Item id → the answer given (on the scale, before any reverse keying).
using Answers = std::map<std::string, int, std::less<>>;

struct SubscaleScore {
  std::string subscale;
  double score = 0;  // the mean of its items, on the response scale
  bool operator==(const SubscaleScore&) const = default;
};

// Subscale scores in the questionnaire's subscale order.
using Scores = std::vector<SubscaleScore>;

Result<Scores> Score(const Questionnaire& questionnaire, const Answers& answers);

// The score of one subscale, if present.
std::optional<double> ScoreOf(const Scores& scores, std::string_view subscale);

}  // namespace securebase::domain
