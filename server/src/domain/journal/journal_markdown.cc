#include "domain/journal/journal_markdown.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <utility>
#include <variant>

#include "domain/calendar/local_calendar.h"

namespace securebase::domain {
namespace {

struct Words {
  std::string_view id;
  std::string_view words;
};

// Our words for every choice id: the app's own (web/src/features/journal/
// journal-words.ts, and features/checkin/sign-words.ts for signs), so that
// the file says what the learner chose in the words they chose it by.
constexpr std::array<Words, 35> kChoiceWords = {{
    // Body sensations.
    {"tight_chest", "Tight chest"},
    {"racing_heart", "Racing heart"},
    {"knotted_stomach", "Knotted stomach"},
    {"shallow_breath", "Shallow breathing"},
    {"hot_face", "Hot face"},
    {"tense_muscles", "Tense muscles"},
    {"lump_in_throat", "Lump in the throat"},
    {"restless", "Restless, can’t sit still"},
    {"heavy_or_numb", "Heavy or numb"},
    {"shaky", "Shaky"},
    // Urges ("other" is shared with what helped).
    {"seek_reassurance", "Ask for reassurance"},
    {"check_phone", "Check my phone or their profile"},
    {"withdraw", "Pull away or go quiet"},
    {"protest", "Protest: get angry, accuse, make a point"},
    {"other", "Something else"},
    // What helped.
    {"paced_breathing", "Slow, paced breathing"},
    {"grounding", "Grounding (noticing what is around me)"},
    {"self_soothing", "Soothing myself (warmth, touch, a kind voice)"},
    {"self_compassion", "Being kind to myself"},
    {"pausing", "Pausing before acting"},
    {"reaching_out", "Talking to someone I trust"},
    {"movement", "Moving my body"},
    {"writing", "Writing it down"},
    {"rest", "Rest or sleep"},
    // Signs.
    {"fear_of_abandonment", "Fear of being left"},
    {"need_for_reassurance", "Needing reassurance"},
    {"sensitivity_to_changes", "Noticing small changes in others"},
    {"jealousy_insecurity", "Jealousy or feeling unsure"},
    {"emotional_regulation", "Feelings that are hard to settle"},
    {"clinging", "Holding on tightly"},
    {"fear_of_being_alone", "Finding time alone hard"},
    {"rumination", "Going over things again and again"},
    // Nervous-system states.
    {"settled", "Settled"},
    {"activated", "Stirred up"},
    {"shut_down", "Shut down"},
}};

bool IsBlank(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

// One line of the learner's text (no line breaks in it), escaped.
std::string EscapeLine(std::string_view raw) {
  std::string line;
  line.reserve(raw.size());
  for (const char c : raw) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\t') {
      line += ' ';
    } else if (u >= 0x20 && u != 0x7f) {
      line += c;
    }
  }
  // Indentation would make a code block, trailing spaces a line break.
  const auto first = line.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  line = line.substr(first, line.find_last_not_of(' ') - first + 1);

  // What only means something at the start of a line: headings, quotes,
  // list items, setext underlines and thematic breaks ("---", "===").
  std::size_t list_number_end = std::string::npos;
  std::size_t digits = 0;
  while (digits < line.size() && IsDigit(line[digits])) ++digits;
  if (digits > 0 && digits < line.size() && (line[digits] == '.' || line[digits] == ')')) {
    list_number_end = digits;
  }
  std::string out;
  out.reserve(line.size() + 8);
  if (line.front() == '#' || line.front() == '>' || line.front() == '-' || line.front() == '+' ||
      line.front() == '=') {
    out += '\\';
  }
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    switch (c) {
      // Escapes, code, emphasis, links and images, HTML and autolinks,
      // tables, strikethrough, and the maths some viewers draw.
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '|':
      case '~':
      case '$': out += '\\'; break;
      // An entity ("&amp;") would turn into its character.
      case '&':
        if (i + 1 < line.size() &&
            (line[i + 1] == '#' || std::isalnum(static_cast<unsigned char>(line[i + 1])))) {
          out += '\\';
        }
        break;
      default:
        if (i == list_number_end) out += '\\';
        break;
    }
    out += c;
  }
  return out;
}

std::string KindWords(JournalKind kind) {
  switch (kind) {
    case JournalKind::kTrigger: return "Trigger log";
    case JournalKind::kReflection: return "Reflection";
    case JournalKind::kParts: return "Parts note";
  }
  return "Entry";
}

// A state's name and what it can feel like, as the app shows it.
std::string StateWords(NervousState state) {
  switch (state) {
    case NervousState::kSettled:
      return ChoiceWords("settled") + ": calm enough to think and connect.";
    case NervousState::kActivated:
      return ChoiceWords("activated") + ": racing, on alert, hard to sit still.";
    case NervousState::kShutDown:
      return ChoiceWords("shut_down") + ": flat, numb, far away or frozen.";
  }
  return "";
}

JournalKind KindOfBody(const JournalBody& body) {
  if (std::holds_alternative<TriggerLog>(body)) return JournalKind::kTrigger;
  if (std::holds_alternative<Reflection>(body)) return JournalKind::kReflection;
  return JournalKind::kParts;
}

// Appends the parts of one entry, each a Markdown block followed by a blank line.
class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}

  void Heading(const date::time_zone& zone, Instant at, JournalKind kind) {
    out_ += "## " + LongDateTime(LocalTimeOf(zone, at)) + " · " + KindWords(kind) + "\n\n";
  }

  void Line(const std::string& markdown) { out_ += markdown + "\n\n"; }

  void Text(std::string_view label, std::string_view text) {
    if (IsBlank(text)) return;
    Label(label);
    Line(EscapeMarkdownText(text));
  }

  // Items are plain text (ours or the learner's); each is escaped here.
  void List(std::string_view label, const std::vector<std::string>& items) {
    if (items.empty()) return;
    Label(label);
    for (const auto& item : items) out_ += "- " + EscapeMarkdownInline(item) + "\n";
    out_ += "\n";
  }

  void Choices(std::string_view label, const std::vector<std::string>& ids) {
    std::vector<std::string> words;
    for (const auto& id : ids) words.push_back(ChoiceWords(id));
    List(label, words);
  }

 private:
  // A label may hold a lesson's title: escaped like any text.
  void Label(std::string_view label) { out_ += "**" + EscapeMarkdownInline(label) + "**\n\n"; }

  std::string& out_;
};

std::string OutOfTen(std::optional<int> rating) {
  return rating ? std::to_string(*rating) + " out of 10" : std::string();
}

// The fields in the order, and under the labels, of the app's entry view.
void WriteTrigger(Writer& w, const TriggerLog& t) {
  w.Text("What happened", t.situation);
  w.Text("What I told myself", t.self_talk);
  w.Choices("What I noticed in my body", t.sensations);
  w.Text("More about my body", t.body_note);
  if (t.state) w.Text("My nervous system", StateWords(*t.state));
  std::vector<std::string> emotions;
  for (const auto& e : t.emotions) emotions.push_back(e.name + ": " + OutOfTen(e.intensity));
  w.List("What I felt", emotions);
  w.Text("How intense it was at its strongest", OutOfTen(t.intensity_before));
  w.Choices("What I felt like doing", t.urges);
  w.Text("More about the urge", t.urge_note);
  w.Text("What I did", t.action);
  w.Choices("What helped", t.helped);
  w.Text("More about what helped", t.helped_note);
  w.Text("How intense it was afterwards", OutOfTen(t.intensity_after));
  w.Choices("Signs it touched", t.signs);
}

void WriteReflection(Writer& w, const Reflection& r, const std::vector<Course>& courses) {
  if (!r.lesson_id.empty()) {
    const auto found = FindLesson(courses, r.lesson_id);
    const Lesson* lesson = found ? found->place.lesson : nullptr;
    const PromptBlock* prompt = nullptr;
    if (lesson) {
      for (const auto& block : lesson->blocks) {
        const auto* p = std::get_if<PromptBlock>(&block);
        if (p && p->id == r.prompt_id) prompt = p;
      }
    }
    if (lesson && prompt) {
      w.Text("A question from “" + lesson->title + "”", prompt->text);
    } else {
      w.Text("A question from the course", "That question is no longer in the course.");
    }
  }
  w.Text("What I wrote", r.text);
}

void WriteParts(Writer& w, const PartsNote& p) {
  w.Text("The part", p.name);
  w.Text("What it is afraid of", p.fears);
  w.Text("What it protects me from", p.protects);
  w.Text("What it needs", p.needs);
}

// One place in the file: an entry, or one that could not be opened.
struct Item {
  Instant occurred_at;
  std::string_view id;
  const JournalEntry* entry = nullptr;
  const UnreadableJournalEntry* unopened = nullptr;
};

}  // namespace

std::string EscapeMarkdownText(std::string_view text) {
  std::string out;
  bool in_paragraph = false;
  bool blank_pending = false;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find_first_of("\r\n", start);
    if (end == std::string_view::npos) end = text.size();
    const std::string line = EscapeLine(text.substr(start, end - start));
    if (line.empty()) {
      blank_pending = in_paragraph;
    } else {
      if (blank_pending) {
        out += "\n\n";
      } else if (in_paragraph) {
        out += "  \n";  // a hard break: their line break stays one
      }
      out += line;
      in_paragraph = true;
      blank_pending = false;
    }
    if (end == text.size()) break;
    // "\r\n" is one break.
    start = end + (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n' ? 2 : 1);
  }
  return out;
}

std::string EscapeMarkdownInline(std::string_view text) {
  std::string flat(text);
  std::replace(flat.begin(), flat.end(), '\r', ' ');
  std::replace(flat.begin(), flat.end(), '\n', ' ');
  return EscapeLine(flat);
}

std::string ChoiceWords(std::string_view id) {
  for (const auto& w : kChoiceWords) {
    if (w.id == id) return std::string(w.words);
  }
  std::string words(id);
  std::replace(words.begin(), words.end(), '_', ' ');
  std::replace(words.begin(), words.end(), '-', ' ');
  if (!words.empty()) {
    words[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(words[0])));
  }
  return words;
}

std::string JournalMarkdown(const WholeJournal& journal, const std::vector<Course>& courses,
                            const date::time_zone& zone, Instant exported_at) {
  std::vector<Item> items;
  items.reserve(journal.entries.size() + journal.unreadable.size());
  for (const auto& e : journal.entries) items.push_back({e.occurred_at, e.id, &e, nullptr});
  for (const auto& u : journal.unreadable) items.push_back({u.occurred_at, u.id, nullptr, &u});
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    if (a.occurred_at != b.occurred_at) return a.occurred_at < b.occurred_at;
    return a.id < b.id;
  });

  std::string out;
  Writer w(out);
  w.Line("# My Secure Base journal");
  // A zone's name is an IANA name we found, not the learner's text: its
  // underscores sit inside words, where Markdown reads no emphasis.
  w.Line("Exported on " + LongDateTime(LocalTimeOf(zone, exported_at)) + " (" + zone.name() + ").");
  if (items.empty()) {
    w.Line("There are no entries in the journal yet.");
  } else {
    w.Line(items.size() == 1 ? std::string("One entry.")
                             : std::to_string(items.size()) + " entries, oldest first.");
  }
  w.Line("These are your own words. Keep this file somewhere only you can open it.");

  for (const auto& item : items) {
    if (item.unopened) {
      w.Heading(zone, item.occurred_at, item.unopened->kind);
      w.Line(
          "We could not open this entry, so its words are not in this file. It has not been "
          "deleted.");
      continue;
    }
    const JournalEntry& e = *item.entry;
    w.Heading(zone, e.occurred_at, KindOfBody(e.contents.body));
    if (!e.contents.tags.empty()) {
      std::string tags;
      for (const auto& t : e.contents.tags) {
        if (!tags.empty()) tags += ", ";
        tags += EscapeMarkdownInline(t);
      }
      w.Line("Tags: " + tags);
    }
    if (const auto* t = std::get_if<TriggerLog>(&e.contents.body)) WriteTrigger(w, *t);
    if (const auto* r = std::get_if<Reflection>(&e.contents.body)) WriteReflection(w, *r, courses);
    if (const auto* p = std::get_if<PartsNote>(&e.contents.body)) WriteParts(w, *p);
  }
  // One final line break, not two.
  while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') {
    out.pop_back();
  }
  return out;
}

}  // namespace securebase::domain
