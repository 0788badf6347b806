#include "domain/notify/outgoing_mail.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/notify/outbox_repository.h"

namespace securebase::domain {
namespace {

OutgoingMail Good() {
  return OutgoingMail{"0123456789abcdef0123456789abcdef",
                      "ana@example.org",
                      "Confirm your email",
                      "Hello.\nOpen this link: https://x/verify?token=t\n",
                      "verify-email",
                      Instant{1'700'000'000'000}};
}

std::string FirstField(const Status& s) {
  return s || s.error().fields.empty() ? std::string() : s.error().fields.front().field;
}

TEST(ValidateOutgoingMail, AcceptsAnOrdinaryMessage) {
  EXPECT_TRUE(ValidateOutgoingMail(Good()));
  OutgoingMail m = Good();
  m.subject = "Bestätigen Sie Ihre E-Mail 東京";
  m.to = "zoë@exämple.org";
  m.text = "";
  EXPECT_TRUE(ValidateOutgoingMail(m));
}

TEST(ValidateOutgoingMail, RefusesAnythingThatCouldInjectAHeaderOrARecipient) {
  for (const std::string& to : std::vector<std::string>{
           "ana@example.org\r\nBcc: eve@example.org", "ana@example.org\nX: y", "ana@example.org\r",
           "a b@example.org", "Ana <ana@example.org>", "ana@example.org,eve@example.org",
           "ana@example.org;eve@example.org", "ana", "@example.org", "ana@", "a@b@c",
           std::string("ana@example.org\0x", 17), "\"ana\"@example.org", ""}) {
    OutgoingMail m = Good();
    m.to = to;
    EXPECT_EQ(FirstField(ValidateOutgoingMail(m)), "to") << to;
  }
  for (const std::string& subject :
       std::vector<std::string>{"Hi\r\nBcc: eve@example.org", "Hi\nthere", "Hi\rthere", "tab\there",
                                std::string(401, 'x'), "bad \xff utf-8"}) {
    OutgoingMail m = Good();
    m.subject = subject;
    EXPECT_EQ(FirstField(ValidateOutgoingMail(m)), "subject") << subject;
  }
}

TEST(ValidateOutgoingMail, RefusesBadIdsKindsAndBodies) {
  OutgoingMail m = Good();
  m.id = "../../etc/passwd";
  EXPECT_EQ(FirstField(ValidateOutgoingMail(m)), "id");
  m = Good();
  m.id = "";
  EXPECT_EQ(FirstField(ValidateOutgoingMail(m)), "id");
  m = Good();
  m.kind = "Verify Email";
  EXPECT_EQ(FirstField(ValidateOutgoingMail(m)), "kind");
  m = Good();
  m.kind = "";
  EXPECT_EQ(FirstField(ValidateOutgoingMail(m)), "kind");
  m = Good();
  m.text = "broken \xc3";
  EXPECT_EQ(FirstField(ValidateOutgoingMail(m)), "text");
  m = Good();
  m.text = std::string(1024 * 1024 + 1, 'a');
  EXPECT_EQ(FirstField(ValidateOutgoingMail(m)), "text");
}

TEST(ValidateOutgoingMail, MessagesNameTheFieldButNeverTheValue) {
  OutgoingMail m = Good();
  m.to = "secret person@example.org";
  const auto s = ValidateOutgoingMail(m);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(s.error().message.find("secret"), std::string::npos);
  for (const auto& f : s.error().fields) EXPECT_EQ(f.message.find("secret"), std::string::npos);
}

TEST(ValidateOutgoingMail, AcceptsACalendarWithItsMethodAndNothingElse) {
  OutgoingMail m = Good();
  m.calendar = "BEGIN:VCALENDAR\r\nSUMMARY:Zoë 東京\r\nEND:VCALENDAR\r\n";
  for (const char* method : {"REQUEST", "CANCEL", "PUBLISH"}) {
    m.calendar_method = method;
    EXPECT_TRUE(ValidateOutgoingMail(m)) << method;
  }
  // The method goes into a MIME header: only the three names, exactly.
  for (const char* method :
       {"", "request", "REPLY", "REQUEST\r\nBcc: eve@example.org", "REQUEST; x=y"}) {
    m.calendar_method = method;
    EXPECT_EQ(FirstField(ValidateOutgoingMail(m)), "calendar_method") << method;
  }
  m = Good();
  m.calendar_method = "REQUEST";  // a method without a calendar
  EXPECT_EQ(FirstField(ValidateOutgoingMail(m)), "calendar_method");

  m = Good();
  m.calendar_method = "REQUEST";
  m.calendar = "BEGIN:VCALENDAR\r\nSUMMARY:broken \xc3\r\n";
  EXPECT_EQ(FirstField(ValidateOutgoingMail(m)), "calendar");
  m.calendar = std::string(256 * 1024, 'a');
  EXPECT_TRUE(ValidateOutgoingMail(m));
  m.calendar += 'a';
  EXPECT_EQ(FirstField(ValidateOutgoingMail(m)), "calendar");
}

TEST(Utf8SequenceLength, MeasuresOneCharacterOrRefusesIt) {
  EXPECT_EQ(Utf8SequenceLength("a", 0), 1u);
  EXPECT_EQ(Utf8SequenceLength("xé", 1), 2u);
  EXPECT_EQ(Utf8SequenceLength("東", 0), 3u);
  EXPECT_EQ(Utf8SequenceLength("😀!", 0), 4u);
  EXPECT_EQ(Utf8SequenceLength("😀", 1), 0u);         // inside a character
  EXPECT_EQ(Utf8SequenceLength("\xc3", 0), 0u);      // cut short
  EXPECT_EQ(Utf8SequenceLength("\xc0\xaf", 0), 0u);  // overlong
  EXPECT_EQ(Utf8SequenceLength("\xed\xa0\x80", 0), 0u);
}

TEST(IsValidUtf8, KnowsGoodAndBadSequences) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain"));
  EXPECT_TRUE(IsValidUtf8("é東😀"));
  EXPECT_FALSE(IsValidUtf8("\xc3"));              // cut short
  EXPECT_FALSE(IsValidUtf8("\xc0\xaf"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xed\xa0\x80"));      // a surrogate
  EXPECT_FALSE(IsValidUtf8("\xf4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\x80"));
  EXPECT_FALSE(IsValidUtf8("\xf0\x9f\x98"));
}

TEST(ShortReason, KeepsShortTextAndCutsLongTextOnACharacter) {
  EXPECT_EQ(ShortReason("timeout"), "timeout");
  const std::string long_text = std::string(199, 'a') + "é" + std::string(50, 'b');
  const std::string cut = ShortReason(long_text);
  EXPECT_EQ(cut, std::string(199, 'a'));
  EXPECT_TRUE(IsValidUtf8(cut));
  EXPECT_EQ(ShortReason(std::string(300, 'x')).size(), 200u);
}

}  // namespace
}  // namespace securebase::domain
