// SealedTables: every column that holds a value sealed with SecretBox, with
// the primary key that finds its row and the associated data it was sealed
// with. Key rotation (app/key_rotation.h) walks this list to re-seal and to
// count; the associated data comes from the same functions the services use
// (domain/*/..._sealing.h), never from copies.
//
// A new table with sealed text must be added here, or `keys rotate` would
// leave its values on a retired key (the key rotation tests seed every
// table listed, and say so).
//
// Thread-safety: immutable after first use.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace securebase::storage {

struct SealedTable {
  std::string_view table;                     // the SQL table
  std::vector<std::string_view> key_columns;  // its primary key, in order (TEXT columns)
  std::string_view sealed_column;             // hex of SecretBox::Seal, TEXT
  // The associated data of one row, from its key values in key_columns order.
  std::string (*associated_data)(const std::vector<std::string>& key);
};

const std::vector<SealedTable>& SealedTables();

}  // namespace securebase::storage
