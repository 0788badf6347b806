// The iCalendar writer, checked line by line and by parsing its output with
// libical (linked into the test binary only).
#include "domain/notify/icalendar.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <libical/ical.h>

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "domain/notify/outgoing_mail.h"

namespace securebase::domain {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr Instant kStart{1'774'857'600'000};  // 2026-03-30T08:00:00Z
constexpr Instant kEnd{1'774'860'600'000};    // 2026-03-30T08:50:00Z
constexpr Instant kStamp{1'774'000'000'999};  // 2026-03-20T09:46:40.999Z

struct IcalFree {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Parsed = std::unique_ptr<icalcomponent, IcalFree>;

Parsed Parse(const std::string& text) {
  return Parsed(icalcomponent_new_from_string(text.c_str()));
}

std::vector<icalcomponent*> Events(icalcomponent* calendar) {
  std::vector<icalcomponent*> out;
  for (icalcomponent* c = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT); c;
       c = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
    out.push_back(c);
  }
  return out;
}

struct ParsedPerson {
  std::string address;
  std::string cn;
  bool operator==(const ParsedPerson&) const = default;
};

std::vector<ParsedPerson> People(icalcomponent* event, icalproperty_kind kind) {
  std::vector<ParsedPerson> out;
  for (icalproperty* p = icalcomponent_get_first_property(event, kind); p;
       p = icalcomponent_get_next_property(event, kind)) {
    ParsedPerson person;
    const char* value = kind == ICAL_ATTENDEE_PROPERTY ? icalproperty_get_attendee(p)
                                                       : icalproperty_get_organizer(p);
    person.address = value ? value : "";
    if (icalparameter* cn = icalproperty_get_first_parameter(p, ICAL_CN_PARAMETER)) {
      person.cn = icalparameter_get_cn(cn);
    }
    out.push_back(person);
  }
  return out;
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::size_t p = 0;
  while (p < s.size()) {
    const auto e = s.find("\r\n", p);
    out.push_back(s.substr(p, e - p));
    p = e == std::string::npos ? s.size() : e + 2;
  }
  return out;
}

std::string Unfold(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 3, "\r\n ") == 0) {
      i += 2;
      continue;
    }
    out += s[i];
  }
  return out;
}

// Every line ends in CRLF, holds at most 75 octets and is whole UTF-8.
void ExpectWellFormedLines(const std::string& text) {
  ASSERT_TRUE(text.ends_with("\r\n"));
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      ASSERT_TRUE(i > 0 && text[i - 1] == '\r') << i;
    }
    if (text[i] == '\r') {
      ASSERT_EQ(text[i + 1], '\n') << i;
    }
  }
  for (const auto& line : Lines(text)) {
    EXPECT_LE(line.size(), 75u) << line;
    EXPECT_TRUE(IsValidUtf8(line)) << line;
  }
}

CalendarEvent Booking() {
  CalendarEvent e;
  e.uid = "bk_0123abcd@securebase";
  e.sequence = 2;
  e.start = kStart;
  e.end = kEnd;
  e.stamp = kStamp;
  e.summary = "Therapy session, 50 minutes; with Zoë Ō'Brien";
  e.description =
      "Your session is booked.\nJoin: https://video.example.org/r/abc?x=1;y=2\n\n"
      "Need to change it? Cancel at least 24 hours ahead, please. Back\\slash 東京 😀";
  e.location = "https://video.example.org/r/abc?x=1;y=2";
  e.url = "https://practice.example.org/bookings/bk_0123abcd";
  e.organizer = {"praxis@example.org", "Dr. Zoë \"Care\" Ō'Brien"};
  e.attendees = {{"ana@example.org", "Ana Müller, Jr."}, {"ben@example.org", ""}};
  return e;
}

TEST(FormatCalendarTime, IsUtcToTheSecond) {
  EXPECT_EQ(FormatCalendarTime(Instant{0}), "19700101T000000Z");
  EXPECT_EQ(FormatCalendarTime(kStart), "20260330T080000Z");
  EXPECT_EQ(FormatCalendarTime(kStamp), "20260320T094640Z");  // milliseconds dropped
  EXPECT_EQ(FormatCalendarTime(Instant{951'825'599'000}), "20000229T115959Z");
}

TEST(FormatCalendarTime, KeepsFourDigitYearsForAnyInstant) {
  // Outside 0000–9999 the value would not be a DATE-TIME (it was
  // "-69110712T071255Z" for the largest instant): the edges are written.
  EXPECT_EQ(FormatCalendarTime(Instant{std::numeric_limits<std::int64_t>::max()}),
            "99991231T235959Z");
  EXPECT_EQ(FormatCalendarTime(Instant{253'402'300'800'000}), "99991231T235959Z");
  EXPECT_EQ(FormatCalendarTime(Instant{std::numeric_limits<std::int64_t>::min()}),
            "00000101T000000Z");
  EXPECT_EQ(FormatCalendarTime(Instant{-62'167'219'200'000}), "00000101T000000Z");
}

TEST(EscapeCalendarText, EscapesWhatTextMustAndDropsControlCharacters) {
  EXPECT_EQ(EscapeCalendarText(""), "");
  EXPECT_EQ(EscapeCalendarText("plain: text"), "plain: text");
  EXPECT_EQ(EscapeCalendarText("a\\b;c,d"), "a\\\\b\\;c\\,d");
  EXPECT_EQ(EscapeCalendarText("one\ntwo\r\nthree\rfour\n"), "one\\ntwo\\nthree\\nfour\\n");
  EXPECT_EQ(EscapeCalendarText("\r\n\r\n"), "\\n\\n");
  EXPECT_EQ(EscapeCalendarText(std::string("a\x01\x07\x1b\x7f"
                                           "b\tc\0d",
                                           10)),
            "ab\tcd");
  EXPECT_EQ(EscapeCalendarText("Zoë 東京 😀"), "Zoë 東京 😀");
  // Malformed UTF-8 becomes U+FFFD, so the calendar stays valid text.
  EXPECT_EQ(EscapeCalendarText("a\xff"
                               "b\xc3"),
            "a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD");
  EXPECT_EQ(EscapeCalendarText("\xed\xa0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(FoldCalendarLine, LeavesShortLinesAndFoldsLongOnesAt75Octets) {
  EXPECT_EQ(FoldCalendarLine("BEGIN:VEVENT"), "BEGIN:VEVENT\r\n");
  EXPECT_EQ(FoldCalendarLine(std::string(75, 'a')), std::string(75, 'a') + "\r\n");
  EXPECT_EQ(FoldCalendarLine(std::string(76, 'a')), std::string(75, 'a') + "\r\n " + "a\r\n");
  const std::string line = "DESCRIPTION:" + std::string(300, 'x');
  const std::string folded = FoldCalendarLine(line);
  const auto lines = Lines(folded);
  ASSERT_EQ(lines.size(), 5u);  // 75 + 4 * 74 >= 312
  EXPECT_EQ(lines[0].size(), 75u);
  for (std::size_t i = 1; i < lines.size(); ++i) {
    EXPECT_TRUE(lines[i].starts_with(' '));
    if (i + 1 < lines.size()) {
      EXPECT_EQ(lines[i].size(), 75u);
    }
  }
  EXPECT_EQ(Unfold(folded), line + "\r\n");
}

TEST(FoldCalendarLine, NeverSplitsAUtf8Character) {
  // Two-, three- and four-octet characters after every prefix length, so
  // that the 75th octet falls in every position inside a character.
  for (const std::string unit : {"é", "東", "😀", "a😀é"}) {
    for (std::size_t prefix = 0; prefix < 5; ++prefix) {
      std::string line = "SUMMARY:" + std::string(prefix, 'p');
      for (int i = 0; i < 60; ++i) line += unit;
      const std::string folded = FoldCalendarLine(line);
      ExpectWellFormedLines(folded);
      EXPECT_EQ(Unfold(folded), line + "\r\n") << unit << prefix;
      // Lines are cut as late as the character allows: at most three octets
      // (one character less one) short of the limit.
      const auto lines = Lines(folded);
      for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        EXPECT_GE(lines[i].size(), 72u) << unit << prefix << " line " << i;
      }
    }
  }
}

TEST(WriteCalendar, WritesAnInvitationLineByLine) {
  const std::string ics = WriteCalendar(CalendarMethod::kRequest, {Booking()});
  ExpectWellFormedLines(ics);
  const auto lines = Lines(Unfold(ics));
  ASSERT_GE(lines.size(), 6u);
  EXPECT_EQ(lines[0], "BEGIN:VCALENDAR");
  EXPECT_EQ(lines[1], "VERSION:2.0");
  EXPECT_EQ(lines[2], "PRODID:-//Secure Base//Booking//EN");
  EXPECT_EQ(lines[3], "CALSCALE:GREGORIAN");
  EXPECT_EQ(lines[4], "METHOD:REQUEST");
  EXPECT_EQ(lines.back(), "END:VCALENDAR");
  const std::string unfolded = Unfold(ics);
  for (const char* want : {
           "\r\nUID:bk_0123abcd@securebase\r\n",
           "\r\nSEQUENCE:2\r\n",
           "\r\nDTSTAMP:20260320T094640Z\r\n",
           "\r\nDTSTART:20260330T080000Z\r\n",
           "\r\nDTEND:20260330T085000Z\r\n",
           "\r\nSUMMARY:Therapy session\\, 50 minutes\\; with Zoë Ō'Brien\r\n",
           "\r\nLOCATION:https://video.example.org/r/abc?x=1\\;y=2\r\n",
           "\r\nURL:https://practice.example.org/bookings/bk_0123abcd\r\n",
           "\r\nSTATUS:CONFIRMED\r\n",
           "\r\nORGANIZER;CN=\"Dr. Zoë Care Ō'Brien\":mailto:praxis@example.org\r\n",
       }) {
    EXPECT_THAT(unfolded, HasSubstr(want));
  }
  const std::string invited = ";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:";
  EXPECT_THAT(unfolded,
              HasSubstr("\r\nATTENDEE;CN=\"Ana Müller, Jr.\"" + invited + "ana@example.org\r\n"));
  EXPECT_THAT(unfolded, HasSubstr("\r\nATTENDEE" + invited + "ben@example.org\r\n"));
  EXPECT_THAT(unfolded, HasSubstr("\r\nDESCRIPTION:Your session is booked.\\nJoin: "));
}

TEST(WriteCalendar, AnInvitationParsesBackWithLibical) {
  const CalendarEvent booking = Booking();
  const std::string ics = WriteCalendar(CalendarMethod::kRequest, {booking});
  const Parsed calendar = Parse(ics);
  ASSERT_TRUE(calendar) << ics;
  EXPECT_EQ(icalcomponent_count_errors(calendar.get()), 0) << ics;
  EXPECT_EQ(icalcomponent_get_method(calendar.get()), ICAL_METHOD_REQUEST);
  const auto events = Events(calendar.get());
  ASSERT_EQ(events.size(), 1u);
  icalcomponent* e = events[0];
  EXPECT_STREQ(icalcomponent_get_uid(e), booking.uid.c_str());
  EXPECT_EQ(icalcomponent_get_sequence(e), 2);
  const icaltimetype start = icalcomponent_get_dtstart(e);
  EXPECT_TRUE(icaltime_is_utc(start));
  EXPECT_EQ(icaltime_as_timet(start), kStart.millis / 1000);
  const icaltimetype end = icalcomponent_get_dtend(e);
  EXPECT_TRUE(icaltime_is_utc(end));
  EXPECT_EQ(icaltime_as_timet(end), kEnd.millis / 1000);
  EXPECT_EQ(icaltime_as_timet(icalcomponent_get_dtstamp(e)), kStamp.millis / 1000);
  // Folded, escaped and unfolded again: the very text we were given.
  EXPECT_EQ(std::string(icalcomponent_get_summary(e)), booking.summary);
  EXPECT_EQ(std::string(icalcomponent_get_description(e)), booking.description);
  EXPECT_EQ(std::string(icalcomponent_get_location(e)), booking.location);
  EXPECT_EQ(icalcomponent_get_status(e), ICAL_STATUS_CONFIRMED);
  EXPECT_EQ(People(e, ICAL_ORGANIZER_PROPERTY),
            (std::vector<ParsedPerson>{{"mailto:praxis@example.org", "Dr. Zoë Care Ō'Brien"}}));
  EXPECT_EQ(People(e, ICAL_ATTENDEE_PROPERTY),
            (std::vector<ParsedPerson>{{"mailto:ana@example.org", "Ana Müller, Jr."},
                                       {"mailto:ben@example.org", ""}}));
  icalproperty* ana = icalcomponent_get_first_property(e, ICAL_ATTENDEE_PROPERTY);
  ASSERT_TRUE(ana);
  EXPECT_EQ(icalparameter_get_rsvp(icalproperty_get_first_parameter(ana, ICAL_RSVP_PARAMETER)),
            ICAL_RSVP_TRUE);
  EXPECT_EQ(
      icalparameter_get_partstat(icalproperty_get_first_parameter(ana, ICAL_PARTSTAT_PARAMETER)),
      ICAL_PARTSTAT_NEEDSACTION);
}

TEST(WriteCalendar, NamesLoseQuotesAndControlsAndKeepCaretsAndPunctuation) {
  CalendarEvent e = Booking();
  e.organizer.name = "\"\"";  // nothing left: no CN at all
  e.attendees = {{"ana@example.org", "A \"q\" b;c:d,e^n^'f\tg\nh"}};
  const std::string ics = WriteCalendar(CalendarMethod::kRequest, {e});
  EXPECT_THAT(Unfold(ics), HasSubstr("\r\nORGANIZER:mailto:praxis@example.org\r\n"));
  const Parsed calendar = Parse(ics);
  ASSERT_TRUE(calendar);
  EXPECT_EQ(icalcomponent_count_errors(calendar.get()), 0);
  const auto attendees = People(Events(calendar.get())[0], ICAL_ATTENDEE_PROPERTY);
  ASSERT_EQ(attendees.size(), 1u);
  EXPECT_EQ(attendees[0].cn, "A q b;c:d,e^n^'f gh");
  EXPECT_EQ(attendees[0].address, "mailto:ana@example.org");
}

TEST(WriteCalendar, ACancellationSaysSoAndAsksForNoAnswer) {
  CalendarEvent e = Booking();
  e.sequence = 3;
  const std::string ics = WriteCalendar(CalendarMethod::kCancel, {e});
  ExpectWellFormedLines(ics);
  const std::string unfolded = Unfold(ics);
  EXPECT_THAT(unfolded, HasSubstr("\r\nMETHOD:CANCEL\r\n"));
  EXPECT_THAT(unfolded, HasSubstr("\r\nSTATUS:CANCELLED\r\n"));
  EXPECT_THAT(unfolded, Not(HasSubstr("STATUS:CONFIRMED")));
  EXPECT_THAT(unfolded, Not(HasSubstr("RSVP")));
  EXPECT_THAT(unfolded,
              HasSubstr("\r\nATTENDEE;CN=\"Ana Müller, Jr.\";ROLE=REQ-PARTICIPANT:mailto:"));

  const Parsed calendar = Parse(ics);
  ASSERT_TRUE(calendar);
  EXPECT_EQ(icalcomponent_count_errors(calendar.get()), 0);
  EXPECT_EQ(icalcomponent_get_method(calendar.get()), ICAL_METHOD_CANCEL);
  const auto events = Events(calendar.get());
  ASSERT_EQ(events.size(), 1u);
  EXPECT_STREQ(icalcomponent_get_uid(events[0]), e.uid.c_str());
  EXPECT_EQ(icalcomponent_get_sequence(events[0]), 3);
  EXPECT_EQ(icalcomponent_get_status(events[0]), ICAL_STATUS_CANCELLED);
  EXPECT_EQ(People(events[0], ICAL_ATTENDEE_PROPERTY).size(), 2u);

  // The same event as an invitation is confirmed.
  const Parsed request = Parse(WriteCalendar(CalendarMethod::kRequest, {Booking()}));
  EXPECT_EQ(icalcomponent_get_status(Events(request.get())[0]), ICAL_STATUS_CONFIRMED);
}

TEST(WriteCalendar, AFeedOfThreeEventsRoundTrips) {
  std::vector<CalendarEvent> feed;
  for (int i = 0; i < 3; ++i) {
    CalendarEvent e;
    e.uid = "bk_" + std::to_string(i) + "@securebase";
    e.sequence = i;
    e.start = Instant{kStart.millis + i * 86'400'000LL};
    e.end = Instant{kEnd.millis + i * 86'400'000LL};
    e.stamp = kStamp;
    e.summary = "Session " + std::to_string(i + 1) + ": Ana M., new client; 東京 😀";
    e.description = "Line one, with a comma\nLine two; with a semicolon\n";
    e.location = i == 1 ? "" : "https://video.example.org/r/" + std::to_string(i);
    e.cancelled = i == 2;
    feed.push_back(e);
  }
  const std::string ics = WriteCalendar(CalendarMethod::kPublish, feed);
  ExpectWellFormedLines(ics);
  EXPECT_THAT(ics, HasSubstr("\r\nMETHOD:PUBLISH\r\n"));
  EXPECT_THAT(ics, Not(HasSubstr("ORGANIZER")));
  EXPECT_THAT(ics, Not(HasSubstr("ATTENDEE")));
  EXPECT_THAT(ics, Not(HasSubstr("LOCATION:\r\n")));  // an empty value is left out

  const Parsed calendar = Parse(ics);
  ASSERT_TRUE(calendar);
  EXPECT_EQ(icalcomponent_count_errors(calendar.get()), 0);
  EXPECT_EQ(icalcomponent_get_method(calendar.get()), ICAL_METHOD_PUBLISH);
  const auto events = Events(calendar.get());
  ASSERT_EQ(events.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    const CalendarEvent& want = feed[i];
    icalcomponent* got = events[i];
    EXPECT_EQ(std::string(icalcomponent_get_uid(got)), want.uid);
    EXPECT_EQ(icalcomponent_get_sequence(got), want.sequence);
    EXPECT_TRUE(icaltime_is_utc(icalcomponent_get_dtstart(got)));
    EXPECT_EQ(icaltime_as_timet(icalcomponent_get_dtstart(got)), want.start.millis / 1000);
    EXPECT_EQ(icaltime_as_timet(icalcomponent_get_dtend(got)), want.end.millis / 1000);
    EXPECT_EQ(std::string(icalcomponent_get_summary(got)), want.summary);
    EXPECT_EQ(std::string(icalcomponent_get_description(got)), want.description);
    const char* location = icalcomponent_get_location(got);
    EXPECT_EQ(location ? std::string(location) : std::string(), want.location);
    EXPECT_EQ(icalcomponent_get_status(got),
              want.cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED);
    EXPECT_EQ(icalcomponent_get_first_property(got, ICAL_ORGANIZER_PROPERTY), nullptr);
  }
}

TEST(WriteCalendar, AnEmptyFeedIsStillACalendar) {
  const std::string ics = WriteCalendar(CalendarMethod::kPublish, {});
  EXPECT_EQ(ics,
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Secure Base//Booking//EN\r\n"
            "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n");
  const Parsed calendar = Parse(ics);
  ASSERT_TRUE(calendar);
  EXPECT_TRUE(Events(calendar.get()).empty());
}

TEST(CalendarMethodName, NamesEachMethod) {
  EXPECT_STREQ(CalendarMethodName(CalendarMethod::kRequest), "REQUEST");
  EXPECT_STREQ(CalendarMethodName(CalendarMethod::kCancel), "CANCEL");
  EXPECT_STREQ(CalendarMethodName(CalendarMethod::kPublish), "PUBLISH");
}

}  // namespace
}  // namespace securebase::domain
