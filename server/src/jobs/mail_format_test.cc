#include "jobs/mail_format.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <libical/ical.h>

#include <algorithm>
#include <string>
#include <vector>

#include "domain/notify/icalendar.h"

namespace securebase::jobs {
namespace {

using ::testing::HasSubstr;

domain::OutgoingMail Mail() {
  return domain::OutgoingMail{
      "0123456789abcdef0123456789abcdef",
      "ana@example.org",
      "Confirm your email",
      "Hello Ana,\n\nopen this link:\nhttps://example.org/verify?token=abc\n",
      "verify-email",
      Instant{1'700'000'000'000}};
}

Mailbox From() {
  return {"Secure Base", "no-reply@example.org"};
}

// The reader's side of quoted-printable, written from RFC 2045 for these tests.
std::string DecodeQuotedPrintable(const std::string& in) {
  std::string out;
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '=') {
      out += in[i];
    } else if (in.compare(i, 3, "=\r\n") == 0) {
      i += 2;
    } else {
      out += static_cast<char>(std::stoi(in.substr(i + 1, 2), nullptr, 16));
      i += 2;
    }
  }
  return out;
}

std::string DecodeBase64(const std::string& in) {
  static const std::string kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (const char c : in) {
    if (c == '=') break;
    buffer = (buffer << 6) | static_cast<unsigned>(kAlphabet.find(c));
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xff);
    }
  }
  return out;
}

// Joins folded lines and decodes =?UTF-8?B?...?= words.
std::string DecodeHeader(const std::string& value) {
  std::string unfolded;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value.compare(i, 3, "\r\n ") == 0) {
      i += 1;  // keep the space, drop CRLF
      continue;
    }
    unfolded += value[i];
  }
  std::string out;
  std::size_t i = 0;
  bool previous_word = false;
  while (i < unfolded.size()) {
    if (unfolded.compare(i, 10, "=?UTF-8?B?") == 0) {
      const auto end = unfolded.find("?=", i + 10);
      out += DecodeBase64(unfolded.substr(i + 10, end - i - 10));
      i = end + 2;
      previous_word = true;
    } else if (previous_word && unfolded[i] == ' ' &&
               unfolded.compare(i + 1, 10, "=?UTF-8?B?") == 0) {
      ++i;  // space between encoded-words is not part of the text
    } else {
      out += unfolded[i++];
      previous_word = false;
    }
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

std::string Header(const std::string& msg, const std::string& name) {
  const std::string head = msg.substr(0, msg.find("\r\n\r\n") + 2);
  const auto start = head.find("\r\n" + name + ": ") != std::string::npos
                         ? head.find("\r\n" + name + ": ") + 2
                         : (head.starts_with(name + ": ") ? 0 : std::string::npos);
  if (start == std::string::npos) return "";
  std::size_t end = start;
  for (;;) {
    end = head.find("\r\n", end);
    if (head.compare(end + 2, 1, " ") != 0) break;
    end += 2;
  }
  return head.substr(start + name.size() + 2, end - start - name.size() - 2);
}

TEST(FormatMessage, WritesTheHeadersAndAQuotedPrintableBody) {
  const auto msg = FormatMessage(Mail(), From(), Instant{1'774'857'600'000});
  ASSERT_TRUE(msg) << msg.error().message;
  EXPECT_EQ(Header(*msg, "Date"), "Mon, 30 Mar 2026 08:00:00 +0000");
  EXPECT_EQ(Header(*msg, "From"), "Secure Base <no-reply@example.org>");
  EXPECT_EQ(Header(*msg, "To"), "ana@example.org");
  EXPECT_EQ(Header(*msg, "Subject"), "Confirm your email");
  EXPECT_EQ(Header(*msg, "Message-ID"), "<0123456789abcdef0123456789abcdef@example.org>");
  EXPECT_EQ(Header(*msg, "MIME-Version"), "1.0");
  EXPECT_EQ(Header(*msg, "Content-Type"), "text/plain; charset=utf-8");
  EXPECT_EQ(Header(*msg, "Content-Transfer-Encoding"), "quoted-printable");
  EXPECT_EQ(Header(*msg, "Auto-Submitted"), "auto-generated");
  const std::string body = msg->substr(msg->find("\r\n\r\n") + 4);
  EXPECT_EQ(body,
            "Hello Ana,\r\n\r\nopen this link:\r\nhttps://example.org/verify?token=3Dabc\r\n");
  EXPECT_EQ(DecodeQuotedPrintable(body),
            "Hello Ana,\r\n\r\nopen this link:\r\nhttps://example.org/verify?token=abc\r\n");
}

TEST(FormatMessage, EveryLineEndsInCrlfAndStaysShort) {
  auto mail = Mail();
  mail.subject =
      "A very long subject line that goes on and on, well past the seventy-eight "
      "characters a header line should keep to";
  mail.text = std::string(300, 'x') + "\n" + "é" + std::string(200, 'y') + "\r\nz\rw";
  const auto msg = FormatMessage(mail, From(), Instant{0});
  ASSERT_TRUE(msg);
  ASSERT_TRUE(msg->ends_with("\r\n"));
  for (std::size_t i = 0; i < msg->size(); ++i) {
    if ((*msg)[i] == '\n') {
      ASSERT_TRUE(i > 0 && (*msg)[i - 1] == '\r') << i;
    }
    if ((*msg)[i] == '\r') {
      ASSERT_EQ((*msg)[i + 1], '\n') << i;
    }
  }
  for (const auto& line : Lines(*msg)) EXPECT_LE(line.size(), 78u) << line;
  EXPECT_EQ(DecodeHeader(Header(*msg, "Subject")), mail.subject);
  const std::string body = msg->substr(msg->find("\r\n\r\n") + 4);
  EXPECT_EQ(DecodeQuotedPrintable(body),
            std::string(300, 'x') + "\r\n" + "é" + std::string(200, 'y') + "\r\nz\r\nw\r\n");
}

TEST(FormatMessage, EncodesNonAsciiSubjectsAndNamesAsEncodedWords) {
  auto mail = Mail();
  mail.subject = "Bestätigen Sie Ihre E-Mail-Adresse für Secure Base · 東京 😀 and more text";
  const Mailbox from{"Praxis Zoë Ō'Brien", "no-reply@example.org"};
  const auto msg = FormatMessage(mail, from, Instant{0});
  ASSERT_TRUE(msg);
  const std::string subject = Header(*msg, "Subject");
  EXPECT_TRUE(subject.starts_with("=?UTF-8?B?")) << subject;
  EXPECT_THAT(subject, HasSubstr("\r\n =?UTF-8?B?"));  // long: several folded words
  EXPECT_EQ(DecodeHeader(subject), mail.subject);
  const std::string from_header = Header(*msg, "From");
  EXPECT_TRUE(from_header.ends_with(" <no-reply@example.org>"));
  EXPECT_EQ(DecodeHeader(from_header.substr(0, from_header.find(" <"))), from.display_name);
  // Each encoded-word is at most 75 characters (RFC 2047).
  for (const auto& line : Lines(*msg)) EXPECT_LE(line.size(), 78u);
}

TEST(FormatMessage, QuotesAsciiNamesWithSpecialsAndKeepsPlainOnesAsTheyAre) {
  const auto quoted = FormatMessage(Mail(), {"Dr. A. \"Care\" Smith", "a@example.org"}, Instant{0});
  ASSERT_TRUE(quoted);
  EXPECT_EQ(Header(*quoted, "From"), "\"Dr. A. \\\"Care\\\" Smith\" <a@example.org>");
  const auto bare = FormatMessage(Mail(), {"", "a@example.org"}, Instant{0});
  EXPECT_EQ(Header(*bare, "From"), "a@example.org");
}

TEST(FormatMessage, RefusesHeaderInjectionInEveryValue) {
  auto mail = Mail();
  mail.subject = "Hi\r\nBcc: eve@example.org";
  auto msg = FormatMessage(mail, From(), Instant{0});
  ASSERT_FALSE(msg);
  EXPECT_EQ(msg.error().code, ErrorCode::kInvalidArgument);

  mail = Mail();
  mail.to = "ana@example.org\nBcc: eve@example.org";
  EXPECT_FALSE(FormatMessage(mail, From(), Instant{0}));

  for (const Mailbox& from : {Mailbox{"Secure\r\nBcc: eve@example.org", "a@example.org"},
                              Mailbox{"Secure Base", "a@example.org\r\nBcc: e@example.org"},
                              Mailbox{"Secure Base", "a@example.org>, <e@example.org"}}) {
    const auto refused = FormatMessage(Mail(), from, Instant{0});
    ASSERT_FALSE(refused) << from.display_name;
    EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
  }
}

TEST(FormatMessage, PlainSubjectsThatLookLikeEncodedWordsAreEncoded) {
  auto mail = Mail();
  mail.subject = "=?UTF-8?B?SGk=?=";
  const auto msg = FormatMessage(mail, From(), Instant{0});
  ASSERT_TRUE(msg);
  EXPECT_EQ(DecodeHeader(Header(*msg, "Subject")), mail.subject);
}

TEST(FormatMessage, UsesAPlaceholderDomainWhenTheSenderDomainIsNotPlainAscii) {
  const auto msg = FormatMessage(Mail(), {"", "no-reply@exämple.org"}, Instant{0});
  ASSERT_TRUE(msg);
  EXPECT_EQ(Header(*msg, "Message-ID"), "<0123456789abcdef0123456789abcdef@securebase.invalid>");
}

// A booking invitation as the domain would attach it.
domain::OutgoingMail MailWithCalendar(domain::CalendarMethod method) {
  domain::CalendarEvent e;
  e.uid = "bk_0123abcd@securebase";
  e.sequence = 1;
  e.start = Instant{1'774'857'600'000};
  e.end = Instant{1'774'860'600'000};
  e.stamp = Instant{1'774'000'000'000};
  e.summary = "Therapy session with Zoë, 50 minutes; online 😀";
  e.description = std::string(200, 'd') + "\nJoin: https://video.example.org/r/abc";
  e.location = "https://video.example.org/r/abc";
  e.organizer = {"praxis@example.org", "Praxis Zoë"};
  e.attendees = {{"ana@example.org", "Ana"}};
  auto mail = Mail();
  mail.kind = "booking-confirmed";
  mail.calendar = domain::WriteCalendar(method, {e});
  mail.calendar_method = domain::CalendarMethodName(method);
  return mail;
}

struct Part {
  std::string headers;  // each line ending in CRLF
  std::string body;     // as sent, still encoded
};

// The reader's side of multipart (RFC 2046 section 5.1.1), strict: the body
// must open with the first delimiter, parts are separated by CRLF "--"
// boundary CRLF, and it must end with the close delimiter and nothing after.
std::vector<Part> SplitMultipart(const std::string& msg, const std::string& boundary) {
  const std::string body = msg.substr(msg.find("\r\n\r\n") + 4);
  const std::string delimiter = "--" + boundary;
  std::vector<Part> parts;
  if (!body.starts_with(delimiter + "\r\n")) {
    ADD_FAILURE() << "the body does not open with the boundary";
    return parts;
  }
  std::size_t pos = delimiter.size() + 2;
  for (;;) {
    const std::size_t next = body.find("\r\n" + delimiter, pos);
    if (next == std::string::npos) {
      ADD_FAILURE() << "no closing boundary";
      return parts;
    }
    const std::string part = body.substr(pos, next - pos);
    const std::size_t blank = part.find("\r\n\r\n");
    parts.push_back({part.substr(0, blank + 2), part.substr(blank + 4)});
    pos = next + 2 + delimiter.size();
    if (body.compare(pos, 4, "--\r\n") == 0) {
      EXPECT_EQ(pos + 4, body.size()) << "text after the closing boundary";
      return parts;
    }
    EXPECT_EQ(body.compare(pos, 2, "\r\n"), 0);
    pos += 2;
  }
}

std::string WithoutLineEnds(std::string s) {
  std::erase(s, '\r');
  std::erase(s, '\n');
  return s;
}

std::size_t Count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto p = haystack.find(needle); p != std::string::npos; p = haystack.find(needle, p + 1)) {
    ++n;
  }
  return n;
}

void ExpectCrlfLinesOfAtMost78(const std::string& msg) {
  for (std::size_t i = 0; i < msg.size(); ++i) {
    if (msg[i] == '\n') {
      ASSERT_TRUE(i > 0 && msg[i - 1] == '\r') << i;
    }
    if (msg[i] == '\r') {
      ASSERT_EQ(msg[i + 1], '\n') << i;
    }
  }
  for (const auto& line : Lines(msg)) EXPECT_LE(line.size(), 78u) << line;
}

TEST(FormatMessage, ACalendarMakesAMultipartMessageWithTheInvitationAttached) {
  const auto mail = MailWithCalendar(domain::CalendarMethod::kRequest);
  const auto msg = FormatMessage(mail, From(), Instant{1'774'857'600'000});
  ASSERT_TRUE(msg) << msg.error().message;
  ASSERT_TRUE(msg->ends_with("\r\n"));
  ExpectCrlfLinesOfAtMost78(*msg);
  const std::string boundary = "=_" + mail.id;
  EXPECT_EQ(Header(*msg, "Content-Type"), "multipart/mixed;\r\n boundary=\"" + boundary + "\"");
  EXPECT_EQ(Header(*msg, "Content-Transfer-Encoding"), "");  // none for the whole
  EXPECT_EQ(Header(*msg, "MIME-Version"), "1.0");
  EXPECT_EQ(Header(*msg, "Subject"), "Confirm your email");

  const auto parts = SplitMultipart(*msg, boundary);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].headers,
            "Content-Type: text/plain; charset=utf-8\r\n"
            "Content-Transfer-Encoding: quoted-printable\r\n");
  EXPECT_EQ(DecodeQuotedPrintable(parts[0].body),
            "Hello Ana,\r\n\r\nopen this link:\r\nhttps://example.org/verify?token=abc\r\n");
  EXPECT_EQ(parts[1].headers,
            "Content-Type: text/calendar; charset=UTF-8; method=REQUEST\r\n"
            "Content-Transfer-Encoding: base64\r\n"
            "Content-Disposition: attachment; filename=\"invite.ics\"\r\n");
  for (const auto& line : Lines(parts[1].body)) EXPECT_LE(line.size(), 76u);
  // Byte for byte the calendar we were given, CRLFs and folds included.
  const std::string ics = DecodeBase64(WithoutLineEnds(parts[1].body));
  EXPECT_EQ(ics, mail.calendar);

  icalcomponent* calendar = icalcomponent_new_from_string(ics.c_str());
  ASSERT_NE(calendar, nullptr);
  EXPECT_EQ(icalcomponent_get_method(calendar), ICAL_METHOD_REQUEST);
  icalcomponent* event = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT);
  ASSERT_NE(event, nullptr);
  EXPECT_STREQ(icalcomponent_get_summary(event), "Therapy session with Zoë, 50 minutes; online 😀");
  icalcomponent_free(calendar);
}

TEST(FormatMessage, ACancellationIsAttachedAsCancelIcs) {
  const auto mail = MailWithCalendar(domain::CalendarMethod::kCancel);
  const auto msg = FormatMessage(mail, From(), Instant{0});
  ASSERT_TRUE(msg) << msg.error().message;
  const auto parts = SplitMultipart(*msg, "=_" + mail.id);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_THAT(parts[1].headers,
              HasSubstr("Content-Type: text/calendar; charset=UTF-8; method=CANCEL\r\n"));
  EXPECT_THAT(parts[1].headers,
              HasSubstr("Content-Disposition: attachment; filename=\"cancel.ics\"\r\n"));
  EXPECT_EQ(DecodeBase64(WithoutLineEnds(parts[1].body)), mail.calendar);
}

TEST(FormatMessage, TheBoundaryNeverOccursInsideAPart) {
  // Text and calendar that quote the boundary itself, as a delimiter and as
  // a close delimiter, on lines of their own.
  auto mail = MailWithCalendar(domain::CalendarMethod::kRequest);
  const std::string boundary = "=_" + mail.id;
  mail.text = "--" + boundary + "\n--" + boundary + "--\n=_ =_=_ end\n";
  mail.calendar =
      "BEGIN:VCALENDAR\r\nX-A:--" + boundary + "\r\n--" + boundary + "--\r\nEND:VCALENDAR\r\n";
  const auto msg = FormatMessage(mail, From(), Instant{0});
  ASSERT_TRUE(msg) << msg.error().message;
  // Once in the header, twice opening a part, once closing.
  EXPECT_EQ(Count(*msg, boundary), 4u);
  const auto parts = SplitMultipart(*msg, boundary);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(DecodeQuotedPrintable(parts[0].body),
            "--" + boundary + "\r\n--" + boundary + "--\r\n=_ =_=_ end\r\n");
  EXPECT_EQ(DecodeBase64(WithoutLineEnds(parts[1].body)), mail.calendar);
}

TEST(FormatMessage, AMessageWithoutACalendarStaysSinglePart) {
  const auto msg = FormatMessage(Mail(), From(), Instant{0});
  ASSERT_TRUE(msg);
  EXPECT_THAT(*msg, ::testing::Not(HasSubstr("multipart")));
  EXPECT_THAT(*msg, ::testing::Not(HasSubstr("text/calendar")));
}

TEST(FormatMessage, RefusesACalendarMethodThatCouldInjectAHeader) {
  auto mail = MailWithCalendar(domain::CalendarMethod::kRequest);
  mail.calendar_method = "REQUEST\r\nBcc: eve@example.org";
  const auto msg = FormatMessage(mail, From(), Instant{0});
  ASSERT_FALSE(msg);
  EXPECT_EQ(msg.error().code, ErrorCode::kInvalidArgument);
}

TEST(EncodeQuotedPrintable, EncodesWhatMustBeAndLeavesTheRest) {
  EXPECT_EQ(EncodeQuotedPrintable(""), "");
  EXPECT_EQ(EncodeQuotedPrintable("plain text"), "plain text");
  EXPECT_EQ(EncodeQuotedPrintable("a=b"), "a=3Db");
  EXPECT_EQ(EncodeQuotedPrintable("é"), "=C3=A9");
  EXPECT_EQ(EncodeQuotedPrintable("trailing \nspace\t"), "trailing=20\r\nspace=09");
  EXPECT_EQ(EncodeQuotedPrintable(".\n.dot\nFrom here\nFromage"),
            "=2E\r\n=2Edot\r\n=46rom here\r\nFromage");
  EXPECT_EQ(EncodeQuotedPrintable("a\r\nb\rc\nd\n"), "a\r\nb\r\nc\r\nd\r\n");
}

TEST(EncodeQuotedPrintable, SoftBreaksKeepLinesShortAndNeverSplitAnEscape) {
  const std::string text = std::string(74, 'a') + "é" + std::string(200, 'b');
  const std::string qp = EncodeQuotedPrintable(text);
  for (const auto& line : Lines(qp)) {
    EXPECT_LE(line.size(), 76u);
    // A line may end in a soft break, but never inside "=XX".
    const auto eq = line.rfind('=');
    if (eq != std::string::npos && eq + 1 != line.size()) {
      EXPECT_LE(eq + 3, line.size());
    }
  }
  EXPECT_EQ(DecodeQuotedPrintable(qp), text);
}

TEST(FormatDate, IsRfc5322InUtc) {
  EXPECT_EQ(FormatDate(Instant{0}), "Thu, 01 Jan 1970 00:00:00 +0000");
  EXPECT_EQ(FormatDate(Instant{1'774'857'600'999}), "Mon, 30 Mar 2026 08:00:00 +0000");
  EXPECT_EQ(FormatDate(Instant{951'782'400'000}), "Tue, 29 Feb 2000 00:00:00 +0000");
}

TEST(ParseMailbox, ReadsNamesAndBareAddresses) {
  auto m = ParseMailbox("Secure Base <no-reply@localhost>");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->display_name, "Secure Base");
  EXPECT_EQ(m->address, "no-reply@localhost");
  m = ParseMailbox("no-reply@example.org");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->display_name, "");
  EXPECT_EQ(m->address, "no-reply@example.org");
  m = ParseMailbox("\"Praxis Zoë\" <praxis@example.org>");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->display_name, "Praxis Zoë");
  m = ParseMailbox("<praxis@example.org>");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->display_name, "");
}

TEST(ParseMailbox, RefusesWhatCannotBeASender) {
  for (const char* bad :
       {"", "Secure Base", "Secure Base <>", "a <b@c> d", "a <b@c", "Secure\nBase <a@b>",
        "x <a b@c>", "x <a@b@c>", "a@b, c@d", "\"x\" y\" <a@b>"}) {
    EXPECT_FALSE(ParseMailbox(bad)) << bad;
  }
}

}  // namespace
}  // namespace securebase::jobs
