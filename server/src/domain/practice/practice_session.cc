#include "domain/practice/practice_session.h"

#include <algorithm>
#include <cctype>

namespace securebase::domain {
namespace {

constexpr std::int64_t kSecondMillis = 1000;
constexpr std::int64_t kDayMillis = 24LL * 60 * 60 * kSecondMillis;

bool IsHex(char c) {
  return std::isxdigit(static_cast<unsigned char>(c)) != 0;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool InRange(std::int64_t v, std::int64_t lo, std::int64_t hi) {
  return v >= lo && v <= hi;
}

Instant WholeSeconds(Instant t) {
  std::int64_t s = t.millis / kSecondMillis;
  if (t.millis % kSecondMillis < 0) --s;  // floor, also before 1970
  return Instant{s * kSecondMillis};
}

void CheckStart(const PracticeSessionDraft& d, Instant now, std::vector<FieldError>& errors) {
  if (!d.started_at) {
    errors.push_back({"started_at",
                      "is required: when the practice began, such as "
                      "2026-11-29T08:00:00Z"});
    return;
  }
  const std::int64_t latest = now.millis + std::chrono::milliseconds(kPracticeClockSkew).count();
  const std::int64_t start = d.started_at->millis;
  if (start > latest) {
    errors.push_back({"started_at",
                      "is in the future. Please check the date and time on this "
                      "device"});
  } else if (start < now.millis - kMaxPracticeSessionAgeDays * kDayMillis) {
    errors.push_back({"started_at",
                      "is more than a year ago: sessions can be recorded for up "
                      "to 366 days"});
  } else if (d.duration_seconds &&
             InRange(*d.duration_seconds, kMinPracticeSeconds, kMaxPracticeSeconds) &&
             start + *d.duration_seconds * kSecondMillis > latest) {
    errors.push_back({"started_at",
                      "with this duration, the session would end in the future. "
                      "Please check the date and time on this device"});
  }
}

void CheckDistress(const char* field, const std::optional<std::int64_t>& value,
                   std::vector<FieldError>& errors) {
  if (value && !InRange(*value, kMinDistress, kMaxDistress)) {
    errors.push_back({field, "must be a whole number from 0 to 10, or null to skip it"});
  }
}

}  // namespace

bool IsPracticeSessionId(std::string_view id) {
  if (id.size() != 36) return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? id[i] != '-' : !IsHex(id[i])) return false;
  }
  return true;
}

std::vector<FieldError> CheckPracticeSession(const PracticeSessionDraft& d,
                                             const std::vector<Practice>& practices, Instant now) {
  std::vector<FieldError> errors;
  if (d.id.empty()) {
    errors.push_back({"id", "is required: a UUID the app makes for this session"});
  } else if (!IsPracticeSessionId(d.id)) {
    errors.push_back({"id", "must be a UUID, such as 3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b"});
  }
  if (d.practice_id.empty()) {
    errors.push_back({"practice_id", "is required: the id of the practice done"});
  } else if (!FindPractice(practices, d.practice_id)) {
    errors.push_back({"practice_id", "is not a practice on this site"});
  }
  CheckStart(d, now, errors);
  if (!d.duration_seconds) {
    errors.push_back({"duration_seconds",
                      "is required: how long the practice lasted, in "
                      "seconds"});
  } else if (!InRange(*d.duration_seconds, kMinPracticeSeconds, kMaxPracticeSeconds)) {
    errors.push_back({"duration_seconds",
                      "must be a whole number of seconds from 1 to 14400 "
                      "(four hours)"});
  }
  CheckDistress("distress_before", d.distress_before, errors);
  CheckDistress("distress_after", d.distress_after, errors);
  return errors;
}

PracticeSession SessionFromDraft(const PracticeSessionDraft& d, std::string_view user_id,
                                 Instant now) {
  PracticeSession s;
  s.id = Lower(d.id);
  s.user_id = std::string(user_id);
  s.practice_id = d.practice_id;
  s.started_at = WholeSeconds(d.started_at.value_or(Instant{}));
  s.duration_seconds = static_cast<int>(d.duration_seconds.value_or(0));
  if (d.distress_before) s.distress_before = static_cast<int>(*d.distress_before);
  if (d.distress_after) s.distress_after = static_cast<int>(*d.distress_after);
  s.recorded_at = now;
  return s;
}

bool SameContents(const PracticeSession& a, const PracticeSession& b) {
  return a.id == b.id && a.practice_id == b.practice_id && a.started_at == b.started_at &&
         a.duration_seconds == b.duration_seconds && a.distress_before == b.distress_before &&
         a.distress_after == b.distress_after;
}

}  // namespace securebase::domain
