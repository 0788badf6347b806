// SchedulingWiring: booking, kept alive while serving — the practitioner's
// setup (in the settings table), the bookings' repository on the open
// database, the mail a booking sends (through the accounts' outbox) and the
// booking service; plus the reminder pass, run by the ticker.
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
#include "domain/scheduling/scheduling_setup.h"
#include "domain/settings/settings_repository.h"
#include "storage/database.h"
#include "storage/sql_booking_repository.h"

namespace securebase::app {

struct SchedulingWiring {
  SchedulingWiring(storage::Database& db, domain::SettingsRepository& settings,
                   domain::UserRepository& users, domain::OutboxRepository& outbox,
                   const SecretBox& box, const Clock& clock, std::string site_url,
                   std::vector<int> reminder_minutes)
      : setup(settings, clock),
        bookings(db),
        mail(outbox, users, setup, clock, std::move(site_url)),
        service(bookings, setup, box, mail, clock),
        reminders(std::move(reminder_minutes)) {}

  api::SchedulingApi Api() { return api::SchedulingApi{setup, service}; }

  // One reminder pass (the ticker runs it; safe on every instance at once).
  Status SendReminders() {
    if (reminders.empty()) return {};
    auto sent = mail.SendDueReminders(bookings, reminders);
    if (!sent) return std::unexpected(sent.error());
    return {};
  }

  domain::SchedulingSetup setup;
  storage::SqlBookingRepository bookings;
  domain::BookingMail mail;
  domain::BookingService service;
  std::vector<int> reminders;
};

}  // namespace securebase::app
