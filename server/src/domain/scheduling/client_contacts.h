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

}  // namespace securebase::domain
