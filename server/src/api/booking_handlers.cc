#include "api/booking_handlers.h"

#include <boost/json.hpp>

#include <algorithm>

#include "api/access_guard.h"
#include "api/booking_json.h"
#include "api/json_body.h"
#include "api/json_reader.h"
#include "api/query_params.h"
#include "common/rfc3339.h"
#include "domain/calendar/local_calendar.h"
#include "http/problem.h"
#include "http/response.h"

namespace securebase::api {

using boost::beast::http::status;
namespace json = boost::json;

namespace {

constexpr std::int64_t kDay = 24LL * 3600 * 1000;
constexpr std::size_t kMaxIdempotencyKey = 100;

const date::time_zone* QueryZone(const http::Request& req, const char* name,
                                 std::vector<FieldError>& errors) {
  const auto text = QueryValue(req, name);
  if (!text) {
    errors.push_back({name, "is required: an IANA time zone such as Europe/London"});
    return nullptr;
  }
  const date::time_zone* zone = domain::FindTimeZone(*text);
  if (!zone) errors.push_back({name, "is not a time zone we know, such as Europe/London"});
  return zone;
}

// The Idempotency-Key header: absent is fine; present, 1–100 printable
// ASCII characters.
Result<std::string> IdempotencyKey(const http::Request& req) {
  const auto found = req.message.find("Idempotency-Key");
  if (found == req.message.end()) return std::string();
  const std::string_view key = found->value();
  const bool printable = std::all_of(key.begin(), key.end(), [](char c) {
    return static_cast<unsigned char>(c) > 0x20 && static_cast<unsigned char>(c) < 0x7f;
  });
  if (key.empty() || key.size() > kMaxIdempotencyKey || !printable) {
    return InvalidArgument(
        "The Idempotency-Key header must be 1 to 100 printable characters.",
        {{"Idempotency-Key", "must be 1 to 100 printable characters without spaces"}});
  }
  return std::string(key);
}

// 409 slot-taken with fresh slots around the time asked for, in the
// client's zone, so the app can offer them at once.
boost::asio::awaitable<http::Response> SlotTaken(ApiContext& ctx, const Error& error,
                                                 const std::string& type_id, Instant near,
                                                 const std::string& zone_name) {
  json::object extra;
  const date::time_zone* zone = domain::FindTimeZone(zone_name);
  const Instant from{std::max(near.millis - kDay, ctx.clock.Now().millis)};
  const Instant to{near.millis + 2 * kDay};
  auto fresh =
      co_await ctx.pool.Run([&] { return ctx.scheduling.bookings.Slots(type_id, from, to); });
  if (fresh && zone) {
    extra["slots"] =
        EncodeSlots(fresh->slots, *zone, domain::FindTimeZone(fresh->practitioner_time_zone));
  } else {
    extra["slots"] = json::array();
  }
  co_return http::ProblemFromError(error, std::move(extra));
}

json::object BookingList(const std::vector<domain::BookingView>& views) {
  json::array out;
  for (const auto& v : views) out.push_back(EncodeBooking(v));
  return {{"bookings", std::move(out)}};
}

}  // namespace

http::Handler GetBookingCatalogHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    const std::string user = CallerSession(req).user_id;
    auto catalog = co_await ctx.pool.Run([&] { return ctx.scheduling.bookings.Catalog(user); });
    if (!catalog) co_return http::ProblemFromError(catalog.error());
    co_return http::Json(status::ok, EncodeCatalog(*catalog));
  };
}

http::Handler GetSlotsHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    std::vector<FieldError> errors;
    const auto type = QueryValue(req, "session_type");
    if (!type) errors.push_back({"session_type", "is required"});
    const auto from = QueryInstant(req, "from", errors);
    const auto to = QueryInstant(req, "to", errors);
    if (!QueryValue(req, "from")) errors.push_back({"from", "is required"});
    if (!QueryValue(req, "to")) errors.push_back({"to", "is required"});
    const date::time_zone* zone = QueryZone(req, "tz", errors);
    if (!errors.empty()) co_return Refused(std::move(errors));
    const std::string type_id(*type);
    auto list =
        co_await ctx.pool.Run([&] { return ctx.scheduling.bookings.Slots(type_id, *from, *to); });
    if (!list) co_return http::ProblemFromError(list.error());
    const date::time_zone* hers = domain::FindTimeZone(list->practitioner_time_zone);
    co_return http::Json(status::ok,
                         json::object{{"session_type", type_id},
                                      {"time_zone", zone->name()},
                                      {"practitioner_time_zone", list->practitioner_time_zone},
                                      {"slots", EncodeSlots(list->slots, *zone, hers)}});
  };
}

http::Handler PostBookingHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    auto key = IdempotencyKey(req);
    if (!key) co_return http::ProblemFromError(key.error());
    auto body = ParseJsonObject(req);
    if (!body) co_return http::ProblemFromError(body.error());
    auto decoded = DecodeBookingRequest(*body);
    if (!decoded.errors.empty()) co_return Refused(std::move(decoded.errors));
    decoded.value.idempotency_key = std::move(*key);
    const std::string user = CallerSession(req).user_id;
    auto booked =
        co_await ctx.pool.Run([&] { return ctx.scheduling.bookings.Book(user, decoded.value); });
    if (!booked) {
      if (booked.error().type == "slot-taken") {
        auto taken = co_await SlotTaken(ctx, booked.error(), decoded.value.session_type_id,
                                        decoded.value.start, decoded.value.time_zone);
        co_return taken;
      }
      co_return http::ProblemFromError(booked.error());
    }
    co_return http::Json(booked->created ? status::created : status::ok,
                         EncodeBooking(booked->view));
  };
}

http::Handler ListBookingsHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    const std::string user = CallerSession(req).user_id;
    auto views = co_await ctx.pool.Run([&] { return ctx.scheduling.bookings.ForClient(user); });
    if (!views) co_return http::ProblemFromError(views.error());
    co_return http::Json(status::ok, BookingList(*views));
  };
}

http::Handler GetBookingHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    const std::string user = CallerSession(req).user_id;
    const std::string id(req.Param("id"));
    auto view =
        co_await ctx.pool.Run([&] { return ctx.scheduling.bookings.FindForClient(user, id); });
    if (!view) co_return http::ProblemFromError(view.error());
    co_return http::Json(status::ok, EncodeBooking(*view));
  };
}

http::Handler CancelBookingHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    const std::string user = CallerSession(req).user_id;
    const std::string id(req.Param("id"));
    auto view =
        co_await ctx.pool.Run([&] { return ctx.scheduling.bookings.CancelByClient(user, id); });
    if (!view) co_return http::ProblemFromError(view.error());
    co_return http::Json(status::ok, EncodeBooking(*view));
  };
}

http::Handler RescheduleBookingHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    auto body = ParseJsonObject(req);
    if (!body) co_return http::ProblemFromError(body.error());
    std::vector<FieldError> errors;
    JsonReader r(errors, /*strict=*/true);
    r.OnlyKnown(*body, "", {"start", "time_zone"});
    const auto start = ParseRfc3339(r.Text(*body, "", "start"));
    if (!start) r.Fail("start", "must be a time such as 2026-03-30T08:00:00Z");
    const std::string zone = r.Text(*body, "", "time_zone");
    if (!errors.empty()) co_return Refused(std::move(errors));
    const std::string user = CallerSession(req).user_id;
    const std::string id(req.Param("id"));
    auto view = co_await ctx.pool.Run(
        [&] { return ctx.scheduling.bookings.MoveByClient(user, id, *start, zone); });
    if (!view) {
      if (view.error().type == "slot-taken") {
        auto found =
            co_await ctx.pool.Run([&] { return ctx.scheduling.bookings.FindForClient(user, id); });
        const std::string type_id = found ? found->type.id : std::string();
        auto taken = co_await SlotTaken(ctx, view.error(), type_id, *start, zone);
        co_return taken;
      }
      co_return http::ProblemFromError(view.error());
    }
    co_return http::Json(status::ok, EncodeBooking(*view));
  };
}

http::Handler ListConsoleBookingsHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    std::vector<FieldError> errors;
    const auto from = QueryInstant(req, "from", errors);
    const auto to = QueryInstant(req, "to", errors);
    if (!errors.empty()) co_return Refused(std::move(errors));
    auto entries = co_await ctx.pool.Run(
        [&] { return ctx.scheduling.bookings.CalendarWithClients(from, to); });
    if (!entries) co_return http::ProblemFromError(entries.error());
    json::array out;
    for (const auto& e : *entries) out.push_back(EncodeConsoleBooking(e));
    co_return http::Json(status::ok, json::object{{"bookings", std::move(out)}});
  };
}

http::Handler GetConsoleBookingIntakeHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    const std::string id(req.Param("id"));
    const std::string practitioner = CallerSession(req).user_id;
    auto view =
        co_await ctx.pool.Run([&] { return ctx.sharing.clients.OpenIntake(practitioner, id); });
    if (!view) co_return http::ProblemFromError(view.error());
    co_return http::Json(status::ok, EncodeBookingIntake(*view));
  };
}

http::Handler ConsoleCancelBookingHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    const std::string id(req.Param("id"));
    auto view =
        co_await ctx.pool.Run([&] { return ctx.scheduling.bookings.CancelByPractitioner(id); });
    if (!view) co_return http::ProblemFromError(view.error());
    co_return http::Json(status::ok, EncodeBooking(*view));
  };
}

http::Handler ConsoleAttendanceHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    auto body = ParseJsonObject(req);
    if (!body) co_return http::ProblemFromError(body.error());
    std::vector<FieldError> errors;
    JsonReader r(errors, /*strict=*/true);
    r.OnlyKnown(*body, "", {"outcome"});
    const std::string outcome_name = r.Text(*body, "", "outcome");
    auto outcome = domain::ParseBookingStatus(outcome_name);
    if (!outcome || (*outcome != domain::BookingStatus::kAttended &&
                     *outcome != domain::BookingStatus::kNoShow)) {
      r.Fail("outcome", "must be attended or no_show");
    }
    if (!errors.empty()) co_return Refused(std::move(errors));
    const std::string id(req.Param("id"));
    auto view =
        co_await ctx.pool.Run([&] { return ctx.scheduling.bookings.MarkAttendance(id, *outcome); });
    if (!view) co_return http::ProblemFromError(view.error());
    co_return http::Json(status::ok, EncodeBooking(*view));
  };
}

}  // namespace securebase::api
