#include "domain/scheduling/booking_service.h"

#include <fmt/format.h>

#include <algorithm>

#include "common/fingerprint.h"
#include "common/log.h"
#include "common/random.h"
#include "domain/accounts/account_rules.h"
#include "domain/calendar/local_calendar.h"
#include "domain/notify/outgoing_mail.h"
#include "domain/safety/country_codes.h"
#include "domain/scheduling/booking_sealing.h"
#include "domain/scheduling/text_pairs.h"

namespace securebase::domain {

namespace {

constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kHour = 60 * kMinute;

Instant Plus(Instant at, std::int64_t millis) {
  return Instant{at.millis + millis};
}

std::unexpected<Error> NotYours() {
  return NotFound("We couldn't find that session.");
}

std::string Hours(std::int64_t minutes) {
  if (minutes % 60 != 0) return fmt::format("{} minutes", minutes);
  const auto hours = minutes / 60;
  return hours == 1 ? "1 hour" : fmt::format("{} hours", hours);
}

// What the request asks for, as bytes: the same request twice has the same
// fingerprint, whatever order its intake answers came in.
std::string RequestFingerprint(const BookingRequest& r, const IntakeAnswers& ordered) {
  return Fingerprint(EncodeTextPairs({{"type", r.session_type_id},
                                      {"start", std::to_string(r.start.millis)},
                                      {"zone", r.time_zone},
                                      {"country", r.location.country},
                                      {"region", r.location.region},
                                      {"intake", EncodeTextPairs(ordered)}}));
}

// Checks the answers against the type's questions; returns them in the
// type's order, blanks dropped.
IntakeAnswers CheckIntake(const SessionType& type, const IntakeAnswers& sent,
                          std::vector<FieldError>& errors) {
  for (const auto& [id, text] : sent) {
    const std::string field = "intake." + id;
    const bool asked = std::any_of(type.intake.begin(), type.intake.end(),
                                   [&](const IntakeQuestion& q) { return q.id == id; });
    if (!asked) {
      errors.push_back({field, "This question isn't asked for this kind of session."});
    } else if (!IsValidUtf8(text)) {
      errors.push_back({field, "This answer has characters we can't read."});
    } else if (Utf8Length(text) > kMaxIntakeAnswerChars) {
      errors.push_back({field, "Please keep this answer under 2,000 characters."});
    }
  }
  IntakeAnswers ordered;
  for (const auto& q : type.intake) {
    const auto it =
        std::find_if(sent.begin(), sent.end(), [&](const auto& a) { return a.first == q.id; });
    const bool blank =
        it == sent.end() || it->second.find_first_not_of(" \t\r\n") == std::string::npos;
    if (blank) {
      if (q.required) errors.push_back({"intake." + q.id, "Please answer this question."});
      continue;
    }
    ordered.emplace_back(q.id, it->second);
  }
  return ordered;
}

void CheckLocation(const ClientLocation& where, std::vector<FieldError>& errors) {
  if (!IsAssignedCountryCode(where.country)) {
    errors.push_back({"client_location.country", "Choose the country you will be in."});
  } else if (where.country == "US" && !IsUsStateCode(where.region)) {
    errors.push_back({"client_location.region", "Choose the state you will be in."});
  }
}

}  // namespace

Result<BookingCatalog> BookingService::Catalog(std::string_view client_id) {
  auto types = setup_.Types(false);
  if (!types) return std::unexpected(types.error());
  auto settings = setup_.GetSettings();
  if (!settings) return std::unexpected(settings.error());
  auto schedule = setup_.GetSchedule();
  if (!schedule) return std::unexpected(schedule.error());
  auto attended = bookings_.CountWithStatus(client_id, BookingStatus::kAttended);
  if (!attended) return std::unexpected(attended.error());
  BookingCatalog out;
  out.new_client = *attended == 0;
  out.practitioner_time_zone = schedule->time_zone;
  out.settings = std::move(*settings);
  for (auto& t : *types) {
    const bool bookable = t.new_clients || !out.new_client;
    out.offers.push_back({std::move(t), bookable});
  }
  return out;
}

Result<SlotList> BookingService::Slots(std::string_view type_id, Instant from, Instant to) {
  if (to <= from) {
    return InvalidArgument("Some of this needs another look.",
                           {{"to", "Choose an end after the start."}});
  }
  if (to.millis - from.millis > kMaxSlotWindowMillis) {
    return InvalidArgument("Some of this needs another look.",
                           {{"to", "Ask for at most 93 days of times at once."}});
  }
  auto type = setup_.FindType(type_id);
  if (!type && type.error().code != ErrorCode::kNotFound) return std::unexpected(type.error());
  if (!type || !type->active) return NotFound("We couldn't find that kind of session.");
  auto schedule = setup_.GetSchedule();
  if (!schedule) return std::unexpected(schedule.error());
  const Instant now = clock_.Now();
  // Busy time can reach into the window from bookings a little outside it.
  const std::int64_t reach = (type->duration_minutes + type->buffer_before_minutes +
                              type->buffer_after_minutes + 24 * 60) *
                             kMinute;
  auto busy = bookings_.BusyBetween(Plus(from, -reach), Plus(to, reach));
  if (!busy) return std::unexpected(busy.error());
  SlotList out;
  out.practitioner_time_zone = schedule->time_zone;
  out.slots = FreeSlots(*schedule, *type, SlotQuery{from, to, now, std::move(*busy)});
  return out;
}

Status BookingService::CheckStart(const Schedule& schedule, const SessionType& type,
                                  Instant start) const {
  const Instant now = clock_.Now();
  const auto refuse = [](std::string message) -> Status {
    return InvalidArgument("Please choose another time.", {{"start", std::move(message)}});
  };
  if (start < now) return refuse("This time has passed. Please choose another.");
  if (start < Plus(now, type.minimum_notice_minutes * kMinute)) {
    return refuse(fmt::format("This is too soon: sessions need at least {} notice.",
                              Hours(type.minimum_notice_minutes)));
  }
  if (start > Plus(now, type.horizon_days * 24 * kHour)) {
    return refuse(
        fmt::format("This is further ahead than bookings are open. Please choose a "
                    "time within the next {} days.",
                    type.horizon_days));
  }
  const auto offered = FreeSlots(schedule, type, SlotQuery{start, Plus(start, 1), now, {}});
  if (offered.empty()) {
    return refuse("This isn't one of the times offered. Please choose a time from the list.");
  }
  return {};
}

Status BookingService::MayChange(const Booking& b, const BookingSettings& settings,
                                 bool& late) const {
  const Instant now = clock_.Now();
  if (b.status != BookingStatus::kConfirmed || b.start <= now) {
    return Refuse(ErrorCode::kConflict, "not-changeable",
                  b.status == BookingStatus::kCancelled
                      ? "This session has already been cancelled."
                      : "This session has already begun, so it can't be changed here.");
  }
  late = now >= Plus(b.start, -settings.late_window_hours * kHour);
  if (late && settings.late_action == LateAction::kRefuse) {
    return Refuse(ErrorCode::kConflict, "late-change-refused",
                  fmt::format("This session is less than {} hours away, so it can't be changed "
                              "online. Please write to your therapist.",
                              settings.late_window_hours));
  }
  return {};
}

Result<BookingService::ViewRules> BookingService::LoadViewRules() const {
  auto settings = setup_.GetSettings();
  if (!settings) return std::unexpected(settings.error());
  auto types = setup_.Types(true);
  if (!types) return std::unexpected(types.error());
  return ViewRules{std::move(*settings), std::move(*types)};
}

Result<BookingView> BookingService::View(Booking booking, bool open_intake) const {
  auto rules = LoadViewRules();
  if (!rules) return std::unexpected(rules.error());
  return View(std::move(booking), open_intake, *rules);
}

Result<std::vector<BookingView>> BookingService::Views(std::vector<Booking> bookings,
                                                       bool open_intake) const {
  std::vector<BookingView> out;
  if (bookings.empty()) return out;
  auto rules = LoadViewRules();
  if (!rules) return std::unexpected(rules.error());
  out.reserve(bookings.size());
  for (auto& b : bookings) {
    auto view = View(std::move(b), open_intake, *rules);
    if (!view) return std::unexpected(view.error());
    out.push_back(std::move(*view));
  }
  return out;
}

Result<BookingView> BookingService::View(Booking booking, bool open_intake,
                                         const ViewRules& rules) const {
  const auto type = std::find_if(rules.types.begin(), rules.types.end(), [&](const SessionType& t) {
    return t.id == booking.session_type_id;
  });
  if (type == rules.types.end()) return NotFound("We couldn't find that kind of session.");
  BookingView view{std::move(booking), *type, false, {}, std::nullopt, false};
  view.has_intake = !view.booking.client_id.empty() && !view.type.intake.empty();
  bool late = false;
  if (auto may = MayChange(view.booking, rules.settings, late)) {
    view.can_change = true;
  } else {
    view.change_refused_reason = may.error().message;
  }
  // A former client's booking (the account was deleted) keeps no intake.
  if (open_intake && !view.booking.client_id.empty()) {
    auto plain = box_.Open(view.booking.sealed_intake,
                           BookingIntakeAd(view.booking.id, view.booking.client_id));
    if (!plain) {
      Log(LogLevel::kError, "booking.intake_unreadable", {{"booking", view.booking.id}});
      return Refuse(ErrorCode::kInternal, "booking-intake-unreadable",
                    "The answers to this session's questions could not be opened.");
    }
    auto answers = DecodeTextPairs(*plain);
    if (!answers) return std::unexpected(answers.error());
    view.intake = std::move(*answers);
  }
  return view;
}

Result<BookResult> BookingService::Book(std::string_view client_id, const BookingRequest& r) {
  std::vector<FieldError> errors;
  auto type = setup_.FindType(r.session_type_id);
  // The database away (503) is not a wrong choice of session.
  if (!type && type.error().code != ErrorCode::kNotFound) return std::unexpected(type.error());
  if (!type || !type->active) {
    errors.push_back({"session_type", "Choose a kind of session from the list."});
  }
  if (FindTimeZone(r.time_zone) == nullptr) {
    errors.push_back({"time_zone", "We don't know this time zone. Choose one from the list."});
  }
  CheckLocation(r.location, errors);
  if (!r.policy_accepted) {
    errors.push_back({"policy_accepted", "Please read and accept the cancellation policy."});
  }
  IntakeAnswers ordered;
  if (type && type->active) ordered = CheckIntake(*type, r.intake, errors);
  if (!errors.empty()) return InvalidArgument("Some of this needs another look.", errors);

  const std::string fingerprint = RequestFingerprint(r, ordered);
  const auto replay = [&](Booking existing) -> Result<BookResult> {
    if (existing.request_fingerprint != fingerprint) {
      return Refuse(ErrorCode::kConflict, "idempotency-key-reused",
                    "This request key was already used for a different booking.");
    }
    auto view = View(std::move(existing), false);
    if (!view) return std::unexpected(view.error());
    return BookResult{std::move(*view), false};
  };
  if (!r.idempotency_key.empty()) {
    auto existing = bookings_.FindByIdempotencyKey(client_id, r.idempotency_key);
    if (!existing) return std::unexpected(existing.error());
    if (*existing) return replay(std::move(**existing));
  }

  auto settings = setup_.GetSettings();
  if (!settings) return std::unexpected(settings.error());
  if (!Serves(*settings, r.location)) {
    return Refuse(ErrorCode::kPermissionDenied, "outside-jurisdiction",
                  settings->outside_message.empty()
                      ? "Sessions can't be offered where you will be. Please look for help "
                        "closer to you."
                      : settings->outside_message);
  }
  if (!type->new_clients) {
    auto attended = bookings_.CountWithStatus(client_id, BookingStatus::kAttended);
    if (!attended) return std::unexpected(attended.error());
    if (*attended == 0) {
      return Refuse(ErrorCode::kPermissionDenied, "existing-clients-only",
                    "This kind of session is for people who have already had a session. "
                    "Please choose another kind to begin.");
    }
  }
  auto schedule = setup_.GetSchedule();
  if (!schedule) return std::unexpected(schedule.error());
  if (auto ok = CheckStart(*schedule, *type, r.start); !ok) return std::unexpected(ok.error());

  const Instant now = clock_.Now();
  Booking b;
  b.id = "bk_" + NewId();
  b.client_id = std::string(client_id);
  b.session_type_id = type->id;
  b.start = r.start;
  b.end = Plus(r.start, type->duration_minutes * kMinute);
  b.blocked = BlockedTime(*type, r.start);
  b.time_zone = r.time_zone;
  b.location = r.location;
  b.video_url = VideoUrlFor(*settings, RandomHex(12));
  b.idempotency_key = r.idempotency_key;
  b.request_fingerprint = fingerprint;
  auto sealed = box_.Seal(EncodeTextPairs(ordered), BookingIntakeAd(b.id, b.client_id));
  if (!sealed) return std::unexpected(sealed.error());
  b.sealed_intake = std::move(*sealed);
  b.created_at = b.updated_at = now;

  auto inserted = bookings_.Insert(b);
  if (!inserted) return std::unexpected(inserted.error());
  if (!inserted->created) return replay(std::move(inserted->booking));
  notices_.Changed(BookingChange::kBooked, inserted->booking, *type, false);
  auto view = View(std::move(inserted->booking), false, ViewRules{std::move(*settings), {*type}});
  if (!view) return std::unexpected(view.error());
  return BookResult{std::move(*view), true};
}

Result<Booking> BookingService::OwnedBy(std::string_view client_id, std::string_view booking_id) {
  auto found = bookings_.Find(booking_id);
  if (!found) return std::unexpected(found.error());
  if (!*found || (*found)->client_id != client_id) return NotYours();
  return std::move(**found);
}

Result<std::vector<BookingView>> BookingService::ForClient(std::string_view client_id) {
  auto all = bookings_.ForClient(client_id);
  if (!all) return std::unexpected(all.error());
  const Instant now = clock_.Now();
  // Upcoming (soonest first), then the past (most recent first).
  std::stable_partition(all->begin(), all->end(),
                        [&](const Booking& b) { return b.end > now && b.Active(); });
  const auto past = std::find_if(all->begin(), all->end(),
                                 [&](const Booking& b) { return !(b.end > now && b.Active()); });
  std::sort(past, all->end(), [](const Booking& a, const Booking& b) { return a.start > b.start; });
  return Views(std::move(*all), false);
}

Result<BookingView> BookingService::FindForClient(std::string_view client_id,
                                                  std::string_view booking_id) {
  auto b = OwnedBy(client_id, booking_id);
  if (!b) return std::unexpected(b.error());
  return View(std::move(*b), false);
}

Result<BookingView> BookingService::CancelByClient(std::string_view client_id,
                                                   std::string_view booking_id) {
  auto b = OwnedBy(client_id, booking_id);
  if (!b) return std::unexpected(b.error());
  auto rules = LoadViewRules();
  if (!rules) return std::unexpected(rules.error());
  bool late = false;
  if (auto may = MayChange(*b, rules->settings, late); !may) return std::unexpected(may.error());
  Booking changed = *b;
  changed.status = BookingStatus::kCancelled;
  changed.late_cancel = late;
  changed.cancelled_at = changed.updated_at = clock_.Now();
  changed.sequence = b->sequence + 1;
  auto stored = bookings_.UpdateStatus(changed, b->sequence);
  if (!stored) return std::unexpected(stored.error());
  auto view = View(std::move(*stored), false, *rules);
  if (!view) return std::unexpected(view.error());
  notices_.Changed(BookingChange::kCancelled, view->booking, view->type, false);
  notices_.TimeFreed();
  return view;
}

Result<BookingView> BookingService::MoveByClient(std::string_view client_id,
                                                 std::string_view booking_id, Instant start,
                                                 std::string_view time_zone) {
  auto b = OwnedBy(client_id, booking_id);
  if (!b) return std::unexpected(b.error());
  if (FindTimeZone(time_zone) == nullptr) {
    return InvalidArgument(
        "Some of this needs another look.",
        {{"time_zone", "We don't know this time zone. Choose one from the list."}});
  }
  auto settings = setup_.GetSettings();
  if (!settings) return std::unexpected(settings.error());
  bool late = false;
  if (auto may = MayChange(*b, *settings, late); !may) return std::unexpected(may.error());
  auto type = setup_.FindType(b->session_type_id);
  if (!type) return std::unexpected(type.error());
  auto schedule = setup_.GetSchedule();
  if (!schedule) return std::unexpected(schedule.error());
  if (auto ok = CheckStart(*schedule, *type, start); !ok) return std::unexpected(ok.error());
  Booking moved = *b;
  moved.start = start;
  moved.end = Plus(start, type->duration_minutes * kMinute);
  moved.blocked = BlockedTime(*type, start);
  moved.sequence = b->sequence + 1;
  moved.updated_at = clock_.Now();
  auto stored = bookings_.Move(moved, b->sequence);
  if (!stored) return std::unexpected(stored.error());
  auto view = View(std::move(*stored), false, ViewRules{std::move(*settings), {std::move(*type)}});
  if (!view) return std::unexpected(view.error());
  notices_.Changed(BookingChange::kMoved, view->booking, view->type, false);
  notices_.TimeFreed();
  return view;
}

Result<std::vector<BookingView>> BookingService::Calendar(Instant from, Instant to) {
  if (to <= from) {
    return InvalidArgument("Some of this needs another look.",
                           {{"to", "Choose an end after the start."}});
  }
  auto all = bookings_.StartingBetween(from, to);
  if (!all) return std::unexpected(all.error());
  return Views(std::move(*all), /*open_intake=*/false);
}

Result<std::vector<CalendarEntry>> BookingService::CalendarWithClients(std::optional<Instant> from,
                                                                       std::optional<Instant> to) {
  const Instant start = from.value_or(Plus(clock_.Now(), -kCalendarDefaultBackMillis));
  const Instant end = to.value_or(Plus(start, kCalendarDefaultSpanMillis));
  auto views = Calendar(start, end);
  if (!views) return std::unexpected(views.error());
  return WithContacts<CalendarEntry>(users_, std::move(*views),
                                     [](const BookingView& v) { return v.booking.client_id; });
}

Result<std::vector<CalendarEntry>> BookingService::ClientSessions(std::string_view client_id,
                                                                  bool open_intake) {
  auto bookings = bookings_.ForClient(client_id);
  if (!bookings) return std::unexpected(bookings.error());
  std::ranges::reverse(*bookings);
  auto views = Views(std::move(*bookings), open_intake);
  if (!views) return std::unexpected(views.error());
  return WithContacts<CalendarEntry>(users_, std::move(*views),
                                     [](const BookingView& v) { return v.booking.client_id; });
}

Result<BookingView> BookingService::WithIntake(Booking booking) const {
  return View(std::move(booking), /*open_intake=*/true);
}

Result<BookingView> BookingService::CancelByPractitioner(std::string_view booking_id) {
  auto found = bookings_.Find(booking_id);
  if (!found) return std::unexpected(found.error());
  if (!*found) return NotYours();
  const Booking& b = **found;
  if (b.status != BookingStatus::kConfirmed || b.end <= clock_.Now()) {
    return Refuse(ErrorCode::kConflict, "not-changeable",
                  "Only a confirmed session that hasn't ended can be cancelled.");
  }
  Booking changed = b;
  changed.status = BookingStatus::kCancelled;
  changed.cancelled_at = changed.updated_at = clock_.Now();
  changed.sequence = b.sequence + 1;
  auto stored = bookings_.UpdateStatus(changed, b.sequence);
  if (!stored) return std::unexpected(stored.error());
  auto view = View(std::move(*stored), false);
  if (!view) return std::unexpected(view.error());
  notices_.Changed(BookingChange::kCancelled, view->booking, view->type, true);
  notices_.TimeFreed();
  return view;
}

Result<long> BookingService::CancelForLeavingClient(std::string_view client_id) {
  auto bookings = bookings_.ForClient(client_id);
  if (!bookings) return std::unexpected(bookings.error());
  auto rules = LoadViewRules();
  if (!rules) return std::unexpected(rules.error());
  const Instant now = clock_.Now();
  long cancelled = 0;
  for (const Booking& b : *bookings) {
    if (b.status != BookingStatus::kConfirmed || b.start <= now) continue;
    bool late = false;
    (void)MayChange(b, rules->settings, late);  // only for the late mark: never refused
    Booking changed = b;
    changed.status = BookingStatus::kCancelled;
    changed.late_cancel = late;
    changed.cancelled_at = changed.updated_at = now;
    changed.sequence = b.sequence + 1;
    auto stored = bookings_.UpdateStatus(changed, b.sequence);
    if (!stored) return std::unexpected(stored.error());
    auto view = View(std::move(*stored), false, *rules);
    if (!view) return std::unexpected(view.error());
    // Told without the client: "A client cancelled…", and nothing to them.
    view->booking.client_id.clear();
    notices_.Changed(BookingChange::kCancelled, view->booking, view->type, false);
    ++cancelled;
  }
  if (cancelled > 0) notices_.TimeFreed();
  return cancelled;
}

Result<BookingView> BookingService::MarkAttendance(std::string_view booking_id,
                                                   BookingStatus outcome) {
  if (outcome != BookingStatus::kAttended && outcome != BookingStatus::kNoShow) {
    return InvalidArgument("Some of this needs another look.",
                           {{"outcome", "Choose attended or no_show."}});
  }
  auto found = bookings_.Find(booking_id);
  if (!found) return std::unexpected(found.error());
  if (!*found) return NotYours();
  const Booking& b = **found;
  if (b.status == BookingStatus::kCancelled || b.start > clock_.Now()) {
    return Refuse(ErrorCode::kConflict, "not-changeable",
                  "Attendance can be marked once a session has begun, and not for a cancelled "
                  "one.");
  }
  Booking changed = b;
  changed.status = outcome;
  changed.updated_at = clock_.Now();
  auto stored = bookings_.UpdateStatus(changed, b.sequence);
  if (!stored) return std::unexpected(stored.error());
  return View(std::move(*stored), false);
}

}  // namespace securebase::domain
