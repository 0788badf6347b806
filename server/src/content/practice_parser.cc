#include "content/practice_parser.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <set>
#include <variant>

#include "content/content_id.h"
#include "content/lesson_renderer.h"
#include "content/toml_fields.h"
#include "domain/course/sign_ids.h"

namespace securebase::content {
namespace {

using domain::BreathPhaseKind;
using domain::Practice;
using domain::PracticeKind;

constexpr int kMaxMinutes = 60;
constexpr double kMaxPhaseSeconds = 60;
constexpr int kMaxStepSeconds = 3600;
constexpr double kMinRate = 2;
constexpr double kMaxRate = 12;

int LineOfNode(const toml::node& node, int fallback) {
  return node.source().begin.line > 0 ? static_cast<int>(node.source().begin.line) : fallback;
}

std::string SignList() {
  std::string list;
  for (const auto s : domain::kSignIds) list += (list.empty() ? "" : ", ") + std::string(s);
  return list;
}

// A number, whole or with a fraction; nullopt (reported) when present but
// not a number, or when required and missing.
std::optional<double> Number(const toml::table& t, TomlFields& f, std::string_view key,
                             bool required, std::string_view what) {
  const toml::node* node = t.get(key);
  if (!node) {
    if (required) f.Report(f.LineOf(key), fmt::format("'{}' is required: {}", key, what));
    return std::nullopt;
  }
  if (!node->is_integer() && !node->is_floating_point()) {
    f.Report(f.LineOf(key), fmt::format("'{}' must be a number (no quotes): {}", key, what));
    return std::nullopt;
  }
  return node->value<double>();
}

class Reader {
 public:
  Reader(std::string_view text, const toml::table& root, const std::string& file,
         std::vector<Problem>& problems)
      : text_(text), root_(root), file_(file), problems_(problems), top_(root, file, 1, problems) {}

  std::optional<ParsedPractice> Run() {
    const std::size_t before = problems_.size();
    top_.RejectUnknown({"id", "title", "summary", "kind", "durations", "default_duration",
                        "instructions", "phases", "rate", "steps", "signs", "evidence"});
    ParsedPractice out;
    Practice& p = out.practice;
    out.id_line = top_.LineOf("id");
    p.id = top_.Text("id", true);
    CheckId(p.id, out.id_line);
    p.title = top_.Text("title", true);
    p.summary = top_.Text("summary", true);
    p.evidence = top_.Text("evidence", true);
    const bool kind_ok = ReadKind(p);
    ReadDurations(p);
    ReadInstructions(p);
    ReadSigns(p);
    if (kind_ok) {
      ReadBreathing(p);
      ReadSteps(p);
    }
    if (problems_.size() != before) return std::nullopt;
    return out;
  }

 private:
  void Report(int line, std::string message) {
    problems_.push_back(Problem{file_, line, std::move(message)});
  }

  void CheckId(const std::string& id, int line) {
    if (id.empty()) return;
    if (!IsValidId(id)) return Report(line, BadIdMessage(id));
    const std::string stem = std::filesystem::path(file_).stem().string();
    if (stem != id) {
      Report(line, fmt::format("the file is called '{}.toml' but the practice's id is '{}': name "
                               "the file after the id, practices/{}.toml",
                               stem, id, id));
    }
  }

  bool ReadKind(Practice& p) {
    const std::string kind = top_.Text("kind", true);
    if (kind.empty()) return false;
    const auto parsed = domain::PracticeKindFromName(kind);
    if (!parsed) {
      Report(top_.LineOf("kind"),
             fmt::format("kind '{}' is not known: use \"breathing\" (a paced breath, with "
                         "[[phases]]), \"steps\" (guided steps, with [[steps]]) or \"timer\"",
                         kind));
      return false;
    }
    p.kind = *parsed;
    return true;
  }

  void ReadDurations(Practice& p) {
    const toml::node* node = root_.get("durations");
    const int line = top_.LineOf("durations");
    const auto* array = node ? node->as_array() : nullptr;
    if (!array || array->empty()) {
      Report(line, fmt::format("'durations' is required: the lengths a learner may choose, in "
                               "whole minutes, like durations = [3, 5, 10]"));
    } else {
      for (const auto& item : *array) {
        const auto value = item.is_integer() ? item.value<int64_t>() : std::nullopt;
        if (!value || *value < 1 || *value > kMaxMinutes) {
          Report(line, fmt::format("every entry of 'durations' must be a whole number of minutes "
                                   "from 1 to {}",
                                   kMaxMinutes));
          p.durations.clear();
          break;
        }
        if (!p.durations.empty() && *value <= p.durations.back()) {
          Report(line, "list 'durations' from shortest to longest, each once");
          p.durations.clear();
          break;
        }
        p.durations.push_back(static_cast<int>(*value));
      }
    }
    const auto def = top_.Int("default_duration", true, 1, kMaxMinutes);
    if (!def) return;
    p.default_duration = *def;
    if (!p.durations.empty() &&
        std::find(p.durations.begin(), p.durations.end(), *def) == p.durations.end()) {
      Report(top_.LineOf("default_duration"),
             fmt::format("'default_duration' ({} minutes) must be one of 'durations'", *def));
    }
  }

  // The file line the instructions' text starts on: the line after the
  // opening quotes when they end their line ("""↵), as multi-line text does.
  int InstructionsFirstLine() const {
    const toml::node* node = root_.get("instructions");
    const int line = top_.LineOf("instructions");
    if (!node) return line;
    std::size_t start = 0;
    for (int l = 1; l < line && start != std::string_view::npos; ++l) {
      start = text_.find('\n', start);
      if (start != std::string_view::npos) ++start;
    }
    if (start == std::string_view::npos) return line;
    const std::string_view rest = text_.substr(start, text_.find('\n', start) - start);
    const auto column = static_cast<std::size_t>(node->source().begin.column);
    const std::string_view value =
        column >= 1 && column <= rest.size() ? rest.substr(column - 1) : std::string_view{};
    const bool opens_block = value.starts_with("\"\"\"") || value.starts_with("'''");
    const auto tail = value.size() > 3 ? value.substr(3) : std::string_view{};
    const bool ends_line = tail.find_first_not_of(" \t\r") == std::string_view::npos;
    return opens_block && ends_line ? line + 1 : line;
  }

  void ReadInstructions(Practice& p) {
    const std::string markdown = top_.Text("instructions", true);
    if (markdown.empty()) return;
    RenderedLesson rendered = RenderLesson(markdown, InstructionsFirstLine(), file_, problems_);
    for (const auto& embedded : rendered.practices) {
      Report(embedded.line, "the instructions cannot embed a ::practice: describe it in words");
    }
    for (const auto& prompt : rendered.prompts) {
      Report(prompt.line,
             "the instructions cannot ask a ::prompt: reflection prompts belong in "
             "lessons");
    }
    for (const auto& link : rendered.lesson_links) {
      Report(link.line, fmt::format("the instructions cannot link to the lesson '{}': practices "
                                    "are open before signing up and offline, lessons are not",
                                    link.id));
    }
    for (auto& block : rendered.blocks) {
      if (auto* html = std::get_if<domain::HtmlBlock>(&block)) p.instructions_html += html->html;
    }
  }

  void ReadSigns(Practice& p) {
    std::set<std::string> seen;
    for (const auto& sign : top_.TextList("signs")) {
      if (!domain::IsSignId(sign.id)) {
        Report(sign.line,
               fmt::format("'{}' is not a sign: use the sign ids {}", sign.id, SignList()));
        continue;
      }
      if (!seen.insert(sign.id).second) {
        Report(sign.line, fmt::format("the sign '{}' is listed twice", sign.id));
        continue;
      }
      p.signs.push_back(sign.id);
    }
  }

  // [[phases]] or [[steps]]: the list of tables, or nullptr (reported).
  const toml::array* TableList(std::string_view key, std::string_view example) {
    const toml::node* node = root_.get(key);
    if (!node) {
      Report(top_.LineOf("kind"),
             fmt::format("'{}' is required for this kind: one or more [[{}]] sections ({})", key,
                         key, example));
      return nullptr;
    }
    const toml::array* array = node->as_array();
    if (!array || array->empty() || !array->is_array_of_tables()) {
      Report(top_.LineOf(key),
             fmt::format("'{}' must be one or more [[{}]] sections ({})", key, key, example));
      return nullptr;
    }
    return array;
  }

  void ReadBreathing(Practice& p) {
    if (p.kind != PracticeKind::kBreathing) {
      for (const std::string_view key : {"phases", "rate"}) {
        if (root_.get(key)) {
          Report(top_.LineOf(key),
                 fmt::format("'{}' belongs only to a practice of kind \"breathing\"", key));
        }
      }
      return;
    }
    domain::Breathing breathing;
    if (const toml::array* list = TableList("phases", "name and seconds")) {
      ReadPhases(*list, breathing);
    }
    if (const toml::table* rate = top_.Table("rate")) breathing.rate = ReadRate(*rate);
    p.breathing = std::move(breathing);
  }

  void ReadPhases(const toml::array& list, domain::Breathing& breathing) {
    bool in = false;
    bool out = false;
    for (const auto& node : list) {
      const toml::table& t = *node.as_table();
      const int line = LineOfNode(node, top_.LineOf("phases"));
      TomlFields f(t, file_, 1, problems_, line);
      f.RejectUnknown({"name", "seconds"});
      const std::string name = f.Text("name", true);
      const auto kind = domain::BreathPhaseKindFromName(name);
      if (!name.empty() && !kind) {
        f.Report(f.LineOf("name"),
                 fmt::format("the phase '{}' is not known: use \"in\", \"top-up\" (a second, "
                             "short breath in), \"hold\" or \"out\"",
                             name));
      }
      if (kind) {
        in = in || *kind == BreathPhaseKind::kIn;
        out = out || *kind == BreathPhaseKind::kOut;
      }
      const auto seconds = Number(t, f, "seconds", true, "how long this phase lasts");
      if (seconds && !(*seconds > 0 && *seconds <= kMaxPhaseSeconds)) {
        f.Report(f.LineOf("seconds"),
                 fmt::format("a phase's 'seconds' must be more than 0 and at most {}",
                             kMaxPhaseSeconds));
        continue;
      }
      if (!kind || !seconds) continue;
      breathing.phases.push_back(domain::BreathPhase{*kind, *seconds});
    }
    if (!in || !out) {
      Report(top_.LineOf("phases"),
             "a breath needs at least one phase named \"in\" and one named \"out\"");
    }
  }

  std::optional<domain::BreathRate> ReadRate(const toml::table& t) {
    const int line = top_.LineOf("rate");
    TomlFields f(t, file_, 1, problems_, line);
    f.RejectUnknown({"default", "min", "max"});
    const std::string what = "breaths a minute, from 2 to 12";
    const auto def = Number(t, f, "default", true, what);
    const auto min = Number(t, f, "min", true, what);
    const auto max = Number(t, f, "max", true, what);
    if (!def || !min || !max) return std::nullopt;
    bool ok = true;
    const std::array<std::pair<std::string_view, double>, 3> values = {
        {{"default", *def}, {"min", *min}, {"max", *max}}};
    for (const auto& [key, value] : values) {
      if (value < kMinRate || value > kMaxRate) {
        f.Report(f.LineOf(key),
                 fmt::format("the rate's '{}' ({}) must be from {} to {} breaths a minute", key,
                             value, kMinRate, kMaxRate));
        ok = false;
      }
    }
    if (ok && !(*min <= *def && *def <= *max)) {
      f.Report(f.LineOf("default"),
               fmt::format("the rate's default ({}) must lie between its min ({}) and max ({})",
                           *def, *min, *max));
      ok = false;
    }
    if (!ok) return std::nullopt;
    return domain::BreathRate{*def, *min, *max};
  }

  void ReadSteps(Practice& p) {
    if (p.kind != PracticeKind::kSteps) {
      if (root_.get("steps")) {
        Report(top_.LineOf("steps"), "'steps' belongs only to a practice of kind \"steps\"");
      }
      return;
    }
    const toml::array* list = TableList("steps", "text and seconds");
    if (!list) return;
    int total = 0;
    bool ok = true;
    for (const auto& node : *list) {
      const toml::table& t = *node.as_table();
      const int line = LineOfNode(node, top_.LineOf("steps"));
      TomlFields f(t, file_, 1, problems_, line);
      f.RejectUnknown({"text", "seconds"});
      domain::PracticeStep step;
      step.text = f.Text("text", true);
      const auto seconds = f.Int("seconds", true, 1, kMaxStepSeconds);
      if (step.text.empty() || !seconds) {
        ok = false;
        continue;
      }
      step.seconds = *seconds;
      total += *seconds;
      p.steps.push_back(std::move(step));
    }
    if (ok && p.default_duration > 0 && total != p.default_duration * 60) {
      Report(top_.LineOf("default_duration"),
             fmt::format("the steps last {} seconds in all, but 'default_duration' is {} minutes "
                         "({} seconds): make them match, so the player can pace the steps (it "
                         "stretches them in proportion for the other durations)",
                         total, p.default_duration, p.default_duration * 60));
    }
  }

  std::string_view text_;
  const toml::table& root_;
  const std::string& file_;
  std::vector<Problem>& problems_;
  TomlFields top_;
};

}  // namespace

std::optional<ParsedPractice> ParsePractice(std::string_view text, const std::string& file,
                                            std::vector<Problem>& problems) {
  const auto table = ParseToml(text, file, 1, problems);
  if (!table) return std::nullopt;
  return Reader(text, *table, file, problems).Run();
}

}  // namespace securebase::content
