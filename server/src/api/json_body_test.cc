#include "api/json_body.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace securebase::api {
namespace {

using ::testing::HasSubstr;

Result<boost::json::object> Parse(std::string body) {
  http::Request req;
  req.message.body() = std::move(body);
  return ParseJsonObject(req);
}

void ExpectRefused(const std::string& body, const std::string& why) {
  const auto r = Parse(body);
  ASSERT_FALSE(r.has_value()) << body.substr(0, 80);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument) << body.substr(0, 80);
  EXPECT_THAT(r.error().message, HasSubstr(why)) << body.substr(0, 80);
}

TEST(ParseJsonObject, EmptyBody) {
  ExpectRefused("", "needs a JSON object as its body");
}

TEST(ParseJsonObject, InvalidJson) {
  for (const char* body :
       {"{", "{\"a\":}", "{'a':1}", "{\"a\":1} trailing", "nul", " ", "{\"a\":1,}"}) {
    ExpectRefused(body, "not valid JSON");
  }
}

TEST(ParseJsonObject, ValuesThatAreNotObjects) {
  for (const char* body : {"[]", "[{\"a\":1}]", "\"text\"", "42", "null", "true"}) {
    ExpectRefused(body, "must be a JSON object");
  }
}

TEST(ParseJsonObject, DeepNestingIsRefusedWithoutCrashing) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "{\"a\":";
  deep += "1";
  for (int i = 0; i < 100000; ++i) deep += "}";
  ExpectRefused(deep, "not valid JSON");

  std::string arrays = "{\"a\":" + std::string(5000, '[') + std::string(5000, ']') + "}";
  ExpectRefused(arrays, "not valid JSON");
}

TEST(ParseJsonObject, ModerateNestingIsFine) {
  std::string nested;
  for (int i = 0; i < 10; ++i) nested += "{\"a\":";
  nested += "1";
  for (int i = 0; i < 10; ++i) nested += "}";
  EXPECT_TRUE(Parse(nested).has_value());
}

TEST(ParseJsonObject, ValidObject) {
  const auto r = Parse(
      R"({"time_zone":"Europe/Berlin","minutes":12,"done":true,"tags":["a","b"],"note":"caf\u00e9"})");
  ASSERT_TRUE(r.has_value()) << r.error().message;
  EXPECT_EQ(r->at("time_zone").as_string(), "Europe/Berlin");
  EXPECT_EQ(r->at("minutes").as_int64(), 12);
  EXPECT_TRUE(r->at("done").as_bool());
  EXPECT_EQ(r->at("tags").as_array().size(), 2u);
  EXPECT_EQ(r->at("note").as_string(), "caf\xC3\xA9");
  EXPECT_EQ(r->size(), 5u);

  const auto empty = Parse(" {} \n");
  ASSERT_TRUE(empty.has_value());
  EXPECT_TRUE(empty->empty());
}

}  // namespace
}  // namespace securebase::api
