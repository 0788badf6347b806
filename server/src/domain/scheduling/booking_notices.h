// BookingNotices: what the booking service tells the people involved when a
// booking is made, moved or cancelled, and when time opens up for those on
// the waitlist. Implemented by booking_mail (mail with iCalendar
// invitations through the outbox); tests record the calls.
//
// Notices are sent after the change is stored; a failure to send is the
// notifier's to report (the change stands, and the outbox retries mail).
//
// Thread-safety: implementations are safe from any thread.
#pragma once

#include <vector>

#include "domain/scheduling/booking.h"
#include "domain/scheduling/session_type.h"

namespace securebase::domain {

enum class BookingChange { kBooked, kMoved, kCancelled };

class BookingNotices {
 public:
  virtual ~BookingNotices() = default;

  // To the client and the practitioner. `by_practitioner`: she made the
  // change (the wording differs).
  virtual void Changed(BookingChange change, const Booking& booking, const SessionType& type,
                       bool by_practitioner) = 0;

  // Time was freed (a cancel, a move): those waiting may be told. Cheap: a
  // listener only notes it (the waitlist looks later, from the ticker).
  virtual void TimeFreed() = 0;
};

// Tells several listeners, in the order added (the mail, then the waitlist).
class BookingNoticesFanOut final : public BookingNotices {
 public:
  // Before the first notice; `notices` must outlive this.
  void Add(BookingNotices& notices) { listeners_.push_back(&notices); }

  void Changed(BookingChange change, const Booking& booking, const SessionType& type,
               bool by_practitioner) override {
    for (auto* l : listeners_) l->Changed(change, booking, type, by_practitioner);
  }
  void TimeFreed() override {
    for (auto* l : listeners_) l->TimeFreed();
  }

 private:
  std::vector<BookingNotices*> listeners_;
};

}  // namespace securebase::domain
