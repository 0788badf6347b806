#include "common/json_escape.h"

#include <gtest/gtest.h>
#include <boost/json/parse.hpp>

#include <string>

namespace securebase {
namespace {

std::string Escaped(std::string_view text) {
  std::string out;
  AppendJsonEscaped(out, text);
  return out;
}

TEST(JsonEscape, LeavesPlainTextAlone) {
  EXPECT_EQ(Escaped(""), "");
  EXPECT_EQ(Escaped("route /api/v1/x?y=1 & z"), "route /api/v1/x?y=1 & z");
  EXPECT_EQ(Escaped("caf\xC3\xA9 \xE2\x9C\x93"), "caf\xC3\xA9 \xE2\x9C\x93");  // UTF-8 untouched
  EXPECT_EQ(Escaped("\x7f"), "\x7f");  // DEL is allowed raw in JSON
  EXPECT_EQ(Escaped("a/b"), "a/b");
}

TEST(JsonEscape, EscapesQuotesBackslashesAndWhitespace) {
  EXPECT_EQ(Escaped("say \"hi\""), "say \\\"hi\\\"");
  EXPECT_EQ(Escaped("C:\\dir"), "C:\\\\dir");
  EXPECT_EQ(Escaped("a\nb\rc\td"), "a\\nb\\rc\\td");
}

TEST(JsonEscape, EscapesOtherControlCharactersAsUnicode) {
  EXPECT_EQ(Escaped(std::string_view("\0", 1)), "\\u0000");
  EXPECT_EQ(Escaped("\x01"), "\\u0001");
  EXPECT_EQ(Escaped("\x08\x0c"), "\\u0008\\u000c");
  EXPECT_EQ(Escaped("\x1f"), "\\u001f");
}

TEST(JsonEscape, AppendsWithoutReplacing) {
  std::string out = "{\"k\":\"";
  AppendJsonEscaped(out, "v\"");
  EXPECT_EQ(out, "{\"k\":\"v\\\"");
}

TEST(JsonEscape, EveryAsciiCharacterRoundTripsThroughAJsonParser) {
  std::string all;
  for (int c = 0; c < 128; ++c) all.push_back(static_cast<char>(c));
  all += "caf\xC3\xA9";
  const std::string doc = "\"" + Escaped(all) + "\"";
  boost::system::error_code ec;
  const auto value = boost::json::parse(doc, ec);
  ASSERT_FALSE(ec) << ec.message() << " in " << doc;
  ASSERT_TRUE(value.is_string());
  EXPECT_EQ(std::string(value.as_string()), all);
}

}  // namespace
}  // namespace securebase
