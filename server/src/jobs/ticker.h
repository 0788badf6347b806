// Ticker runs background jobs at fixed intervals on one thread of its own:
// housekeeping now, the mail outbox and reminders as they land. A job that
// fails is logged and tried again at its next tick; Stop() waits for a
// running job to finish and returns promptly otherwise.
//
// Thread-safety: Add before Start; Start and Stop from the owning thread.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "common/error.h"

namespace securebase::jobs {

class Ticker {
 public:
  using Job = std::function<Status()>;
  using SteadyClock = std::chrono::steady_clock;

  Ticker() = default;
  ~Ticker() { Stop(); }
  Ticker(const Ticker&) = delete;
  Ticker& operator=(const Ticker&) = delete;

  // The first run is one interval after Start.
  void Add(std::string name, std::chrono::milliseconds interval, Job job);
  void Start();
  void Stop();

  // How many times a job has run (for tests and metrics).
  int Runs(const std::string& name) const;

 private:
  struct Entry {
    std::string name;
    std::chrono::milliseconds interval;
    Job job;
    SteadyClock::time_point next;
    int runs = 0;
  };
  void Loop();

  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::vector<Entry> entries_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace securebase::jobs
