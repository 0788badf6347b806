// The three implementations every repository contract runs against, and
// how to name them in test output. A contract test is parameterised over
// ContractBackend; for the SQL ones it makes a TestDatabase.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "support/test_database.h"

namespace securebase::testing {

enum class ContractBackend { kMemory, kSqlite, kPostgresql };

inline std::string ContractBackendName(const ::testing::TestParamInfo<ContractBackend>& info) {
  switch (info.param) {
    case ContractBackend::kMemory: return "Memory";
    case ContractBackend::kSqlite: return "SQLite";
    case ContractBackend::kPostgresql: return "PostgreSQL";
  }
  return "Unknown";
}

// A fresh migrated database for the SQL backends; nullptr for kMemory.
inline std::unique_ptr<TestDatabase> DatabaseFor(ContractBackend backend) {
  if (backend == ContractBackend::kMemory) return nullptr;
  return std::make_unique<TestDatabase>(
      backend == ContractBackend::kSqlite ? TestBackend::kSqlite : TestBackend::kPostgresql);
}

#define SECUREBASE_ALL_CONTRACT_BACKENDS                                  \
  ::testing::Values(::securebase::testing::ContractBackend::kMemory,      \
                    ::securebase::testing::ContractBackend::kSqlite,      \
                    ::securebase::testing::ContractBackend::kPostgresql), \
      ::securebase::testing::ContractBackendName

}  // namespace securebase::testing
