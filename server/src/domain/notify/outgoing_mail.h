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

#include <cstddef>
#include <string>
#include <string_view>

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
  // An optional iCalendar part (domain/notify/icalendar's WriteCalendar):
  // the .ics text, CRLF line ends, sent as a text/calendar attachment
  // beside the body. Empty: a plain message. Personal data like the body
  // (it names the attendees), so it is erased once sent.
  std::string calendar = {};
  // "REQUEST", "CANCEL" or "PUBLISH" (CalendarMethodName) when there is a
  // calendar, empty when there is none.
  std::string calendar_method = {};
};

// Checks what every part of the mail path relies on, so that a bad message
// is refused when it is enqueued rather than failing later in the worker:
// an id of 1..64 characters [A-Za-z0-9_-]; `to` a single address (one '@',
// no spaces, angle brackets, commas, quotes or control characters, at most
// 254 bytes); a subject of one line (no CR, LF or other control characters)
// of at most 400 bytes; a kind of 1..40 characters [a-z0-9-] (it becomes a
// metric label); valid UTF-8 in the subject and body; a body of at most
// 1 MiB; a calendar of valid UTF-8, at most 256 KiB, with a method of
// REQUEST, CANCEL or PUBLISH (and no method without a calendar). Error
// messages name the field, never its value.
Status ValidateOutgoingMail(const OutgoingMail& mail);

// True for well-formed UTF-8 (no overlong forms, surrogates or values past
// U+10FFFF).
bool IsValidUtf8(std::string_view text);

// The length (1 to 4) of the well-formed UTF-8 character that starts at
// text[i] (i < text.size()), or 0 when none does.
std::size_t Utf8SequenceLength(std::string_view text, std::size_t i);

}  // namespace securebase::domain
