// ShareRepository: what each learner shares with each practitioner, one
// Share per pair (domain/sharing/share.h).
//
// Implementations: storage/sql_share_repository and
// tests/fakes/memory_share_repository; both pass
// tests/contract/share_repository_contract.
//
// Thread-safety: implementations are safe to call from several threads.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "domain/sharing/share.h"

namespace securebase::domain {

class ShareRepository {
 public:
  virtual ~ShareRepository() = default;

  // Replaces the pair's share, entries included, in one transaction.
  // Entries must be the learner's own (the SQL schema's key refuses others:
  // kConflict); the caller checks first, so that is a race lost to a delete.
  virtual Status Put(const Share& share) = 0;
  virtual Result<std::optional<Share>> Find(std::string_view learner_id,
                                            std::string_view practitioner_id) = 0;
  // A learner's shares, by practitioner id.
  virtual Result<std::vector<Share>> ForLearner(std::string_view learner_id) = 0;
  // Every share with a practitioner, by learner id.
  virtual Result<std::vector<Share>> ForPractitioner(std::string_view practitioner_id) = 0;
  // Removes the pair's share; false when there was none.
  virtual Result<bool> Remove(std::string_view learner_id, std::string_view practitioner_id) = 0;
};

}  // namespace securebase::domain
