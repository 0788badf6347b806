#include "storage/sql_sealed_values.h"

#include <fmt/format.h>
#include <soci/soci.h>

namespace securebase::storage {
namespace {

// "a, b, c" and ":k0, :k1, :k2" for a table's key. Names come from
// SealedTables(), never from input.
std::string Columns(const SealedTable& t) {
  std::string out;
  for (const auto c : t.key_columns) out += fmt::format("{}{}", out.empty() ? "" : ", ", c);
  return out;
}

std::string KeyPlaceholders(const SealedTable& t) {
  std::string out;
  for (std::size_t i = 0; i < t.key_columns.size(); ++i) {
    out += fmt::format("{}:k{}", i == 0 ? "" : ", ", i);
  }
  return out;
}

std::string KeyEquals(const SealedTable& t) {
  std::string out;
  for (std::size_t i = 0; i < t.key_columns.size(); ++i) {
    out += fmt::format("{}{} = :k{}", i == 0 ? "" : " AND ", t.key_columns[i], i);
  }
  return out;
}

// A statement whose number of bound values follows the table's key: SOCI's
// `sql << ..., use(a), use(b)` form needs them written out.
void Prepare(soci::statement& st, const std::string& query) {
  st.alloc();
  st.prepare(query);
  st.define_and_bind();
}

}  // namespace

Result<std::vector<SealedRow>> SqlSealedValues::Page(const SealedTable& table,
                                                     const std::vector<std::string>& after,
                                                     std::size_t limit) {
  const std::string op = fmt::format("sealed_values.page.{}", table.table);
  return db_.Read(op, [&](soci::session& sql) -> Result<std::vector<SealedRow>> {
    // Row values compare column by column, as ORDER BY sorts: a keyset page.
    // An empty value holds nothing sealed: a former client's booking keeps
    // no intake (and no client id to name in the associated data).
    std::string where = fmt::format("WHERE {} <> '' ", table.sealed_column);
    if (!after.empty()) {
      where += fmt::format("AND ({}) > ({}) ", Columns(table), KeyPlaceholders(table));
    }
    const std::string query =
        fmt::format("SELECT {}, {} FROM {} {}ORDER BY {} LIMIT :limit", Columns(table),
                    table.sealed_column, table.table, where, Columns(table));
    std::vector<std::string> key(table.key_columns.size());
    std::string sealed;
    std::vector<std::string> from = after;
    const long long rows = static_cast<long long>(limit);
    soci::statement st(sql);
    for (auto& k : key) st.exchange(soci::into(k));
    st.exchange(soci::into(sealed));
    for (auto& k : from) st.exchange(soci::use(k));
    st.exchange(soci::use(rows));
    Prepare(st, query);
    st.execute(false);
    std::vector<SealedRow> out;
    while (st.fetch()) out.push_back({key, sealed});
    return out;
  });
}

Result<std::size_t> SqlSealedValues::Replace(const SealedTable& table,
                                             const std::vector<SealedReplacement>& replacements) {
  const std::string op = fmt::format("sealed_values.replace.{}", table.table);
  return db_.Write(op, [&](soci::session& sql) -> Result<std::size_t> {
    const std::string query =
        fmt::format("UPDATE {0} SET {1} = :new_value WHERE {2} AND {1} = :old_value", table.table,
                    table.sealed_column, KeyEquals(table));
    std::size_t replaced = 0;
    for (const auto& r : replacements) {
      std::string new_hex = r.new_hex, old_hex = r.old_hex;
      std::vector<std::string> key = r.key;
      soci::statement st(sql);
      st.exchange(soci::use(new_hex));
      for (auto& k : key) st.exchange(soci::use(k));
      st.exchange(soci::use(old_hex));
      Prepare(st, query);
      st.execute(true);
      replaced += static_cast<std::size_t>(st.get_affected_rows());
    }
    return replaced;
  });
}

}  // namespace securebase::storage
