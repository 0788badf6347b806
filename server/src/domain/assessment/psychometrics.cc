#include "domain/assessment/psychometrics.h"

#include <cmath>
#include <map>
#include <string_view>

namespace securebase::domain {

namespace {

// Latest check-in of the questionnaire per learner.
std::vector<const Checkin*> LatestPerPerson(const Questionnaire& questionnaire,
                                            std::span<const Checkin> checkins) {
  std::map<std::string_view, const Checkin*> latest;
  for (const Checkin& checkin : checkins) {
    if (checkin.questionnaire_id != questionnaire.id) continue;
    auto& kept = latest[checkin.user_id];
    if (!kept || kept->taken_at.millis < checkin.taken_at.millis) kept = &checkin;
  }
  std::vector<const Checkin*> out;
  out.reserve(latest.size());
  for (const auto& [user, checkin] : latest) out.push_back(checkin);
  return out;
}

// Sum of squared deviations from the mean (the numerator of a variance).
double SquaredDeviations(const std::vector<double>& values) {
  double mean = 0;
  for (double v : values) mean += v;
  mean /= static_cast<double>(values.size());
  double sum = 0;
  for (double v : values) sum += (v - mean) * (v - mean);
  return sum;
}

SubscalePsychometrics OneSubscale(const Questionnaire& questionnaire, const Subscale& subscale,
                                  const std::vector<const Checkin*>& people) {
  std::vector<const Item*> items;
  for (const Item& item : questionnaire.items) {
    if (item.subscale == subscale.id) items.push_back(&item);
  }
  SubscalePsychometrics out{subscale.id, static_cast<int>(items.size()), 0, std::nullopt, ""};

  // One row per person who answered every item: the keyed answers.
  std::vector<std::vector<double>> rows;
  for (const Checkin* checkin : people) {
    std::vector<double> row;
    for (const Item* item : items) {
      const auto answer = checkin->answers.find(item->id);
      if (answer == checkin->answers.end()) break;
      row.push_back(item->reverse ? questionnaire.scale.Reverse(answer->second) : answer->second);
    }
    if (!items.empty() && row.size() == items.size()) rows.push_back(std::move(row));
  }
  out.n = static_cast<int>(rows.size());
  if (out.n < kMinimumResponses) {
    out.meaning = "Figures appear once " + std::to_string(kMinimumResponses) +
                  " people have answered: from fewer, they would mislead more than they tell.";
    return out;
  }

  const double k = static_cast<double>(items.size());
  std::vector<double> scores, totals;
  for (const auto& row : rows) {
    double total = 0;
    for (double v : row) total += v;
    totals.push_back(total);
    scores.push_back(total / k);
  }
  SubscaleStatistics stats;
  for (double s : scores) stats.mean += s;
  stats.mean /= static_cast<double>(scores.size());
  stats.sd = std::sqrt(SquaredDeviations(scores) / static_cast<double>(scores.size() - 1));

  const double total_spread = SquaredDeviations(totals);
  if (items.size() >= 2 && total_spread > 0) {
    double item_spread = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
      std::vector<double> column;
      column.reserve(rows.size());
      for (const auto& row : rows) column.push_back(row[i]);
      item_spread += SquaredDeviations(column);
    }
    stats.alpha = k / (k - 1) * (1 - item_spread / total_spread);
  }
  out.meaning = AlphaMeaning(stats.alpha);
  out.statistics = stats;
  return out;
}

}  // namespace

std::string AlphaMeaning(std::optional<double> alpha) {
  if (!alpha) {
    return "How well the items agree cannot be said: the part has one item, or everyone "
           "answered it the same way.";
  }
  if (*alpha >= 0.9) {
    return "The items agree very closely: the score is very consistent, and some items may "
           "ask much the same thing.";
  }
  if (*alpha >= 0.8) return "The items agree well: the score is consistent enough to compare.";
  if (*alpha >= 0.7) return "The items agree fairly: the score is usable, with some noise.";
  return "The items agree only loosely with these answers: read the score with care.";
}

Psychometrics PsychometricsOf(const Questionnaire& questionnaire,
                              std::span<const Checkin> checkins) {
  const auto people = LatestPerPerson(questionnaire, checkins);
  Psychometrics out{questionnaire.id, static_cast<int>(people.size()), {}};
  for (const Subscale& subscale : questionnaire.subscales) {
    out.subscales.push_back(OneSubscale(questionnaire, subscale, people));
  }
  return out;
}

}  // namespace securebase::domain
