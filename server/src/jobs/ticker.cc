#include "jobs/ticker.h"

#include <algorithm>

#include "common/log.h"

namespace securebase::jobs {

void Ticker::Add(std::string name, std::chrono::milliseconds interval, Job job) {
  std::lock_guard lock(mu_);
  entries_.push_back(Entry{std::move(name), interval, std::move(job), {}, 0});
}

void Ticker::Start() {
  std::lock_guard lock(mu_);
  const auto now = SteadyClock::now();
  for (auto& e : entries_) e.next = now + e.interval;
  stopping_ = false;
  thread_ = std::thread([this] { Loop(); });
}

void Ticker::Stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

int Ticker::Runs(const std::string& name) const {
  std::lock_guard lock(mu_);
  for (const auto& e : entries_) {
    if (e.name == name) return e.runs;
  }
  return 0;
}

void Ticker::Loop() {
  std::unique_lock lock(mu_);
  while (!stopping_) {
    if (entries_.empty()) {
      cv_.wait(lock, [&] { return stopping_; });
      break;
    }
    auto due = std::min_element(entries_.begin(), entries_.end(),
                                [](const Entry& a, const Entry& b) { return a.next < b.next; });
    if (cv_.wait_until(lock, due->next, [&] { return stopping_; })) break;
    if (SteadyClock::now() < due->next) continue;
    // Run without the lock so Stop() can be requested meanwhile.
    Job job = due->job;
    const std::string name = due->name;
    lock.unlock();
    Status result = job();
    lock.lock();
    for (auto& e : entries_) {
      if (e.name != name) continue;
      ++e.runs;
      e.next = SteadyClock::now() + e.interval;
    }
    if (!result) {
      Log(LogLevel::kWarn, "job_failed", {{"job", name}, {"error", result.error().message}});
    }
  }
}

}  // namespace securebase::jobs
