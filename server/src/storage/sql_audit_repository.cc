#include "storage/sql_audit_repository.h"

#include <soci/soci.h>

#include <string>

#include "domain/audit/audit_chain.h"

namespace securebase::storage {

using domain::AuditEntry;
using domain::AuditQuery;

namespace {

constexpr const char* kColumns =
    "SELECT id, seq, at, actor_id, action, subject_id, detail, prev_hash, hash FROM audit_log";

// Binds kColumns' columns and reads every row of a statement whose `use`s
// are already exchanged.
struct RowReader {
  AuditEntry row;
  long long seq = 0, at = 0;
  std::string subject;
  soci::indicator subject_ind = soci::i_null;

  std::vector<AuditEntry> ReadAll(soci::statement& st) {
    st.exchange(soci::into(row.id));
    st.exchange(soci::into(seq));
    st.exchange(soci::into(at));
    st.exchange(soci::into(row.actor_id));
    st.exchange(soci::into(row.action));
    st.exchange(soci::into(subject, subject_ind));
    st.exchange(soci::into(row.detail));
    st.exchange(soci::into(row.prev_hash));
    st.exchange(soci::into(row.hash));
    st.define_and_bind();
    st.execute();
    std::vector<AuditEntry> out;
    while (st.fetch()) {
      AuditEntry e = row;
      e.seq = seq;
      e.at = Instant{at};
      e.subject_id = subject_ind == soci::i_ok ? std::optional(subject) : std::nullopt;
      out.push_back(std::move(e));
    }
    return out;
  }
};

}  // namespace

Status SqlAuditRepository::Append(const AuditEntry& entry) {
  return db_.Write("audit.append", [&](soci::session& sql) -> Status {
    // Moving the head first locks its row (PostgreSQL; SQLite's write
    // transaction is exclusive already), so appends take turns and the
    // chain never forks.
    sql << "UPDATE audit_head SET seq = seq + 1 WHERE id = 1";
    AuditEntry e = entry;
    long long seq = 0;
    sql << "SELECT seq, hash FROM audit_head WHERE id = 1", soci::into(seq),
        soci::into(e.prev_hash);
    if (!sql.got_data()) return Internal("The audit log has no head row.");
    e.seq = seq;
    e.hash = domain::ChainHash(e.prev_hash, e);
    const long long at = e.at.millis;
    soci::indicator subject_ind = e.subject_id ? soci::i_ok : soci::i_null;
    const std::string subject = e.subject_id.value_or("");
    sql << "INSERT INTO audit_log (id, seq, at, actor_id, action, subject_id, detail, prev_hash, "
           "hash) VALUES (:id, :seq, :at, :actor, :action, :subject, :detail, :prev, :hash)",
        soci::use(e.id), soci::use(seq), soci::use(at), soci::use(e.actor_id), soci::use(e.action),
        soci::use(subject, subject_ind), soci::use(e.detail), soci::use(e.prev_hash),
        soci::use(e.hash);
    sql << "UPDATE audit_head SET hash = :h WHERE id = 1", soci::use(e.hash);
    return {};
  });
}

Result<std::vector<AuditEntry>> SqlAuditRepository::Find(const AuditQuery& q) {
  return db_.Read("audit.find", [&](soci::session& sql) -> Result<std::vector<AuditEntry>> {
    // The filters become conditions in this order, and their values are
    // bound in the same order.
    std::string where;
    const auto add = [&where](const char* condition) {
      where += where.empty() ? " WHERE " : " AND ";
      where += condition;
    };
    const long long from = q.from ? q.from->millis : 0;
    const long long to = q.to ? q.to->millis : 0;
    const long long before_at = q.before ? q.before->first.millis : 0;
    const std::string before_id = q.before ? q.before->second : "";
    const int limit = q.limit;
    if (q.actor_id) add("actor_id = :actor");
    if (q.subject_id) add("subject_id = :subject");
    if (q.action) add("action = :action");
    if (!q.actions.empty()) {
      // One placeholder per action, bound below in the same order.
      std::string any = "action IN (";
      for (std::size_t i = 0; i < q.actions.size(); ++i) {
        any += (i == 0 ? ":any" : ", :any") + std::to_string(i);
      }
      add((any + ")").c_str());
    }
    if (q.from) add("at >= :from");
    if (q.to) add("at < :to");
    if (q.before) add("(at < :before_at OR (at = :before_at2 AND id < :before_id))");

    RowReader row;
    soci::statement st(sql);
    st.alloc();
    st.prepare(std::string(kColumns) + where + " ORDER BY at DESC, id DESC LIMIT :limit");
    if (q.actor_id) st.exchange(soci::use(*q.actor_id));
    if (q.subject_id) st.exchange(soci::use(*q.subject_id));
    if (q.action) st.exchange(soci::use(*q.action));
    for (const auto& action : q.actions) st.exchange(soci::use(action));
    if (q.from) st.exchange(soci::use(from));
    if (q.to) st.exchange(soci::use(to));
    if (q.before) {
      st.exchange(soci::use(before_at));
      st.exchange(soci::use(before_at));
      st.exchange(soci::use(before_id));
    }
    st.exchange(soci::use(limit));
    return row.ReadAll(st);
  });
}

Result<std::vector<AuditEntry>> SqlAuditRepository::Chain(std::int64_t after, int limit) {
  return db_.Read("audit.chain", [&](soci::session& sql) -> Result<std::vector<AuditEntry>> {
    const long long from = after;
    RowReader row;
    soci::statement st(sql);
    st.alloc();
    st.prepare(std::string(kColumns) + " WHERE seq > :after ORDER BY seq LIMIT :limit");
    st.exchange(soci::use(from));
    st.exchange(soci::use(limit));
    return row.ReadAll(st);
  });
}

Result<std::pair<std::int64_t, std::string>> SqlAuditRepository::Head() {
  return db_.Read(
      "audit.head", [&](soci::session& sql) -> Result<std::pair<std::int64_t, std::string>> {
        long long seq = 0;
        std::string hash;
        sql << "SELECT seq, hash FROM audit_head WHERE id = 1", soci::into(seq), soci::into(hash);
        if (!sql.got_data()) return Internal("The audit log has no head row.");
        return std::pair<std::int64_t, std::string>(seq, std::move(hash));
      });
}

}  // namespace securebase::storage
