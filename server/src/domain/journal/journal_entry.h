// A journal entry: one of three kinds a learner writes.
//
//   trigger     a trigger log: what happened, what they told themselves, the
//               body and the nervous system, emotions, the signs it touched,
//               the urge, what they did, what helped, intensity before/after;
//   reflection  free text, perhaps answering one of a lesson's prompts;
//   parts       an IFS-informed parts note: a part's name, what it fears, how
//               it protects, what it needs.
//
// The id is made by the client (a UUID), so a draft has its identity before
// it is first saved and saving it again replaces it. Ids belong to their
// owner. `occurred_at` is when it happened (the learner may back-date it);
// created_at and updated_at are the server's.
//
// Everything in JournalContents is private text or a private choice: it is
// sealed as one value (journal_service.h) and only the kind and the instants
// are stored plainly. The choice lists (sensations, urges, what helped) are
// ids the API and the web app share; words for them live in the web app.
//
// CheckJournalDraft holds every rule an entry meets; pure.
//
// Thread-safety: plain values and pure functions.
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/clock.h"
#include "common/error.h"

namespace securebase::domain {

enum class JournalKind { kTrigger, kReflection, kParts };
enum class NervousState { kSettled, kActivated, kShutDown };

// API ids: "trigger", "reflection", "parts"; "settled", "activated", "shut_down".
std::string_view JournalKindId(JournalKind kind);
std::optional<JournalKind> JournalKindFromId(std::string_view id);
std::string_view NervousStateId(NervousState state);
std::optional<NervousState> NervousStateFromId(std::string_view id);

inline constexpr std::array<std::string_view, 10> kSensationIds = {
    "tight_chest",   "racing_heart", "knotted_stomach", "shallow_breath", "hot_face",
    "tense_muscles", "lump_in_throat", "restless",      "heavy_or_numb",  "shaky"};
inline constexpr std::array<std::string_view, 5> kUrgeIds = {
    "seek_reassurance", "check_phone", "withdraw", "protest", "other"};
// What helped: the five practice families of the course, and everyday things.
inline constexpr std::array<std::string_view, 10> kHelpedIds = {
    "paced_breathing", "grounding",  "self_soothing", "self_compassion", "pausing",
    "reaching_out",    "movement",   "writing",       "rest",            "other"};

struct Emotion {
  std::string name;  // the learner's word, 1..kMaxEmotionNameChars
  int intensity = 0;  // 0..10
};

struct TriggerLog {
  std::string situation;
  std::string self_talk;                 // what I told myself
  std::vector<std::string> sensations;  // kSensationIds, no repeats
  std::string body_note;                 // body sensations in the learner's words
  std::optional<NervousState> state;
  std::vector<Emotion> emotions;         // at most kMaxEmotions
  std::vector<std::string> signs;        // sign ids (domain/course/sign_ids.h), no repeats
  std::vector<std::string> urges;        // kUrgeIds, no repeats
  std::string urge_note;
  std::string action;                    // what I did
  std::vector<std::string> helped;       // kHelpedIds, no repeats
  std::string helped_note;
  std::optional<int> intensity_before;  // 0..10: how strong it felt at the time
  std::optional<int> intensity_after;   // 0..10: and once it had passed or eased
};

struct Reflection {
  std::string text;
  // Both empty, or both set: the lesson prompt this answers (ids only; the
  // prompt may leave the course later and the entry stays).
  std::string lesson_id;
  std::string prompt_id;
};

struct PartsNote {
  std::string name;  // the part's name, required
  std::string fears;
  std::string protects;
  std::string needs;
};

using JournalBody = std::variant<TriggerLog, Reflection, PartsNote>;

// What is sealed: the body and the learner's tags.
struct JournalContents {
  JournalBody body;
  std::vector<std::string> tags;  // trimmed, lower case, no repeats, sorted
};

JournalKind KindOf(const JournalBody& body);

struct JournalEntry {
  std::string id;  // a UUID in lower case
  std::string user_id;
  Instant occurred_at;  // whole seconds
  Instant created_at;
  Instant updated_at;
  JournalContents contents;
  JournalKind kind() const { return KindOf(contents.body); }
};

// Limits (characters are Unicode code points).
inline constexpr std::size_t kMaxJournalTextChars = 10000;  // each long text field
inline constexpr std::size_t kMaxJournalNoteChars = 1000;   // *_note fields, parts name
inline constexpr std::size_t kMaxEmotionNameChars = 40;
inline constexpr std::size_t kMaxEmotions = 12;
inline constexpr std::size_t kMaxTags = 20;
inline constexpr std::size_t kMaxTagChars = 40;
inline constexpr int kMinIntensity = 0;
inline constexpr int kMaxIntensity = 10;
// A device's clock may run a little ahead of ours.
inline constexpr std::chrono::minutes kJournalClockSkew{5};

// An entry as the client describes it, before it is checked. The JSON layer
// reports what it cannot even represent (a fraction, a number beyond int,
// a string where a list belongs); CheckJournalDraft reports the rest.
struct JournalDraft {
  std::string id;
  std::optional<Instant> occurred_at;  // nullopt: missing
  JournalContents contents;            // tags as sent (NormalizeTags after the check)
};

// 8-4-4-4-12 hexadecimal digits, in either case.
bool IsJournalEntryId(std::string_view id);

// Every rule the draft breaks, one FieldError per field, named as in the API
// with dots and indexes ("trigger.emotions[2].intensity", "tags[0]"); empty
// when it may be saved at `now`.
std::vector<FieldError> CheckJournalDraft(const JournalDraft& draft, Instant now);

// Tags as stored: each trimmed and in ASCII lower case, repeats dropped, sorted.
std::vector<std::string> NormalizeTags(const std::vector<std::string>& tags);

}  // namespace securebase::domain
