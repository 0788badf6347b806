// EmlMailer: the mailer for a server without SMTP settings. Each message is
// written as one file, <mail dir>/<UTC time>-<id>.eml (for example
// 20260330T080000123Z-4f0c….eml), so files sort in the order they were
// written and open in any mail program.
//
// A file is created with mode 0600 under a temporary name starting with '.',
// written, flushed to disk, and then renamed into place: someone watching the
// folder for *.eml never sees half a message. The folder is created (0700)
// when missing. Failures (a full disk, a missing permission) are retryable.
//
// Thread-safety: safe from several threads (each call writes its own file).
#pragma once

#include <filesystem>

#include "common/clock.h"
#include "domain/notify/mailer.h"
#include "jobs/mail_format.h"

namespace securebase::jobs {

class EmlMailer final : public domain::Mailer {
 public:
  EmlMailer(std::filesystem::path dir, Mailbox from, const Clock& clock)
      : dir_(std::move(dir)), from_(std::move(from)), clock_(clock) {}

  Status Send(const domain::OutgoingMail& mail) override;

  const std::filesystem::path& dir() const { return dir_; }

  // "20260330T080000123Z": UTC, fixed width, so names sort by time.
  static std::string FileStamp(Instant t);

 private:
  std::filesystem::path dir_;
  Mailbox from_;
  const Clock& clock_;
};

}  // namespace securebase::jobs
