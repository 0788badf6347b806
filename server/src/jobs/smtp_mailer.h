// SmtpMailer: delivers mail to an SMTP server with libcurl, one connection
// per message.
//
//   smtp://host:587   STARTTLS, required (CURLUSESSL_ALL): a server that
//                     does not offer it gets nothing, not even the envelope.
//                     Only `starttls = false`, set by the operator, allows
//                     plain text, and then never with a password.
//   smtps://host:465  TLS from the first byte.
//
// Certificates are always verified, against the system's CAs or `ca_file`.
// TLS 1.2 is the least accepted.
//
// Failures are classified for the outbox worker (see domain/notify/mailer.h):
// a recipient refused with a 5xx reply, or a message refused after DATA, is
// permanent; everything else (connection, TLS, log-in, 4xx replies, a sender
// refused, timeouts) is retryable, because the operator can fix it and the
// mail should then still go. Messages name the cause and the reply code,
// never an address: libcurl's own error text, which can quote the server,
// is never used in them.
//
// Thread-safety: Send may be called from several threads at once.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "common/clock.h"
#include "domain/notify/mailer.h"
#include "jobs/mail_format.h"

namespace securebase::jobs {

struct SmtpOptions {
  std::string url;       // smtp://host[:port] or smtps://host[:port]
  bool starttls = true;  // for smtp://: require STARTTLS
  std::string username;  // empty: no log-in
  std::string password;
  std::string ca_file;  // empty: the system's CA store
  std::chrono::milliseconds connect_timeout = std::chrono::seconds(10);
  std::chrono::milliseconds timeout = std::chrono::seconds(60);  // the whole exchange
  Mailbox from;
};

class SmtpMailer final : public domain::Mailer {
 public:
  // Checks the options (scheme, no password over plain text, a readable CA
  // file) and initialises libcurl once per process. Errors name the setting.
  static Result<std::unique_ptr<SmtpMailer>> Create(SmtpOptions options, const Clock& clock);

  Status Send(const domain::OutgoingMail& mail) override;

  // True when mail goes in plain text (smtp:// with starttls off).
  bool plaintext() const { return plaintext_; }

 private:
  SmtpMailer(SmtpOptions options, const Clock& clock, bool plaintext)
      : options_(std::move(options)), clock_(clock), plaintext_(plaintext) {}

  SmtpOptions options_;
  const Clock& clock_;
  bool plaintext_;
};

// How a failed exchange is reported: `curl_code` is the CURLcode,
// `reply` the last SMTP reply code (0 when none) and `phase` how far the
// exchange got: "MAIL" (the sender), "RCPT" (the recipient), "DATA" (the
// whole message was sent) or "" (before any of these). Exposed for tests.
Error ClassifySmtpFailure(int curl_code, long reply, std::string_view phase);

}  // namespace securebase::jobs
