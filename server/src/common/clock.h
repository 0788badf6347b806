// Clock is how the rest of the server learns the time. Rules never call
// std::chrono::system_clock::now() directly: they take a Clock so that tests
// can hold time still or move it forward (FakeClock).
//
// Instants are UTC milliseconds since the Unix epoch, the unit stored in the
// database.
//
// Thread-safety: SystemClock is stateless; FakeClock is safe to read and
// advance from several threads.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

namespace securebase {

// UTC milliseconds since 1970-01-01T00:00:00Z.
struct Instant {
  std::int64_t millis = 0;
  auto operator<=>(const Instant&) const = default;
};

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Instant Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Instant Now() const override {
    using namespace std::chrono;
    return Instant{duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count()};
  }
};

class FakeClock final : public Clock {
 public:
  explicit FakeClock(Instant start) : now_(start.millis) {}
  Instant Now() const override { return Instant{now_.load()}; }
  void Set(Instant t) { now_.store(t.millis); }
  void Advance(std::chrono::milliseconds d) { now_.fetch_add(d.count()); }

 private:
  std::atomic<std::int64_t> now_;
};

}  // namespace securebase
