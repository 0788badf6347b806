#include "jobs/outbox_worker.h"

#include "common/log.h"

namespace securebase::jobs {
namespace {

constexpr std::string_view kSent = "securebase_mail_sent_total";
constexpr std::string_view kFailed = "securebase_mail_failed_total";
constexpr std::string_view kGivenUp = "securebase_mail_given_up_total";

}  // namespace

OutboxWorker::OutboxWorker(domain::OutboxRepository& outbox, domain::Mailer& mailer,
                           const Clock& clock, MetricsRegistry& metrics,
                           OutboxWorkerOptions options)
    : outbox_(outbox), mailer_(mailer), clock_(clock), metrics_(metrics), options_(options) {
  metrics_.Describe(kSent, "Mail delivered, by kind.");
  metrics_.Describe(kFailed, "Mail delivery tries that failed, by kind (each retry counts).");
  metrics_.Describe(kGivenUp,
                    "Mail that will not be retried (refused, or failing for three days), by "
                    "kind. It is kept in the outbox as failed.");
}

Result<OutboxPass> OutboxWorker::RunOnce() {
  OutboxPass pass;
  for (int batch = 0; batch < options_.max_batches && !stopping_.load(); ++batch) {
    const Instant claimed_at = clock_.Now();
    auto claimed = outbox_.ClaimDue(claimed_at, options_.lease, options_.batch_size);
    if (!claimed) return std::unexpected(claimed.error());
    Status storage_ok;
    for (const auto& c : *claimed) {
      const bool lease_short = clock_.Now().millis + options_.max_send_time.count() >
                               claimed_at.millis + options_.lease.count();
      if (stopping_.load() || lease_short) {
        // Untried: hand it back so it does not wait for the lease to run out.
        if (auto released = outbox_.Release(c.mail.id, c.claim); released) {
          ++pass.released;
        } else if (released.error().code != ErrorCode::kConflict) {
          storage_ok = released;
        }
        continue;
      }
      const Status sent = mailer_.Send(c.mail);
      if (auto settled = Settle(c, sent, pass); !settled) storage_ok = settled;
    }
    if (!storage_ok) return std::unexpected(storage_ok.error());
    if (static_cast<int>(claimed->size()) < options_.batch_size) break;
  }
  return pass;
}

Status OutboxWorker::Settle(const domain::ClaimedMail& c, const Status& sent, OutboxPass& pass) {
  const auto& mail = c.mail;
  const Instant now = clock_.Now();
  const Labels labels = {{"kind", mail.kind}};
  if (sent) {
    metrics_.GetCounter(kSent, labels).Add();
    ++pass.sent;
    Log(LogLevel::kInfo, "mail_sent",
        {{"mail_id", mail.id}, {"kind", mail.kind}, {"attempt", c.attempt}});
    // If this write fails the mail will go again after the lease: a
    // duplicate is better than a loss.
    return outbox_.MarkSent(mail.id, now);
  }

  metrics_.GetCounter(kFailed, labels).Add();
  const std::string& reason = sent.error().message;
  const bool permanent = domain::IsPermanentMailFailure(sent.error());
  const auto next = permanent
                        ? std::nullopt
                        : domain::NextAttempt(options_.retry, c.attempt, mail.created_at, now);
  Status marked;
  if (next) {
    ++pass.retried;
    Log(LogLevel::kWarn, "mail_retry",
        {{"mail_id", mail.id},
         {"kind", mail.kind},
         {"attempt", c.attempt},
         {"reason", reason},
         {"retry_in_seconds", (next->millis - now.millis) / 1000}});
    marked = outbox_.MarkRetry(mail.id, c.claim, *next, reason);
  } else {
    ++pass.given_up;
    metrics_.GetCounter(kGivenUp, labels).Add();
    Log(LogLevel::kError, "mail_given_up",
        {{"mail_id", mail.id},
         {"kind", mail.kind},
         {"attempt", c.attempt},
         {"reason", reason},
         {"refused", permanent}});
    marked = outbox_.MarkFailed(mail.id, c.claim, now, reason);
  }
  if (!marked && marked.error().code == ErrorCode::kConflict) {
    // Another worker took the message over after our lease ran out; its
    // outcome stands.
    Log(LogLevel::kWarn, "mail_lease_lost", {{"mail_id", mail.id}, {"kind", mail.kind}});
    return {};
  }
  return marked;
}

Status OutboxWorker::Tick() {
  auto pass = RunOnce();
  if (!pass) return std::unexpected(pass.error());
  return {};
}

Status OutboxWorker::PurgeSent() {
  const Instant before{clock_.Now().millis - options_.keep_sent.count()};
  auto purged = outbox_.PurgeSent(before);
  if (!purged) return std::unexpected(purged.error());
  if (*purged > 0)
    Log(LogLevel::kInfo, "mail_purged", {{"rows", static_cast<std::int64_t>(*purged)}});
  return {};
}

}  // namespace securebase::jobs
