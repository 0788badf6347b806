// In-memory BookingRepository for unit tests: the same contract as
// storage/sql_booking_repository (server/tests/contract/
// booking_repository_contract_test.cc), one mutex around everything, so
// the overlap check and the insert are one step. Also RecordingBookingNotices,
// which remembers what the booking service announced.
//
// Thread-safety: safe from any thread.
#pragma once

#include <algorithm>
#include <map>
#include <mutex>
#include <vector>

#include "domain/scheduling/booking_notices.h"
#include "domain/scheduling/booking_repository.h"

namespace securebase::fakes {

class MemoryBookingRepository final : public domain::BookingRepository {
 public:
  Result<domain::InsertedBooking> Insert(const domain::Booking& b) override {
    std::lock_guard lock(mu_);
    if (const auto* same = ByKey(b.client_id, b.idempotency_key)) {
      return domain::InsertedBooking{*same, false};
    }
    if (Overlaps(b.blocked, b.id)) return Taken();
    rows_.push_back(b);
    return domain::InsertedBooking{b, true};
  }

  Result<domain::Booking> Move(const domain::Booking& moved, int expected_sequence) override {
    std::lock_guard lock(mu_);
    auto* row = ById(moved.id);
    if (!row) return NotFound("We couldn't find that session.");
    if (row->sequence != expected_sequence || !row->Active()) return Changed();
    if (Overlaps(moved.blocked, moved.id)) return Taken();
    row->start = moved.start;
    row->end = moved.end;
    row->blocked = moved.blocked;
    row->sequence = moved.sequence;
    row->updated_at = moved.updated_at;
    return *row;
  }

  Result<domain::Booking> UpdateStatus(const domain::Booking& changed,
                                       int expected_sequence) override {
    std::lock_guard lock(mu_);
    auto* row = ById(changed.id);
    if (!row) return NotFound("We couldn't find that session.");
    if (row->sequence != expected_sequence) return Changed();
    row->status = changed.status;
    row->late_cancel = changed.late_cancel;
    row->cancelled_at = changed.cancelled_at;
    row->sequence = changed.sequence;
    row->updated_at = changed.updated_at;
    return *row;
  }

  Result<std::optional<domain::Booking>> Find(std::string_view id) override {
    std::lock_guard lock(mu_);
    const auto* row = ById(id);
    return row ? std::optional<domain::Booking>(*row) : std::nullopt;
  }

  Result<std::optional<domain::Booking>> FindByIdempotencyKey(std::string_view client_id,
                                                              std::string_view key) override {
    std::lock_guard lock(mu_);
    const auto* row = ByKey(client_id, key);
    return row ? std::optional<domain::Booking>(*row) : std::nullopt;
  }

  Result<std::vector<domain::Booking>> ForClient(std::string_view client_id) override {
    return Select([&](const domain::Booking& b) { return b.client_id == client_id; });
  }

  Result<std::vector<domain::Booking>> StartingBetween(Instant from, Instant to) override {
    return Select([&](const domain::Booking& b) { return b.start >= from && b.start < to; });
  }

  Result<std::vector<domain::Busy>> BusyBetween(Instant from, Instant to) override {
    std::lock_guard lock(mu_);
    std::vector<domain::Busy> out;
    for (const auto& b : rows_) {
      if (b.Active() && b.blocked.from < to && b.blocked.until > from) out.push_back(b.blocked);
    }
    return out;
  }

  Result<long> CountWithStatus(std::string_view client_id, domain::BookingStatus status) override {
    std::lock_guard lock(mu_);
    return static_cast<long>(std::count_if(rows_.begin(), rows_.end(), [&](const auto& b) {
      return b.client_id == client_id && b.status == status;
    }));
  }

  Result<std::vector<domain::ClientTally>> TallyByClient(Instant now) override {
    std::lock_guard lock(mu_);
    std::map<std::string, domain::ClientTally> by_client;
    for (const auto& b : rows_) {
      auto& t = by_client[b.client_id];
      t.client_id = b.client_id;
      if (b.status == domain::BookingStatus::kConfirmed && b.start >= now) {
        ++t.upcoming;
        if (!t.next_start || b.start < *t.next_start) t.next_start = b.start;
      } else if (b.status != domain::BookingStatus::kCancelled && b.start < now) {
        ++t.past;
      }
    }
    std::vector<domain::ClientTally> out;
    for (auto& [id, t] : by_client) out.push_back(std::move(t));
    return out;
  }

 private:
  static std::unexpected<Error> Taken() {
    return Refuse(ErrorCode::kConflict, "slot-taken", "Someone else has just booked this time.");
  }
  static std::unexpected<Error> Changed() {
    return Refuse(ErrorCode::kConflict, "booking-changed", "This session was changed.");
  }

  bool Overlaps(const domain::Busy& t, std::string_view except) const {
    return std::any_of(rows_.begin(), rows_.end(), [&](const domain::Booking& b) {
      return b.Active() && b.id != except && b.blocked.from < t.until && b.blocked.until > t.from;
    });
  }
  domain::Booking* ById(std::string_view id) {
    for (auto& b : rows_) {
      if (b.id == id) return &b;
    }
    return nullptr;
  }
  const domain::Booking* ByKey(std::string_view client, std::string_view key) const {
    if (key.empty()) return nullptr;
    for (const auto& b : rows_) {
      if (b.client_id == client && b.idempotency_key == key) return &b;
    }
    return nullptr;
  }
  template <class Pred>
  std::vector<domain::Booking> Select(Pred pred) {
    std::lock_guard lock(mu_);
    std::vector<domain::Booking> out;
    for (const auto& b : rows_) {
      if (pred(b)) out.push_back(b);
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
      return a.start != b.start ? a.start < b.start : a.id < b.id;
    });
    return out;
  }

  std::mutex mu_;
  std::vector<domain::Booking> rows_;
};

class RecordingBookingNotices final : public domain::BookingNotices {
 public:
  struct Notice {
    domain::BookingChange change;
    std::string booking_id;
    int sequence;
    bool by_practitioner;
  };

  void Changed(domain::BookingChange change, const domain::Booking& booking,
               const domain::SessionType&, bool by_practitioner) override {
    std::lock_guard lock(mu_);
    notices_.push_back({change, booking.id, booking.sequence, by_practitioner});
  }
  void TimeFreed() override {
    std::lock_guard lock(mu_);
    ++freed_;
  }

  std::vector<Notice> notices() {
    std::lock_guard lock(mu_);
    return notices_;
  }
  int freed() {
    std::lock_guard lock(mu_);
    return freed_;
  }

 private:
  std::mutex mu_;
  std::vector<Notice> notices_;
  int freed_ = 0;
};

}  // namespace securebase::fakes
