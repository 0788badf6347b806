#include "domain/journal/journal_entry.h"

#include <fmt/format.h>
#include <algorithm>
#include <cctype>

#include "domain/course/sign_ids.h"

namespace securebase::domain {
namespace {

bool IsHex(char c) {
  return std::isxdigit(static_cast<unsigned char>(c)) != 0;
}

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

std::string_view TrimAscii(std::string_view s) {
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsAsciiSpace(s.back())) s.remove_suffix(1);
  return s;
}

// Unicode code points in UTF-8 text: every byte that is not a continuation
// byte starts one. (The JSON parser has checked that the text is UTF-8.)
std::size_t CodePoints(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string Indexed(std::string_view field, std::size_t i) {
  return fmt::format("{}[{}]", field, i);
}

// The rules every check shares, collecting one FieldError per field.
class Checker {
 public:
  explicit Checker(std::vector<FieldError>& errors) : errors_(errors) {}

  void Text(const std::string& field, std::string_view value, std::size_t max) {
    if (CodePoints(value) > max) {
      errors_.push_back({field, fmt::format("is too long: at most {} characters, please", max)});
    }
  }

  template <std::size_t N>
  void Choices(const std::string& field, const std::vector<std::string>& ids,
               const std::array<std::string_view, N>& known, std::string_view what) {
    for (std::size_t i = 0; i < ids.size(); ++i) {
      if (std::find(known.begin(), known.end(), ids[i]) == known.end()) {
        errors_.push_back({Indexed(field, i), fmt::format("is not one of the {} we know", what)});
      } else if (std::find(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(i), ids[i]) !=
                 ids.begin() + static_cast<std::ptrdiff_t>(i)) {
        errors_.push_back({Indexed(field, i), "is already in the list: each may be chosen once"});
      }
    }
  }

  void Rating(const std::string& field, const std::optional<int>& value, bool may_skip) {
    if (value && (*value < kMinIntensity || *value > kMaxIntensity)) {
      errors_.push_back({field, may_skip ? "must be a whole number from 0 to 10, or null to skip it"
                                         : "must be a whole number from 0 to 10"});
    }
  }

  void Push(std::string field, std::string message) {
    errors_.push_back({std::move(field), std::move(message)});
  }

 private:
  std::vector<FieldError>& errors_;
};

// Lesson and prompt ids as the content names them (content/content_id.h):
// lower-case ASCII letters, digits and hyphens, at most 80 characters.
bool IsContentIdShaped(std::string_view id) {
  if (id.empty() || id.size() > 80 || id.front() == '-' || id.back() == '-') return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

void CheckTrigger(const TriggerLog& t, Checker& c) {
  c.Text("trigger.situation", t.situation, kMaxJournalTextChars);
  c.Text("trigger.self_talk", t.self_talk, kMaxJournalTextChars);
  c.Choices("trigger.sensations", t.sensations, kSensationIds, "body sensations");
  c.Text("trigger.body_note", t.body_note, kMaxJournalNoteChars);
  if (t.emotions.size() > kMaxEmotions) {
    c.Push("trigger.emotions",
           fmt::format("has room for {} emotions; please keep the strongest", kMaxEmotions));
  }
  for (std::size_t i = 0; i < t.emotions.size(); ++i) {
    const std::string at = Indexed("trigger.emotions", i);
    const Emotion& e = t.emotions[i];
    if (TrimAscii(e.name).empty()) {
      c.Push(at + ".name", "needs a word for the emotion, such as afraid");
    } else {
      c.Text(at + ".name", e.name, kMaxEmotionNameChars);
    }
    c.Rating(at + ".intensity", e.intensity, /*may_skip=*/false);
  }
  c.Choices("trigger.signs", t.signs, kSignIds, "signs");
  c.Choices("trigger.urges", t.urges, kUrgeIds, "urges");
  c.Text("trigger.urge_note", t.urge_note, kMaxJournalNoteChars);
  c.Text("trigger.action", t.action, kMaxJournalTextChars);
  c.Choices("trigger.helped", t.helped, kHelpedIds, "things that help");
  c.Text("trigger.helped_note", t.helped_note, kMaxJournalNoteChars);
  c.Rating("trigger.intensity_before", t.intensity_before, /*may_skip=*/true);
  c.Rating("trigger.intensity_after", t.intensity_after, /*may_skip=*/true);
}

void CheckReflection(const Reflection& r, Checker& c) {
  c.Text("reflection.text", r.text, kMaxJournalTextChars);
  const bool lesson = !r.lesson_id.empty(), prompt = !r.prompt_id.empty();
  if (lesson != prompt) {
    c.Push(lesson ? "reflection.prompt_id" : "reflection.lesson_id",
           "goes together with the other: a reflection answers a lesson's prompt with both ids, "
           "or stands alone with neither");
    return;
  }
  if (lesson && !IsContentIdShaped(r.lesson_id)) {
    c.Push("reflection.lesson_id", "is not a lesson id, such as what-anxious-attachment-is");
  }
  if (prompt && !IsContentIdShaped(r.prompt_id)) {
    c.Push("reflection.prompt_id", "is not a prompt id, such as noticing-1");
  }
}

void CheckParts(const PartsNote& p, Checker& c) {
  if (TrimAscii(p.name).empty()) {
    c.Push("parts.name", "is required: a name for the part, such as the watcher");
  } else {
    c.Text("parts.name", p.name, kMaxJournalNoteChars);
  }
  c.Text("parts.fears", p.fears, kMaxJournalTextChars);
  c.Text("parts.protects", p.protects, kMaxJournalTextChars);
  c.Text("parts.needs", p.needs, kMaxJournalTextChars);
}

void CheckOccurredAt(const std::optional<Instant>& at, Instant now, Checker& c) {
  if (!at) {
    c.Push("occurred_at", "is required: when it happened, such as 2026-11-28T21:40:00Z");
    return;
  }
  const std::int64_t latest = now.millis + std::chrono::milliseconds(kJournalClockSkew).count();
  if (at->millis < 0) {
    c.Push("occurred_at", "is before 1970. Please check the date");
  } else if (at->millis > latest) {
    c.Push("occurred_at", "is in the future. Please check the date and time on this device");
  }
}

void CheckTags(const std::vector<std::string>& tags, Checker& c) {
  if (tags.size() > kMaxTags) {
    c.Push("tags", fmt::format("has room for {} tags", kMaxTags));
  }
  for (std::size_t i = 0; i < tags.size(); ++i) {
    const std::string_view tag = TrimAscii(tags[i]);
    if (tag.empty()) {
      c.Push(Indexed("tags", i), "is empty: a tag needs at least one letter");
    } else if (CodePoints(tag) > kMaxTagChars) {
      c.Push(Indexed("tags", i), fmt::format("is too long: at most {} characters", kMaxTagChars));
    }
  }
}

}  // namespace

std::string_view JournalKindId(JournalKind kind) {
  switch (kind) {
    case JournalKind::kTrigger: return "trigger";
    case JournalKind::kReflection: return "reflection";
    case JournalKind::kParts: return "parts";
  }
  return "trigger";
}

std::optional<JournalKind> JournalKindFromId(std::string_view id) {
  for (JournalKind k : {JournalKind::kTrigger, JournalKind::kReflection, JournalKind::kParts}) {
    if (JournalKindId(k) == id) return k;
  }
  return std::nullopt;
}

std::string_view NervousStateId(NervousState state) {
  switch (state) {
    case NervousState::kSettled: return "settled";
    case NervousState::kActivated: return "activated";
    case NervousState::kShutDown: return "shut_down";
  }
  return "settled";
}

std::optional<NervousState> NervousStateFromId(std::string_view id) {
  for (NervousState s :
       {NervousState::kSettled, NervousState::kActivated, NervousState::kShutDown}) {
    if (NervousStateId(s) == id) return s;
  }
  return std::nullopt;
}

JournalKind KindOf(const JournalBody& body) {
  switch (body.index()) {
    case 1: return JournalKind::kReflection;
    case 2: return JournalKind::kParts;
    default: return JournalKind::kTrigger;
  }
}

bool IsJournalEntryId(std::string_view id) {
  if (id.size() != 36) return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? id[i] != '-' : !IsHex(id[i])) return false;
  }
  return true;
}

std::vector<FieldError> CheckJournalDraft(const JournalDraft& draft, Instant now) {
  std::vector<FieldError> errors;
  Checker c(errors);
  if (draft.id.empty()) {
    c.Push("id", "is required: a UUID the app makes for this entry");
  } else if (!IsJournalEntryId(draft.id)) {
    c.Push("id", "must be a UUID, such as 0b6f9d3e-2c51-4a7e-9f10-6a2d5c8e1b47");
  }
  CheckOccurredAt(draft.occurred_at, now, c);
  std::visit(
      [&](const auto& body) {
        using Body = std::decay_t<decltype(body)>;
        if constexpr (std::is_same_v<Body, TriggerLog>) {
          CheckTrigger(body, c);
        } else if constexpr (std::is_same_v<Body, Reflection>) {
          CheckReflection(body, c);
        } else {
          CheckParts(body, c);
        }
      },
      draft.contents.body);
  CheckTags(draft.contents.tags, c);
  return errors;
}

std::vector<std::string> NormalizeTags(const std::vector<std::string>& tags) {
  std::vector<std::string> out;
  out.reserve(tags.size());
  for (const auto& tag : tags) {
    std::string t(TrimAscii(tag));
    if (t.empty()) continue;
    // ASCII only: other letters are kept as written (search folds ASCII too).
    for (char& ch : t) {
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    }
    out.push_back(std::move(t));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace securebase::domain
