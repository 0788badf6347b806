#include "domain/audit/audit_trail.h"

#include <algorithm>
#include <array>
#include <charconv>

#include "common/random.h"
#include "domain/scheduling/client_contacts.h"

namespace securebase::domain {
namespace {

constexpr std::array<std::string_view, 11> kActions = {
    audit_action::kSharedRead,      audit_action::kSharingChanged, audit_action::kSharingRevoked,
    audit_action::kNoteWritten,     audit_action::kNoteDeleted,    audit_action::kContentSaved,
    audit_action::kContentReloaded, audit_action::kAccountDeleted, audit_action::kNoteExpired,
    audit_action::kTwoFactorReset,  audit_action::kIntakeRead,
};

bool Known(std::string_view action) {
  return std::ranges::find(kActions, action) != kActions.end();
}

// A cursor is "<millis>.<id>" of the last row shown: stable under new rows
// arriving, unlike an offset.
std::string Cursor(const AuditEntry& e) {
  return std::to_string(e.at.millis) + "." + e.id;
}

std::optional<std::pair<Instant, std::string>> ParseCursor(std::string_view cursor) {
  const auto dot = cursor.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == cursor.size()) return std::nullopt;
  std::int64_t millis = 0;
  const auto* end = cursor.data() + dot;
  const auto [ptr, ec] = std::from_chars(cursor.data(), end, millis);
  if (ec != std::errc{} || ptr != end || millis < 0) return std::nullopt;
  return std::pair{Instant{millis}, std::string(cursor.substr(dot + 1))};
}

}  // namespace

std::span<const std::string_view> AuditActions() {
  return kActions;
}

Status AuditTrail::Record(std::string_view actor_id, std::string_view action,
                          std::optional<std::string_view> subject_id, std::string detail) {
  if (!Known(action)) return Internal("An unknown audit action was written.");
  AuditEntry e;
  e.id = "a_" + NewId();
  e.at = clock_.Now();
  e.actor_id = std::string(actor_id);
  e.action = std::string(action);
  if (subject_id) e.subject_id = std::string(*subject_id);
  e.detail = std::move(detail);
  return rows_.Append(e);
}

Result<AuditPage> AuditTrail::Search(const AuditFilter& filter) {
  std::vector<FieldError> errors;
  AuditQuery q;
  q.actor_id = filter.actor_id;
  q.subject_id = filter.subject_id;
  q.from = filter.from;
  q.to = filter.to;
  if (filter.action) {
    if (Known(*filter.action)) {
      q.action = filter.action;
    } else {
      errors.push_back({"action", "is not an action the audit log records"});
    }
  }
  for (const auto& action : filter.actions) {
    if (!Known(action)) return Internal("An unknown audit action was asked for.");
  }
  q.actions = filter.actions;
  if (filter.from && filter.to && *filter.from >= *filter.to) {
    errors.push_back({"to", "must be after from"});
  }
  if (filter.before) {
    q.before = ParseCursor(*filter.before);
    if (!q.before) errors.push_back({"before", "is not a cursor this log gave out"});
  }
  if (filter.limit < 1 || filter.limit > kMaxLimit) {
    errors.push_back({"limit", "must be from 1 to " + std::to_string(kMaxLimit)});
  }
  if (!errors.empty()) {
    return InvalidArgument("Some of the audit log's filters could not be used.", std::move(errors));
  }
  // One row more than asked tells whether there is a next page.
  q.limit = filter.limit + 1;
  auto rows = rows_.Find(q);
  if (!rows) return std::unexpected(rows.error());
  AuditPage page;
  if (static_cast<int>(rows->size()) > filter.limit) {
    rows->resize(static_cast<std::size_t>(filter.limit));
    page.next = Cursor(rows->back());
  }
  // Everyone the page names, in one read: actors first, then subjects.
  std::vector<std::string> ids;
  ids.reserve(2 * rows->size());
  for (const auto& e : *rows) ids.push_back(e.actor_id);
  for (const auto& e : *rows) ids.push_back(e.subject_id.value_or(""));
  auto people = ContactsFor(users_, ids);
  if (!people) return std::unexpected(people.error());
  const std::size_t n = rows->size();
  for (std::size_t i = 0; i < n; ++i) {
    page.entries.push_back(
        AuditLine{std::move((*rows)[i]), (*people)[i].display_name, (*people)[n + i].display_name});
  }
  return page;
}

}  // namespace securebase::domain
