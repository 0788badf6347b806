#include "app/services.h"

namespace securebase::app {
namespace {

// The config's limits.* keys, per hour.
domain::RateLimitSettings RateLimitsFrom(const Config& c) {
  domain::RateLimitSettings s;
  s.sign_up = {c.limits_sign_up_per_address, c.limits_sign_up_per_account};
  s.password_forgot = {c.limits_password_forgot_per_address, c.limits_password_forgot_per_account};
  s.password_reset = {c.limits_password_reset_per_address, 0};
  s.booking = {c.limits_booking_per_address, c.limits_booking_per_account};
  s.export_ = {c.limits_export_per_address, c.limits_export_per_account};
  return s;
}

}  // namespace

Result<std::unique_ptr<Services>> Services::Create(const Config& config, storage::Database& db,
                                                   const Clock& clock,
                                                   content::ContentSet&& content) {
  auto accounts = AccountsWiring::Create(config, db, clock);
  if (!accounts) return std::unexpected(accounts.error());
  auto reminder_minutes = ParseReminderMinutes(config.booking_reminder_minutes);
  if (!reminder_minutes) {
    auto e = reminder_minutes.error();
    e.message = "booking.reminder_minutes " + e.message;
    return std::unexpected(e);
  }
  auto services = std::make_unique<Services>(config, db, clock, std::move(*accounts),
                                             std::move(*reminder_minutes));
  // The files were read and checked by the caller: publish that set, not a
  // second read.
  if (auto published = services->publisher.Start(std::move(content)); !published) {
    return std::unexpected(published.error());
  }
  return services;
}

Services::Services(const Config& config, storage::Database& db, const Clock& clock,
                   std::unique_ptr<AccountsWiring> accounts_wiring,
                   std::vector<int> reminder_minutes)
    : accounts(std::move(accounts_wiring)),
      settings(db),
      publisher(config.content, catalog, settings, clock),
      course(db, accounts->box, clock, catalog),
      assessment(config, db, clock),
      practice(db, accounts->users, clock),
      journal(db, accounts->box, clock),
      scheduling(db, settings, accounts->users, accounts->outbox, accounts->box, clock,
                 config.PublicUrl(), std::move(reminder_minutes)),
      sharing(db, accounts->users, journal.entries, scheduling.bookings, scheduling.service,
              {catalog, assessment.service, practice.service, course.service, journal.service},
              clock),
      notes(db, accounts->users, scheduling.bookings, sharing.audit, accounts->box, clock),
      setup(accounts->users, settings, accounts->account_service, clock),
      rate_counters(db),
      limits(rate_counters, clock, RateLimitsFrom(config)),
      privacy(db, accounts->parts, accounts->login, accounts->two_factor, scheduling.service,
              sharing.audit, notes.notes,
              {catalog, accounts->users, accounts->sessions, accounts->two_factor,
               assessment.service, practice.service, course.service, journal.service,
               scheduling.service, scheduling.waitlist, sharing.service},
              clock, std::chrono::days(config.notes_retention_days)) {}

}  // namespace securebase::app
