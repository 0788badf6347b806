#include "storage/sql_audit_repository.h"

#include <soci/soci.h>

#include <string>

namespace securebase::storage {

using domain::AuditEntry;
using domain::AuditQuery;

Status SqlAuditRepository::Append(const AuditEntry& e) {
  return db_.Write("audit.append", [&](soci::session& sql) -> Status {
    const long long at = e.at.millis;
    soci::indicator subject_ind = e.subject_id ? soci::i_ok : soci::i_null;
    const std::string subject = e.subject_id.value_or("");
    sql << "INSERT INTO audit_log (id, at, actor_id, action, subject_id, detail) VALUES (:id, "
           ":at, :actor, :action, :subject, :detail)",
        soci::use(e.id), soci::use(at), soci::use(e.actor_id), soci::use(e.action),
        soci::use(subject, subject_ind), soci::use(e.detail);
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
    if (q.from) add("at >= :from");
    if (q.to) add("at < :to");
    if (q.before) add("(at < :before_at OR (at = :before_at2 AND id < :before_id))");

    AuditEntry row;
    long long at = 0;
    std::string subject;
    soci::indicator subject_ind = soci::i_null;
    soci::statement st(sql);
    st.alloc();
    st.prepare("SELECT id, at, actor_id, action, subject_id, detail FROM audit_log" + where +
               " ORDER BY at DESC, id DESC LIMIT :limit");
    if (q.actor_id) st.exchange(soci::use(*q.actor_id));
    if (q.subject_id) st.exchange(soci::use(*q.subject_id));
    if (q.action) st.exchange(soci::use(*q.action));
    if (q.from) st.exchange(soci::use(from));
    if (q.to) st.exchange(soci::use(to));
    if (q.before) {
      st.exchange(soci::use(before_at));
      st.exchange(soci::use(before_at));
      st.exchange(soci::use(before_id));
    }
    st.exchange(soci::use(limit));
    st.exchange(soci::into(row.id));
    st.exchange(soci::into(at));
    st.exchange(soci::into(row.actor_id));
    st.exchange(soci::into(row.action));
    st.exchange(soci::into(subject, subject_ind));
    st.exchange(soci::into(row.detail));
    st.define_and_bind();
    st.execute();
    std::vector<AuditEntry> out;
    while (st.fetch()) {
      AuditEntry e = row;
      e.at = Instant{at};
      e.subject_id = subject_ind == soci::i_ok ? std::optional(subject) : std::nullopt;
      out.push_back(std::move(e));
    }
    return out;
  });
}

}  // namespace securebase::storage
