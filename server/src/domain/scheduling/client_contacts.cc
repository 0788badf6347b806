#include "domain/scheduling/client_contacts.h"

#include <unordered_map>

namespace securebase::domain {

Result<std::vector<ClientContact>> ContactsFor(UserRepository& users,
                                               const std::vector<std::string>& client_ids) {
  std::vector<ClientContact> out;
  if (client_ids.empty()) return out;
  auto found = users.FindByIds(client_ids);
  if (!found) return std::unexpected(found.error());
  std::unordered_map<std::string, const User*> by_id;
  for (const User& u : *found) by_id.emplace(u.id, &u);
  out.reserve(client_ids.size());
  for (const std::string& id : client_ids) {
    const auto it = by_id.find(id);
    if (it == by_id.end()) {
      out.push_back({id, {}, {}});
    } else {
      out.push_back({id, it->second->display_name, it->second->email});
    }
  }
  return out;
}

}  // namespace securebase::domain
