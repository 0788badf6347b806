#include "storage/sql_user_repository.h"

#include <soci/soci.h>

#include <algorithm>
#include <string>

namespace securebase::storage {

using domain::Role;
using domain::User;

namespace {

constexpr std::size_t kIdsPerQuery = 500;

}  // namespace

Status SqlUserRepository::Create(const User& user) {
  return db_.Write("users.create", [&](soci::session& sql) -> Status {
    const std::string role = domain::RoleName(user.role);
    const long long created = user.created_at.millis;
    const long long updated = user.updated_at.millis;
    long long verified = 0;
    soci::indicator verified_ind = soci::i_null;
    if (user.email_verified_at) {
      verified = user.email_verified_at->millis;
      verified_ind = soci::i_ok;
    }
    sql << "INSERT INTO users (id, email, display_name, password_hash, role, time_zone, country, "
           "email_verified_at, created_at, updated_at) "
           "VALUES (:id, :email, :name, :hash, :role, :tz, :country, :verified, :created, "
           ":updated)",
        soci::use(user.id), soci::use(user.email), soci::use(user.display_name),
        soci::use(user.password_hash), soci::use(role), soci::use(user.time_zone),
        soci::use(user.country), soci::use(verified, verified_ind), soci::use(created),
        soci::use(updated);
    return {};
  });
}

Status SqlUserRepository::Update(const User& user) {
  return db_.Write("users.update", [&](soci::session& sql) -> Status {
    const long long updated = user.updated_at.millis;
    long long verified = 0;
    soci::indicator verified_ind = soci::i_null;
    if (user.email_verified_at) {
      verified = user.email_verified_at->millis;
      verified_ind = soci::i_ok;
    }
    soci::statement st =
        (sql.prepare << "UPDATE users SET email = :email, display_name = :name, "
                        "password_hash = :hash, time_zone = :tz, country = :country, "
                        "email_verified_at = :verified, updated_at = :updated WHERE id = :id",
         soci::use(user.email), soci::use(user.display_name), soci::use(user.password_hash),
         soci::use(user.time_zone), soci::use(user.country), soci::use(verified, verified_ind),
         soci::use(updated), soci::use(user.id));
    st.execute(true);
    if (st.get_affected_rows() == 0) return NotFound("There is no such account.");
    return {};
  });
}

Result<std::optional<User>> SqlUserRepository::FindBy(const char* op, const char* column,
                                                      std::string_view value) {
  return db_.Read(op, [&](soci::session& sql) -> Result<std::optional<User>> {
    const std::string key(value);
    User u;
    std::string role;
    long long verified = 0, created = 0, updated = 0;
    soci::indicator verified_ind = soci::i_null;
    sql << "SELECT id, email, display_name, password_hash, role, time_zone, country, "
           "email_verified_at, created_at, updated_at FROM users WHERE "
        << column << " = :v ORDER BY created_at, id LIMIT 1",
        soci::use(key), soci::into(u.id), soci::into(u.email), soci::into(u.display_name),
        soci::into(u.password_hash), soci::into(role), soci::into(u.time_zone),
        soci::into(u.country), soci::into(verified, verified_ind), soci::into(created),
        soci::into(updated);
    if (!sql.got_data()) return std::nullopt;
    auto parsed = domain::ParseRole(role);
    if (!parsed) return Internal("A stored account has an unknown role.");
    u.role = *parsed;
    if (verified_ind == soci::i_ok) u.email_verified_at = Instant{verified};
    u.created_at = Instant{created};
    u.updated_at = Instant{updated};
    return u;
  });
}

namespace {

// Every account matching `where` (its values bound in order), appended to `out`.
Status SelectUsers(soci::session& sql, const std::string& where,
                   const std::vector<std::string>& values, std::vector<User>& out) {
  User u;
  std::string role;
  long long verified = 0, created = 0, updated = 0;
  soci::indicator verified_ind = soci::i_null;
  soci::statement st(sql);
  st.alloc();
  st.prepare(
      "SELECT id, email, display_name, password_hash, role, time_zone, country, "
      "email_verified_at, created_at, updated_at FROM users WHERE " +
      where);
  for (const auto& v : values) st.exchange(soci::use(v));
  st.exchange(soci::into(u.id));
  st.exchange(soci::into(u.email));
  st.exchange(soci::into(u.display_name));
  st.exchange(soci::into(u.password_hash));
  st.exchange(soci::into(role));
  st.exchange(soci::into(u.time_zone));
  st.exchange(soci::into(u.country));
  st.exchange(soci::into(verified, verified_ind));
  st.exchange(soci::into(created));
  st.exchange(soci::into(updated));
  st.define_and_bind();
  st.execute();
  while (st.fetch()) {
    auto parsed = domain::ParseRole(role);
    if (!parsed) return Internal("A stored account has an unknown role.");
    User found = u;
    found.role = *parsed;
    found.email_verified_at =
        verified_ind == soci::i_ok ? std::optional<Instant>(Instant{verified}) : std::nullopt;
    found.created_at = Instant{created};
    found.updated_at = Instant{updated};
    out.push_back(std::move(found));
  }
  return {};
}

}  // namespace

Result<std::vector<User>> SqlUserRepository::FindByIds(const std::vector<std::string>& ids) {
  std::vector<std::string> keys(ids);
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  std::vector<User> out;
  if (keys.empty()) return out;
  return db_.Read("users.find_by_ids", [&](soci::session& sql) -> Result<std::vector<User>> {
    for (std::size_t first = 0; first < keys.size(); first += kIdsPerQuery) {
      const std::size_t count = std::min(kIdsPerQuery, keys.size() - first);
      std::string where = "id IN (";
      for (std::size_t i = 0; i < count; ++i) where += (i == 0 ? ":i" : ", :i") + std::to_string(i);
      where += ")";
      const std::vector<std::string> batch(keys.begin() + first, keys.begin() + first + count);
      if (auto selected = SelectUsers(sql, where, batch, out); !selected) {
        return std::unexpected(selected.error());
      }
    }
    return std::move(out);
  });
}

Result<std::vector<User>> SqlUserRepository::WithRole(Role role) {
  return db_.Read("users.with_role", [&](soci::session& sql) -> Result<std::vector<User>> {
    std::vector<User> out;
    auto selected =
        SelectUsers(sql, "role = :r ORDER BY created_at, id", {domain::RoleName(role)}, out);
    if (!selected) return std::unexpected(selected.error());
    return out;
  });
}

Result<std::optional<User>> SqlUserRepository::FindById(std::string_view id) {
  return FindBy("users.find_by_id", "id", id);
}

Result<std::optional<User>> SqlUserRepository::FindByEmail(std::string_view normalized_email) {
  return FindBy("users.find_by_email", "email", normalized_email);
}

Result<std::optional<User>> SqlUserRepository::FirstWithRole(Role role) {
  return FindBy("users.first_with_role", "role", domain::RoleName(role));
}

Result<long> SqlUserRepository::CountWithRole(Role role) {
  return db_.Read("users.count_with_role", [&](soci::session& sql) -> Result<long> {
    const std::string name = domain::RoleName(role);
    long long count = 0;
    sql << "SELECT COUNT(*) FROM users WHERE role = :r", soci::use(name), soci::into(count);
    return static_cast<long>(count);
  });
}

}  // namespace securebase::storage
