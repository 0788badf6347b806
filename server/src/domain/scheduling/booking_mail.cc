#include "domain/scheduling/booking_mail.h"

#include <fmt/format.h>

#include "common/log.h"
#include "common/random.h"
#include "domain/calendar/local_calendar.h"
#include "domain/notify/icalendar.h"

namespace securebase::domain {

namespace {

constexpr std::int64_t kMinute = 60'000;

// "Monday 30 March 2026, 04:00 (America/New_York)".
std::string When(std::string_view zone_name, Instant at) {
  const date::time_zone* zone = FindTimeZone(zone_name);
  if (!zone) zone = FindTimeZone("UTC");
  return fmt::format("{} ({})", LongDateTime(LocalTimeOf(*zone, at)), zone->name());
}

struct People {
  std::optional<User> client;
  std::optional<User> practitioner;
};

CalendarPerson PersonOf(const std::optional<User>& user) {
  if (!user) return {};
  return {user->email, user->display_name};
}

std::string Greeting(const std::optional<User>& user) {
  if (!user || user->display_name.empty()) return "Hello,";
  return fmt::format("Hello {},", user->display_name);
}

}  // namespace

std::string BookingMail::ReminderId(const Booking& booking, int offset_minutes) {
  // Outbox ids are [A-Za-z0-9_-]{1,64}; booking ids are "bk_" + 32 hex.
  return fmt::format("rem-{}-{}-{}", booking.id.substr(3), booking.sequence, offset_minutes);
}

void BookingMail::Enqueue(OutgoingMail mail, const Booking& booking) {
  if (auto queued = outbox_.Enqueue(mail); !queued && queued.error().code != ErrorCode::kConflict) {
    Log(LogLevel::kError, "booking.mail_not_queued",
        {{"booking", booking.id}, {"kind", mail.kind}, {"error", queued.error().message}});
  }
}

void BookingMail::Changed(BookingChange change, const Booking& b, const SessionType& type,
                          bool by_practitioner) {
  People people;
  if (auto c = users_.FindById(b.client_id); c) people.client = *c;
  if (auto p = users_.FirstWithRole(Role::kPractitioner); p) people.practitioner = *p;
  const auto schedule = setup_.GetSchedule();
  const std::string her_zone =
      schedule && !schedule->time_zone.empty() ? schedule->time_zone : b.time_zone;
  const Instant now = clock_.Now();

  CalendarEvent event;
  event.uid = b.id + "@securebase";
  event.sequence = b.sequence;
  event.start = b.start;
  event.end = b.end;
  event.stamp = now;
  event.summary = type.name;
  event.location = b.video_url;
  event.url = site_url_ + "/sessions/" + b.id;
  event.description = b.video_url.empty() ? "Your therapist will send you how to join."
                                          : "Join by video: " + b.video_url;
  event.organizer = PersonOf(people.practitioner);
  if (people.client) event.attendees.push_back(PersonOf(people.client));
  event.cancelled = change == BookingChange::kCancelled;
  const CalendarMethod method =
      change == BookingChange::kCancelled ? CalendarMethod::kCancel : CalendarMethod::kRequest;
  const std::string calendar = WriteCalendar(method, {event});

  const std::string client_when = When(b.time_zone, b.start);
  const std::string her_when = When(her_zone, b.start);
  const char* kind = change == BookingChange::kBooked  ? "booking-confirmed"
                     : change == BookingChange::kMoved ? "booking-moved"
                                                       : "booking-cancelled";

  if (people.client) {
    std::string subject, lead;
    switch (change) {
      case BookingChange::kBooked:
        subject = "Your session is booked: " + client_when;
        lead =
            "Your session is booked. The invitation is attached, so you can add it to your "
            "calendar.";
        break;
      case BookingChange::kMoved:
        subject = "Your session has moved: " + client_when;
        lead = "Your session has a new time. The updated invitation is attached.";
        break;
      case BookingChange::kCancelled:
        subject = "Your session is cancelled: " + client_when;
        lead = by_practitioner
                   ? "Your therapist has had to cancel this session. She is sorry for the "
                     "change; you can book another time whenever you like."
                   : "Your session is cancelled, as you asked.";
        break;
    }
    std::string text =
        fmt::format("{}\n\n{}\n\n{}: {}\n", Greeting(people.client), lead, type.name, client_when);
    if (her_zone != b.time_zone) text += fmt::format("For your therapist: {}\n", her_when);
    if (change != BookingChange::kCancelled) {
      if (!b.video_url.empty()) text += fmt::format("\nJoin by video: {}\n", b.video_url);
      text +=
          fmt::format("\nTo see, move or cancel this session: {}/sessions/{}\n", site_url_, b.id);
    } else if (b.late_cancel) {
      text += "\nThis was inside the late-cancellation window of the policy you accepted.\n";
    }
    text +=
        "\nIf you are struggling right now and need help at once, your local emergency "
        "number or a crisis line can help: " +
        site_url_ + "/help\n";
    OutgoingMail mail{NewId(), people.client->email, subject, text, kind, now};
    mail.calendar = calendar;
    mail.calendar_method = CalendarMethodName(method);
    Enqueue(std::move(mail), b);
  }

  if (people.practitioner) {
    const std::string who = people.client && !people.client->display_name.empty()
                                ? people.client->display_name
                                : "A client";
    std::string subject, lead;
    switch (change) {
      case BookingChange::kBooked:
        subject = "New booking: " + her_when;
        lead = fmt::format("{} booked a {}.", who, type.name);
        break;
      case BookingChange::kMoved:
        subject = "Booking moved: " + her_when;
        lead = fmt::format("{} moved their {} to a new time.", who, type.name);
        break;
      case BookingChange::kCancelled:
        subject = "Booking cancelled: " + her_when;
        lead = by_practitioner ? fmt::format("You cancelled {}'s {}.", who, type.name)
                               : fmt::format("{} cancelled their {}{}.", who, type.name,
                                             b.late_cancel ? " (late)" : "");
        break;
    }
    const std::string text =
        fmt::format("{}\n\n{}: {}\n\nThe session in your console: {}/console/sessions\n", lead,
                    type.name, her_when, site_url_);
    OutgoingMail mail{NewId(), people.practitioner->email, subject, text, kind, now};
    mail.calendar = calendar;
    mail.calendar_method = CalendarMethodName(method);
    Enqueue(std::move(mail), b);
  }
}

Result<int> BookingMail::SendDueReminders(BookingRepository& bookings,
                                          const std::vector<int>& offsets_minutes) {
  const Instant now = clock_.Now();
  int largest = 0;
  for (int offset : offsets_minutes) largest = std::max(largest, offset);
  auto soon = bookings.StartingBetween(now, Instant{now.millis + largest * kMinute + 1});
  if (!soon) return std::unexpected(soon.error());
  int queued = 0;
  for (const Booking& b : *soon) {
    if (b.status != BookingStatus::kConfirmed) continue;
    for (int offset : offsets_minutes) {
      const Instant due{b.start.millis - offset * kMinute};
      // Not yet, or the booking was made or changed after this reminder's
      // moment (its confirmation said it all).
      if (due > now || due < b.updated_at) continue;
      auto client = users_.FindById(b.client_id);
      if (!client || !*client) continue;
      auto type = setup_.FindType(b.session_type_id);
      if (!type) continue;
      const std::string when = When(b.time_zone, b.start);
      std::string text =
          fmt::format("{}\n\nA reminder of your {}: {}.\n", Greeting(*client), type->name, when);
      if (!b.video_url.empty()) {
        text += fmt::format("\nJoin by video (it opens 10 minutes before): {}\n", b.video_url);
      }
      text += fmt::format("\nTo see or change this session: {}/sessions/{}\n", site_url_, b.id);
      OutgoingMail mail{ReminderId(b, offset),
                        (*client)->email,
                        "Reminder: your session on " + when,
                        text,
                        "booking-reminder",
                        now};
      auto enqueued = outbox_.Enqueue(mail);
      if (enqueued) {
        ++queued;
      } else if (enqueued.error().code != ErrorCode::kConflict) {
        return std::unexpected(enqueued.error());
      }
    }
  }
  return queued;
}

}  // namespace securebase::domain
