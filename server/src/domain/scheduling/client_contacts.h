// ClientContact: whom a booking or a place on the waitlist is for, as the
// practitioner sees them in the console (name and email beside each row).
// ContactsFor looks up everyone a list names in one read of the accounts.
//
// Thread-safety: plain values; ContactsFor is as safe as the repository.
#pragma once

#include <string>
#include <vector>

#include "common/error.h"
#include "domain/accounts/user_repository.h"

namespace securebase::domain {

struct ClientContact {
  std::string id;
  std::string display_name;  // empty when the account is gone
  std::string email;         // likewise
};

// One contact per id, in the order given (an id may repeat).
Result<std::vector<ClientContact>> ContactsFor(UserRepository& users,
                                               const std::vector<std::string>& client_ids);

// Each row paired with the contact of the client it names (`client_id_of`),
// in one read: Paired is an aggregate {Row, ClientContact}.
template <typename Paired, typename Row, typename ClientIdOf>
Result<std::vector<Paired>> WithContacts(UserRepository& users, std::vector<Row> rows,
                                         ClientIdOf client_id_of) {
  std::vector<std::string> ids;
  ids.reserve(rows.size());
  for (const Row& row : rows) ids.push_back(client_id_of(row));
  auto contacts = ContactsFor(users, ids);
  if (!contacts) return std::unexpected(contacts.error());
  std::vector<Paired> out;
  out.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    out.push_back(Paired{std::move(rows[i]), std::move((*contacts)[i])});
  }
  return out;
}

}  // namespace securebase::domain
