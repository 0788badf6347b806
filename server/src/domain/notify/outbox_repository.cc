#include "domain/notify/outbox_repository.h"

namespace securebase::domain {

const char* OutboxStatusName(OutboxStatus status) {
  switch (status) {
    case OutboxStatus::kPending: return "pending";
    case OutboxStatus::kSent: return "sent";
    case OutboxStatus::kFailed: return "failed";
  }
  return "pending";
}

std::string ShortReason(std::string_view reason) {
  constexpr std::size_t kMax = 200;
  if (reason.size() <= kMax) return std::string(reason);
  std::size_t cut = kMax;
  // Step back over continuation bytes so a character is never split.
  while (cut > 0 && (static_cast<unsigned char>(reason[cut]) & 0xc0) == 0x80) --cut;
  return std::string(reason.substr(0, cut));
}

}  // namespace securebase::domain
