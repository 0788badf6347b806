// OutboxWorker delivers the mail in the outbox: it claims due messages
// under a lease, hands each to the Mailer, and records the outcome.
//
//   sent         → MarkSent (the recipient, subject and body are erased)
//   retryable    → MarkRetry at the RetryPolicy's next time (1 min doubling
//                  to 1 h), or, once that would pass three days, MarkFailed
//   permanent    → MarkFailed at once
//
// Failed mail stays in the outbox with its content for the operator; it is
// counted in securebase_mail_given_up_total. Metrics (label `kind` is the
// mail's kind, e.g. "verify-email"):
//   securebase_mail_sent_total{kind}       messages delivered
//   securebase_mail_failed_total{kind}     tries that failed (each retry counts)
//   securebase_mail_given_up_total{kind}   messages that will not be retried
// Logs carry the mail's id, kind, attempt and the mailer's reason (which by
// the Mailer contract names no address); never an address, subject or body.
//
// A pass sends at most max_batches × batch_size messages. A claimed message
// is started only while max_send_time of its lease is left, and RequestStop()
// makes the pass finish the message in hand and hand the rest back (Release),
// so shutdown waits for at most one send.
//
// Thread-safety: RunOnce, Tick and PurgeSent from one thread at a time (the
// Ticker's); RequestStop from any thread.
#pragma once

#include <atomic>
#include <chrono>

#include "common/clock.h"
#include "common/metrics.h"
#include "domain/notify/mailer.h"
#include "domain/notify/outbox_repository.h"
#include "domain/notify/retry_policy.h"

namespace securebase::jobs {

struct OutboxWorkerOptions {
  int batch_size = 10;
  int max_batches = 10;
  std::chrono::milliseconds lease = std::chrono::minutes(15);
  // The longest one Send can take: the SMTP mailer's timeout plus margin.
  std::chrono::milliseconds max_send_time = std::chrono::seconds(90);
  // How long sent rows (already without content) are kept before PurgeSent.
  std::chrono::milliseconds keep_sent = std::chrono::hours(24 * 7);
  domain::RetryPolicy retry;
};

// What one pass did.
struct OutboxPass {
  int sent = 0;
  int retried = 0;   // failed, will be tried again
  int given_up = 0;  // failed for good (kept as failed)
  int released = 0;  // claimed but handed back untried
};

class OutboxWorker {
 public:
  OutboxWorker(domain::OutboxRepository& outbox, domain::Mailer& mailer, const Clock& clock,
               MetricsRegistry& metrics, OutboxWorkerOptions options = {});

  // Delivers what is due now. An error means the outbox could not be read
  // or written; a mail that failed to send is not an error of the pass.
  Result<OutboxPass> RunOnce();

  // RunOnce for the Ticker.
  Status Tick();

  // Deletes sent rows older than keep_sent.
  Status PurgeSent();

  // Asks a running pass to stop after the message in hand. Later passes do
  // nothing. Safe from any thread.
  void RequestStop() { stopping_.store(true); }

 private:
  // Records one try's outcome; an error only for a storage failure.
  Status Settle(const domain::ClaimedMail& claimed, const Status& sent, OutboxPass& pass);

  domain::OutboxRepository& outbox_;
  domain::Mailer& mailer_;
  const Clock& clock_;
  MetricsRegistry& metrics_;
  OutboxWorkerOptions options_;
  std::atomic<bool> stopping_{false};
};

}  // namespace securebase::jobs
