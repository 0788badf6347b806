#include "api/journal_json.h"

#include <fmt/format.h>
#include <boost/json.hpp>

#include <algorithm>
#include <climits>
#include <cmath>
#include <initializer_list>

#include "api/json_reader.h"
#include "common/rfc3339.h"

namespace securebase::api {

namespace json = boost::json;
using domain::JournalKind;

namespace {

constexpr std::string_view kBodies[] = {"trigger", "reflection", "parts"};

// Reads the journal's bodies, naming what it cannot read by its API path
// ("trigger.emotions[1].intensity").
class Reader : public JsonReader {
 public:
  using JsonReader::JsonReader;

  domain::TriggerLog Trigger(const json::object& o) {
    constexpr std::string_view at = "trigger";
    OnlyKnown(
        o, at,
        {"situation", "self_talk", "sensations", "body_note", "state", "emotions", "signs", "urges",
         "urge_note", "action", "helped", "helped_note", "intensity_before", "intensity_after"});
    domain::TriggerLog t;
    t.situation = Text(o, at, "situation");
    t.self_talk = Text(o, at, "self_talk");
    t.sensations = TextList(o, at, "sensations");
    t.body_note = Text(o, at, "body_note");
    if (const json::value* s = o.if_contains("state"); s && !s->is_null()) {
      if (s->is_string()) t.state = domain::NervousStateFromId(s->get_string());
      if (!t.state) Fail("trigger.state", "must be settled, activated, shut_down or null");
    }
    Emotions(o, t.emotions);
    t.signs = TextList(o, at, "signs");
    t.urges = TextList(o, at, "urges");
    t.urge_note = Text(o, at, "urge_note");
    t.action = Text(o, at, "action");
    t.helped = TextList(o, at, "helped");
    t.helped_note = Text(o, at, "helped_note");
    constexpr const char* kRating = "must be a whole number from 0 to 10, or null to skip it";
    t.intensity_before =
        Whole(o.if_contains("intensity_before"), "trigger.intensity_before", kRating);
    t.intensity_after = Whole(o.if_contains("intensity_after"), "trigger.intensity_after", kRating);
    return t;
  }

  domain::Reflection Reflection(const json::object& o) {
    constexpr std::string_view at = "reflection";
    OnlyKnown(o, at, {"text", "lesson_id", "prompt_id"});
    return {Text(o, at, "text"), Text(o, at, "lesson_id"), Text(o, at, "prompt_id")};
  }

  domain::PartsNote Parts(const json::object& o) {
    constexpr std::string_view at = "parts";
    OnlyKnown(o, at, {"name", "fears", "protects", "needs"});
    return {Text(o, at, "name"), Text(o, at, "fears"), Text(o, at, "protects"),
            Text(o, at, "needs")};
  }

  // The body for `kind` from `value` (already known to be an object).
  domain::JournalBody Body(JournalKind kind, const json::object& o) {
    switch (kind) {
      case JournalKind::kReflection: return Reflection(o);
      case JournalKind::kParts: return Parts(o);
      case JournalKind::kTrigger: break;
    }
    return Trigger(o);
  }

 private:
  void Emotions(const json::object& o, std::vector<domain::Emotion>& out) {
    const json::value* v = o.if_contains("emotions");
    if (!v || v->is_null()) return;
    if (!v->is_array()) {
      Fail("trigger.emotions", "must be a list of emotions, each with a name and an intensity");
      return;
    }
    const json::array& items = v->get_array();
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string at = Indexed("trigger.emotions", i);
      if (!items[i].is_object()) {
        Fail(at, "must be an emotion with a name and an intensity");
        continue;
      }
      const json::object& e = items[i].get_object();
      OnlyKnown(e, at, {"name", "intensity"});
      domain::Emotion emotion;
      emotion.name = Text(e, at, "name");
      constexpr const char* kIntensity = "must be a whole number from 0 to 10";
      const json::value* intensity = e.if_contains("intensity");
      if (!intensity || intensity->is_null()) {
        Fail(at + ".intensity", "is required: how strong it was, from 0 to 10");
      } else if (auto n = Whole(intensity, at + ".intensity", kIntensity)) {
        emotion.intensity = *n;
      }
      out.push_back(std::move(emotion));
    }
  }
};

json::array Strings(const std::vector<std::string>& list) {
  json::array out;
  out.reserve(list.size());
  for (const auto& s : list) out.emplace_back(s);
  return out;
}

json::value OrNull(const std::optional<int>& v) {
  if (!v) return nullptr;
  return json::value(*v);
}

json::object EncodeTrigger(const domain::TriggerLog& t) {
  json::array emotions;
  for (const auto& e : t.emotions) {
    emotions.push_back(json::object{{"name", e.name}, {"intensity", e.intensity}});
  }
  json::value state = nullptr;
  if (t.state) state = json::value(domain::NervousStateId(*t.state));
  return {{"situation", t.situation},
          {"self_talk", t.self_talk},
          {"sensations", Strings(t.sensations)},
          {"body_note", t.body_note},
          {"state", std::move(state)},
          {"emotions", std::move(emotions)},
          {"signs", Strings(t.signs)},
          {"urges", Strings(t.urges)},
          {"urge_note", t.urge_note},
          {"action", t.action},
          {"helped", Strings(t.helped)},
          {"helped_note", t.helped_note},
          {"intensity_before", OrNull(t.intensity_before)},
          {"intensity_after", OrNull(t.intensity_after)}};
}

json::object EncodeBody(const domain::JournalBody& body) {
  if (const auto* t = std::get_if<domain::TriggerLog>(&body)) return EncodeTrigger(*t);
  if (const auto* r = std::get_if<domain::Reflection>(&body)) {
    return {{"text", r->text}, {"lesson_id", r->lesson_id}, {"prompt_id", r->prompt_id}};
  }
  const auto& p = std::get<domain::PartsNote>(body);
  return {{"name", p.name}, {"fears", p.fears}, {"protects", p.protects}, {"needs", p.needs}};
}

std::unexpected<Error> Unreadable() {
  return Internal("A journal entry's opened body is not in the stored format.");
}

}  // namespace

DecodedJournalDraft DecodeJournalDraft(std::string_view id, const json::object& body) {
  DecodedJournalDraft out;
  out.draft.id = std::string(id);
  Reader r(out.errors, /*strict=*/true);
  r.OnlyKnown(body, "",
              {"id", "kind", "occurred_at", "created_at", "updated_at", "tags", "trigger",
               "reflection", "parts"});

  if (const json::value* sent = body.if_contains("id"); sent && !sent->is_null()) {
    const auto same = [&](std::string_view other) {
      return other.size() == id.size() &&
             std::equal(other.begin(), other.end(), id.begin(), [](char a, char b) {
               return std::tolower(static_cast<unsigned char>(a)) ==
                      std::tolower(static_cast<unsigned char>(b));
             });
    };
    if (!sent->is_string() || !same(sent->get_string())) {
      r.Fail("id", "must be the id in the address, or left out");
    }
  }

  if (const json::value* at = body.if_contains("occurred_at"); at && !at->is_null()) {
    if (at->is_string()) out.draft.occurred_at = ParseRfc3339(at->get_string());
    if (!out.draft.occurred_at) {
      r.Fail("occurred_at", "must be a date and time such as 2026-11-28T21:40:00Z");
    }
  }
  out.draft.contents.tags = r.TextList(body, "", "tags");

  std::optional<JournalKind> kind;
  if (const json::value* k = body.if_contains("kind"); !k || k->is_null()) {
    r.Fail("kind", "is required: trigger, reflection or parts");
  } else {
    if (k->is_string()) kind = domain::JournalKindFromId(k->get_string());
    if (!kind) r.Fail("kind", "must be trigger, reflection or parts");
  }
  if (!kind) return out;

  const std::string_view name = domain::JournalKindId(*kind);
  for (std::string_view other : kBodies) {
    if (other == name) continue;
    if (const json::value* v = body.if_contains(other); v && !v->is_null()) {
      r.Fail(std::string(other),
             fmt::format("must be null for a {} entry: an entry has one kind", name));
    }
  }
  const json::value* v = body.if_contains(name);
  if (!v || v->is_null()) {
    r.Fail(std::string(name), fmt::format("is required for a {} entry: its fields", name));
  } else if (!v->is_object()) {
    r.Fail(std::string(name), "must be an object with the entry's fields");
  } else {
    out.draft.contents.body = r.Body(*kind, v->get_object());
    return out;
  }
  // The body is missing: an empty one of the kind, for the rules to check.
  switch (*kind) {
    case JournalKind::kTrigger: out.draft.contents.body = domain::TriggerLog{}; break;
    case JournalKind::kReflection: out.draft.contents.body = domain::Reflection{}; break;
    case JournalKind::kParts: out.draft.contents.body = domain::PartsNote{}; break;
  }
  return out;
}

json::object EncodeJournalEntry(const domain::JournalEntry& e) {
  json::object out{{"id", e.id},
                   {"kind", domain::JournalKindId(e.kind())},
                   {"occurred_at", Rfc3339(e.occurred_at)},
                   {"created_at", Rfc3339(e.created_at)},
                   {"updated_at", Rfc3339(e.updated_at)},
                   {"tags", Strings(e.contents.tags)},
                   {"trigger", nullptr},
                   {"reflection", nullptr},
                   {"parts", nullptr}};
  out[domain::JournalKindId(e.kind())] = EncodeBody(e.contents.body);
  return out;
}

json::object EncodeUnreadableJournalEntry(const domain::UnreadableJournalEntry& e) {
  return {{"id", e.id},
          {"kind", domain::JournalKindId(e.kind)},
          {"occurred_at", Rfc3339(e.occurred_at)},
          {"created_at", Rfc3339(e.created_at)},
          {"updated_at", Rfc3339(e.updated_at)}};
}

json::object EncodeJournalPage(const domain::JournalPage& page) {
  json::array entries, unreadable;
  entries.reserve(page.entries.size());
  for (const auto& e : page.entries) entries.push_back(EncodeJournalEntry(e));
  for (const auto& e : page.unreadable) unreadable.push_back(EncodeUnreadableJournalEntry(e));
  json::value next = nullptr;
  if (page.next_before) next = json::value(Rfc3339(*page.next_before));
  return {{"entries", std::move(entries)},
          {"unreadable", std::move(unreadable)},
          {"next_before", std::move(next)},
          {"total", page.total}};
}

std::string JsonJournalContentsCodec::Encode(const domain::JournalContents& contents) const {
  const json::object sealed{
      {"tags", Strings(contents.tags)},
      {domain::JournalKindId(domain::KindOf(contents.body)), EncodeBody(contents.body)}};
  return json::serialize(sealed);
}

Result<domain::JournalContents> JsonJournalContentsCodec::Decode(std::string_view plaintext) const {
  // Bodies are opened by the thousand when a learner searches: parse into a
  // buffer freed all at once instead of allocating node by node.
  unsigned char buffer[8192];
  json::monotonic_resource memory(buffer, sizeof buffer);
  boost::system::error_code ec;
  const json::value parsed = json::parse(plaintext, ec, &memory);
  if (ec || !parsed.is_object()) return Unreadable();
  const json::object& o = parsed.get_object();

  std::vector<FieldError> errors;
  Reader r(errors, /*strict=*/false);
  domain::JournalContents out;
  out.tags = r.TextList(o, "", "tags");
  int bodies = 0;
  for (std::string_view name : kBodies) {
    const json::value* v = o.if_contains(name);
    if (!v || v->is_null()) continue;
    ++bodies;
    if (!v->is_object()) return Unreadable();
    out.body = r.Body(*domain::JournalKindFromId(name), v->get_object());
  }
  if (bodies != 1 || !errors.empty()) return Unreadable();
  return out;
}

bool JsonJournalContentsCodec::MayHoldAll(std::string_view plaintext,
                                          const std::vector<std::string>& needles) const {
  if (needles.empty()) return true;
  std::string folded(plaintext);
  for (char& c : folded) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  for (const auto& needle : needles) {
    const bool escaped = std::any_of(needle.begin(), needle.end(), [](char c) {
      return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20;
    });
    if (!escaped && folded.find(needle) == std::string::npos) return false;
  }
  return true;
}

}  // namespace securebase::api
