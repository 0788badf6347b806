// A clock for end-to-end tests of rules that wait days (gentle pacing,
// check-in cadence, token expiry): the system time plus an offset in
// seconds read from a file the test writes. Only used when the operator sets
// `test_clock_file`; the server then logs a warning at start, because such a
// server's idea of time is not to be trusted in production.
//
// A missing or unreadable file counts as no offset, so a test can remove it
// to go back to real time. The offset may be negative: the browser test of
// booking across the 2026 clock changes sets the clock back to them.
//
// Thread-safety: Now() may be called from any thread (each call reads the
// file afresh; that is slow, and fine for tests).
#pragma once

#include <filesystem>

#include "common/clock.h"

namespace securebase::app {

class OffsetFileClock final : public Clock {
 public:
  explicit OffsetFileClock(std::filesystem::path file) : file_(std::move(file)) {}
  Instant Now() const override;

 private:
  std::filesystem::path file_;
  SystemClock system_;
};

}  // namespace securebase::app
