#include "domain/audit/audit_chain.h"

#include <algorithm>
#include <charconv>

#include "common/token_hash.h"

namespace securebase::domain {

namespace {

constexpr int kBatch = 1000;

void Field(std::string& out, std::string_view value) {
  out += std::to_string(value.size());
  out += ':';
  out += value;
  out += ';';
}

}  // namespace

const std::string kAuditChainStart(64, '0');

std::string ChainHash(const std::string& prev_hash, const AuditEntry& e) {
  std::string text;
  Field(text, prev_hash);
  Field(text, std::to_string(e.seq));
  Field(text, e.id);
  Field(text, std::to_string(e.at.millis));
  Field(text, e.actor_id);
  Field(text, e.action);
  // A missing subject and an empty one must hash apart.
  Field(text, e.subject_id ? "1" : "0");
  Field(text, e.subject_id.value_or(""));
  Field(text, e.detail);
  return DigestHex(text);
}

std::optional<AuditChainMark> ParseAuditChainMark(std::string_view text) {
  const auto colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0) return std::nullopt;
  std::int64_t seq = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + colon, seq);
  if (ec != std::errc{} || ptr != text.data() + colon || seq < 1) return std::nullopt;
  const std::string_view hash = text.substr(colon + 1);
  if (hash.size() != 64 || !std::all_of(hash.begin(), hash.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
      })) {
    return std::nullopt;
  }
  return AuditChainMark{seq, std::string(hash)};
}

Result<AuditChainReport> VerifyAuditChain(AuditRepository& rows,
                                          std::optional<AuditChainMark> expect) {
  AuditChainReport report;
  report.last_hash = kAuditChainStart;
  // The head first, then the chain up to it: rows appended while this runs
  // (a live server) come after the head and are left for the next run.
  auto head = rows.Head();
  if (!head) return std::unexpected(head.error());
  const auto [end, end_hash] = *head;
  std::int64_t after = 0;
  while (after < end) {
    const int want_rows = static_cast<int>(std::min<std::int64_t>(kBatch, end - after));
    auto batch = rows.Chain(after, want_rows);
    if (!batch) return std::unexpected(batch.error());
    if (batch->empty()) break;
    for (const AuditEntry& e : *batch) {
      const std::int64_t want = after + 1;
      if (e.seq != want) {
        report.broken_at = want;
        report.problem = "row " + std::to_string(want) + " is missing (the next is " +
                         std::to_string(e.seq) + ")";
        return report;
      }
      if (e.prev_hash != report.last_hash) {
        report.broken_at = e.seq;
        report.problem = "row " + std::to_string(e.seq) + " does not follow the row before it";
        return report;
      }
      if (ChainHash(e.prev_hash, e) != e.hash) {
        report.broken_at = e.seq;
        report.problem = "row " + std::to_string(e.seq) + " was changed after it was written";
        return report;
      }
      if (expect && e.seq == expect->seq && e.hash != expect->hash) {
        report.broken_at = e.seq;
        report.problem = "row " + std::to_string(e.seq) + " is not the row you noted";
        return report;
      }
      report.last_hash = e.hash;
      ++report.rows;
      after = e.seq;
    }
  }
  if (expect && after == end && expect->seq > end) {
    report.broken_at = end + 1;
    report.problem = "the log ends at row " + std::to_string(end) + " but you noted row " +
                     std::to_string(expect->seq);
    return report;
  }
  if (after != end) {
    report.broken_at = after + 1;
    report.problem = "the log ends at row " + std::to_string(after) + " but " +
                     std::to_string(end) + " rows were written";
  } else if (report.last_hash != end_hash) {
    report.broken_at = end;
    report.problem = "row " + std::to_string(end) + " is not the last row written";
  }
  return report;
}

}  // namespace securebase::domain
