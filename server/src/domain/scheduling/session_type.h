// SessionType: a kind of session the practitioner offers ("Free 20-minute
// consultation", "Therapy session"), with the rules its slots follow and the
// intake questions a client answers when booking.
//
// Thread-safety: plain values.
#pragma once

#include <string>
#include <vector>

#include "common/error.h"

namespace securebase::domain {

struct IntakeQuestion {
  std::string id;        // [a-z0-9_]{1,40}, unique in its type
  std::string question;  // 1–300 characters
  bool required = false;
  bool operator==(const IntakeQuestion&) const = default;
};

struct SessionType {
  std::string id;  // "st_" + random, made by the server
  std::string name;
  std::string description;
  int duration_minutes = 50;
  int buffer_before_minutes = 0;
  int buffer_after_minutes = 0;
  int minimum_notice_minutes = 0;
  int horizon_days = 60;
  int slot_step_minutes = 30;
  std::string price;  // as text, "£90" or "free"
  bool new_clients = true;  // false: only clients who have attended a session
  bool active = true;       // false: archived, no longer offered
  std::vector<IntakeQuestion> intake;
  bool operator==(const SessionType&) const = default;
};

// The longest intake answer, in characters (code points).
inline constexpr int kMaxIntakeAnswerChars = 2000;

// Checks a session type before it is saved (the id is not checked). Field
// names follow the API ("duration_minutes", "intake[1].id"); the limits are
// those of docs/api/scheduling.md, in characters (code points) of valid
// UTF-8. The name, price and questions are one line each (no control
// characters: they go into mail subjects and calendar files); a blank name
// or question is refused.
std::vector<FieldError> CheckSessionType(const SessionType& type);

}  // namespace securebase::domain
