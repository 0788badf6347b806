// The practice model: one guided practice of the catalogue (paced breathing,
// guided steps or a plain timer), with the durations a learner may choose,
// safe HTML instructions, the signs it helps with and an honest note on the
// evidence behind it.
//
// Practices are data (content/practices/<id>.toml, read and checked by
// content/practice_parser.h). The id is stable: lessons embed it and
// recorded practice sessions hang on it; wording may change freely.
//
// Thread-safety: immutable values after loading; safe to read from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace securebase::domain {

// kBreathing: a pacer repeats the breathing phases for the chosen duration.
// kSteps: the player walks through the steps, one after another.
// kTimer: a quiet timer beside the instructions.
enum class PracticeKind { kBreathing, kSteps, kTimer };

const char* PracticeKindName(PracticeKind kind);  // "breathing" | "steps" | "timer"
std::optional<PracticeKind> PracticeKindFromName(std::string_view name);

// One part of a breath. kTopUp is the short second inhale of cyclic sighing.
enum class BreathPhaseKind { kIn, kTopUp, kHold, kOut };

const char* BreathPhaseKindName(BreathPhaseKind kind);  // "in" | "top-up" | "hold" | "out"
std::optional<BreathPhaseKind> BreathPhaseKindFromName(std::string_view name);

struct BreathPhase {
  BreathPhaseKind kind = BreathPhaseKind::kIn;
  double seconds = 0;  // > 0
};

// An adjustable pace in breaths per minute. When a practice has one, the
// player scales its phases so that one breath lasts 60 / rate seconds,
// keeping their proportions.
struct BreathRate {
  double default_rate = 6;  // min <= default_rate <= max
  double min = 4;
  double max = 8;
};

struct Breathing {
  std::vector<BreathPhase> phases;  // one breath, in order; at least one in and one out
  std::optional<BreathRate> rate;

  // The length of one breath as written, before any rate is applied.
  double CycleSeconds() const;
  // The phases of one breath at `breaths_per_minute`, in the written
  // proportions (the phases as written when the rate is not positive).
  std::vector<BreathPhase> AtRate(double breaths_per_minute) const;
};

// One step of a guided practice: plain text, shown for `seconds`.
struct PracticeStep {
  std::string text;
  int seconds = 0;  // > 0
};

struct Practice {
  std::string id;
  std::string title;
  std::string summary;  // one plain sentence
  PracticeKind kind = PracticeKind::kTimer;
  std::vector<int> durations;          // minutes, ascending, each 1..60
  int default_duration = 0;            // one of durations
  std::string instructions_html;       // safe HTML rendered from the file's Markdown
  std::optional<Breathing> breathing;  // kind kBreathing only
  std::vector<PracticeStep> steps;     // kind kSteps only; their seconds add up to
                                       // default_duration minutes
  std::vector<std::string> signs;      // sign ids (domain/course/sign_ids.h)
  std::string evidence;                // plain text
};

// nullptr when no practice has `id`.
const Practice* FindPractice(const std::vector<Practice>& practices, std::string_view id);

}  // namespace securebase::domain
