// The personal plan: the eight signs of anxious attachment, strongest first
// by the learner's latest eight-signs check-in, each with the lessons that
// address it (lessons name their signs in front matter, `signs = [...]`).
//
// Ranking: higher score first; equal scores (and every sign, before any
// check-in) keep the order of kSignIds (domain/course/sign_ids.h), which is
// the order the course introduces them. Lessons come in course order.
// Practices: the plan lists only practice ids it is given for a sign, and
// none are mapped yet (the practice catalogue is issue #7), so the list is
// empty; nothing is ever invented.
//
// Thread-safety: pure functions; the result copies what it needs.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/assessment/scoring.h"
#include "domain/course/course.h"

namespace securebase::domain {

struct PlanLesson {
  std::string id;
  std::string title;
  std::string course_id;
};

struct PlanSign {
  std::string id;               // a sign id
  std::optional<double> score;  // nullopt before any eight-signs check-in
  std::vector<PlanLesson> lessons;
  std::vector<std::string> practices;
};

// `sign_scores`: the latest eight-signs result's scores (subscales named by
// sign ids), or empty when there is none.
std::vector<PlanSign> BuildPlan(const Scores& sign_scores, const std::vector<Course>& courses);

}  // namespace securebase::domain
