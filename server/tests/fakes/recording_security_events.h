// A SecurityEvents for domain tests: keeps each event reported to it, in
// order, with its account id.
//
// Thread-safety: one test's thread.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "domain/accounts/security_events.h"

namespace securebase::fakes {

class RecordingSecurityEvents final : public domain::SecurityEvents {
 public:
  using Entry = std::pair<domain::SecurityEvent, std::string>;

  void Record(domain::SecurityEvent event, std::string_view account_id) override {
    recorded.emplace_back(event, std::string(account_id));
  }

  std::vector<Entry> recorded;
};

}  // namespace securebase::fakes
