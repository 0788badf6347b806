#include "domain/assessment/scoring.h"

#include <fmt/format.h>

namespace securebase::domain {

Result<Scores> Score(const Questionnaire& q, const Answers& answers) {
  std::vector<FieldError> problems;
  std::string first;
  const auto report = [&](const std::string& item_id, std::string message) {
    if (first.empty()) first = message;
    problems.push_back(FieldError{"answers." + item_id, std::move(message)});
  };
  for (const auto& [item_id, answer] : answers) {
    const Item* item = q.FindItem(item_id);
    if (!item) {
      report(item_id, fmt::format("'{}' is not a statement in \"{}\", so it cannot be scored.",
                                  item_id, q.title));
    } else if (!q.scale.Contains(answer)) {
      report(item_id, fmt::format("The answer to '{}' must be a whole number from {} to {}.",
                                  item_id, q.scale.min, q.scale.max));
    }
  }
  for (const auto& item : q.items) {
    if (!answers.contains(item.id)) {
      report(item.id, fmt::format("'{}' has no answer yet: every statement needs one.", item.id));
    }
  }
  if (!problems.empty()) {
    const std::string message =
        problems.size() == 1 ? first
                             : fmt::format("{} (and {} more answer{} to look at).", first,
                                           problems.size() - 1, problems.size() == 2 ? "" : "s");
    return InvalidArgument(message, std::move(problems));
  }

  Scores out;
  for (const auto& subscale : q.subscales) {
    double sum = 0;
    int n = 0;
    for (const auto& item : q.items) {
      if (item.subscale != subscale.id) continue;
      const int answer = answers.find(item.id)->second;
      sum += item.reverse ? q.scale.Reverse(answer) : answer;
      ++n;
    }
    // The parser refuses a subscale without items; guard anyway so a bad
    // model never divides by zero.
    if (n == 0) return Internal(fmt::format("the subscale '{}' has no items", subscale.id));
    out.push_back(SubscaleScore{subscale.id, sum / n});
  }
  return out;
}

std::optional<double> ScoreOf(const Scores& scores, std::string_view subscale) {
  for (const auto& s : scores) {
    if (s.subscale == subscale) return s.score;
  }
  return std::nullopt;
}

}  // namespace securebase::domain
