// Copying a live SQLite database with SQLite's online backup API, for
// `securebase backup` and `securebase restore`.
//
// The copy is one consistent snapshot even while the server writes: the
// API copies every page under a read transaction (in WAL mode writers carry
// on meanwhile). The destination is written through SQLite too, so a
// restore into a database another process has open goes through its locks
// rather than under them.
//
// Thread-safety: plain functions; each opens its own connections.
#pragma once

#include <filesystem>
#include <string>

#include "common/error.h"

namespace securebase::storage {

// Copies every page of `from` into `to` (created or replaced). kUnavailable
// when a database cannot be opened or stays busy.
Status CopySqliteDatabase(const std::filesystem::path& from, const std::filesystem::path& to);

// "ok", or the first problem PRAGMA integrity_check reports; also refuses a
// file that is not an SQLite database or holds no Secure Base schema.
Result<std::string> CheckSqliteBackup(const std::filesystem::path& file);

}  // namespace securebase::storage
