#include "domain/journal/journal_search.h"

#include <algorithm>
#include <tuple>

#include "common/rfc3339.h"
#include "domain/calendar/local_calendar.h"
#include "domain/course/sign_ids.h"

namespace securebase::domain {
namespace {

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

void LowerAscii(std::string& s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
}

std::vector<std::string> Words(std::string_view q) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < q.size()) {
    while (i < q.size() && IsAsciiSpace(q[i])) ++i;
    const std::size_t start = i;
    while (i < q.size() && !IsAsciiSpace(q[i])) ++i;
    if (i > start) {
      std::string word(q.substr(start, i - start));
      LowerAscii(word);
      if (std::find(out.begin(), out.end(), word) == out.end()) out.push_back(std::move(word));
    }
  }
  return out;
}

std::size_t CodePoints(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// A calendar date such as 2026-11-28 (domain/calendar/local_calendar.h) as a local day.
std::optional<date::local_days> ParseDay(std::string_view text) {
  const auto ymd = ParseIsoDate(text);
  if (!ymd) return std::nullopt;
  return date::local_days{*ymd};
}

bool Has(const std::vector<std::string>& list, std::string_view id) {
  return std::find(list.begin(), list.end(), id) != list.end();
}

// Every searchable text of an entry in one string, in ASCII lower case, the
// fields apart by a newline (no word holds one, so none matches across two).
std::string Haystack(const JournalContents& c) {
  std::string out;
  const auto add = [&out](std::string_view s) {
    out.append(s);
    out.push_back('\n');
  };
  if (const auto* t = std::get_if<TriggerLog>(&c.body)) {
    for (const auto* s : {&t->situation, &t->self_talk, &t->body_note, &t->urge_note, &t->action,
                          &t->helped_note}) {
      add(*s);
    }
    for (const auto& e : t->emotions) add(e.name);
  } else if (const auto* r = std::get_if<Reflection>(&c.body)) {
    add(r->text);
  } else if (const auto* p = std::get_if<PartsNote>(&c.body)) {
    for (const auto* s : {&p->name, &p->fears, &p->protects, &p->needs}) add(*s);
  }
  for (const auto& tag : c.tags) add(tag);
  LowerAscii(out);
  return out;
}

}  // namespace

Result<JournalSearch> ParseJournalQuery(const JournalQuery& query) {
  JournalSearch out;
  std::vector<FieldError> errors;
  const auto given = [](const std::optional<std::string>& v) { return v && !v->empty(); };

  if (given(query.q)) {
    if (CodePoints(*query.q) > kMaxJournalQueryChars) {
      errors.push_back({"q", "is too long: at most 500 characters, please"});
    } else {
      out.words = Words(*query.q);
    }
  }
  if (given(query.kind)) {
    out.kind = JournalKindFromId(*query.kind);
    if (!out.kind) errors.push_back({"kind", "must be trigger, reflection or parts"});
  }
  if (given(query.sign)) {
    if (IsSignId(*query.sign)) {
      out.sign = *query.sign;
    } else {
      errors.push_back({"sign", "is not one of the signs we know, such as fear_of_abandonment"});
    }
  }
  if (given(query.state)) {
    out.state = NervousStateFromId(*query.state);
    if (!out.state) errors.push_back({"state", "must be settled, activated or shut_down"});
  }
  if (given(query.tag)) {
    auto tags = NormalizeTags({*query.tag});
    if (tags.empty() || CodePoints(tags.front()) > kMaxTagChars) {
      errors.push_back({"tag", "must be a tag of 1 to 40 characters"});
    } else {
      out.tag = std::move(tags.front());
    }
  }
  for (const auto& [name, text, day] :
       {std::tuple{"from", &query.from, &out.from}, std::tuple{"to", &query.to, &out.to}}) {
    if (!given(*text)) continue;
    *day = ParseDay(**text);
    if (!*day) errors.push_back({name, "must be a date such as 2026-11-28"});
  }
  if (out.from && out.to && *out.to < *out.from) {
    errors.push_back({"to", "is before from: the dates are the first and last days to show"});
  }
  out.zone = FindTimeZone(given(query.tz) ? std::string_view(*query.tz) : std::string_view("UTC"));
  if (!out.zone) {
    errors.push_back({"tz", "is not a time zone we know; use an IANA name such as Europe/London"});
  }
  if (given(query.before)) {
    out.before = ParseRfc3339(*query.before);
    if (!out.before) {
      errors.push_back({"before",
                        "must be a date and time such as 2026-11-28T21:40:00Z, as given in "
                        "next_before"});
    }
  }
  if (given(query.limit)) {
    const std::string& text = *query.limit;
    const bool digits = text.size() <= 3 && std::all_of(text.begin(), text.end(), [](char c) {
                          return c >= '0' && c <= '9';
                        });
    const int limit = digits ? std::stoi(text) : 0;
    if (limit < kMinJournalPageSize || limit > kMaxJournalPageSize) {
      errors.push_back({"limit", "must be a whole number from 1 to 100"});
    } else {
      out.limit = limit;
    }
  }
  if (!errors.empty()) {
    const std::string message = errors.front().field + " " + errors.front().message + ".";
    return InvalidArgument(message, std::move(errors));
  }
  return out;
}

std::vector<std::string> JournalSearch::Needles() const {
  std::vector<std::string> out = words;
  if (sign) out.push_back(*sign);
  if (state) out.emplace_back(NervousStateId(*state));
  if (tag) {
    std::string folded = *tag;
    LowerAscii(folded);
    out.push_back(std::move(folded));
  }
  return out;
}

bool MatchesPlain(const JournalSearch& s, JournalKind kind, Instant occurred_at) {
  if (s.kind && *s.kind != kind) return false;
  if (!s.from && !s.to) return true;
  const date::local_days day = LocalDayOf(*s.zone, occurred_at);
  return (!s.from || day >= *s.from) && (!s.to || day <= *s.to);
}

bool MatchesContents(const JournalSearch& s, const JournalContents& c) {
  const auto* trigger = std::get_if<TriggerLog>(&c.body);
  if (s.sign && !(trigger && Has(trigger->signs, *s.sign))) return false;
  if (s.state && !(trigger && trigger->state == s.state)) return false;
  if (s.tag && !Has(c.tags, *s.tag)) return false;
  if (s.words.empty()) return true;
  const std::string haystack = Haystack(c);
  return std::all_of(s.words.begin(), s.words.end(), [&](const std::string& word) {
    return haystack.find(word) != std::string::npos;
  });
}

}  // namespace securebase::domain
