#include "storage/sql_outbox_repository.h"

#include <soci/soci.h>

#include <string>

#include "common/random.h"

namespace securebase::storage {

using domain::ClaimedMail;
using domain::OutboxCounts;
using domain::OutboxRecord;
using domain::OutboxStatus;
using domain::OutgoingMail;

namespace {

std::optional<OutboxStatus> ParseStatus(const std::string& s) {
  if (s == "pending") return OutboxStatus::kPending;
  if (s == "sent") return OutboxStatus::kSent;
  if (s == "failed") return OutboxStatus::kFailed;
  return std::nullopt;
}

Status LeaseLost() {
  return Fail(ErrorCode::kConflict, "This message is no longer held by this worker.");
}

// A message without a calendar stores NULL in both calendar columns.
soci::indicator NullWhenEmpty(const std::string& value) {
  return value.empty() ? soci::i_null : soci::i_ok;
}

std::string ValueOrEmpty(const std::string& value, soci::indicator ind) {
  return ind == soci::i_ok ? value : std::string();
}

}  // namespace

Status SqlOutboxRepository::Enqueue(const OutgoingMail& mail) {
  if (auto ok = domain::ValidateOutgoingMail(mail); !ok) return ok;
  return db_.Write("outbox.enqueue", [&](soci::session& sql) -> Status {
    const long long created = mail.created_at.millis;
    soci::indicator calendar_ind = NullWhenEmpty(mail.calendar);
    soci::indicator method_ind = NullWhenEmpty(mail.calendar_method);
    sql << "INSERT INTO outbox (id, kind, recipient, subject, body, calendar, calendar_method, "
           "status, attempts, next_attempt_at, created_at) "
           "VALUES (:id, :kind, :to, :subject, :body, :calendar, :method, 'pending', 0, :next, "
           ":created)",
        soci::use(mail.id), soci::use(mail.kind), soci::use(mail.to), soci::use(mail.subject),
        soci::use(mail.text), soci::use(mail.calendar, calendar_ind),
        soci::use(mail.calendar_method, method_ind), soci::use(created), soci::use(created);
    return {};
  });
}

Result<std::vector<ClaimedMail>> SqlOutboxRepository::ClaimDue(Instant now,
                                                               std::chrono::milliseconds lease,
                                                               int limit) {
  const long long t = now.millis;
  if (limit <= 0) return std::vector<ClaimedMail>{};
  // A plain read first, so that an idle outbox costs no write lock (on
  // SQLite every poll would otherwise take BEGIN IMMEDIATE).
  auto any = db_.Read("outbox.peek_due", [&](soci::session& sql) -> Result<bool> {
    std::string id;
    sql << "SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= :t1 "
           "AND (lease_until IS NULL OR lease_until <= :t2) LIMIT 1",
        soci::use(t), soci::use(t), soci::into(id);
    return sql.got_data();
  });
  if (!any) return std::unexpected(any.error());
  if (!*any) return std::vector<ClaimedMail>{};

  const bool pg = db_.backend() == Backend::kPostgresql;
  return db_.Write("outbox.claim", [&](soci::session& sql) -> Result<std::vector<ClaimedMail>> {
    const std::string claim = NewId();
    const long long until = t + lease.count();
    // The rows are picked first, in a materialized CTE, and then updated:
    // PostgreSQL may otherwise re-run a LIMIT subquery inside IN (...) and
    // claim more rows than asked for. There the pick also locks its rows and
    // skips those another instance holds. The due conditions are checked
    // again by the UPDATE, so a row claimed meanwhile is left alone.
    const std::string statement =
        std::string(
            "WITH picked AS MATERIALIZED (SELECT id FROM outbox WHERE status = 'pending' "
            "AND next_attempt_at <= :t1 AND (lease_until IS NULL OR lease_until <= :t2) "
            "ORDER BY next_attempt_at, created_at, id LIMIT :limit") +
        (pg ? " FOR UPDATE SKIP LOCKED) " : ") ") +
        "UPDATE outbox SET claim = :claim, lease_until = :until, attempts = attempts + 1 "
        "WHERE id IN (SELECT id FROM picked) AND status = 'pending' AND next_attempt_at <= :t3 "
        "AND (lease_until IS NULL OR lease_until <= :t4)";
    sql << statement, soci::use(t), soci::use(t), soci::use(limit), soci::use(claim),
        soci::use(until), soci::use(t), soci::use(t);

    std::vector<ClaimedMail> out;
    ClaimedMail row;
    long long created = 0;
    std::string calendar, method;
    soci::indicator calendar_ind = soci::i_null, method_ind = soci::i_null;
    soci::statement select =
        (sql.prepare << "SELECT id, kind, recipient, subject, body, calendar, calendar_method, "
                        "attempts, created_at FROM outbox WHERE claim = :claim "
                        "ORDER BY next_attempt_at, created_at, id",
         soci::use(claim), soci::into(row.mail.id), soci::into(row.mail.kind),
         soci::into(row.mail.to), soci::into(row.mail.subject), soci::into(row.mail.text),
         soci::into(calendar, calendar_ind), soci::into(method, method_ind),
         soci::into(row.attempt), soci::into(created));
    select.execute();
    while (select.fetch()) {
      // A NULL leaves the buffer as the previous row had it: read the indicator.
      row.mail.calendar = ValueOrEmpty(calendar, calendar_ind);
      row.mail.calendar_method = ValueOrEmpty(method, method_ind);
      row.mail.created_at = Instant{created};
      row.claim = claim;
      out.push_back(row);
    }
    return out;
  });
}

Status SqlOutboxRepository::MarkSent(std::string_view id_view, Instant at) {
  return db_.Write("outbox.mark_sent", [&](soci::session& sql) -> Status {
    const std::string id(id_view);
    const long long t = at.millis;
    soci::statement st =
        (sql.prepare << "UPDATE outbox SET status = 'sent', sent_at = :at, recipient = '', "
                        "subject = '', body = '', calendar = NULL, claim = NULL, "
                        "lease_until = NULL, last_error = NULL WHERE id = :id",
         soci::use(t), soci::use(id));
    st.execute(true);
    if (st.get_affected_rows() != 1) return NotFound("There is no such message in the outbox.");
    return {};
  });
}

Status SqlOutboxRepository::MarkRetry(std::string_view id_view, std::string_view claim_view,
                                      Instant next_attempt, std::string_view reason) {
  return db_.Write("outbox.mark_retry", [&](soci::session& sql) -> Status {
    const std::string id(id_view), claim(claim_view), why = domain::ShortReason(reason);
    const long long next = next_attempt.millis;
    soci::statement st =
        (sql.prepare << "UPDATE outbox SET next_attempt_at = :next, last_error = :why, "
                        "claim = NULL, lease_until = NULL "
                        "WHERE id = :id AND claim = :claim AND status = 'pending'",
         soci::use(next), soci::use(why), soci::use(id), soci::use(claim));
    st.execute(true);
    if (st.get_affected_rows() != 1) return LeaseLost();
    return {};
  });
}

Status SqlOutboxRepository::MarkFailed(std::string_view id_view, std::string_view claim_view,
                                       Instant at, std::string_view reason) {
  return db_.Write("outbox.mark_failed", [&](soci::session& sql) -> Status {
    const std::string id(id_view), claim(claim_view), why = domain::ShortReason(reason);
    const long long t = at.millis;
    soci::statement st =
        (sql.prepare << "UPDATE outbox SET status = 'failed', failed_at = :at, last_error = :why, "
                        "claim = NULL, lease_until = NULL "
                        "WHERE id = :id AND claim = :claim AND status = 'pending'",
         soci::use(t), soci::use(why), soci::use(id), soci::use(claim));
    st.execute(true);
    if (st.get_affected_rows() != 1) return LeaseLost();
    return {};
  });
}

Status SqlOutboxRepository::Release(std::string_view id_view, std::string_view claim_view) {
  return db_.Write("outbox.release", [&](soci::session& sql) -> Status {
    const std::string id(id_view), claim(claim_view);
    soci::statement st = (sql.prepare << "UPDATE outbox SET claim = NULL, lease_until = NULL, "
                                         "attempts = attempts - 1 "
                                         "WHERE id = :id AND claim = :claim AND status = 'pending'",
                          soci::use(id), soci::use(claim));
    st.execute(true);
    if (st.get_affected_rows() != 1) return LeaseLost();
    return {};
  });
}

Result<std::optional<OutboxRecord>> SqlOutboxRepository::Find(std::string_view id_view) {
  return db_.Read("outbox.find", [&](soci::session& sql) -> Result<std::optional<OutboxRecord>> {
    const std::string id(id_view);
    OutboxRecord r;
    std::string status, last_error, calendar, method;
    long long next = 0, created = 0, sent = 0, failed = 0;
    soci::indicator error_ind = soci::i_null, sent_ind = soci::i_null, failed_ind = soci::i_null,
                    calendar_ind = soci::i_null, method_ind = soci::i_null;
    sql << "SELECT id, kind, recipient, subject, body, calendar, calendar_method, status, "
           "attempts, next_attempt_at, last_error, created_at, sent_at, failed_at "
           "FROM outbox WHERE id = :id",
        soci::use(id), soci::into(r.mail.id), soci::into(r.mail.kind), soci::into(r.mail.to),
        soci::into(r.mail.subject), soci::into(r.mail.text), soci::into(calendar, calendar_ind),
        soci::into(method, method_ind), soci::into(status), soci::into(r.attempts),
        soci::into(next), soci::into(last_error, error_ind), soci::into(created),
        soci::into(sent, sent_ind), soci::into(failed, failed_ind);
    if (!sql.got_data()) return std::nullopt;
    r.mail.calendar = ValueOrEmpty(calendar, calendar_ind);
    r.mail.calendar_method = ValueOrEmpty(method, method_ind);
    const auto parsed = ParseStatus(status);
    if (!parsed) return Internal("A stored message has an unknown status.");
    r.status = *parsed;
    r.next_attempt_at = Instant{next};
    if (error_ind == soci::i_ok) r.last_error = last_error;
    r.mail.created_at = Instant{created};
    if (sent_ind == soci::i_ok) r.sent_at = Instant{sent};
    if (failed_ind == soci::i_ok) r.failed_at = Instant{failed};
    return r;
  });
}

Result<OutboxCounts> SqlOutboxRepository::Counts() {
  return db_.Read("outbox.counts", [&](soci::session& sql) -> Result<OutboxCounts> {
    OutboxCounts c;
    std::string status;
    long long n = 0;
    soci::statement st = (sql.prepare << "SELECT status, COUNT(*) FROM outbox GROUP BY status",
                          soci::into(status), soci::into(n));
    st.execute();
    while (st.fetch()) {
      const auto parsed = ParseStatus(status);
      if (!parsed) return Internal("A stored message has an unknown status.");
      switch (*parsed) {
        case OutboxStatus::kPending: c.pending = static_cast<long>(n); break;
        case OutboxStatus::kSent: c.sent = static_cast<long>(n); break;
        case OutboxStatus::kFailed: c.failed = static_cast<long>(n); break;
      }
    }
    return c;
  });
}

Result<long> SqlOutboxRepository::PurgeSent(Instant before) {
  return db_.Write("outbox.purge_sent", [&](soci::session& sql) -> Result<long> {
    const long long t = before.millis;
    soci::statement st =
        (sql.prepare << "DELETE FROM outbox WHERE status = 'sent' AND sent_at < :t", soci::use(t));
    st.execute(true);
    return static_cast<long>(st.get_affected_rows());
  });
}

Result<long> SqlOutboxRepository::ForgetRecipient(std::string_view address) {
  return db_.Write("outbox.forget_recipient", [&](soci::session& sql) -> Result<long> {
    const std::string to(address);
    if (to.empty()) return 0L;  // sent rows have an empty recipient: never match them all
    soci::statement st = (sql.prepare << "DELETE FROM outbox WHERE recipient = :to", soci::use(to));
    st.execute(true);
    return static_cast<long>(st.get_affected_rows());
  });
}

}  // namespace securebase::storage
