#include "domain/course/pacing.h"

#include <chrono>
#include <map>
#include <string>

namespace securebase::domain {
namespace {

constexpr std::int64_t kMillisPerDay = 24LL * 60 * 60 * 1000;

// When the learner first opened any lesson of `module`.
std::optional<Instant> StartedAt(const Module& module,
                                 const std::map<std::string, Instant, std::less<>>& opened) {
  std::optional<Instant> first;
  for (const Lesson& lesson : module.lessons) {
    auto it = opened.find(lesson.id);
    if (it != opened.end() && (!first || it->second < *first)) first = it->second;
  }
  return first;
}

}  // namespace

const char* ModuleStateName(ModuleState state) {
  switch (state) {
    case ModuleState::kOpen: return "open";
    case ModuleState::kWaiting: return "waiting";
    case ModuleState::kNotStarted: return "locked";
  }
  return "open";
}

std::vector<ModuleAccess> ModuleAccessFor(const Course& course,
                                          const std::vector<LessonProgress>& progress,
                                          Instant now) {
  std::map<std::string, Instant, std::less<>> opened;
  for (const LessonProgress& p : progress) opened.emplace(p.lesson_id, p.opened_at);

  std::vector<ModuleAccess> out;
  out.reserve(course.modules.size());
  const bool gentle = course.pacing.mode == PacingMode::kGentle;
  const std::int64_t pause = std::int64_t{course.pacing.days_between_modules} * kMillisPerDay;
  for (std::size_t i = 0; i < course.modules.size(); ++i) {
    ModuleAccess access;
    access.started_at = StartedAt(course.modules[i], opened);
    if (gentle && i > 0 && !access.started_at) {
      const std::optional<Instant> previous_start = out[i - 1].started_at;
      if (!previous_start) {
        access.state = ModuleState::kNotStarted;
      } else if (const Instant opens{previous_start->millis + pause}; now < opens) {
        access.state = ModuleState::kWaiting;
        access.opens_at = opens;
      }
    }
    out.push_back(access);
  }
  return out;
}

}  // namespace securebase::domain
