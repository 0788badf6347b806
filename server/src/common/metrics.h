// MetricsRegistry holds the server's counters and histograms and renders them
// in the Prometheus text exposition format (version 0.0.4) for GET /metrics.
//
// A metric is found by family name plus a label set, e.g.
//   securebase_http_requests_total{route="/healthz",method="GET",status="200"}
// Label values are only ever route patterns, methods, status codes and
// operation names: never anything a user typed.
//
// Thread-safety: all methods are safe from any thread. Finding or creating a
// series takes a shared (or, first time, exclusive) lock; updating a series
// is lock-free.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace securebase {

class Counter {
 public:
  void Add(std::uint64_t n = 1) { value_.fetch_add(n, std::memory_order_relaxed); }
  std::uint64_t Value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<std::uint64_t> value_{0};
};

// Latency histogram with fixed buckets from 0.5 ms to 10 s.
class Histogram {
 public:
  static constexpr std::array<double, 12> kBounds = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                     0.05,   0.1,   0.25,   0.5,   1.0,  10.0};
  void Observe(double seconds);
  // Cumulative count for bucket i (i == kBounds.size() is +Inf).
  std::uint64_t CumulativeCount(std::size_t i) const;
  std::uint64_t Count() const { return count_.load(std::memory_order_relaxed); }
  double Sum() const {
    return static_cast<double>(sum_micros_.load(std::memory_order_relaxed)) / 1e6;
  }

 private:
  std::array<std::atomic<std::uint64_t>, kBounds.size() + 1> buckets_{};
  std::atomic<std::uint64_t> count_{0};
  std::atomic<std::uint64_t> sum_micros_{0};
};

using Labels = std::vector<std::pair<std::string_view, std::string_view>>;

class MetricsRegistry {
 public:
  Counter& GetCounter(std::string_view family, const Labels& labels);
  Histogram& GetHistogram(std::string_view family, const Labels& labels);
  // Help text shown once per family; optional.
  void Describe(std::string_view family, std::string_view help);

  std::string RenderPrometheus() const;

 private:
  struct Family {
    std::string help;
    bool is_histogram = false;
    std::map<std::string, std::unique_ptr<Counter>, std::less<>> counters;
    std::map<std::string, std::unique_ptr<Histogram>, std::less<>> histograms;
  };
  Family& FamilyLocked(std::string_view name);

  mutable std::shared_mutex mu_;
  std::map<std::string, Family, std::less<>> families_;
};

}  // namespace securebase
