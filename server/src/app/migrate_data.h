// CopyAllData moves a whole site from SQLite to PostgreSQL
// (`securebase migrate-data`, docs/operations/moving-to-postgresql.md).
//
// Every table of the source is copied, row for row and value for value: ids
// stay what they were, sealed values are copied as they are (the same key
// folder opens them), and the audit log's hash chain still verifies. Tables
// are found in the databases' own catalogues rather than listed here, so a
// table added by a later migration is copied without a change to this file;
// a table one side has and the other lacks, or a column type it does not
// know, stops the copy with its name.
//
// The source is read in one transaction, a consistent snapshot even while a
// server writes to it (what it writes later is not copied: stop it before
// switching). The target gets everything in one transaction, tables in the
// order their foreign keys need, or nothing: it must be empty but for what
// its own migrations wrote, and is refused otherwise. Afterwards sequences
// are set past the copied rows and every table's count is compared.
//
// Both databases must be at this binary's schema version (the caller
// migrates them).
//
// Thread-safety: one call at a time per pair of databases.
#pragma once

#include <string>
#include <vector>

#include "common/error.h"
#include "storage/database.h"

namespace securebase::app {

struct CopiedTable {
  std::string table;
  long long rows = 0;
};

// Tables in the order they were copied. A refusal (the target holds data) is
// kConflict; a schema the two sides do not share is kInvalidArgument.
Result<std::vector<CopiedTable>> CopyAllData(storage::Database& from, storage::Database& to);

}  // namespace securebase::app
