// iCalendar writer (RFC 5545, with the methods of RFC 5546): turns booking
// events into the text of one VCALENDAR object, for an invitation attached
// to a mail (REQUEST, CANCEL) or for a subscribed calendar feed (PUBLISH).
//
// It lives in domain/notify rather than jobs/ because domain services compose
// booking mails, calendar part included, and the domain may not depend on
// jobs/. It is hand-written on purpose (~150 lines): we only ever write UTC
// times, so no VTIMEZONE and no library are needed; tests parse the output
// with libical.
//
// What it writes: CRLF line ends; VERSION:2.0, PRODID, CALSCALE:GREGORIAN and
// METHOD; per event UID, SEQUENCE, DTSTAMP/DTSTART/DTEND as UTC
// "YYYYMMDDTHHMMSSZ" (milliseconds dropped), SUMMARY, DESCRIPTION and LOCATION
// as escaped TEXT (backslash, semicolon, comma; any line end becomes "\n";
// other control characters but tab dropped; invalid UTF-8 becomes U+FFFD),
// URL, STATUS (CONFIRMED, or CANCELLED for a cancelled event or with METHOD
// CANCEL), and ORGANIZER/ATTENDEE as mailto: addresses with a quoted CN.
// Content lines are folded at 75 octets, never inside a UTF-8 sequence.
//
// An event whose organizer has no email (a feed entry) is written without
// ORGANIZER and ATTENDEE lines.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"

namespace securebase::domain {

enum class CalendarMethod {
  kRequest,  // an invitation, or an update of one (raise the sequence)
  kCancel,   // the event is off
  kPublish,  // a subscribed feed: the events as they are now
};

// "REQUEST", "CANCEL", "PUBLISH": the METHOD value, also the MIME
// Content-Type's method parameter.
const char* CalendarMethodName(CalendarMethod method);

struct CalendarPerson {
  std::string email;  // a plain address; empty: nobody
  std::string name;   // may be empty
};

struct CalendarEvent {
  std::string uid;   // stable per booking, e.g. "bk_abc@securebase"; the caller makes it
  int sequence = 0;  // raised on each change the recipient should see
  Instant start;     // UTC
  Instant end;       // UTC
  Instant stamp;     // DTSTAMP: when this version of the event was written
  std::string summary;
  std::string description;   // may be several lines
  std::string location;      // e.g. the video link; empty: none
  std::string url;           // empty: none
  CalendarPerson organizer;  // email empty: no ORGANIZER or ATTENDEE lines
  std::vector<CalendarPerson> attendees;
  bool cancelled = false;  // STATUS:CANCELLED (always so with kCancel)
};

// The whole calendar object, ready to attach or serve as text/calendar.
std::string WriteCalendar(CalendarMethod method, const std::vector<CalendarEvent>& events);

// The parts, exposed for their tests.

// A TEXT value as RFC 5545 section 3.3.11 wants it.
std::string EscapeCalendarText(std::string_view text);

// One content line (without its line end) folded to lines of at most 75
// octets, each ended by CRLF; continuation lines start with one space.
std::string FoldCalendarLine(std::string_view line);

// "20260330T080000Z".
std::string FormatCalendarTime(Instant t);

}  // namespace securebase::domain
