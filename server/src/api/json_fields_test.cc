#include "api/json_fields.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace securebase::api {
namespace {

TEST(JsonFields, ReadsTextAndTreatsMissingAndNullAsEmpty) {
  const auto body = boost::json::parse(R"({"a":"x","b":null})").as_object();
  JsonFields f(body);
  EXPECT_EQ(f.Text("a"), "x");
  EXPECT_EQ(f.Text("b"), "");
  EXPECT_EQ(f.Text("c"), "");
  EXPECT_FALSE(f.OptionalText("b"));
  EXPECT_TRUE(f.Check());
}

TEST(JsonFields, NamesEveryFieldOfTheWrongType) {
  const auto body = boost::json::parse(R"({"a":1,"b":["x"],"c":"ok"})").as_object();
  JsonFields f(body);
  f.Text("a");
  f.OptionalText("b");
  EXPECT_EQ(f.Text("c"), "ok");
  auto ok = f.Check();
  ASSERT_FALSE(ok);
  ASSERT_EQ(ok.error().fields.size(), 2u);
  EXPECT_EQ(ok.error().fields[0].field, "a");
  EXPECT_EQ(ok.error().fields[1].field, "b");
}

TEST(JsonFields, ReadsBooleansAndNumbersAndNamesTheWrongTypes) {
  const auto body =
      boost::json::parse(R"({"done":true,"at":0.5,"n":3,"bad_bool":"yes","bad_num":"1"})")
          .as_object();
  JsonFields f(body);
  EXPECT_EQ(f.OptionalBool("done"), true);
  EXPECT_EQ(f.OptionalNumber("at"), 0.5);
  EXPECT_EQ(f.OptionalNumber("n"), 3.0);
  EXPECT_FALSE(f.OptionalBool("missing"));
  EXPECT_FALSE(f.OptionalBool("bad_bool"));
  EXPECT_FALSE(f.OptionalNumber("bad_num"));
  auto ok = f.Check();
  ASSERT_FALSE(ok);
  ASSERT_EQ(ok.error().fields.size(), 2u);
  EXPECT_EQ(ok.error().fields[0].field, "bad_bool");
  EXPECT_EQ(ok.error().fields[1].field, "bad_num");
}

}  // namespace
}  // namespace securebase::api
