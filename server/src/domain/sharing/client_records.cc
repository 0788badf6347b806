#include "domain/sharing/client_records.h"

#include <algorithm>
#include <map>

namespace securebase::domain {

namespace {

std::unexpected<Error> NoSuchClient() {
  return NotFound("There is no client with that id.");
}

}  // namespace

Result<std::vector<ClientSummary>> ClientRecords::List(std::string_view practitioner_id) {
  auto tallies = bookings_.TallyByClient(clock_.Now());
  if (!tallies) return std::unexpected(tallies.error());
  auto shares = shares_.ForPractitioner(practitioner_id);
  if (!shares) return std::unexpected(shares.error());

  std::map<std::string, ClientSummary> by_id;
  for (auto& t : *tallies) {
    auto& s = by_id[t.client_id];
    s.sessions = std::move(t);
  }
  for (auto& share : *shares) {
    if (!share.Any()) continue;
    auto& s = by_id[share.learner_id];
    s.sessions.client_id = share.learner_id;
    s.share = std::move(share);
  }
  std::vector<std::string> ids;
  for (const auto& [id, s] : by_id) ids.push_back(id);
  auto users = users_.FindByIds(ids);
  if (!users) return std::unexpected(users.error());

  std::vector<ClientSummary> out;
  for (auto& u : *users) {
    auto it = by_id.find(u.id);
    if (it == by_id.end()) continue;
    it->second.client = std::move(u);
    out.push_back(std::move(it->second));
  }
  std::ranges::sort(out, [](const ClientSummary& a, const ClientSummary& b) {
    return std::pair(a.client.display_name, a.client.id) <
           std::pair(b.client.display_name, b.client.id);
  });
  return out;
}

Result<ClientRecord> ClientRecords::Open(std::string_view practitioner_id,
                                         std::string_view client_id) {
  auto user = users_.FindById(client_id);
  if (!user) return std::unexpected(user.error());
  if (!*user || (*user)->role != Role::kLearner) return NoSuchClient();
  auto share = shares_.Find(client_id, practitioner_id);
  if (!share) return std::unexpected(share.error());
  auto sessions = sessions_.ClientSessions(client_id, /*open_intake=*/false);
  if (!sessions) return std::unexpected(sessions.error());
  const bool shares_something = *share && (*share)->Any();
  if (sessions->empty() && !shares_something) return NoSuchClient();

  // The row first: what she is about to see is on record before she sees it.
  const std::string detail = *share ? DescribeShare(**share) : DescribeShare(Share{});
  if (auto logged = audit_.Record(practitioner_id, audit_action::kSharedRead, client_id, detail);
      !logged) {
    return std::unexpected(logged.error());
  }

  ClientRecord record;
  record.client = std::move(**user);
  record.sessions = std::move(*sessions);
  record.content = sources_.catalog.Current();
  if (shares_something) {
    if (auto read = ReadShared(**share, record); !read) return std::unexpected(read.error());
  }
  record.share = std::move(*share);
  return record;
}

Result<BookingView> ClientRecords::OpenIntake(std::string_view practitioner_id,
                                              std::string_view booking_id) {
  auto found = bookings_.Find(booking_id);
  if (!found) return std::unexpected(found.error());
  if (!*found) return NotFound("We couldn't find that session.");
  // A former client's answers went with their account: nothing to open,
  // and no read to record.
  if ((*found)->client_id.empty()) {
    return NotFound("This client has closed their account, and their answers went with it.");
  }
  // The row first, naming the booking (an id, never the answers).
  if (auto logged = audit_.Record(practitioner_id, audit_action::kIntakeRead, (*found)->client_id,
                                  "booking:" + (*found)->id);
      !logged) {
    return std::unexpected(logged.error());
  }
  return sessions_.WithIntake(std::move(**found));
}

Status ClientRecords::ReadShared(const Share& share, ClientRecord& record) {
  const std::string& who = share.learner_id;
  const auto& content = *record.content;
  if (share.checkins) {
    auto history = sources_.checkins.History(content.questionnaires, who, std::nullopt);
    if (!history) return std::unexpected(history.error());
    record.checkins = std::move(*history);
  }
  if (share.practice) {
    auto stats = sources_.practice.Stats(content.practices, who, std::nullopt, kDefaultStatsWeeks);
    if (!stats) return std::unexpected(stats.error());
    record.practice = std::move(*stats);
  }
  if (share.course) {
    auto courses = sources_.courses.Overviews(who);
    if (!courses) return std::unexpected(courses.error());
    record.courses = std::move(*courses);
  }
  for (const auto& id : share.journal_entry_ids) {
    auto entry = sources_.journal.Find(who, id);
    if (!entry) {
      if (entry.error().code == ErrorCode::kNotFound) continue;  // deleted since
      return std::unexpected(entry.error());
    }
    record.journal_entries.push_back(std::move(*entry));
  }
  return {};
}

}  // namespace securebase::domain
