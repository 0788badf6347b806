#include "domain/assessment/plan.h"

#include <algorithm>

#include "domain/course/sign_ids.h"

namespace securebase::domain {

std::vector<PlanSign> BuildPlan(const Scores& sign_scores, const std::vector<Course>& courses,
                                const std::vector<Practice>& practices) {
  std::vector<PlanSign> plan;
  for (const auto sign : kSignIds) {
    PlanSign entry;
    entry.id = std::string(sign);
    entry.score = ScoreOf(sign_scores, sign);
    for (const auto& course : courses) {
      for (const auto& module : course.modules) {
        for (const auto& lesson : module.lessons) {
          if (std::find(lesson.signs.begin(), lesson.signs.end(), sign) != lesson.signs.end()) {
            entry.lessons.push_back(PlanLesson{lesson.id, lesson.title, course.id});
          }
        }
      }
    }
    for (const auto& practice : practices) {
      if (std::find(practice.signs.begin(), practice.signs.end(), sign) != practice.signs.end()) {
        entry.practices.push_back(PlanPractice{practice.id, practice.title});
      }
    }
    plan.push_back(std::move(entry));
  }
  // stable_sort keeps kSignIds order among equals; an unscored sign sorts
  // after every scored one.
  std::stable_sort(plan.begin(), plan.end(), [](const PlanSign& a, const PlanSign& b) {
    return a.score.value_or(-1e300) > b.score.value_or(-1e300);
  });
  return plan;
}

}  // namespace securebase::domain
