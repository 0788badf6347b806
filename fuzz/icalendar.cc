// Feeds arbitrary booking events to the iCalendar writer
// (domain/notify/icalendar): summary, description, location, URL, UID,
// names and addresses of any bytes, any instants and sequence, any method.
//
// Beyond "no crash" it checks that the result is a well-formed calendar
// (RFC 5545 section 3.1): every line ends in CRLF and no CR or LF stands
// alone, no line is longer than 75 octets, a folded line goes on with one
// space and never inside a UTF-8 character, the whole is valid UTF-8 without
// control characters but tab, it opens and closes VCALENDAR with one VEVENT
// per event, the times are "YYYYMMDDTHHMMSSZ", and the summary, description
// and location read back (unfolded and unescaped) as the text given, where
// that text is valid UTF-8 without control characters but tab and LF.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "domain/notify/icalendar.h"
#include "domain/notify/outgoing_mail.h"

namespace {

using namespace securebase;
using domain::CalendarEvent;

void Require(bool ok) {
  if (!ok) std::abort();
}

bool PlainText(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = domain::Utf8SequenceLength(text, i);
    if (n == 0) return false;
    const auto c = static_cast<unsigned char>(text[i]);
    if (n == 1 && ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)) return false;
    i += n;
  }
  return true;
}

std::string Unescape(std::string_view value) {
  std::string out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] != '\\') {
      out += value[i];
      continue;
    }
    Require(i + 1 < value.size());
    const char next = value[++i];
    Require(next == '\\' || next == ';' || next == ',' || next == 'n');
    out += next == 'n' ? '\n' : next;
  }
  return out;
}

bool IsTime(std::string_view v) {
  if (v.size() != 16 || v[8] != 'T' || v[15] != 'Z') return false;
  for (std::size_t i = 0; i < 15; ++i) {
    if (i != 8 && (v[i] < '0' || v[i] > '9')) return false;
  }
  return true;
}

// The content lines of `text`, unfolded; checks the physical lines on the way.
std::vector<std::string> Unfold(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t at = 0;
  while (at < text.size()) {
    const auto end = text.find("\r\n", at);
    Require(end != std::string::npos);
    const std::string_view line(text.data() + at, end - at);
    Require(line.size() <= 75);
    Require(line.find('\r') == std::string_view::npos && line.find('\n') == std::string_view::npos);
    if (!line.empty() && line.front() == ' ') {
      Require(!lines.empty() && line.size() > 1);
      Require((static_cast<unsigned char>(line[1]) & 0xc0) != 0x80);
      lines.back().append(line.substr(1));
    } else {
      Require(!line.empty());
      lines.emplace_back(line);
    }
    at = end + 2;
  }
  return lines;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  const auto method = static_cast<domain::CalendarMethod>(in.ConsumeIntegralInRange(0, 2));
  std::vector<CalendarEvent> events(in.ConsumeIntegralInRange(0, 3));
  for (CalendarEvent& e : events) {
    e.uid = in.ConsumeRandomLengthString(80);
    e.sequence = in.ConsumeIntegral<int>();
    e.start = Instant{in.ConsumeIntegral<std::int64_t>()};
    e.end = Instant{in.ConsumeIntegral<std::int64_t>()};
    e.stamp = Instant{in.ConsumeIntegral<std::int64_t>()};
    e.summary = in.ConsumeRandomLengthString(200);
    e.description = in.ConsumeRandomLengthString(600);
    e.location = in.ConsumeRandomLengthString(120);
    e.url = in.ConsumeRandomLengthString(120);
    e.organizer = {in.ConsumeRandomLengthString(60), in.ConsumeRandomLengthString(60)};
    e.attendees.resize(in.ConsumeIntegralInRange(0, 2));
    for (auto& a : e.attendees) {
      a = {in.ConsumeRandomLengthString(60), in.ConsumeRandomLengthString(60)};
    }
    e.cancelled = in.ConsumeBool();
  }

  const std::string text = domain::WriteCalendar(method, events);
  const auto lines = Unfold(text);
  for (const auto& line : lines) Require(PlainText(line) && line.find('\n') == std::string::npos);
  Require(lines.size() >= 2 && lines.front() == "BEGIN:VCALENDAR" &&
          lines.back() == "END:VCALENDAR");

  std::size_t event = 0;
  int begins = 0;
  for (const auto& line : lines) {
    const auto colon = line.find(':');
    Require(colon != std::string::npos && colon > 0);
    const std::string_view name(line.data(), colon);
    const std::string_view value(line.data() + colon + 1, line.size() - colon - 1);
    if (line == "BEGIN:VEVENT") ++begins;
    if (line == "END:VEVENT") ++event;
    if (name == "DTSTART" || name == "DTEND" || name == "DTSTAMP") Require(IsTime(value));
    if (event >= events.size()) continue;
    const CalendarEvent& e = events[event];
    const auto check = [&](std::string_view property, const std::string& given) {
      if (name != property) return;
      const std::string back = Unescape(value);
      if (PlainText(given)) Require(back == given);
    };
    check("SUMMARY", e.summary);
    check("DESCRIPTION", e.description);
    check("LOCATION", e.location);
  }
  Require(begins == static_cast<int>(events.size()) && event == events.size());
  return 0;
}
