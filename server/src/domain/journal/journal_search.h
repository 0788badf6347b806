// The journal list's search and filters (docs/api/journal.md, "The list,
// search and filters"): the query as the request gives it, checked into a
// JournalSearch, and the tests an entry passes or fails.
//
// The filters come in two sorts. Kind, the local dates and `before` look at
// what is stored plainly (the kind and occurred_at) and can be applied
// before a body is opened; words, sign, state and tag need the opened
// contents (ReadsContents).
//
// Thread-safety: plain values and pure functions.
#pragma once

#include <date/tz.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/error.h"
#include "domain/journal/journal_entry.h"

namespace securebase::domain {

inline constexpr int kMinJournalPageSize = 1;
inline constexpr int kMaxJournalPageSize = 100;
inline constexpr int kDefaultJournalPageSize = 50;
// Longer than any sensible search; keeps a request's work bounded.
inline constexpr std::size_t kMaxJournalQueryChars = 500;

// The list's parameters as text, as the query string carries them; nullopt
// (or empty) when not given. (Each has an initializer so that a designated
// initializer may name only some: JournalQuery{.kind = "trigger"}.)
struct JournalQuery {
  std::optional<std::string> q = {}, kind = {}, sign = {}, state = {}, tag = {}, from = {}, to = {},
                             tz = {}, before = {}, limit = {};
};

struct JournalSearch {
  std::vector<std::string> words;  // in ASCII lower case; all must be found
  std::optional<JournalKind> kind;
  std::optional<std::string> sign;
  std::optional<NervousState> state;
  std::optional<std::string> tag;            // trimmed, ASCII lower case (as stored)
  const date::time_zone* zone = nullptr;     // for from/to; UTC when not given
  std::optional<date::local_days> from, to;  // both included
  std::optional<Instant> before;             // strict
  int limit = kDefaultJournalPageSize;

  // Whether any filter needs an entry's opened contents.
  bool ReadsContents() const { return !words.empty() || sign || state || tag; }

  // What a matching entry's contents hold somewhere, in ASCII lower case:
  // the words, the sign, the state's id and the tag (for
  // JournalContentsCodec::MayHoldAll).
  std::vector<std::string> Needles() const;
};

// The query checked: kInvalidArgument naming every bad parameter ("q",
// "kind", "sign", "state", "tag", "from", "to", "tz", "before", "limit").
Result<JournalSearch> ParseJournalQuery(const JournalQuery& query);

// The filters on plain columns: kind and the local dates (not `before`,
// which pages rather than filters).
bool MatchesPlain(const JournalSearch& search, JournalKind kind, Instant occurred_at);

// The filters on contents: every word (in a text field, an emotion's name
// or a tag), the sign, the state and the tag.
bool MatchesContents(const JournalSearch& search, const JournalContents& contents);

}  // namespace securebase::domain
