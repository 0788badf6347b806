// In-memory NoteRepository for unit tests (the contract of
// storage/sql_note_repository: server/tests/contract/
// note_repository_contract_test.cc). Without accounts or bookings it cannot
// check that they exist: the SQL contract does.
//
// Thread-safety: safe from any thread.
#pragma once

#include <algorithm>
#include <mutex>
#include <vector>

#include "domain/notes/note_repository.h"

namespace securebase::fakes {

class MemoryNoteRepository final : public domain::NoteRepository {
 public:
  Status Insert(const domain::SealedSessionNote& note) override {
    std::lock_guard lock(mu_);
    for (const auto& r : rows_) {
      if (r.id == note.id) return Fail(ErrorCode::kConflict, "This note id is taken.");
    }
    rows_.push_back(note);
    return {};
  }

  Result<std::optional<domain::SealedSessionNote>> Find(std::string_view author_id,
                                                        std::string_view id) override {
    std::lock_guard lock(mu_);
    const auto* row = Mine(author_id, id);
    return row ? std::optional<domain::SealedSessionNote>(*row) : std::nullopt;
  }

  Result<bool> UpdateText(std::string_view author_id, std::string_view id,
                          const std::string& sealed_text, Instant updated_at) override {
    std::lock_guard lock(mu_);
    auto* row = Mine(author_id, id);
    if (!row) return false;
    row->sealed_text = sealed_text;
    row->updated_at = updated_at;
    return true;
  }

  Result<bool> Delete(std::string_view author_id, std::string_view id) override {
    std::lock_guard lock(mu_);
    return std::erase_if(rows_,
                         [&](const auto& r) { return r.author_id == author_id && r.id == id; }) > 0;
  }

  Result<std::vector<domain::SealedSessionNote>> About(std::string_view author_id,
                                                       std::string_view client_id) override {
    std::lock_guard lock(mu_);
    std::vector<domain::SealedSessionNote> out;
    for (const auto& r : rows_) {
      if (r.author_id == author_id && r.client_id == client_id) out.push_back(r);
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
      return a.written_at != b.written_at ? a.written_at > b.written_at : a.id > b.id;
    });
    return out;
  }

  Result<std::vector<domain::SealedSessionNote>> UnchangedSince(Instant before,
                                                                std::size_t limit) override {
    std::lock_guard lock(mu_);
    std::vector<domain::SealedSessionNote> out;
    for (const auto& r : rows_) {
      if (r.updated_at < before) out.push_back(r);
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
      return a.updated_at != b.updated_at ? a.updated_at < b.updated_at : a.id < b.id;
    });
    if (out.size() > limit) out.resize(limit);
    return out;
  }

  Result<bool> DeleteIfUnchangedSince(std::string_view id, Instant before) override {
    std::lock_guard lock(mu_);
    return std::erase_if(rows_,
                         [&](const auto& r) { return r.id == id && r.updated_at < before; }) > 0;
  }

 private:
  domain::SealedSessionNote* Mine(std::string_view author_id, std::string_view id) {
    for (auto& r : rows_) {
      if (r.author_id == author_id && r.id == id) return &r;
    }
    return nullptr;
  }

  std::mutex mu_;
  std::vector<domain::SealedSessionNote> rows_;
};

}  // namespace securebase::fakes
