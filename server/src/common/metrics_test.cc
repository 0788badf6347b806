#include "common/metrics.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace securebase {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

TEST(Counter, StartsAtZeroAndAdds) {
  Counter c;
  EXPECT_EQ(c.Value(), 0u);
  c.Add();
  c.Add(41);
  EXPECT_EQ(c.Value(), 42u);
}

TEST(Histogram, CountsEachObservationInItsBucketCumulatively) {
  Histogram h;
  h.Observe(0.0005);  // exactly on the first bound: le is inclusive
  h.Observe(0.003);   // (0.0025, 0.005]
  h.Observe(0.003);
  h.Observe(0.7);   // (0.5, 1]
  h.Observe(20.0);  // above 10 s: +Inf only
  EXPECT_EQ(h.Count(), 5u);
  const std::vector<std::uint64_t> want = {1, 1, 1, 3, 3, 3, 3, 3, 3, 3, 4, 4, 5};
  ASSERT_EQ(want.size(), Histogram::kBounds.size() + 1);
  for (std::size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(h.CumulativeCount(i), want[i]) << "bucket " << i;
  }
  EXPECT_NEAR(h.Sum(), 0.0005 + 0.003 + 0.003 + 0.7 + 20.0, 1e-5);
}

TEST(Histogram, CumulativeCountsNeverDecrease) {
  Histogram h;
  for (int i = 0; i < 200; ++i) h.Observe(static_cast<double>(i) * 0.0073);
  for (std::size_t i = 1; i <= Histogram::kBounds.size(); ++i) {
    EXPECT_GE(h.CumulativeCount(i), h.CumulativeCount(i - 1)) << i;
  }
  EXPECT_EQ(h.CumulativeCount(Histogram::kBounds.size()), h.Count());
}

TEST(Histogram, NegativeDurationsCountInTheFirstBucketAndAddNothingToTheSum) {
  Histogram h;
  h.Observe(-1.0);
  EXPECT_EQ(h.CumulativeCount(0), 1u);
  EXPECT_EQ(h.Count(), 1u);
  EXPECT_EQ(h.Sum(), 0.0);
}

TEST(MetricsRegistry, SameFamilyAndLabelsGiveTheSameSeries) {
  MetricsRegistry reg;
  Counter& a = reg.GetCounter("x_total", {{"route", "/a"}});
  Counter& a2 = reg.GetCounter("x_total", {{"route", "/a"}});
  Counter& b = reg.GetCounter("x_total", {{"route", "/b"}});
  Counter& other = reg.GetCounter("y_total", {{"route", "/a"}});
  EXPECT_EQ(&a, &a2);
  EXPECT_NE(&a, &b);
  EXPECT_NE(&a, &other);
  a.Add(2);
  EXPECT_EQ(a2.Value(), 2u);
  EXPECT_EQ(b.Value(), 0u);
  EXPECT_EQ(&reg.GetHistogram("h", {}), &reg.GetHistogram("h", {}));
}

TEST(MetricsRegistry, RendersCountersWithHelpAndType) {
  MetricsRegistry reg;
  reg.Describe("securebase_http_requests_total", "HTTP requests by route, method and status.");
  reg.GetCounter("securebase_http_requests_total",
                 {{"route", "/healthz"}, {"method", "GET"}, {"status", "200"}})
      .Add(3);
  reg.GetCounter("securebase_plain_total", {}).Add();
  EXPECT_EQ(reg.RenderPrometheus(),
            "# HELP securebase_http_requests_total HTTP requests by route, method and status.\n"
            "# TYPE securebase_http_requests_total counter\n"
            "securebase_http_requests_total{route=\"/healthz\",method=\"GET\",status=\"200\"} 3\n"
            "# TYPE securebase_plain_total counter\n"
            "securebase_plain_total 1\n");
}

TEST(MetricsRegistry, EscapesLabelValues) {
  MetricsRegistry reg;
  reg.GetCounter("odd_total", {{"op", "a\"b\\c\nd"}}).Add();
  const std::string text = reg.RenderPrometheus();
  EXPECT_THAT(text, HasSubstr("odd_total{op=\"a\\\"b\\\\c\\nd\"} 1\n"));
  // The raw newline never reaches the output: every line is a whole sample.
  for (const auto& line : Lines(text)) {
    EXPECT_TRUE(line.starts_with("#") || line.starts_with("odd_total{")) << line;
  }
}

TEST(MetricsRegistry, RendersHistogramBucketsSumAndCount) {
  MetricsRegistry reg;
  auto& h = reg.GetHistogram("securebase_db_seconds", {{"op", "settings.get"}});
  h.Observe(0.0004);
  h.Observe(0.2);
  h.Observe(30);
  const std::string text = reg.RenderPrometheus();
  EXPECT_THAT(text, HasSubstr("# TYPE securebase_db_seconds histogram\n"));
  EXPECT_THAT(text,
              HasSubstr("securebase_db_seconds_bucket{op=\"settings.get\",le=\"0.0005\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("securebase_db_seconds_bucket{op=\"settings.get\",le=\"0.1\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("securebase_db_seconds_bucket{op=\"settings.get\",le=\"0.25\"} 2\n"));
  EXPECT_THAT(text, HasSubstr("securebase_db_seconds_bucket{op=\"settings.get\",le=\"10\"} 2\n"));
  EXPECT_THAT(text, HasSubstr("securebase_db_seconds_bucket{op=\"settings.get\",le=\"+Inf\"} 3\n"));
  EXPECT_THAT(text, HasSubstr("securebase_db_seconds_count{op=\"settings.get\"} 3\n"));
  EXPECT_THAT(text, HasSubstr("securebase_db_seconds_sum{op=\"settings.get\"} 30.2004\n"));
  // One bucket line per bound plus +Inf, in increasing order of le.
  int buckets = 0;
  for (const auto& line : Lines(text)) {
    if (line.starts_with("securebase_db_seconds_bucket")) ++buckets;
  }
  EXPECT_EQ(buckets, static_cast<int>(Histogram::kBounds.size()) + 1);
  EXPECT_LT(text.find("le=\"10\""), text.find("le=\"+Inf\""));
  EXPECT_LT(text.find("le=\"+Inf\""), text.find("_sum"));
}

TEST(MetricsRegistry, RendersUnlabelledHistogram) {
  MetricsRegistry reg;
  reg.GetHistogram("lat_seconds", {}).Observe(0.25);
  const std::string text = reg.RenderPrometheus();
  EXPECT_THAT(text, HasSubstr("lat_seconds_bucket{le=\"0.1\"} 0\n"));
  EXPECT_THAT(text, HasSubstr("lat_seconds_bucket{le=\"0.25\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("lat_seconds_bucket{le=\"+Inf\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("lat_seconds_sum 0.25\n"));
  EXPECT_THAT(text, HasSubstr("lat_seconds_count 1\n"));
}

TEST(MetricsRegistry, EveryRenderedLineIsValidExpositionSyntax) {
  MetricsRegistry reg;
  reg.Describe("a_total", "Help.");
  reg.GetCounter("a_total", {{"k", "v\"\\\n"}}).Add(7);
  reg.GetHistogram("b_seconds", {{"op", "x"}}).Observe(0.01);
  reg.GetHistogram("c_seconds", {}).Observe(3);
  const std::regex sample(
      R"re([a-zA-Z_:][a-zA-Z0-9_:]*(\{[a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\[\\"n])*"(,[a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\[\\"n])*")*\})? [0-9.eE+-]+)re");
  const std::regex comment(R"re(# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .+)re");
  const auto lines = Lines(reg.RenderPrometheus());
  ASSERT_FALSE(lines.empty());
  for (const auto& line : lines) {
    EXPECT_TRUE(std::regex_match(line, sample) || std::regex_match(line, comment)) << line;
  }
}

TEST(MetricsRegistry, DescribedFamilyWithoutSeriesIsNotRendered) {
  MetricsRegistry reg;
  reg.Describe("unused_total", "Never incremented.");
  EXPECT_THAT(reg.RenderPrometheus(), Not(HasSubstr("unused_total")));
}

TEST(MetricsRegistry, ConcurrentIncrementsFromSeveralThreadsAreAllCounted) {
  MetricsRegistry reg;
  constexpr int kThreads = 4;
  constexpr int kPerThread = 20000;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&reg, t] {
      const std::string mine = "t" + std::to_string(t);
      for (int i = 0; i < kPerThread; ++i) {
        // Look the series up each time: exercises the lock paths too.
        reg.GetCounter("shared_total", {{"route", "/x"}}).Add();
        reg.GetCounter("own_total", {{"thread", mine}}).Add();
        reg.GetHistogram("shared_seconds", {}).Observe(0.001);
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(reg.GetCounter("shared_total", {{"route", "/x"}}).Value(),
            static_cast<std::uint64_t>(kThreads * kPerThread));
  auto& h = reg.GetHistogram("shared_seconds", {});
  EXPECT_EQ(h.Count(), static_cast<std::uint64_t>(kThreads * kPerThread));
  EXPECT_EQ(h.CumulativeCount(1), static_cast<std::uint64_t>(kThreads * kPerThread));
  const std::string text = reg.RenderPrometheus();
  for (int t = 0; t < kThreads; ++t) {
    EXPECT_THAT(text, HasSubstr("own_total{thread=\"t" + std::to_string(t) + "\"} " +
                                std::to_string(kPerThread) + "\n"));
  }
}

}  // namespace
}  // namespace securebase
