#include "domain/scheduling/waitlist.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <utility>

#include "common/log.h"
#include "common/random.h"

namespace securebase::domain {

namespace {

constexpr std::int64_t kDayMillis = 24LL * 3600 * 1000;

// Free slots of `type` from now to its horizon (empty on any failure).
bool HasFreeSlot(BookingService& bookings, const SessionType& type, Instant now) {
  const Instant until{now.millis + static_cast<std::int64_t>(type.horizon_days) * kDayMillis};
  auto slots = bookings.Slots(type.id, now, until);
  return slots && !slots->slots.empty();
}

}  // namespace

Result<WaitlistEntry> Waitlist::Join(std::string_view client_id, std::string_view session_type_id) {
  auto type = setup_.FindType(session_type_id);
  if (!type && type.error().code != ErrorCode::kNotFound) return std::unexpected(type.error());
  if (!type || !type->active) return NotFound("We couldn't find that kind of session.");
  const Instant now = clock_.Now();
  if (HasFreeSlot(bookings_, *type, now)) {
    return Refuse(ErrorCode::kConflict, "slots-available",
                  "There are free times for this kind of session: you can book one now.");
  }
  WaitlistEntry entry{"wl_" + NewId(), std::string(client_id), type->id, now, std::nullopt};
  if (auto added = places_.Add(entry); !added) return std::unexpected(added.error());
  return entry;
}

Result<bool> Waitlist::Leave(std::string_view client_id, std::string_view id) {
  auto removed = places_.Remove(client_id, id);
  if (!removed) return removed;
  if (!*removed) return NotFound("You are not on the waitlist with this place.");
  return true;
}

Result<std::vector<WaitlistEntry>> Waitlist::ForClient(std::string_view client_id) {
  return places_.ForClient(client_id);
}

Result<std::vector<WaitlistEntry>> Waitlist::All() {
  return places_.All();
}

Result<std::vector<WaitingClient>> Waitlist::AllWithClients() {
  auto places = places_.All();
  if (!places) return std::unexpected(places.error());
  return WithContacts<WaitingClient>(users_, std::move(*places),
                                     [](const WaitlistEntry& p) { return p.client_id; });
}

Result<int> Waitlist::NotifyOpenings() {
  auto waiting = places_.All();
  if (!waiting) return std::unexpected(waiting.error());
  if (waiting->empty()) return 0;
  auto types = setup_.Types(false);  // read once, whoever is waiting
  if (!types) return std::unexpected(types.error());
  const Instant now = clock_.Now();
  // Who is to be told (in the order they joined), and of which type.
  std::map<std::string, bool> open;  // by type: is anything free now?
  std::vector<std::pair<const WaitlistEntry*, const SessionType*>> due;
  for (const WaitlistEntry& place : *waiting) {
    if (place.notified_at && now.millis - place.notified_at->millis < kDayMillis) continue;
    const auto type = std::find_if(types->begin(), types->end(), [&](const SessionType& t) {
      return t.id == place.session_type_id;
    });
    if (type == types->end()) continue;  // archived or gone
    const auto known = open.find(type->id);
    const bool free =
        known != open.end() ? known->second : (open[type->id] = HasFreeSlot(bookings_, *type, now));
    if (free) due.emplace_back(&place, &*type);
  }
  std::vector<std::string> ids;
  ids.reserve(due.size());
  for (const auto& [place, type] : due) ids.push_back(place->client_id);
  auto clients = ContactsFor(users_, ids);
  if (!clients) return std::unexpected(clients.error());
  int told = 0;
  for (std::size_t i = 0; i < due.size(); ++i) {
    const WaitlistEntry& place = *due[i].first;
    const SessionType& type = *due[i].second;
    const ClientContact& client = (*clients)[i];
    if (client.email.empty()) continue;  // the account is gone
    const std::string greeting = client.display_name.empty()
                                     ? std::string("Hello,")
                                     : fmt::format("Hello {},", client.display_name);
    const std::string text = fmt::format(
        "{}\n\nA time has opened for a {}. Nobody has booked it for you: if you would like it, "
        "choose it here before someone else does:\n{}/sessions/book?type={}\n\nYou are still on "
        "the waitlist until you book or leave it (from the Sessions page).\n",
        greeting, type.name, site_url_, type.id);
    // Claimed first: another instance looking at the same moment may have
    // told them already. A mail that then fails to queue is missed for a
    // day rather than sent twice.
    auto claimed = places_.ClaimNotice(place.id, now, Instant{now.millis - kDayMillis});
    if (!claimed) return std::unexpected(claimed.error());
    if (!*claimed) continue;
    OutgoingMail mail{NewId(), client.email,       "A time has opened: " + type.name,
                      text,    "waitlist-opening", now};
    if (auto queued = outbox_.Enqueue(mail); !queued) return std::unexpected(queued.error());
    ++told;
  }
  return told;
}

void Waitlist::Changed(BookingChange change, const Booking& booking, const SessionType& type,
                       bool) {
  if (change != BookingChange::kBooked) return;
  if (auto removed = places_.RemoveForType(booking.client_id, type.id); !removed) {
    Log(LogLevel::kError, "waitlist.remove_failed", {{"booking", booking.id}});
  }
}

void Waitlist::TimeFreed() {
  time_freed_.store(true);
}

Result<int> Waitlist::LookForOpenings() {
  std::lock_guard lock(look_mu_);
  const Instant now = clock_.Now();
  const bool freed = time_freed_.exchange(false);
  const bool stale = !last_look_ || now.millis - last_look_->millis >= kLookEveryMillis ||
                     now < *last_look_;  // the clock was set back (tests)
  if (!freed && !stale) return 0;
  last_look_ = now;
  auto told = NotifyOpenings();
  // A failure is logged by the ticker; look again at its next tick.
  if (!told && freed) time_freed_.store(true);
  return told;
}

}  // namespace securebase::domain
