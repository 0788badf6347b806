// OutgoingMail: one message the server wants to send (a sign-up link, a
// password reset, later booking invitations and reminders). Domain services
// compose it and put it in the outbox; the outbox worker (jobs/) delivers it
// through a Mailer and retries with backoff until it is sent.
//
// Bodies may carry one-time links, so they are personal data: never logged,
// and erased from the outbox once delivered.
//
// Thread-safety: plain values.
#pragma once

#include <string>

#include "common/clock.h"
#include "common/error.h"

namespace securebase::domain {

struct OutgoingMail {
  std::string id;       // random (NewId); also the Message-ID's local part
  std::string to;       // one address, already normalized
  std::string subject;  // plain text, one line
  std::string text;     // the plain-text body, UTF-8, "\n" line ends
  std::string kind;     // what it is for, for metrics and logs: "verify-email", "password-reset"
  Instant created_at;
};

// Checks what every part of the mail path relies on, so that a bad message
// is refused when it is enqueued rather than failing later in the worker:
// an id of 1..64 characters [A-Za-z0-9_-]; `to` a single address (one '@',
// no spaces, angle brackets, commas, quotes or control characters, at most
// 254 bytes); a subject of one line (no CR, LF or other control characters)
// of at most 400 bytes; a kind of 1..40 characters [a-z0-9-] (it becomes a
// metric label); valid UTF-8 in the subject and body; a body of at most
// 1 MiB. Error messages name the field, never its value.
Status ValidateOutgoingMail(const OutgoingMail& mail);

// True for well-formed UTF-8 (no overlong forms, surrogates or values past
// U+10FFFF).
bool IsValidUtf8(std::string_view text);

}  // namespace securebase::domain
