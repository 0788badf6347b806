#include "domain/scheduling/session_type.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <set>
#include <string_view>

#include "domain/accounts/account_rules.h"

namespace securebase::domain {
namespace {

constexpr long kMaxNameChars = 80;
constexpr long kMaxDescriptionChars = 1000;
constexpr long kMaxPriceChars = 40;
constexpr long kMaxQuestionChars = 300;
constexpr std::size_t kMaxQuestions = 10;
constexpr std::size_t kMaxQuestionIdBytes = 40;

bool IsBlank(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

// Names, prices and questions are one line each: they go into mail subjects
// and calendar files.
bool HasControlCharacter(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f;
  });
}

bool IsQuestionId(std::string_view id) {
  if (id.empty() || id.size() > kMaxQuestionIdBytes) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

void CheckRange(const char* field, int value, int low, int high, std::string message,
                std::vector<FieldError>& errors) {
  if (value < low || value > high) errors.push_back({field, std::move(message)});
}

// One line of text, `required` non-blank, at most `max` characters.
void CheckLine(const std::string& field, std::string_view text, bool required, long max,
               std::string_view empty_message, std::string_view what,
               std::vector<FieldError>& errors) {
  const long length = Utf8Length(text);
  if (length < 0) {
    errors.push_back({field, "This text has characters we can't read. Please type it again."});
  } else if (required && IsBlank(text)) {
    errors.push_back({field, std::string(empty_message)});
  } else if (length > max) {
    errors.push_back({field, fmt::format("Keep the {} to {} characters or fewer.", what, max)});
  } else if (HasControlCharacter(text)) {
    errors.push_back({field, fmt::format("Keep the {} on one line.", what)});
  }
}

}  // namespace

std::vector<FieldError> CheckSessionType(const SessionType& type) {
  std::vector<FieldError> errors;
  CheckLine("name", type.name, true, kMaxNameChars, "Give the session type a name.", "name",
            errors);
  const long description = Utf8Length(type.description);
  if (description < 0) {
    errors.push_back(
        {"description", "This text has characters we can't read. Please type it again."});
  } else if (description > kMaxDescriptionChars) {
    errors.push_back({"description", "Keep the description to 1,000 characters or fewer."});
  }
  CheckRange("duration_minutes", type.duration_minutes, 5, 480,
             "Choose a length between 5 minutes and 8 hours.", errors);
  CheckRange("buffer_before_minutes", type.buffer_before_minutes, 0, 240,
             "Choose a break before of up to 240 minutes (4 hours), or none.", errors);
  CheckRange("buffer_after_minutes", type.buffer_after_minutes, 0, 240,
             "Choose a break after of up to 240 minutes (4 hours), or none.", errors);
  CheckRange("minimum_notice_minutes", type.minimum_notice_minutes, 0, 43200,
             "Choose a notice of up to 30 days (43,200 minutes), or none.", errors);
  CheckRange("horizon_days", type.horizon_days, 1, 365,
             "Choose how far ahead clients may book: between 1 and 365 days.", errors);
  CheckRange("slot_step_minutes", type.slot_step_minutes, 5, 240,
             "Choose how often sessions may start: every 5 to 240 minutes.", errors);
  CheckLine("price", type.price, false, kMaxPriceChars, "", "price", errors);

  if (type.intake.size() > kMaxQuestions) {
    errors.push_back({"intake",
                      "There is room for 10 questions. Keep the ones that matter most "
                      "before a first session."});
    return errors;
  }
  std::set<std::string_view> ids;
  for (std::size_t i = 0; i < type.intake.size(); ++i) {
    const IntakeQuestion& q = type.intake[i];
    const std::string at = fmt::format("intake[{}]", i);
    if (!IsQuestionId(q.id)) {
      errors.push_back({at + ".id",
                        "Use 1 to 40 lower-case letters, digits or underscores, such "
                        "as what_brings_you."});
    } else if (!ids.insert(q.id).second) {
      errors.push_back({at + ".id", "Another question has this id. Give each question its own."});
    }
    CheckLine(at + ".question", q.question, true, kMaxQuestionChars, "Write the question.",
              "question", errors);
  }
  return errors;
}

}  // namespace securebase::domain
