// SchedulingWiring: booking, kept alive while serving — the practitioner's
// setup (in the settings table), the bookings' and waitlist's repositories
// on the open database, the mail a booking sends (through the accounts'
// outbox), the booking service, the waitlist and her calendar feed; plus the
// reminder pass and the waitlist's look for openings, run by the ticker.
//
// Thread-safety: built once at start; the parts are then safe from any
// thread.
#pragma once

#include <string>
#include <vector>

#include "api/api_context.h"
#include "common/clock.h"
#include "common/secret_box.h"
#include "domain/accounts/user_repository.h"
#include "domain/notify/outbox_repository.h"
#include "domain/scheduling/booking_mail.h"
#include "domain/scheduling/booking_service.h"
#include "domain/scheduling/calendar_feed.h"
#include "domain/scheduling/scheduling_setup.h"
#include "domain/scheduling/waitlist.h"
#include "domain/settings/settings_repository.h"
#include "storage/database.h"
#include "storage/sql_booking_repository.h"
#include "storage/sql_waitlist_repository.h"

namespace securebase::app {

struct SchedulingWiring {
  SchedulingWiring(storage::Database& db, domain::SettingsRepository& settings,
                   domain::UserRepository& users, domain::OutboxRepository& outbox,
                   const SecretBox& box, const Clock& clock, std::string site_url,
                   std::vector<int> reminder_minutes)
      : setup(settings, clock),
        bookings(db),
        places(db),
        mail(outbox, users, setup, clock, site_url),
        service(bookings, setup, users, box, notices, clock),
        waitlist(places, service, setup, outbox, users, clock, site_url),
        feed(settings, bookings, setup, clock, site_url),
        reminders(std::move(reminder_minutes)) {
    // A booking's changes go to the mail first, then to the waitlist.
    notices.Add(mail);
    notices.Add(waitlist);
    // Longer hours or a changed type may open times people wait for.
    setup.SetOnChange([this] { waitlist.TimeFreed(); });
  }

  api::SchedulingApi Api() { return api::SchedulingApi{setup, service, waitlist, feed}; }

  // The ticker's look for openings for those waiting ("waitlist.openings").
  Status LookForOpenings() {
    auto told = waitlist.LookForOpenings();
    if (!told) return std::unexpected(told.error());
    return {};
  }

  // One reminder pass (the ticker runs it; safe on every instance at once).
  Status SendReminders() {
    if (reminders.empty()) return {};
    auto sent = mail.SendDueReminders(bookings, reminders);
    if (!sent) return std::unexpected(sent.error());
    return {};
  }

  domain::SchedulingSetup setup;
  storage::SqlBookingRepository bookings;
  storage::SqlWaitlistRepository places;
  domain::BookingNoticesFanOut notices;
  domain::BookingMail mail;
  domain::BookingService service;
  domain::Waitlist waitlist;
  domain::CalendarFeed feed;
  std::vector<int> reminders;
};

}  // namespace securebase::app
