#include "app/migrate_data.h"

#include <fmt/format.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string_view>

#include "storage/embedded_migrations.h"
#include "storage/migrator.h"

namespace securebase::app {
namespace {

using Tables = std::vector<std::string>;

// Names come from the catalogues; quoting them is safe only for plain ones.
bool PlainName(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::string Quoted(std::string_view name) {
  return fmt::format("\"{}\"", name);
}

Tables Strings(soci::session& sql, const std::string& query) {
  Tables out;
  soci::rowset<std::string> rows = (sql.prepare << query);
  for (const auto& r : rows) out.push_back(r);
  return out;
}

Tables SourceTables(soci::session& src) {
  return Strings(
      src,
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
      "ESCAPE '\\' AND name <> 'schema_migrations' ORDER BY name");
}

Tables TargetTables(soci::session& dst) {
  return Strings(dst,
                 "SELECT table_name::text FROM information_schema.tables WHERE table_schema = "
                 "current_schema() AND table_type = 'BASE TABLE' AND table_name <> "
                 "'schema_migrations' ORDER BY table_name");
}

// The tables in an order where each comes after every table its foreign keys
// name (ties alphabetical, so the order is the same on every run).
Result<Tables> DependencyOrder(soci::session& dst, const Tables& tables) {
  std::map<std::string, std::set<std::string>> needs;
  for (const auto& t : tables) needs[t];
  soci::rowset<soci::row> keys =
      (dst.prepare
       << "SELECT a.relname::text, b.relname::text FROM pg_constraint c "
          "JOIN pg_class a ON a.oid = c.conrelid JOIN pg_class b ON b.oid = c.confrelid "
          "JOIN pg_namespace n ON n.oid = a.relnamespace "
          "WHERE c.contype = 'f' AND n.nspname = current_schema()");
  for (const auto& k : keys) {
    const auto from = k.get<std::string>(0), to = k.get<std::string>(1);
    if (from != to && needs.contains(from) && needs.contains(to)) needs[from].insert(to);
  }
  Tables order;
  while (!needs.empty()) {
    const auto ready =
        std::find_if(needs.begin(), needs.end(), [](const auto& n) { return n.second.empty(); });
    if (ready == needs.end())
      return Internal(
          "The tables' foreign keys go round in a circle; they cannot be copied in order.");
    const std::string table = ready->first;
    order.push_back(table);
    needs.erase(ready);
    for (auto& [_, wanted] : needs) wanted.erase(table);
  }
  return order;
}

// Tables a migration writes rows into (audit_head's first row): in a target
// fresh from its migrations they hold those rows only, which the copy replaces.
std::set<std::string> SeededTables() {
  std::set<std::string> seeded;
  auto migrations =
      storage::SelectMigrations(storage::EmbeddedMigrations(), storage::Backend::kPostgresql);
  if (!migrations) return seeded;
  for (const auto& m : *migrations) {
    std::string sql = m.sql;
    std::transform(sql.begin(), sql.end(), sql.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (auto at = sql.find("insert into "); at != std::string::npos;
         at = sql.find("insert into ", at + 1)) {
      auto start = at + 12, end = start;
      while (end < sql.size() && PlainName(sql.substr(end, 1))) ++end;
      seeded.insert(sql.substr(start, end - start));
    }
  }
  return seeded;
}

long long CountRows(soci::session& sql, const std::string& table) {
  long long n = 0;
  sql << "SELECT count(*) FROM " + Quoted(table), soci::into(n);
  return n;
}

// How one column travels: read from SQLite as text (exactly: integers in
// decimal, doubles with 17 digits, bytes in hex), written back through a cast.
struct Column {
  std::string name;
  std::string read;   // SQLite expression
  std::string write;  // PostgreSQL expression around the parameter
};

Result<std::vector<Column>> Columns(soci::session& src, soci::session& dst,
                                    const std::string& table) {
  std::set<std::string> source;
  {
    soci::rowset<std::string> rows =
        (src.prepare << "SELECT name FROM pragma_table_info(:t)", soci::use(table));
    for (const auto& r : rows) source.insert(r);
  }
  std::vector<Column> out;
  soci::rowset<soci::row> rows =
      (dst.prepare << "SELECT column_name::text, data_type::text, is_generated::text "
                      "FROM information_schema.columns WHERE table_schema = current_schema() "
                      "AND table_name = :t ORDER BY ordinal_position",
       soci::use(table));
  for (const auto& r : rows) {
    const auto name = r.get<std::string>(0), type = r.get<std::string>(1);
    if (r.get<std::string>(2) == "ALWAYS") continue;  // computed by PostgreSQL
    if (!PlainName(name) || !source.erase(name)) {
      return InvalidArgument(fmt::format(
          "Column {}.{} is in the target but not in the source: are both at this version?", table,
          name));
    }
    const std::string q = Quoted(name);
    const std::string param = ":v" + std::to_string(out.size());
    static const std::set<std::string> kText = {"bigint",  "integer",  "smallint",
                                                "numeric", "text",     "character varying",
                                                "boolean", "character"};
    if (kText.contains(type)) {
      out.push_back({name, q, fmt::format("CAST({} AS {})", param, type)});
    } else if (type == "double precision" || type == "real") {
      out.push_back(
          {name, fmt::format("CASE WHEN {0} IS NULL THEN NULL ELSE printf('%.17g', {0}) END", q),
           fmt::format("CAST({} AS {})", param, type)});
    } else if (type == "bytea") {
      out.push_back({name, fmt::format("CASE WHEN {0} IS NULL THEN NULL ELSE hex({0}) END", q),
                     fmt::format("decode({}, 'hex')", param)});
    } else {
      return InvalidArgument(fmt::format(
          "Column {}.{} has type {}, which migrate-data cannot copy yet.", table, name, type));
    }
  }
  if (!source.empty()) {
    return InvalidArgument(fmt::format(
        "Column {}.{} is in the source but not in the target: are both at this version?", table,
        *source.begin()));
  }
  return out;
}

Result<long long> CopyTable(soci::session& src, soci::session& dst, const std::string& table) {
  auto columns = Columns(src, dst, table);
  if (!columns) return std::unexpected(columns.error());
  std::string names, reads, writes;
  for (const auto& c : *columns) {
    const std::string_view comma = names.empty() ? "" : ", ";
    names += fmt::format("{}{}", comma, Quoted(c.name));
    reads += fmt::format("{}{}", comma, c.read);
    writes += fmt::format("{}{}", comma, c.write);
  }
  const std::size_t n = columns->size();
  std::vector<std::string> values(n);
  std::vector<soci::indicator> present(n, soci::i_ok);

  soci::statement read(src);
  read.alloc();
  read.prepare(fmt::format("SELECT {} FROM {}", reads, Quoted(table)));
  for (std::size_t i = 0; i < n; ++i) read.exchange(soci::into(values[i], present[i]));
  read.define_and_bind();

  soci::statement write(dst);
  write.alloc();
  write.prepare(fmt::format("INSERT INTO {} ({}) VALUES ({})", Quoted(table), names, writes));
  for (std::size_t i = 0; i < n; ++i) write.exchange(soci::use(values[i], present[i]));
  write.define_and_bind();

  long long rows = 0;
  read.execute(false);
  try {
    while (read.fetch()) {
      write.execute(true);
      ++rows;
    }
  } catch (const soci::postgresql_soci_error& e) {
    // The state only: PostgreSQL's message can quote the row's values.
    return Internal(
        fmt::format("Copying table {} stopped at row {}: PostgreSQL refused it "
                    "(SQLSTATE {}).",
                    table, rows + 1, e.sqlstate()));
  }
  return rows;
}

// Every sequence behind a column (serial or identity) set past the copied rows.
void SetSequences(soci::session& dst) {
  soci::rowset<soci::row> rows =
      (dst.prepare << "SELECT table_name::text, column_name::text, "
                      "pg_get_serial_sequence(quote_ident(table_name), column_name)::text "
                      "FROM information_schema.columns WHERE table_schema = current_schema() "
                      "AND (column_default LIKE 'nextval(%' OR is_identity = 'YES')");
  struct Sequence {
    std::string table, column, name;
  };
  std::vector<Sequence> sequences;
  for (const auto& r : rows) {
    if (r.get_indicator(2) == soci::i_null) continue;
    sequences.push_back({r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2)});
  }
  for (const auto& s : sequences) {
    long long next = 0;
    dst << fmt::format(
        "SELECT setval(CAST(:s AS regclass), COALESCE((SELECT max({}) FROM {}), 0) "
        "+ 1, false)",
        Quoted(s.column), Quoted(s.table)),
        soci::use(s.name), soci::into(next);
  }
}

Result<std::vector<CopiedTable>> CopyInto(soci::session& src, soci::session& dst) {
  const Tables source = SourceTables(src), target = TargetTables(dst);
  for (const auto& t : source) {
    if (!std::binary_search(target.begin(), target.end(), t))
      return InvalidArgument(
          fmt::format("Table {} is in the source but not in the target: are both at this "
                      "version of securebase?",
                      t));
  }
  for (const auto& t : target) {
    if (!PlainName(t) || !std::binary_search(source.begin(), source.end(), t))
      return InvalidArgument(fmt::format(
          "Table {} is in the target but not in the source: are both at this version?", t));
  }
  auto order = DependencyOrder(dst, target);
  if (!order) return std::unexpected(order.error());

  const auto seeded = SeededTables();
  for (const auto& t : *order) {
    if (seeded.contains(t)) continue;
    if (const long long n = CountRows(dst, t); n > 0) {
      return Fail(ErrorCode::kConflict,
                  fmt::format("The target database already holds data (table {} has {} {}). "
                              "migrate-data copies into an empty database only, so that nothing "
                              "there is overwritten or mixed: create a new one for it.",
                              t, n, n == 1 ? "row" : "rows"));
    }
  }
  // Only what the migrations wrote is there; the copy replaces it.
  for (auto t = order->rbegin(); t != order->rend(); ++t) {
    if (seeded.contains(*t)) dst << "DELETE FROM " + Quoted(*t);
  }

  std::vector<CopiedTable> copied;
  for (const auto& t : *order) {
    auto rows = CopyTable(src, dst, t);
    if (!rows) return std::unexpected(rows.error());
    copied.push_back({t, *rows});
  }
  SetSequences(dst);
  for (const auto& c : copied) {
    const long long there = CountRows(dst, c.table), here = CountRows(src, c.table);
    if (there != c.rows || here != c.rows) {
      return Internal(fmt::format("Table {}: {} rows read, {} in the source, {} in the target.",
                                  c.table, c.rows, here, there));
    }
  }
  return copied;
}

}  // namespace

Result<std::vector<CopiedTable>> CopyAllData(storage::Database& from, storage::Database& to) {
  if (from.backend() != storage::Backend::kSqlite || to.backend() != storage::Backend::kPostgresql)
    return InvalidArgument("migrate-data copies from SQLite to PostgreSQL.");
  return from.Read("migrate_data.read",
                   [&](soci::session& src) -> Result<std::vector<CopiedTable>> {
                     // One snapshot of the source for the whole copy.
                     src << "BEGIN";
                     struct EndRead {
                       soci::session& s;
                       ~EndRead() {
                         try {
                           s << "ROLLBACK";
                         } catch (...) {
                         }
                       }
                     } end{src};
                     return to.Write("migrate_data.write",
                                     [&](soci::session& dst) { return CopyInto(src, dst); });
                   });
}

}  // namespace securebase::app
