#include "domain/notify/icalendar.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

#include "domain/notify/outgoing_mail.h"

namespace securebase::domain {
namespace {

constexpr std::size_t kLineOctets = 75;
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

bool IsControl(unsigned char c) {
  return c < 0x20 || c == 0x7f;
}

// Calls `ascii` for each ASCII byte and copies every other well-formed
// character as it is; a malformed byte becomes U+FFFD, so the output is
// always valid UTF-8 (a calendar part that is not would be refused whole).
template <typename Ascii>
std::string MapText(std::string_view text, Ascii ascii) {
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = Utf8SequenceLength(text, i);
    if (n == 0) {
      out += kReplacement;
      ++i;
      continue;
    }
    if (n == 1) {
      ascii(out, text, i);
    } else {
      out.append(text.substr(i, n));
    }
    i += n;
  }
  return out;
}

// A parameter value, always quoted: a quoted-string may hold any character
// but a control character or DQUOTE (RFC 5545 section 3.1). Both are dropped
// (a tab becomes a space) rather than written with RFC 6868's carets, which
// not every reader knows; a caret itself is doubled, as RFC 6868 readers
// (libical among them) would otherwise take "^n" or "^'" for an escape.
std::string QuotedParameter(std::string_view value) {
  return "\"" +
         MapText(value,
                 [](std::string& out, std::string_view text, std::size_t i) {
                   const auto c = static_cast<unsigned char>(text[i]);
                   if (c == '\t') {
                     out += ' ';
                   } else if (c == '^') {
                     out += "^^";
                   } else if (!IsControl(c) && c != '"') {
                     out += text[i];
                   }
                 }) +
         "\"";
}

// A URI value (a mailto: address, a URL): no escaping exists for it, so
// nothing that could end or break the line is kept.
std::string UriValue(std::string_view value) {
  return MapText(value, [](std::string& out, std::string_view text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (!IsControl(c) && c != ' ') out += text[i];
  });
}

std::string Person(std::string_view property, const CalendarPerson& person,
                   std::string_view parameters) {
  std::string line(property);
  if (const std::string cn = QuotedParameter(person.name); cn.size() > 2) line += ";CN=" + cn;
  line += parameters;
  line += ":mailto:" + UriValue(person.email);
  return line;
}

// What an attendee line says besides the address: on an invitation, that
// the person is expected and asked to answer; otherwise only the role.
std::string_view AttendeeParameters(CalendarMethod method) {
  if (method == CalendarMethod::kRequest) {
    return ";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE";
  }
  return ";ROLE=REQ-PARTICIPANT";
}

}  // namespace

const char* CalendarMethodName(CalendarMethod method) {
  switch (method) {
    case CalendarMethod::kRequest: return "REQUEST";
    case CalendarMethod::kCancel: return "CANCEL";
    case CalendarMethod::kPublish: return "PUBLISH";
  }
  return "PUBLISH";
}

std::string EscapeCalendarText(std::string_view text) {
  return MapText(text, [](std::string& out, std::string_view all, std::size_t i) {
    const char c = all[i];
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\n':
        // "\r\n" was written as one line end at its '\r'.
        if (i == 0 || all[i - 1] != '\r') out += "\\n";
        break;
      case '\r': out += "\\n"; break;
      case '\t': out += c; break;
      default:
        if (!IsControl(static_cast<unsigned char>(c))) out += c;
    }
  });
}

std::string FoldCalendarLine(std::string_view line) {
  std::string out;
  out.reserve(line.size() + line.size() / kLineOctets * 3 + 2);
  std::size_t limit = kLineOctets;  // the leading space of a continuation counts
  for (;;) {
    if (line.size() <= limit) {
      out.append(line);
      out += "\r\n";
      return out;
    }
    std::size_t cut = limit;
    // Back off to the start of the character the limit falls in.
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xc0) == 0x80) --cut;
    if (cut == 0) cut = limit;  // not UTF-8 at all: cut by octets
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = kLineOctets - 1;
  }
}

std::string FormatCalendarTime(Instant t) {
  using namespace std::chrono;
  // A DATE-TIME has a four-digit year: an instant outside 0000–9999 (no
  // booking is) is written at the nearest edge, never as a malformed value
  // that would make readers refuse the whole calendar (found
  // while writing fuzz/icalendar.cc).
  constexpr sys_days kFirst = sys_days(year(0) / January / 1);
  constexpr sys_days kAfterLast = sys_days(year(10000) / January / 1);
  const std::int64_t millis = std::clamp<std::int64_t>(
      t.millis, duration_cast<milliseconds>(kFirst.time_since_epoch()).count(),
      duration_cast<milliseconds>(kAfterLast.time_since_epoch()).count() - 1);
  const auto tp = floor<seconds>(sys_time<milliseconds>{milliseconds(millis)});
  const auto day = floor<days>(tp);
  const year_month_day ymd{day};
  const hh_mm_ss<seconds> time{tp - day};
  return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}Z", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                     time.hours().count(), time.minutes().count(), time.seconds().count());
}

std::string WriteCalendar(CalendarMethod method, const std::vector<CalendarEvent>& events) {
  std::string out;
  const auto add = [&out](std::string_view line) { out += FoldCalendarLine(line); };
  add("BEGIN:VCALENDAR");
  add("VERSION:2.0");
  add("PRODID:-//Secure Base//Booking//EN");
  add("CALSCALE:GREGORIAN");
  add(std::string("METHOD:") + CalendarMethodName(method));
  for (const CalendarEvent& e : events) {
    add("BEGIN:VEVENT");
    add("UID:" + EscapeCalendarText(e.uid));
    add(fmt::format("SEQUENCE:{}", std::max(0, e.sequence)));
    add("DTSTAMP:" + FormatCalendarTime(e.stamp));
    add("DTSTART:" + FormatCalendarTime(e.start));
    add("DTEND:" + FormatCalendarTime(e.end));
    if (!e.summary.empty()) add("SUMMARY:" + EscapeCalendarText(e.summary));
    if (!e.description.empty()) add("DESCRIPTION:" + EscapeCalendarText(e.description));
    if (!e.location.empty()) add("LOCATION:" + EscapeCalendarText(e.location));
    if (!e.url.empty()) add("URL:" + UriValue(e.url));
    const bool cancelled = e.cancelled || method == CalendarMethod::kCancel;
    add(cancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED");
    add("TRANSP:OPAQUE");
    if (!e.organizer.email.empty()) {
      add(Person("ORGANIZER", e.organizer, ""));
      for (const CalendarPerson& a : e.attendees) {
        if (!a.email.empty()) add(Person("ATTENDEE", a, AttendeeParameters(method)));
      }
    }
    add("END:VEVENT");
  }
  add("END:VCALENDAR");
  return out;
}

}  // namespace securebase::domain
