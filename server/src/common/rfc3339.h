// Instants as the API writes and reads them: RFC 3339 in UTC with whole
// seconds, e.g. "2026-03-30T08:00:00Z" (DESIGN.md §8). Milliseconds are
// dropped (floored), which is finer than anything a person reads.
//
// Thread-safety: pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/clock.h"

namespace securebase {

std::string Rfc3339(Instant at);

// A wall time written "YYYY-MM-DDTHH:MM:SS" and then `suffix` ("Z", or an
// offset such as "-04:00"): the one writer behind Rfc3339 and local times
// (domain/calendar LocalRfc3339). Digits by hand, not a format string: a
// list of slots writes thousands of these per request (bench/notes.md).
// Years outside 0–9999 are written as many digits as they need.
std::string WriteDateTime(int year, unsigned month, unsigned day, long hour, long minute,
                          long second, std::string_view suffix);

// An RFC 3339 date and time ("2026-11-29T08:00:00Z", also with a fraction,
// a lower-case t or z, or an offset such as +01:00), as a UTC instant in
// whole seconds (a fraction is dropped); nullopt for anything else.
std::optional<Instant> ParseRfc3339(std::string_view text);

}  // namespace securebase
