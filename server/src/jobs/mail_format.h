// Mail format: turns an OutgoingMail into the bytes of one Internet message
// (RFC 5322, MIME), the same bytes for the .eml files and for SMTP:
//
//   Date, From, To, Subject (RFC 2047 encoded-words when not ASCII),
//   Message-ID <id@from-domain>, Auto-Submitted: auto-generated,
//   MIME-Version 1.0, text/plain; charset=utf-8, quoted-printable body,
//   CRLF line ends throughout.
//
// A mail with a calendar (OutgoingMail::calendar) is multipart/mixed
// instead: the same text/plain part, then the calendar as
//   text/calendar; charset=UTF-8; method=<REQUEST|CANCEL|PUBLISH>,
//   base64 (its CRLFs arrive as written), Content-Disposition: attachment,
//   filename "invite.ics" ("cancel.ics" for CANCEL).
// The boundary is "=_" and the message id: a sequence that neither
// quoted-printable nor base64 can produce, so it never occurs in a part.
//
// Header injection is impossible by construction: every value that reaches a
// header is checked first (domain::ValidateOutgoingMail, ParseMailbox), and a
// CR, LF or other control character anywhere in a header value refuses the
// whole message with kInvalidArgument (a permanent failure: retrying cannot
// help).
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "common/clock.h"
#include "common/error.h"
#include "domain/notify/outgoing_mail.h"

namespace securebase::jobs {

// A sender: "Secure Base <no-reply@example.org>" or "no-reply@example.org".
struct Mailbox {
  std::string display_name;  // may be empty; UTF-8
  std::string address;       // local@domain
};

// Parses a sender as written in the config. Refuses control characters, a
// missing or doubled '@', spaces or brackets in the address, and anything
// after the closing '>'. Messages say what is wrong without echoing input.
Result<Mailbox> ParseMailbox(std::string_view text);

// The whole message, ready to hand to SMTP or write to a file.
Result<std::string> FormatMessage(const domain::OutgoingMail& mail, const Mailbox& from,
                                  Instant date);

// The parts, exposed for their tests.

// "Mon, 30 Mar 2026 08:00:00 +0000".
std::string FormatDate(Instant t);

// A header value as written after "Name: ": plain ASCII as it is (folded at
// spaces to keep lines short), anything else as UTF-8 base64 encoded-words
// of at most 75 characters each, folded between words. `name_length` is the
// length of "Name: " so the first line stays short too.
std::string EncodeHeaderText(std::string_view text, std::size_t name_length);

// Quoted-printable (RFC 2045) with CRLF line ends: input lines may end in
// "\n", "\r\n" or "\r"; output lines are at most 76 characters; a leading
// '.' or "From " is encoded so no relay or mailbox format can misread it.
std::string EncodeQuotedPrintable(std::string_view text);

}  // namespace securebase::jobs
