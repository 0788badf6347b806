// SqlSealedValues: the SQL key rotation needs, for any table in
// SealedTables(): read sealed values page by page in primary-key order, and
// replace a batch of them, each only if it still holds what was read
// (compare-and-set), so an edit made meanwhile is never overwritten.
// It moves hex text only; it never sees a key or a plaintext.
//
// Thread-safety: safe from any thread (each call borrows its own session).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "common/error.h"
#include "storage/database.h"
#include "storage/sealed_tables.h"

namespace securebase::storage {

struct SealedRow {
  std::vector<std::string> key;  // values of table.key_columns
  std::string sealed_hex;
};

struct SealedReplacement {
  std::vector<std::string> key;
  std::string old_hex;  // what was read
  std::string new_hex;  // what to write instead
};

class SqlSealedValues {
 public:
  explicit SqlSealedValues(Database& db) : db_(db) {}

  // Up to `limit` rows in primary-key order, starting after the row whose
  // key is `after` (empty: from the first row).
  Result<std::vector<SealedRow>> Page(const SealedTable& table,
                                      const std::vector<std::string>& after, std::size_t limit);

  // In one transaction: each row gets new_hex where it still holds old_hex.
  // Returns how many rows were replaced; the others changed (or went) since
  // they were read and are left as they are.
  Result<std::size_t> Replace(const SealedTable& table,
                              const std::vector<SealedReplacement>& replacements);

 private:
  Database& db_;
};

}  // namespace securebase::storage
