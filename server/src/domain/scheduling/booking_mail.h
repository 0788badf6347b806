// BookingMail: the mail a booking sends — confirmation, change and
// cancellation to the client and to the practitioner, each with an iCalendar
// invitation (REQUEST, or CANCEL; the booking's stable UID and SEQUENCE),
// and reminders before the session. Messages go to the outbox; its worker
// delivers them.
//
// Reminders are enqueued with an id made from the booking, its sequence and
// the reminder's offset, so however many instances run the reminder pass at
// once, the outbox stores each reminder once (a second enqueue is a
// conflict). The outbox keeps sent rows for a week, longer than the largest
// offset allowed, so a sent reminder's id is never free again too soon.
//
// Mail never carries intake answers. Failures to enqueue are logged (ids
// only) and do not undo the booking.
//
// Thread-safety: safe from any thread (its parts are).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "domain/accounts/user_repository.h"
#include "domain/notify/outbox_repository.h"
#include "domain/scheduling/booking_notices.h"
#include "domain/scheduling/booking_repository.h"
#include "domain/scheduling/scheduling_setup.h"

namespace securebase::domain {

// The largest reminder offset: 3 days (the outbox keeps sent mail 7).
inline constexpr int kMaxReminderMinutes = 3 * 24 * 60;

class BookingMail final : public BookingNotices {
 public:
  BookingMail(OutboxRepository& outbox, UserRepository& users, SchedulingSetup& setup,
              const Clock& clock, std::string site_url)
      : outbox_(outbox),
        users_(users),
        setup_(setup),
        clock_(clock),
        site_url_(std::move(site_url)) {}

  void Changed(BookingChange change, const Booking& booking, const SessionType& type,
               bool by_practitioner) override;
  void TimeFreed() override {}

  // Enqueues the reminders that are due: for each offset, confirmed
  // bookings starting within it whose reminder moment (start - offset) has
  // come and came after the booking was last changed. Returns how many were
  // newly enqueued.
  Result<int> SendDueReminders(BookingRepository& bookings,
                               const std::vector<int>& offsets_minutes);

  // The outbox id of a booking's reminder (stable: see above).
  static std::string ReminderId(const Booking& booking, int offset_minutes);

 private:
  void Enqueue(OutgoingMail mail, const Booking& booking);

  OutboxRepository& outbox_;
  UserRepository& users_;
  SchedulingSetup& setup_;
  const Clock& clock_;
  std::string site_url_;
};

}  // namespace securebase::domain
