#include "jobs/ticker.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "common/log.h"

namespace securebase::jobs {
namespace {

using namespace std::chrono_literals;
using ::testing::HasSubstr;

// Generous: these only bound how long a broken ticker makes the test wait.
constexpr auto kDeadline = 20s;

// Counts calls and lets the test wait until a number of them happened.
class CallCounter {
 public:
  void Hit() {
    {
      std::lock_guard lock(mu_);
      ++calls_;
    }
    cv_.notify_all();
  }
  bool WaitFor(int n) {
    std::unique_lock lock(mu_);
    return cv_.wait_for(lock, kDeadline, [&] { return calls_ >= n; });
  }
  int calls() const {
    std::lock_guard lock(mu_);
    return calls_;
  }

 private:
  mutable std::mutex mu_;
  std::condition_variable cv_;
  int calls_ = 0;
};

TEST(Ticker, RunsAJobRepeatedly) {
  CallCounter counter;
  Ticker ticker;
  ticker.Add("tick", 2ms, [&]() -> Status {
    counter.Hit();
    return {};
  });
  ticker.Start();
  EXPECT_TRUE(counter.WaitFor(5)) << "only " << counter.calls() << " runs";
  ticker.Stop();
  // After Stop the count is final and Runs agrees with the job's own count.
  EXPECT_GE(ticker.Runs("tick"), 5);
  EXPECT_EQ(ticker.Runs("tick"), counter.calls());
}

TEST(Ticker, FirstRunIsOneIntervalAfterStartAndStopReturnsPromptly) {
  CallCounter counter;
  Ticker ticker;
  ticker.Add("hourly", std::chrono::hours(1), [&]() -> Status {
    counter.Hit();
    return {};
  });
  ticker.Start();
  const auto before = std::chrono::steady_clock::now();
  ticker.Stop();
  // Stop must not wait for the hour-long interval.
  EXPECT_LT(std::chrono::steady_clock::now() - before, kDeadline);
  EXPECT_EQ(counter.calls(), 0);
  EXPECT_EQ(ticker.Runs("hourly"), 0);
}

TEST(Ticker, AFailingJobIsLoggedAndRetried) {
  ConfigureLogging(LogLevel::kInfo, true);
  CallCounter counter;
  Ticker ticker;
  ticker.Add("flaky", 2ms, [&]() -> Status {
    counter.Hit();
    return Unavailable("the mail server is down");
  });
  ::testing::internal::CaptureStderr();
  ticker.Start();
  const bool retried = counter.WaitFor(3);
  ticker.Stop();
  const std::string log = ::testing::internal::GetCapturedStderr();
  EXPECT_TRUE(retried) << "only " << counter.calls() << " runs";
  EXPECT_GE(ticker.Runs("flaky"), 3);
  EXPECT_THAT(log, HasSubstr(R"("event":"job_failed")"));
  EXPECT_THAT(log, HasSubstr(R"("job":"flaky")"));
  EXPECT_THAT(log, HasSubstr(R"("error":"the mail server is down")"));
}

TEST(Ticker, JobsKeepTheirOwnIntervals) {
  CallCounter fast;
  CallCounter slow;
  Ticker ticker;
  ticker.Add("slow", std::chrono::hours(1), [&]() -> Status {
    slow.Hit();
    return {};
  });
  ticker.Add("fast", 1ms, [&]() -> Status {
    fast.Hit();
    return {};
  });
  ticker.Start();
  EXPECT_TRUE(fast.WaitFor(5));
  ticker.Stop();
  EXPECT_GE(ticker.Runs("fast"), 5);
  EXPECT_EQ(ticker.Runs("slow"), 0);
  EXPECT_EQ(slow.calls(), 0);
}

TEST(Ticker, StopWaitsForARunningJobToFinish) {
  std::mutex mu;
  std::condition_variable cv;
  bool started = false;
  bool release = false;
  bool finished = false;
  int calls = 0;
  Ticker ticker;
  ticker.Add("long", 1ms, [&]() -> Status {
    std::unique_lock lock(mu);
    ++calls;
    started = true;
    cv.notify_all();
    cv.wait(lock, [&] { return release; });
    finished = true;
    return {};
  });
  ticker.Start();
  {
    std::unique_lock lock(mu);
    ASSERT_TRUE(cv.wait_for(lock, kDeadline, [&] { return started; }));
  }
  std::atomic<bool> stopped{false};
  std::thread stopper([&] {
    ticker.Stop();
    stopped = true;
  });
  {
    std::lock_guard lock(mu);
    // The job is still blocked, so Stop cannot have returned.
    EXPECT_FALSE(stopped.load());
    release = true;
  }
  cv.notify_all();
  stopper.join();
  EXPECT_TRUE(stopped.load());
  std::lock_guard lock(mu);
  EXPECT_TRUE(finished);
  // The ticker may have run the job again between the release and the stop
  // request, but nothing runs once Stop has returned.
  EXPECT_GE(ticker.Runs("long"), 1);
  EXPECT_EQ(ticker.Runs("long"), calls);
}

TEST(Ticker, RunsOfAnUnknownJobIsZero) {
  Ticker ticker;
  EXPECT_EQ(ticker.Runs("nothing"), 0);
}

TEST(Ticker, StartAndStopWithNoJobs) {
  Ticker ticker;
  ticker.Start();
  ticker.Stop();
  ticker.Stop();  // a second Stop is harmless
  SUCCEED();
}

TEST(Ticker, StopWithoutStartAndDestructorStop) {
  CallCounter counter;
  {
    Ticker never_started;
    never_started.Stop();
  }
  {
    Ticker ticker;
    ticker.Add("tick", 1ms, [&]() -> Status {
      counter.Hit();
      return {};
    });
    ticker.Start();
    EXPECT_TRUE(counter.WaitFor(1));
  }  // the destructor stops and joins the thread
  const int after = counter.calls();
  EXPECT_GE(after, 1);
}

}  // namespace
}  // namespace securebase::jobs
