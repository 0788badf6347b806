#include "domain/sharing/share.h"

namespace securebase::domain {

std::string DescribeShare(const Share& share) {
  std::string out;
  const auto add = [&out](const std::string& kind) {
    if (!out.empty()) out += ", ";
    out += kind;
  };
  if (share.checkins) add("checkins");
  if (share.practice) add("practice");
  if (share.course) add("course");
  if (!share.journal_entry_ids.empty()) {
    add("journal_entries:" + std::to_string(share.journal_entry_ids.size()));
  }
  return out.empty() ? "nothing shared" : out;
}

}  // namespace securebase::domain
