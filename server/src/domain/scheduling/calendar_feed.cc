#include "domain/scheduling/calendar_feed.h"

#include <charconv>

#include "common/random.h"
#include "common/token_hash.h"
#include "domain/notify/icalendar.h"

namespace securebase::domain {

namespace {

constexpr std::string_view kFeedKey = "scheduling.calendar-feed";
constexpr std::int64_t kDay = 24LL * 3600 * 1000;

std::unexpected<Error> NoFeed() {
  return NotFound("There is no calendar here.");
}

// Stored as "<hash> <created millis>".
struct Stored {
  std::string hash;
  Instant created_at;
};

std::optional<Stored> Parse(const std::string& value) {
  const auto space = value.find(' ');
  if (space == std::string::npos) return std::nullopt;
  std::int64_t millis = 0;
  const auto* begin = value.data() + space + 1;
  const auto [end, ec] = std::from_chars(begin, value.data() + value.size(), millis);
  if (ec != std::errc()) return std::nullopt;
  return Stored{value.substr(0, space), Instant{millis}};
}

}  // namespace

Result<CalendarFeedState> CalendarFeed::State() {
  auto found = settings_.Get(kFeedKey);
  if (!found) return std::unexpected(found.error());
  if (!*found) return CalendarFeedState{};
  auto stored = Parse((*found)->value);
  if (!stored) return CalendarFeedState{};
  return CalendarFeedState{true, stored->created_at};
}

Result<std::string> CalendarFeed::Create() {
  const std::string secret = RandomHex(32);
  const Instant now = clock_.Now();
  if (auto saved =
          settings_.Put(kFeedKey, HashToken(secret) + " " + std::to_string(now.millis), now);
      !saved) {
    return std::unexpected(saved.error());
  }
  return site_url_ + "/calendar/" + secret + ".ics";
}

Status CalendarFeed::Revoke() {
  auto removed = settings_.Remove(kFeedKey);
  if (!removed) return std::unexpected(removed.error());
  return {};
}

Result<std::string> CalendarFeed::Render(std::string_view secret) {
  if (secret.size() != 64) return NoFeed();
  auto found = settings_.Get(kFeedKey);
  if (!found) return std::unexpected(found.error());
  if (!*found) return NoFeed();
  const auto stored = Parse((*found)->value);
  if (!stored || !ConstantTimeEquals(stored->hash, HashToken(secret))) return NoFeed();
  const Instant now = clock_.Now();
  auto rows =
      bookings_.StartingBetween(Instant{now.millis - 30 * kDay}, Instant{now.millis + 400 * kDay});
  if (!rows) return std::unexpected(rows.error());
  std::vector<CalendarEvent> events;
  for (const Booking& b : *rows) {
    if (b.status == BookingStatus::kCancelled) continue;
    auto type = setup_.FindType(b.session_type_id);
    CalendarEvent e;
    e.uid = b.id + "@securebase";
    e.sequence = b.sequence;
    e.start = b.start;
    e.end = b.end;
    e.stamp = b.updated_at;
    e.summary = type ? type->name : std::string("Session");
    e.description = "Details in your console: " + site_url_ + "/console/sessions";
    e.location = b.video_url;
    e.url = site_url_ + "/console/sessions";
    events.push_back(std::move(e));
  }
  return WriteCalendar(CalendarMethod::kPublish, events);
}

}  // namespace securebase::domain
