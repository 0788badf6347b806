#include "domain/sharing/sharing_service.h"

#include <algorithm>
#include <unordered_set>

namespace securebase::domain {

namespace {

std::unexpected<Error> FieldRefused(std::string field, std::string message) {
  std::string summary =
      "What you chose to share could not be saved: " + field + " " + message + ".";
  return InvalidArgument(std::move(summary), {{std::move(field), std::move(message)}});
}

}  // namespace

Result<User> SharingService::Practitioner(std::string_view id) {
  auto user = users_.FindById(id);
  if (!user) return std::unexpected(user.error());
  if (!*user || (*user)->role != Role::kPractitioner) {
    return FieldRefused("practitioner_id", "is not a practitioner on this site");
  }
  return std::move(**user);
}

Result<std::vector<std::string>> SharingService::OwnEntries(std::string_view learner_id,
                                                            std::vector<std::string> ids) {
  if (ids.size() > kMaxSharedJournalEntries) {
    return FieldRefused(
        "journal_entries",
        "can name at most " + std::to_string(kMaxSharedJournalEntries) + " entries");
  }
  std::ranges::sort(ids);
  if (std::ranges::adjacent_find(ids) != ids.end()) {
    return FieldRefused("journal_entries", "names the same entry twice");
  }
  if (ids.empty()) return ids;
  auto headers = journal_.Headers(learner_id);
  if (!headers) return std::unexpected(headers.error());
  std::unordered_set<std::string> own;
  for (const auto& h : *headers) own.insert(h.id);
  for (const auto& id : ids) {
    // Another learner's entry reads the same as a missing one.
    if (!own.contains(id)) {
      return FieldRefused("journal_entries", "includes an entry that is not in your journal");
    }
  }
  return ids;
}

Result<std::vector<PractitionerShare>> SharingService::ForLearner(std::string_view learner_id) {
  auto practitioners = users_.WithRole(Role::kPractitioner);
  if (!practitioners) return std::unexpected(practitioners.error());
  auto mine = shares_.ForLearner(learner_id);
  if (!mine) return std::unexpected(mine.error());
  std::vector<PractitionerShare> out;
  for (const User& p : *practitioners) {
    PractitionerShare ps{p.id, p.display_name, std::nullopt};
    for (const Share& s : *mine) {
      if (s.practitioner_id == p.id) ps.share = s;
    }
    out.push_back(std::move(ps));
  }
  return out;
}

Result<PractitionerShare> SharingService::Choose(std::string_view learner_id,
                                                 const ShareChoice& choice) {
  auto practitioner = Practitioner(choice.practitioner_id);
  if (!practitioner) return std::unexpected(practitioner.error());
  auto entries = OwnEntries(learner_id, choice.journal_entry_ids);
  if (!entries) return std::unexpected(entries.error());
  Share share;
  share.learner_id = std::string(learner_id);
  share.practitioner_id = practitioner->id;
  share.checkins = choice.checkins;
  share.practice = choice.practice;
  share.course = choice.course;
  share.journal_entry_ids = std::move(*entries);
  share.updated_at = clock_.Now();
  // The row first (ADR 0009): a change that is not on record does not
  // happen. A Put that then fails leaves a row for a change not made, the
  // safe direction.
  if (auto logged = audit_.Record(learner_id, audit_action::kSharingChanged, practitioner->id,
                                  DescribeShare(share));
      !logged) {
    return std::unexpected(logged.error());
  }
  if (auto put = shares_.Put(share); !put) {
    // An entry deleted since it was checked: say so as the check would.
    if (put.error().code == ErrorCode::kConflict) {
      return FieldRefused("journal_entries", "includes an entry that is not in your journal");
    }
    return std::unexpected(put.error());
  }
  return PractitionerShare{practitioner->id, practitioner->display_name, std::move(share)};
}

Status SharingService::Revoke(std::string_view learner_id,
                              std::optional<std::string_view> practitioner_id) {
  std::vector<std::string> from;
  if (practitioner_id) {
    from.emplace_back(*practitioner_id);
  } else {
    auto mine = shares_.ForLearner(learner_id);
    if (!mine) return std::unexpected(mine.error());
    for (const Share& s : *mine) from.push_back(s.practitioner_id);
  }
  for (const auto& id : from) {
    auto existing = shares_.Find(learner_id, id);
    if (!existing) return std::unexpected(existing.error());
    if (!*existing) continue;  // nothing was shared: nothing to stop or log
    if (auto logged = audit_.Record(learner_id, audit_action::kSharingRevoked, id, ""); !logged) {
      return logged;
    }
    if (auto removed = shares_.Remove(learner_id, id); !removed) {
      return std::unexpected(removed.error());
    }
  }
  return {};
}

Result<AuditPage> SharingService::ReadsOf(std::string_view learner_id, int limit,
                                          std::optional<std::string> before) {
  if (limit < 1 || limit > 100) {
    return InvalidArgument("limit must be from 1 to 100.", {{"limit", "must be from 1 to 100"}});
  }
  AuditFilter filter;
  filter.subject_id = std::string(learner_id);
  // Both kinds of look: at what they share, and at the answers they gave
  // when booking (which they did not "share", but which are theirs to know
  // were read).
  filter.actions = {std::string(audit_action::kSharedRead), std::string(audit_action::kIntakeRead)};
  filter.limit = limit;
  filter.before = std::move(before);
  return audit_.Search(filter);
}

}  // namespace securebase::domain
