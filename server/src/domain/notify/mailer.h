// Mailer delivers one message now: jobs/eml_mailer writes it to a file,
// jobs/smtp_mailer hands it to an SMTP server. Only the outbox worker calls
// it; the rest of the server enqueues mail in the OutboxRepository.
//
// A failure says whether trying again can help:
//   kInvalidArgument  permanent: this message can never go as it is (the
//                     server refused the recipient, a header is unsafe);
//   anything else     retryable: the server is down or busy, a timeout, TLS
//                     or log-in trouble the operator can fix.
// Error messages are stored and logged, so they never contain an address,
// a subject or a body: only what went wrong, e.g. "SMTP server refused the
// recipient (550)".
//
// Thread-safety: implementations are safe to call from several threads.
#pragma once

#include "common/error.h"
#include "domain/notify/outgoing_mail.h"

namespace securebase::domain {

class Mailer {
 public:
  virtual ~Mailer() = default;
  virtual Status Send(const OutgoingMail& mail) = 0;
};

inline bool IsPermanentMailFailure(const Error& error) {
  return error.code == ErrorCode::kInvalidArgument;
}

}  // namespace securebase::domain
