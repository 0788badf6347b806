#include "domain/journal/journal_service.h"

#include <fmt/format.h>

#include <algorithm>

#include "common/log.h"
#include "domain/journal/journal_sealing.h"

namespace securebase::domain {
namespace {

constexpr std::int64_t kSecondMillis = 1000;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

Instant WholeSeconds(Instant t) {
  std::int64_t s = t.millis / kSecondMillis;
  if (t.millis % kSecondMillis < 0) --s;  // floor
  return Instant{s * kSecondMillis};
}

std::string_view KindInWords(JournalKind kind) {
  switch (kind) {
    case JournalKind::kTrigger: return "a trigger log";
    case JournalKind::kReflection: return "a reflection";
    case JournalKind::kParts: return "a parts note";
  }
  return "an entry";
}

std::unexpected<Error> Refused(std::vector<FieldError> errors) {
  const std::string message = errors.front().field + " " + errors.front().message + ".";
  return InvalidArgument(message, std::move(errors));
}

std::unexpected<Error> NoSuchEntry() {
  return NotFound("There is no journal entry with this id. It may have been deleted.");
}

UnreadableJournalEntry Header(const SealedJournalEntry& r) {
  return {r.id, r.kind, r.occurred_at, r.created_at, r.updated_at};
}

Instant OccurredAt(const SealedJournalEntry* r) {
  return r->occurred_at;
}
Instant OccurredAt(const JournalEntry& e) {
  return e.occurred_at;
}

// The page of `list` (newest first) that begins after `before`: [begin, end)
// and the next page's `before`. Never splits a run of equal occurred_at
// across two pages (see JournalService::List).
struct Window {
  std::size_t begin = 0, end = 0;
  std::optional<Instant> next_before;
};

template <class List>
Window PageOf(const List& list, std::optional<Instant> before, int limit) {
  Window w;
  const std::size_t n = list.size();
  if (before) {
    while (w.begin < n && OccurredAt(list[w.begin]) >= *before) ++w.begin;
  }
  const auto size = static_cast<std::size_t>(limit);
  if (n - w.begin <= size) {
    w.end = n;
    return w;
  }
  w.end = w.begin + size;
  const Instant edge = OccurredAt(list[w.end - 1]);
  if (OccurredAt(list[w.end]) == edge) {
    std::size_t group = w.end - 1;
    while (group > w.begin && OccurredAt(list[group - 1]) == edge) --group;
    if (group > w.begin) {
      w.end = group;  // stop before the group; the next page starts with it
    } else {
      // The group fills the page and more: take all of it.
      while (w.end < n && OccurredAt(list[w.end]) == edge) ++w.end;
    }
  }
  if (w.end < n) w.next_before = OccurredAt(list[w.end - 1]);
  return w;
}

}  // namespace

Result<SavedJournalEntry> JournalService::Save(std::string_view user_id,
                                               const JournalDraft& draft) {
  const Instant now = clock_.Now();
  if (auto errors = CheckJournalDraft(draft, now); !errors.empty()) return Refused(errors);

  JournalEntry entry;
  entry.id = Lower(draft.id);
  entry.user_id = std::string(user_id);
  entry.occurred_at = WholeSeconds(*draft.occurred_at);
  entry.created_at = now;
  entry.updated_at = now;
  entry.contents.body = draft.contents.body;
  entry.contents.tags = NormalizeTags(draft.contents.tags);

  auto sealed = box_.Seal(codec_.Encode(entry.contents), JournalBodyAd(entry.id, entry.user_id));
  if (!sealed) return std::unexpected(sealed.error());
  SealedJournalEntry record{entry.id,          entry.user_id,    entry.kind(),
                            entry.occurred_at, entry.created_at, entry.updated_at,
                            std::move(*sealed)};
  auto saved = repo_.Save(record);
  if (!saved) return std::unexpected(saved.error());
  if (saved->outcome == JournalSaveOutcome::kKindDiffers) {
    return Refuse(ErrorCode::kConflict, kJournalKindConflict,
                  fmt::format("This entry was saved as {}, and an entry's kind cannot change. "
                              "Writing {} needs a new entry with its own id.",
                              KindInWords(saved->record.kind), KindInWords(entry.kind())));
  }
  entry.created_at = saved->record.created_at;
  entry.updated_at = saved->record.updated_at;
  return SavedJournalEntry{std::move(entry), saved->outcome == JournalSaveOutcome::kCreated};
}

Result<JournalEntry> JournalService::Find(std::string_view user_id, std::string_view id) {
  if (!IsJournalEntryId(id)) return NoSuchEntry();
  auto record = repo_.Find(user_id, Lower(id));
  if (!record) return std::unexpected(record.error());
  if (!*record) return NoSuchEntry();
  auto entry = Open(**record);
  if (!entry) {
    return Refuse(ErrorCode::kInternal, kJournalEntryUnreadable,
                  "A journal entry could not be opened: its stored body does not open with the "
                  "keys this server holds, or does not read as an entry.");
  }
  return std::move(*entry);
}

Status JournalService::Delete(std::string_view user_id, std::string_view id) {
  if (!IsJournalEntryId(id)) return NoSuchEntry();
  auto deleted = repo_.Delete(user_id, Lower(id));
  if (!deleted) return std::unexpected(deleted.error());
  if (!*deleted) return NoSuchEntry();
  return {};
}

Result<JournalPage> JournalService::List(std::string_view user_id, const JournalQuery& query) {
  auto search = ParseJournalQuery(query);
  if (!search) return std::unexpected(search.error());
  // Without a filter on contents, only the page's bodies are read and opened.
  const bool reads_contents = search->ReadsContents();
  auto rows = reads_contents ? repo_.All(user_id) : repo_.Headers(user_id);
  if (!rows) return std::unexpected(rows.error());

  // The plain filters first: nothing they leave out is opened.
  std::vector<const SealedJournalEntry*> plain;
  plain.reserve(rows->size());
  for (const auto& r : *rows) {
    if (MatchesPlain(*search, r.kind, r.occurred_at)) plain.push_back(&r);
  }

  JournalPage page;
  if (!reads_contents) {
    // Every row matches as it is: open only this page's, and list those that
    // do not open apart.
    page.total = plain.size();
    const Window w = PageOf(plain, search->before, search->limit);
    for (std::size_t i = w.begin; i < w.end; ++i) {
      auto record = repo_.Find(user_id, plain[i]->id);
      if (!record) return std::unexpected(record.error());
      if (!*record) continue;  // deleted since the list was read
      if (auto entry = Open(**record)) {
        page.entries.push_back(std::move(*entry));
      } else {
        page.unreadable.push_back(Header(**record));
      }
    }
    page.next_before = w.next_before;
    return page;
  }

  // The filters read contents: open every candidate to count them all
  // (decoding only those that may match).
  const std::vector<std::string> needles = search->Needles();
  std::vector<JournalEntry> matches;
  JournalEntry entry;
  for (const SealedJournalEntry* r : plain) {
    if (OpenInto(*r, needles, entry) == Opened::kEntry &&
        MatchesContents(*search, entry.contents)) {
      matches.push_back(std::move(entry));
    }
  }
  page.total = matches.size();
  const Window w = PageOf(matches, search->before, search->limit);
  page.entries.assign(
      std::make_move_iterator(matches.begin() + static_cast<std::ptrdiff_t>(w.begin)),
      std::make_move_iterator(matches.begin() + static_cast<std::ptrdiff_t>(w.end)));
  page.next_before = w.next_before;
  return page;
}

Result<WholeJournal> JournalService::ReadAll(std::string_view user_id) {
  auto rows = repo_.All(user_id);
  if (!rows) return std::unexpected(rows.error());
  WholeJournal out;
  out.entries.reserve(rows->size());
  for (auto r = rows->rbegin(); r != rows->rend(); ++r) {
    if (auto entry = Open(*r)) {
      out.entries.push_back(std::move(*entry));
    } else {
      out.unreadable.push_back(Header(*r));
    }
  }
  return out;
}

JournalService::Opened JournalService::OpenInto(const SealedJournalEntry& r,
                                                const std::vector<std::string>& needles,
                                                JournalEntry& entry) const {
  const auto unreadable = [&](const char* reason) {
    // By id alone: the reason says which step failed, never what is inside.
    Log(LogLevel::kWarn, "journal_entry_unreadable",
        {{"entry_id", r.id}, {"user_id", r.user_id}, {"reason", reason}});
    return Opened::kUnreadable;
  };
  auto plaintext = box_.Open(r.sealed_body, JournalBodyAd(r.id, r.user_id));
  if (!plaintext) return unreadable("does_not_open");
  if (!codec_.MayHoldAll(*plaintext, needles)) return Opened::kPassedOver;
  auto contents = codec_.Decode(*plaintext);
  if (!contents) return unreadable("does_not_decode");
  // The kind is stored plainly beside the body, outside what seals it: a
  // body of another kind means the row was changed.
  if (KindOf(contents->body) != r.kind) return unreadable("kind_differs");
  entry.id = r.id;
  entry.user_id = r.user_id;
  entry.occurred_at = r.occurred_at;
  entry.created_at = r.created_at;
  entry.updated_at = r.updated_at;
  entry.contents = std::move(*contents);
  return Opened::kEntry;
}

std::optional<JournalEntry> JournalService::Open(const SealedJournalEntry& r) const {
  JournalEntry entry;
  if (OpenInto(r, {}, entry) != Opened::kEntry) return std::nullopt;
  return entry;
}

}  // namespace securebase::domain
