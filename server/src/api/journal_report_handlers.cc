#include "api/journal_report_handlers.h"

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <charconv>
#include <climits>
#include <optional>
#include <string>
#include <string_view>

#include "api/access_guard.h"
#include "api/journal_report_json.h"
#include "api/query_params.h"
#include "domain/calendar/local_calendar.h"
#include "domain/journal/journal_insights.h"
#include "domain/journal/journal_markdown.h"
#include "http/problem.h"
#include "http/response.h"

namespace securebase::api {

using boost::beast::http::field;
using boost::beast::http::status;

namespace {

constexpr std::string_view kDefaultZone = "UTC";
constexpr const char* kUnknownZone =
    "is not a time zone we know; use an IANA name such as Europe/London";

// Trigger logs that did not open: those the insights leave out.
int UnreadableTriggerLogs(const domain::WholeJournal& journal) {
  return static_cast<int>(std::count_if(journal.unreadable.begin(), journal.unreadable.end(),
                                        [](const domain::UnreadableJournalEntry& e) {
                                          return e.kind == domain::JournalKind::kTrigger;
                                        }));
}

enum class ExportFormat { kJson, kMarkdown };

}  // namespace

http::Handler GetJournalInsightsHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    std::vector<FieldError> errors;
    const std::string zone(QueryValue(req, "tz").value_or(kDefaultZone));
    const int weeks = QueryInt(req, "weeks", "must be a whole number from 1 to 52", errors)
                          .value_or(domain::kDefaultInsightWeeks);
    if (!errors.empty()) co_return Refused(std::move(errors));
    const Instant now = ctx.clock.Now();
    // The parameters are checked on an empty journal first, so that a
    // request refused opens nothing.
    if (auto checked = domain::SummarizeTriggerLogs({}, 0, zone, now, weeks); !checked) {
      co_return http::ProblemFromError(checked.error());
    }
    const std::string user = CallerSession(req).user_id;
    auto insights = co_await ctx.pool.Run([&]() -> Result<domain::JournalInsights> {
      auto journal = ctx.journal.entries.ReadAll(user);
      if (!journal) return std::unexpected(std::move(journal.error()));
      return domain::SummarizeTriggerLogs(journal->entries, UnreadableTriggerLogs(*journal), zone,
                                          now, weeks);
    });
    if (!insights) co_return http::ProblemFromError(insights.error());
    co_return http::Json(status::ok, EncodeJournalInsights(*insights));
  };
}

http::Handler ExportJournalHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    std::vector<FieldError> errors;
    std::optional<ExportFormat> format;
    const auto format_text = QueryValue(req, "format");
    if (format_text == "json") format = ExportFormat::kJson;
    if (format_text == "markdown") format = ExportFormat::kMarkdown;
    if (!format) errors.push_back({"format", "must be json or markdown"});
    const date::time_zone* zone =
        domain::FindTimeZone(QueryValue(req, "tz").value_or(kDefaultZone));
    if (!zone) errors.push_back({"tz", kUnknownZone});
    if (!errors.empty()) co_return Refused(std::move(errors));

    const Instant now = ctx.clock.Now();
    const auto content = ctx.catalog.Current();  // names the questions reflections answer
    const std::string user = CallerSession(req).user_id;
    auto body = co_await ctx.pool.Run([&]() -> Result<std::string> {
      auto journal = ctx.journal.entries.ReadAll(user);
      if (!journal) return std::unexpected(std::move(journal.error()));
      if (format == ExportFormat::kMarkdown) {
        return domain::JournalMarkdown(*journal, content->courses, *zone, now);
      }
      return boost::json::serialize(EncodeJournalExport(*journal, now));
    });
    if (!body) co_return http::ProblemFromError(body.error());

    const bool markdown = format == ExportFormat::kMarkdown;
    http::Response res = http::Text(status::ok, std::move(*body),
                                    markdown ? "text/markdown; charset=utf-8" : "application/json");
    // Named by the learner's date, so that exports made on different days
    // sit side by side.
    res.set(field::content_disposition, "attachment; filename=\"secure-base-journal-" +
                                            domain::IsoDate(domain::LocalDayOf(*zone, now)) +
                                            (markdown ? ".md\"" : ".json\""));
    res.set(field::cache_control, "no-store");
    co_return res;
  };
}

}  // namespace securebase::api
