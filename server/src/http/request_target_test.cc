#include "http/request_target.h"

#include <gtest/gtest.h>

namespace securebase::http {
namespace {

TEST(RequestTarget, DecodesThePathAndTheQueryInOrder) {
  Request req;
  ASSERT_TRUE(ReadRequestTarget("/api/v1/journal/entries?q=phone%20calls&kind=trigger&q=2", req));
  EXPECT_EQ(req.path, "/api/v1/journal/entries");
  ASSERT_EQ(req.query.size(), 3u);
  EXPECT_EQ(req.Query("q"), "phone calls");
  EXPECT_EQ(req.query[2].second, "2");
}

TEST(RequestTarget, AnEncodedSlashIsDecodedIntoThePath) {
  // The router splits the decoded path: "a%2Fb" is two segments and matches
  // no single {id}, so a parameter never holds a '/'.
  Request req;
  ASSERT_TRUE(ReadRequestTarget("/api/v1/lessons/a%2Fb", req));
  EXPECT_EQ(req.path, "/api/v1/lessons/a/b");
}

TEST(RequestTarget, RefusesWhatIsNotAnOriginFormTarget) {
  for (const char* target : {"", "*", "http://example.org/", "api/v1/me", "/a b", "/%zz"}) {
    Request req;
    EXPECT_FALSE(ReadRequestTarget(target, req)) << target;
  }
}

}  // namespace
}  // namespace securebase::http
