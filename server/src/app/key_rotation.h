// Key rotation: re-sealing every sealed value with the current key, counting
// which key each value uses, and `RotateKeys`, which decides between making
// a new key and finishing an earlier rotation. `securebase keys rotate` and
// `keys status` (app/keys_command.cc) print what these return; the logic
// lives here so the tests run it on SQLite and PostgreSQL without the CLI.
//
// Re-sealing walks each table of storage::SealedTables() in primary-key
// order. Values not sealed with the current key are collected up to a batch,
// opened with their row's associated data, sealed again with the current
// key and written back in one transaction per batch, each row only if it
// still holds what was read (compare-and-set): a learner's edit made
// meanwhile wins and is counted as "changed". A value no key opens is
// counted (no_key, damaged) and left exactly as it is: never deleted.
//
// Nothing here logs or returns personal data: table names and counts only.
//
// Thread-safety: one call at a time per database (the CLI takes a lock on
// the key folder); the servers may keep serving meanwhile.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "common/secret_box.h"
#include "storage/sql_sealed_values.h"

namespace securebase::app {

// How many values of one table use which key. Values on the current key
// are judged by the key id in their header; values on a retired key are
// opened too, as re-sealing them would.
struct KeyUseCounts {
  std::string table;
  std::size_t current = 0;
  std::size_t retired = 0;  // open with a retired key: to be re-sealed
  std::size_t unknown = 0;  // sealed with a key this box does not hold (or not sealed at all)
  std::size_t damaged = 0;  // name a retired key but do not open with it
};

Result<std::vector<KeyUseCounts>> CountKeyUse(storage::SqlSealedValues& values,
                                              const SecretBox& box, std::size_t page_size);

struct ResealCounts {
  std::string table;
  std::size_t scanned = 0;   // rows read
  std::size_t resealed = 0;  // now sealed with the current key
  std::size_t changed = 0;   // changed or deleted between read and write: left as they are
  // Left exactly as they are, because no key opens them:
  std::size_t no_key = 0;   // sealed with a key this box does not hold (or not sealed at all)
  std::size_t damaged = 0;  // sealed with a retired key, but it does not open with it
  std::size_t Unopenable() const { return no_key + damaged; }
};

struct ResealOptions {
  std::size_t batch = 500;  // values re-sealed per transaction (and rows read per page)
  // Stop after this many batches written (0: no limit), as an interrupted
  // run would; for tests.
  std::size_t max_batches = 0;
  // After each batch is written (table_done false), and once when a table
  // is done (true).
  std::function<void(const ResealCounts&, bool table_done)> on_progress;
  // Between reading and opening a batch and writing it; for tests that
  // change a row meanwhile.
  std::function<void(std::string_view table)> before_write;
};

struct ResealReport {
  std::vector<ResealCounts> tables;
  bool stopped_early = false;  // max_batches was reached
  std::size_t Unopenable() const;
  std::size_t Damaged() const;
  std::size_t Changed() const;
};

Result<ResealReport> ResealAll(storage::SqlSealedValues& values, const SecretBox& box,
                               const ResealOptions& options);

struct RotateOptions {
  ResealOptions reseal;
  // Called once a new key is in place and loaded, before any value is
  // re-sealed with it: the CLI waits there until running servers have
  // picked the new key up, so none meets a value it cannot open.
  std::function<void(const SecretBox::Rotation&)> after_new_key;
  // Called instead when values on a retired key remain from an earlier,
  // interrupted rotation: no key is made and re-sealing carries on.
  std::function<void(const std::vector<KeyUseCounts>&)> on_resume;
};

struct RotateReport {
  bool resumed = false;  // values on a retired key remained: no new key was made
  std::vector<KeyUseCounts> before;
  SecretBox::Rotation rotation;  // when a new key was made
  ResealReport reseal;
};

// If no value that opens is on a retired key, makes a new key (SecretBox::RotateKeyFile) and
// reloads `box`; otherwise resumes. Then re-seals everything not on the current key. `box` must
// have been loaded with a retired folder (app/secret_keys.h).
Result<RotateReport> RotateKeys(storage::SqlSealedValues& values, SecretBox& box,
                                const RotateOptions& options);

}  // namespace securebase::app
