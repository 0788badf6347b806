// The audit log's hash chain: each row's hash covers its own fields and the
// previous row's hash, so changing, removing or inserting a row anywhere
// breaks every hash after it. Repositories stamp rows with ChainHash as
// they append them (one at a time, in order); VerifyAuditChain walks the
// log from the first row and says where, if anywhere, it breaks.
//
// The chain proves the log was not edited by someone who cannot rewrite it
// whole; someone with write access to the database could recompute every
// hash. Keeping the latest hash elsewhere (the operator's verify output,
// a backup) narrows that: it must still be found in the chain.
//
// Thread-safety: pure functions; VerifyAuditChain is as safe as the
// repository.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/error.h"
#include "domain/audit/audit_repository.h"

namespace securebase::domain {

// The hash before the first row: 64 zeros.
extern const std::string kAuditChainStart;

// BLAKE2b-256 (hex) over prev_hash and the row's fields, each written with
// its length so that no two different rows can be spelled alike.
std::string ChainHash(const std::string& prev_hash, const AuditEntry& entry);

struct AuditChainReport {
  std::int64_t rows = 0;                  // rows checked
  std::string last_hash;                  // the chain's end (kAuditChainStart when empty)
  std::optional<std::int64_t> broken_at;  // the first seq that does not follow
  std::string problem;                    // what is wrong there, for the operator
};

// A row's place and hash as the operator noted them from an earlier verify
// ("12:9f3c…"), which the chain must still hold: someone able to rewrite the
// whole table, head included, could recompute every hash, but not make an
// old row the operator kept say something else, nor take it away.
struct AuditChainMark {
  std::int64_t seq = 0;
  std::string hash;
};

// "SEQ:HASH" → a mark; nullopt for anything else.
std::optional<AuditChainMark> ParseAuditChainMark(std::string_view text);

Result<AuditChainReport> VerifyAuditChain(AuditRepository& rows,
                                          std::optional<AuditChainMark> expect = std::nullopt);

}  // namespace securebase::domain
