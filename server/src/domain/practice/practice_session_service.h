// PracticeSessionService: recording a learner's practice sessions (once per
// client-made id, however often the app sends one), reading them back a page
// at a time, and the stats of what they add up to.
//
// The catalogue is passed in on each call, taken from the catalog snapshot
// of the request, so a content reload never leaves the service with stale
// practices.
//
// Calls block on the repositories: from the HTTP layer, run them on the pool.
//
// Thread-safety: safe from any thread (state lives in the repositories).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/error.h"
#include "domain/accounts/user_repository.h"
#include "domain/practice/practice.h"
#include "domain/practice/practice_session.h"
#include "domain/practice/practice_session_repository.h"
#include "domain/practice/practice_stats.h"

namespace securebase::domain {

struct RecordedPracticeSession {
  PracticeSession session;
  bool created = true;  // false: the same session was recorded before
};

struct PracticeSessionPage {
  std::vector<PracticeSession> sessions;  // newest first
  // Pass as `before` for the next page; nullopt when there is no more.
  std::optional<Instant> next_before;
};

inline constexpr int kMinPracticePageSize = 1;
inline constexpr int kMaxPracticePageSize = 100;
inline constexpr int kDefaultPracticePageSize = 50;

// The problem type of a reused id with different contents.
inline constexpr const char* kPracticeSessionConflict = "practice-session-conflict";

class PracticeSessionService {
 public:
  PracticeSessionService(PracticeSessionRepository& repo, UserRepository& users, const Clock& clock)
      : repo_(repo), users_(users), clock_(clock) {}

  // Records the draft for `user_id`. The same session again (same id and
  // contents) stores nothing and gives back the first, created = false, even
  // when the rules have moved on since (it has grown old in a queue, or its
  // practice has left the catalogue). Refusals: kInvalidArgument with a
  // FieldError per broken rule (practice_session.h); kConflict with type
  // kPracticeSessionConflict when the learner used the id for a different
  // session.
  Result<RecordedPracticeSession> Record(const std::vector<Practice>& practices,
                                         std::string_view user_id,
                                         const PracticeSessionDraft& draft);

  // A page of the learner's sessions, newest first, that started before
  // `before`. A page never splits sessions that started in the same second:
  // it stops short of such a group, or holds all of it when the group alone
  // fills the page, so that asking again with next_before neither skips nor
  // repeats one. `limit` outside 1..100 is an error on "limit".
  Result<PracticeSessionPage> History(std::string_view user_id, std::optional<Instant> before,
                                      int limit);

  // The learner's stats (practice_stats.h) in `time_zone`, or in their
  // profile's zone when nullopt.
  Result<PracticeStats> Stats(const std::vector<Practice>& practices, std::string_view user_id,
                              std::optional<std::string> time_zone, int weeks);

 private:
  PracticeSessionRepository& repo_;
  UserRepository& users_;
  const Clock& clock_;
};

}  // namespace securebase::domain
