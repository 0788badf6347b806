// Waitlist: when nothing is free within a session type's horizon, a client
// may wait for it. When time may have opened (a cancel, a move, her hours or
// a type changed), everyone waiting for a type that now has a free slot is
// mailed, in the order they joined, with a link to book — nobody is booked
// automatically. A person is told at most once a day; their place goes when
// they book that type or leave.
//
// It hears about bookings as a BookingNotices (booked: the client's place
// for that type goes; time freed: noted, nothing more). Looking for openings
// reads every type's free slots, too slow for the request that freed the
// time, so the ticker's "waitlist.openings" job does it (LookForOpenings):
// within one tick of time being freed, and once a minute besides (days come
// into a type's horizon; another instance may have freed the time).
//
// Thread-safety: safe from any thread (its parts are; one look at a time).
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "domain/accounts/user_repository.h"
#include "domain/notify/outbox_repository.h"
#include "domain/scheduling/booking_notices.h"
#include "domain/scheduling/booking_service.h"
#include "domain/scheduling/client_contacts.h"
#include "domain/scheduling/waitlist_repository.h"

namespace securebase::domain {

// A place on the waitlist, with the client it is for.
struct WaitingClient {
  WaitlistEntry entry;
  ClientContact client;
};

class Waitlist final : public BookingNotices {
 public:
  Waitlist(WaitlistRepository& places, BookingService& bookings, SchedulingSetup& setup,
           OutboxRepository& outbox, UserRepository& users, const Clock& clock,
           std::string site_url)
      : places_(places),
        bookings_(bookings),
        setup_(setup),
        outbox_(outbox),
        users_(users),
        clock_(clock),
        site_url_(std::move(site_url)) {}

  // Problem types: "slots-available" (409: book one instead),
  // "already-waiting" (409); kNotFound for an unknown or archived type.
  Result<WaitlistEntry> Join(std::string_view client_id, std::string_view session_type_id);
  Result<bool> Leave(std::string_view client_id, std::string_view id);
  Result<std::vector<WaitlistEntry>> ForClient(std::string_view client_id);
  Result<std::vector<WaitlistEntry>> All();
  // Everyone's places in the order they joined, each with its client (one
  // read of the accounts for all), for the console.
  Result<std::vector<WaitingClient>> AllWithClients();

  // Mails those waiting for a type with a free slot now; returns how many.
  Result<int> NotifyOpenings();
  // The ticker's pass: NotifyOpenings when time was freed since the last
  // look or a minute has gone by since it; otherwise 0 without reading.
  Result<int> LookForOpenings();

  void Changed(BookingChange change, const Booking& booking, const SessionType& type,
               bool by_practitioner) override;
  // Cheap: notes that time was freed, for the next LookForOpenings.
  void TimeFreed() override;

  // The longest a look waits when nothing was freed here.
  static constexpr std::int64_t kLookEveryMillis = 60'000;

 private:
  WaitlistRepository& places_;
  BookingService& bookings_;
  SchedulingSetup& setup_;
  OutboxRepository& outbox_;
  UserRepository& users_;
  const Clock& clock_;
  std::string site_url_;
  std::atomic<bool> time_freed_{false};
  std::mutex look_mu_;                // one look at a time
  std::optional<Instant> last_look_;  // guarded by look_mu_
};

}  // namespace securebase::domain
