#include "storage/database_url.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace securebase::storage {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(ParseDatabaseUrl, SqliteAbsolutePath) {
  const auto url = ParseDatabaseUrl("sqlite:///var/lib/securebase/securebase.db");
  ASSERT_TRUE(url.has_value()) << url.error().message;
  EXPECT_EQ(url->backend, Backend::kSqlite);
  EXPECT_EQ(url->target, "/var/lib/securebase/securebase.db");
  EXPECT_EQ(url->redacted, "sqlite:///var/lib/securebase/securebase.db");
}

TEST(ParseDatabaseUrl, SqliteRelativePath) {
  const auto url = ParseDatabaseUrl("sqlite://data/securebase.db");
  ASSERT_TRUE(url.has_value()) << url.error().message;
  EXPECT_EQ(url->backend, Backend::kSqlite);
  EXPECT_EQ(url->target, "data/securebase.db");
}

TEST(ParseDatabaseUrl, SqliteWithoutPathIsRefused) {
  const auto url = ParseDatabaseUrl("sqlite://");
  ASSERT_FALSE(url.has_value());
  EXPECT_EQ(url.error().code, ErrorCode::kInvalidArgument);
  EXPECT_THAT(url.error().message, HasSubstr("names no file"));
}

TEST(ParseDatabaseUrl, PostgresqlBecomesLibpqKeywordsAndRedactsThePassword) {
  const auto url =
      ParseDatabaseUrl("postgresql://sb:s3cret@db.internal:5432/securebase?sslmode=require");
  ASSERT_TRUE(url.has_value()) << url.error().message;
  EXPECT_EQ(url->backend, Backend::kPostgresql);
  EXPECT_EQ(url->target,
            "user='sb' password='s3cret' host='db.internal' port='5432' dbname='securebase' "
            "sslmode='require'");
  EXPECT_EQ(url->redacted, "postgresql://sb:***@db.internal:5432/securebase?sslmode=require");
  EXPECT_THAT(url->redacted, Not(HasSubstr("s3cret")));
}

TEST(ParseDatabaseUrl, PostgresSchemeAliasIsAccepted) {
  const auto url = ParseDatabaseUrl("postgres://sb:hunter2@localhost/securebase");
  ASSERT_TRUE(url.has_value()) << url.error().message;
  EXPECT_EQ(url->backend, Backend::kPostgresql);
  EXPECT_EQ(url->target, "user='sb' password='hunter2' host='localhost' dbname='securebase'");
  EXPECT_EQ(url->redacted, "postgres://sb:***@localhost/securebase");
}

TEST(ParseDatabaseUrl, PostgresqlWithoutPasswordIsNotRedacted) {
  struct Case {
    const char* url;
    const char* target;
  };
  for (const Case& c : {Case{"postgresql://sb@localhost:5432/securebase",
                             "user='sb' host='localhost' port='5432' dbname='securebase'"},
                        Case{"postgresql://localhost", "host='localhost'"},
                        Case{"postgresql:///securebase", "dbname='securebase'"}}) {
    const auto url = ParseDatabaseUrl(c.url);
    ASSERT_TRUE(url.has_value()) << c.url;
    EXPECT_EQ(url->target, c.target) << c.url;
    EXPECT_EQ(url->redacted, c.url);
  }
}

TEST(ParseDatabaseUrl, PostgresqlDecodesPercentEscapesAndQuotesValues) {
  // Password: it's\@/  (quote, backslash, at and slash all escaped in the URL)
  const auto url = ParseDatabaseUrl("postgresql://sb:it%27s%5C%40%2F@localhost/db%20one");
  ASSERT_TRUE(url.has_value()) << url.error().message;
  EXPECT_EQ(url->target, R"(user='sb' password='it\'s\\@/' host='localhost' dbname='db one')");
  EXPECT_EQ(url->redacted, "postgresql://sb:***@localhost/db%20one");
}

TEST(ParseDatabaseUrl, PostgresqlIpv6Host) {
  const auto url = ParseDatabaseUrl("postgresql://sb@[::1]:5433/securebase");
  ASSERT_TRUE(url.has_value()) << url.error().message;
  EXPECT_EQ(url->target, "user='sb' host='::1' port='5433' dbname='securebase'");
  EXPECT_FALSE(ParseDatabaseUrl("postgresql://sb@[::1:5433/securebase").has_value());
}

TEST(ParseDatabaseUrl, PostgresqlRejectsBrokenEscapesAndQueries) {
  for (const char* raw : {"postgresql://sb:%zz@localhost/db", "postgresql://sb:abc%4@localhost/db",
                          "postgresql://localhost/db?sslmode", "postgresql://localhost/db?=x"}) {
    const auto url = ParseDatabaseUrl(raw);
    ASSERT_FALSE(url.has_value()) << raw;
    EXPECT_EQ(url.error().code, ErrorCode::kInvalidArgument) << raw;
    // The error must not echo the URL (and with it the password).
    EXPECT_THAT(url.error().message, Not(HasSubstr("localhost"))) << raw;
  }
}

TEST(ParseDatabaseUrl, PostgresqlPasswordInTheQueryIsRedacted) {
  // libpq also takes the password as a URI parameter.
  const auto url =
      ParseDatabaseUrl("postgresql://localhost/securebase?user=sb&password=s3cret&sslmode=disable");
  ASSERT_TRUE(url.has_value()) << url.error().message;
  EXPECT_EQ(url->target,
            "host='localhost' dbname='securebase' user='sb' password='s3cret' sslmode='disable'");
  EXPECT_EQ(url->redacted,
            "postgresql://localhost/securebase?user=sb&password=***&sslmode=disable");
}

TEST(ParseDatabaseUrl, PostgresqlPasswordWithARawAtSignIsFullyRedacted) {
  // The parser takes the last '@' before the host as the end of the user
  // info, so the password here is "p@ss"; the redacted form must hide all of it.
  const auto url = ParseDatabaseUrl("postgresql://sb:p@ss@localhost/securebase");
  ASSERT_TRUE(url.has_value()) << url.error().message;
  EXPECT_EQ(url->target, "user='sb' password='p@ss' host='localhost' dbname='securebase'");
  EXPECT_THAT(url->redacted, Not(HasSubstr("ss@")));
  EXPECT_EQ(url->redacted, "postgresql://sb:***@localhost/securebase");
}

TEST(ParseDatabaseUrl, AtSignsAfterTheHostAreNotUserInfo) {
  const std::string raw = "postgresql://localhost:5432/securebase?application_name=a:b@c";
  const auto url = ParseDatabaseUrl(raw);
  ASSERT_TRUE(url.has_value()) << url.error().message;
  EXPECT_EQ(url->redacted, raw);
  EXPECT_EQ(url->target,
            "host='localhost' port='5432' dbname='securebase' application_name='a:b@c'");
}

TEST(ParseDatabaseUrl, UnknownSchemeIsRefused) {
  for (const char* raw : {"mysql://root@localhost/db", "", "securebase.db", "SQLITE:///x.db",
                          "file:///x.db", "sqlite:/x.db"}) {
    const auto url = ParseDatabaseUrl(raw);
    ASSERT_FALSE(url.has_value()) << raw;
    EXPECT_EQ(url.error().code, ErrorCode::kInvalidArgument);
    EXPECT_THAT(url.error().message, HasSubstr("sqlite:// or postgresql://")) << raw;
  }
}

}  // namespace
}  // namespace securebase::storage
