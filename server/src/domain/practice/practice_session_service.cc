#include "domain/practice/practice_session_service.h"

#include <algorithm>

namespace securebase::domain {
namespace {

std::unexpected<Error> Refused(std::vector<FieldError> errors) {
  const std::string message = errors.front().field + " " + errors.front().message + ".";
  return InvalidArgument(message, std::move(errors));
}

std::unexpected<Error> ConflictingId() {
  return Refuse(ErrorCode::kConflict, kPracticeSessionConflict,
                "A different session was already recorded with this id. A new session needs a "
                "new id.");
}

}  // namespace

Result<RecordedPracticeSession> PracticeSessionService::Record(
    const std::vector<Practice>& practices, std::string_view user_id,
    const PracticeSessionDraft& draft) {
  const Instant now = clock_.Now();
  const auto errors = CheckPracticeSession(draft, practices, now);
  const PracticeSession session = SessionFromDraft(draft, user_id, now);
  // A repeat is answered from what was stored before the rules are applied
  // again: a session that waited in an offline queue must not turn into a
  // refusal on its second sending.
  std::optional<PracticeSession> stored;
  if (IsPracticeSessionId(draft.id)) {
    auto found = repo_.Find(user_id, session.id);
    if (!found) return std::unexpected(found.error());
    stored = std::move(*found);
    const bool complete = draft.started_at && draft.duration_seconds;
    if (stored && complete && SameContents(*stored, session)) {
      return RecordedPracticeSession{std::move(*stored), false};
    }
  }
  if (!errors.empty()) return Refused(errors);
  if (stored) return ConflictingId();
  auto saved = repo_.Save(session);
  if (!saved) return std::unexpected(saved.error());
  // Lost a race with another sending of this id: the same session counts
  // once; a different one is a conflict.
  if (!saved->created && !SameContents(saved->session, session)) return ConflictingId();
  return RecordedPracticeSession{std::move(saved->session), saved->created};
}

Result<PracticeSessionPage> PracticeSessionService::History(std::string_view user_id,
                                                            std::optional<Instant> before,
                                                            int limit) {
  if (limit < kMinPracticePageSize || limit > kMaxPracticePageSize) {
    return Refused({{"limit", "must be a whole number from 1 to 100"}});
  }
  const auto size = static_cast<std::size_t>(limit);
  auto rows = repo_.List(user_id, before, size + 1);
  if (!rows) return std::unexpected(rows.error());
  PracticeSessionPage page;
  if (rows->size() <= size) {
    page.sessions = std::move(*rows);
    return page;
  }
  // One row more than the page: is the page's last second continued on it?
  const Instant edge = (*rows)[size - 1].started_at;
  if ((*rows)[size].started_at != edge) {
    rows->resize(size);
  } else {
    const auto group = static_cast<std::size_t>(
        std::find_if(rows->begin(), rows->end(),
                     [&](const PracticeSession& s) { return s.started_at == edge; }) -
        rows->begin());
    if (group > 0) {
      rows->resize(group);  // end before the group; the next page starts with it
    } else {
      // The group fills the page and more: take all of it (it only grows
      // this large if one learner records many sessions in one second).
      std::size_t want = size * 2;
      for (;;) {
        rows = repo_.List(user_id, before, want + 1);
        if (!rows) return std::unexpected(rows.error());
        if (rows->size() <= want || rows->back().started_at != edge) break;
        want *= 2;
      }
      const auto end = std::find_if(rows->begin(), rows->end(),
                                    [&](const PracticeSession& s) { return s.started_at != edge; });
      const bool more = end != rows->end();
      rows->erase(end, rows->end());
      page.sessions = std::move(*rows);
      if (more) page.next_before = edge;
      return page;
    }
  }
  page.next_before = rows->back().started_at;
  page.sessions = std::move(*rows);
  return page;
}

Result<PracticeStats> PracticeSessionService::Stats(const std::vector<Practice>& practices,
                                                    std::string_view user_id,
                                                    std::optional<std::string> time_zone,
                                                    int weeks) {
  std::string zone;
  if (time_zone) {
    zone = std::move(*time_zone);
  } else {
    auto user = users_.FindById(user_id);
    if (!user) return std::unexpected(user.error());
    // Profile zones are checked when saved; UTC covers an account removed
    // while its session was still open.
    zone = *user ? (*user)->time_zone : "UTC";
  }
  auto sessions = repo_.All(user_id);
  if (!sessions) return std::unexpected(sessions.error());
  return TallyPracticeSessions(*sessions, practices, zone, clock_.Now(), weeks);
}

}  // namespace securebase::domain
