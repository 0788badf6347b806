// A recorded practice session: one learner did one practice of the
// catalogue, from `started_at` for `duration_seconds`, and may have rated
// their distress from 0 to 10 before and after (either may be skipped).
//
// The id is made by the client (a UUID), so a session done offline keeps its
// identity while it waits to be sent, and a session sent twice counts once.
// Ids belong to their owner: another learner's session with the same id is
// simply a different session.
//
// CheckPracticeSession holds the rules a new session meets; they take the
// catalogue and the present moment as arguments, so they stay pure.
//
// Thread-safety: plain values and pure functions.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/error.h"
#include "domain/practice/practice.h"

namespace securebase::domain {

struct PracticeSession {
  std::string id;  // a UUID in lower case
  std::string user_id;
  std::string practice_id;             // may outlive its practice in the catalogue
  Instant started_at;                  // whole seconds
  int duration_seconds = 0;            // kMinPracticeSeconds..kMaxPracticeSeconds
  std::optional<int> distress_before;  // 0..10; nullopt: skipped
  std::optional<int> distress_after;
  Instant recorded_at;  // when the server first stored it
};

inline constexpr int kMinPracticeSeconds = 1;
inline constexpr int kMaxPracticeSeconds = 4 * 60 * 60;
inline constexpr int kMinDistress = 0;
inline constexpr int kMaxDistress = 10;
// A device's clock may run a little ahead of ours.
inline constexpr std::chrono::minutes kPracticeClockSkew{5};
// An offline queue may hold a session for a long time, but not for ever.
inline constexpr int kMaxPracticeSessionAgeDays = 366;

// A session as the client describes it, before it is checked. Fields the
// request did not carry are empty (id, practice_id) or nullopt.
struct PracticeSessionDraft {
  std::string id;
  std::string practice_id;
  std::optional<Instant> started_at;
  std::optional<std::int64_t> duration_seconds;
  std::optional<std::int64_t> distress_before;  // nullopt: skipped
  std::optional<std::int64_t> distress_after;
};

// 8-4-4-4-12 hexadecimal digits, in either case.
bool IsPracticeSessionId(std::string_view id);

// Every rule the draft breaks, one FieldError per field named as in the API
// (id, practice_id, started_at, duration_seconds, distress_before,
// distress_after); empty when it may be recorded at `now`.
std::vector<FieldError> CheckPracticeSession(const PracticeSessionDraft& draft,
                                             const std::vector<Practice>& practices, Instant now);

// The session the draft describes, for `user_id`, recorded at `now`. Only
// for a draft that passed CheckPracticeSession.
PracticeSession SessionFromDraft(const PracticeSessionDraft& draft, std::string_view user_id,
                                 Instant now);

// Whether two sessions describe the same practice done at the same time for
// as long with the same ratings (owner and recorded_at aside).
bool SameContents(const PracticeSession& a, const PracticeSession& b);

}  // namespace securebase::domain
