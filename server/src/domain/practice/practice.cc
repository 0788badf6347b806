#include "domain/practice/practice.h"

#include <array>
#include <utility>

namespace securebase::domain {
namespace {

constexpr std::array<std::pair<PracticeKind, std::string_view>, 3> kKindNames = {{
    {PracticeKind::kBreathing, "breathing"},
    {PracticeKind::kSteps, "steps"},
    {PracticeKind::kTimer, "timer"},
}};

constexpr std::array<std::pair<BreathPhaseKind, std::string_view>, 4> kPhaseNames = {{
    {BreathPhaseKind::kIn, "in"},
    {BreathPhaseKind::kTopUp, "top-up"},
    {BreathPhaseKind::kHold, "hold"},
    {BreathPhaseKind::kOut, "out"},
}};

}  // namespace

const char* PracticeKindName(PracticeKind kind) {
  for (const auto& [k, name] : kKindNames) {
    if (k == kind) return name.data();
  }
  return "timer";
}

std::optional<PracticeKind> PracticeKindFromName(std::string_view name) {
  for (const auto& [k, n] : kKindNames) {
    if (n == name) return k;
  }
  return std::nullopt;
}

const char* BreathPhaseKindName(BreathPhaseKind kind) {
  for (const auto& [k, name] : kPhaseNames) {
    if (k == kind) return name.data();
  }
  return "in";
}

std::optional<BreathPhaseKind> BreathPhaseKindFromName(std::string_view name) {
  for (const auto& [k, n] : kPhaseNames) {
    if (n == name) return k;
  }
  return std::nullopt;
}

double Breathing::CycleSeconds() const {
  double total = 0;
  for (const auto& p : phases) total += p.seconds;
  return total;
}

std::vector<BreathPhase> Breathing::AtRate(double breaths_per_minute) const {
  const double cycle = CycleSeconds();
  if (!(breaths_per_minute > 0) || !(cycle > 0)) return phases;
  const double scale = (60.0 / breaths_per_minute) / cycle;
  std::vector<BreathPhase> out = phases;
  for (auto& p : out) p.seconds *= scale;
  return out;
}

const Practice* FindPractice(const std::vector<Practice>& practices, std::string_view id) {
  for (const auto& p : practices) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

}  // namespace securebase::domain
