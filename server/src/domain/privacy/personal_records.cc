#include "domain/privacy/personal_records.h"

namespace securebase::domain {

Result<PersonalRecords> PersonalRecordsReader::Gather(std::string_view user_id) {
  PersonalRecords r;
  r.content = s_.catalog.Current();
  const std::string user(user_id);

  auto found = s_.users.FindById(user);
  if (!found) return std::unexpected(found.error());
  if (!*found) return NotFound("There is no such account.");
  r.user = std::move(**found);
  auto tf = s_.two_factor.StatusFor(user);
  if (!tf) return std::unexpected(tf.error());
  r.two_factor = *tf;

  auto sessions = s_.sessions.ListFor(user);
  if (!sessions) return std::unexpected(sessions.error());
  r.sessions = std::move(*sessions);

  auto checkins = s_.checkins.History(r.content->questionnaires, user, std::nullopt);
  if (!checkins) return std::unexpected(checkins.error());
  r.checkins = std::move(*checkins);

  // Every page: a request for one's data is never cut short.
  std::optional<Instant> before;
  for (;;) {
    auto page = s_.practice.History(user, before, kMaxPracticePageSize);
    if (!page) return std::unexpected(page.error());
    for (auto& p : page->sessions) r.practice.push_back(std::move(p));
    if (!page->next_before) break;
    before = page->next_before;
  }
  auto stats = s_.practice.Stats(r.content->practices, user, std::nullopt, kDefaultStatsWeeks);
  if (!stats) return std::unexpected(stats.error());
  r.practice_stats = std::move(*stats);

  auto courses = s_.courses.Overviews(user);
  if (!courses) return std::unexpected(courses.error());
  r.courses = std::move(*courses);
  for (const auto& overview : r.courses) {
    for (const auto& module : overview.status.course->modules) {
      for (const auto& lesson : module.lessons) {
        auto written = s_.courses.WrittenAnswers(user, lesson);
        if (!written) return std::unexpected(written.error());
        for (auto& [prompt, text] : *written) r.answers.push_back({lesson.id, prompt, text});
      }
    }
  }

  auto journal = s_.journal.ReadAll(user);
  if (!journal) return std::unexpected(journal.error());
  r.journal = std::move(*journal);

  auto bookings = s_.bookings.ClientSessions(user, /*open_intake=*/true);
  if (!bookings) return std::unexpected(bookings.error());
  r.bookings = std::move(*bookings);

  auto places = s_.waitlist.ForClient(user);
  if (!places) return std::unexpected(places.error());
  r.waitlist = std::move(*places);

  auto shares = s_.sharing.ForLearner(user);
  if (!shares) return std::unexpected(shares.error());
  r.shares = std::move(*shares);
  std::optional<std::string> after;
  do {
    auto reads = s_.sharing.ReadsOf(user, 100, after);
    if (!reads) return std::unexpected(reads.error());
    for (auto& line : reads->entries) r.reads.push_back(std::move(line));
    after = reads->next;
  } while (after);
  return r;
}

}  // namespace securebase::domain
