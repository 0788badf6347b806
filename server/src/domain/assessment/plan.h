// The personal plan: the eight signs of anxious attachment, strongest first
// by the learner's latest eight-signs check-in, each with the lessons that
// address it (lessons name their signs in front matter, `signs = [...]`).
//
// Ranking: higher score first; equal scores (and every sign, before any
// check-in) keep the order of kSignIds (domain/course/sign_ids.h), which is
// the order the course introduces them. Lessons come in course order.
// Practices: those in the catalogue (content/practices) that name the sign
// in their own `signs`, in catalogue order. Only what exists is listed;
// nothing is ever invented.
//
// Thread-safety: pure functions; the result copies what it needs.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/assessment/scoring.h"
#include "domain/course/course.h"
#include "domain/practice/practice.h"

namespace securebase::domain {

struct PlanLesson {
  std::string id;
  std::string title;
  std::string course_id;
};

struct PlanPractice {
  std::string id;
  std::string title;
};

struct PlanSign {
  std::string id;               // a sign id
  std::optional<double> score;  // nullopt before any eight-signs check-in
  std::vector<PlanLesson> lessons;
  std::vector<PlanPractice> practices;
};

// `sign_scores`: the latest eight-signs result's scores (subscales named by
// sign ids), or empty when there is none.
std::vector<PlanSign> BuildPlan(const Scores& sign_scores, const std::vector<Course>& courses,
                                const std::vector<Practice>& practices = {});

}  // namespace securebase::domain
