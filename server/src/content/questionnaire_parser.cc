#include "content/questionnaire_parser.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "content/content_id.h"
#include "content/toml_fields.h"
#include "domain/course/sign_ids.h"

namespace securebase::content {
namespace {

using domain::Questionnaire;
using domain::QuestionnaireKind;

// The widest scale accepted: anything wider is a typing slip.
constexpr int kScaleLimit = 100;
constexpr int kMaxVersion = 1'000'000;

int LineOfNode(const toml::node& node, int fallback) {
  return node.source().begin.line > 0 ? static_cast<int>(node.source().begin.line) : fallback;
}

// Item and subscale ids: like content ids, but underscores are allowed too,
// because the eight sign ids use them.
bool IsValidKey(std::string_view id) {
  return !id.empty() && id.size() <= kMaxIdLength &&
         std::all_of(id.begin(), id.end(),
                     [](char c) {
                       return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                              c == '_';
                     }) &&
         id.front() != '-' && id.front() != '_';
}

std::string BadKeyMessage(std::string_view what, std::string_view id) {
  return fmt::format(
      "the {} id '{}' may use only lowercase letters, digits, hyphens and "
      "underscores",
      what, id);
}

std::string SignList() {
  std::string list;
  for (const auto s : domain::kSignIds) list += (list.empty() ? "" : ", ") + std::string(s);
  return list;
}

class Reader {
 public:
  Reader(const toml::table& root, const std::string& file, std::vector<Problem>& problems)
      : root_(root), file_(file), problems_(problems), top_(root, file, 1, problems) {}

  std::optional<ParsedQuestionnaire> Run() {
    const std::size_t before = problems_.size();
    top_.RejectUnknown(
        {"id", "version", "kind", "title", "instructions", "scale", "subscales", "items"});
    ParsedQuestionnaire out;
    Questionnaire& q = out.questionnaire;
    out.id_line = top_.LineOf("id");
    q.id = top_.Text("id", true);
    if (!q.id.empty() && !IsValidId(q.id)) top_.Report(out.id_line, BadIdMessage(q.id));
    q.version = top_.Int("version", true, 1, kMaxVersion).value_or(1);
    q.title = top_.Text("title", true);
    q.instructions = top_.Text("instructions", true);
    ReadKind(q);
    ReadScale(q);
    ReadSubscales(q);
    ReadItems(q);
    CheckShape(q);
    if (problems_.size() != before) return std::nullopt;
    return out;
  }

 private:
  void Report(int line, std::string message) {
    problems_.push_back(Problem{file_, line, std::move(message)});
  }

  void ReadKind(Questionnaire& q) {
    const std::string kind = top_.Text("kind", true);
    if (kind.empty()) return;
    const auto parsed = domain::QuestionnaireKindFromName(kind);
    if (!parsed) {
      Report(top_.LineOf("kind"),
             fmt::format("kind '{}' is not known: use \"attachment\" (anxiety and avoidance, "
                         "placed on the attachment plane), \"signs\" (one subscale per sign) or "
                         "\"general\"",
                         kind));
      return;
    }
    q.kind = *parsed;
  }

  void ReadScale(Questionnaire& q) {
    const toml::table* t = top_.Table("scale");
    if (!t) {
      if (!root_.get("scale")) {
        Report(1, "'scale' is required: a [scale] section with min, max and labels");
      }
      scale_ok_ = false;
      return;
    }
    const int line = top_.LineOf("scale");
    TomlFields f(*t, file_, 1, problems_, line);
    f.RejectUnknown({"min", "max", "labels"});
    const auto min = f.Int("min", true, -kScaleLimit, kScaleLimit);
    const auto max = f.Int("max", true, -kScaleLimit, kScaleLimit);
    const auto labels = f.TextList("labels");
    if (!min || !max) {
      scale_ok_ = false;
      return;
    }
    if (*min >= *max) {
      Report(f.LineOf("max"),
             fmt::format("the scale's max ({}) must be greater than its min ({})", *max, *min));
      scale_ok_ = false;
      return;
    }
    q.scale.min = *min;
    q.scale.max = *max;
    for (const auto& l : labels) q.scale.labels.push_back(l.id);
    const int want = *max - *min + 1;
    if (static_cast<int>(labels.size()) != want) {
      Report(t->get("labels") ? f.LineOf("labels") : line,
             fmt::format("the scale runs from {} to {}, so it needs {} labels, one for each "
                         "answer; there are {}",
                         *min, *max, want, labels.size()));
    }
    for (const auto& l : labels) {
      if (l.id.empty()) Report(l.line, "a scale label cannot be empty");
    }
  }

  // [[subscales]] or [[items]]: the list of tables, or nullptr (reported).
  const toml::array* TableList(std::string_view key, std::string_view example) {
    const toml::node* node = root_.get(key);
    if (!node) {
      Report(1,
             fmt::format("'{}' is required: one or more [[{}]] sections ({})", key, key, example));
      return nullptr;
    }
    const toml::array* array = node->as_array();
    if (!array || !array->is_array_of_tables()) {
      Report(top_.LineOf(key),
             fmt::format("'{}' must be written as [[{}]] sections, one per entry", key, key));
      return nullptr;
    }
    return array;
  }

  void ReadSubscales(Questionnaire& q) {
    const toml::array* list = TableList("subscales", "id and title");
    if (!list) return;
    std::set<std::string> ids;
    for (const auto& node : *list) {
      const toml::table& t = *node.as_table();
      const int line = LineOfNode(node, top_.LineOf("subscales"));
      TomlFields f(t, file_, 1, problems_, line);
      f.RejectUnknown({"id", "title", "norms"});
      domain::Subscale s;
      s.id = f.Text("id", true);
      s.title = f.Text("title", true);
      if (!s.id.empty()) {
        if (!IsValidKey(s.id)) f.Report(f.LineOf("id"), BadKeyMessage("subscale", s.id));
        if (!ids.insert(s.id).second) {
          f.Report(f.LineOf("id"), fmt::format("the subscale id '{}' is used twice", s.id));
        }
        subscale_lines_[s.id] = f.LineOf("id");
      }
      if (const toml::table* norms = f.Table("norms")) s.norms = ReadNorms(*norms, f, q);
      q.subscales.push_back(std::move(s));
    }
  }

  std::optional<domain::Norms> ReadNorms(const toml::table& t, TomlFields& parent,
                                         const Questionnaire& q) {
    const int line = parent.LineOf("norms");
    TomlFields f(t, file_, 1, problems_, line);
    f.RejectUnknown({"mean", "sd", "reliability", "source"});
    const auto number = [&](std::string_view key) -> std::optional<double> {
      const toml::node* node = t.get(key);
      const auto value = node && (node->is_floating_point() || node->is_integer())
                             ? node->value<double>()
                             : std::nullopt;
      if (!value) {
        Report(node ? f.LineOf(key) : line, fmt::format("the norms need '{}' as a number", key));
      }
      return value;
    };
    domain::Norms n;
    const auto mean = number("mean");
    const auto sd = number("sd");
    const auto reliability = number("reliability");
    n.source = f.Text("source", true);
    bool ok = mean && sd && reliability && !n.source.empty();
    if (sd && !(*sd > 0)) {
      Report(f.LineOf("sd"), "the norms' 'sd' (standard deviation) must be greater than 0");
      ok = false;
    }
    if (reliability && !(*reliability > 0 && *reliability < 1)) {
      Report(f.LineOf("reliability"),
             "the norms' 'reliability' must be between 0 and 1, such as 0.85");
      ok = false;
    }
    if (mean && scale_ok_ && (*mean < q.scale.min || *mean > q.scale.max)) {
      Report(f.LineOf("mean"), fmt::format("the norms' 'mean' must lie on the scale, from {} to {}",
                                           q.scale.min, q.scale.max));
      ok = false;
    }
    if (!ok) return std::nullopt;
    n.mean = *mean;
    n.sd = *sd;
    n.reliability = *reliability;
    return n;
  }

  void ReadItems(Questionnaire& q) {
    const toml::array* list = TableList("items", "id, text and subscale");
    if (!list) return;
    std::set<std::string> ids;
    std::set<std::string> used;
    for (const auto& node : *list) {
      const toml::table& t = *node.as_table();
      const int line = LineOfNode(node, top_.LineOf("items"));
      TomlFields f(t, file_, 1, problems_, line);
      f.RejectUnknown({"id", "text", "subscale", "reverse"});
      domain::Item item;
      item.id = f.Text("id", true);
      item.text = f.Text("text", true);
      item.subscale = f.Text("subscale", true);
      if (const toml::node* reverse = t.get("reverse")) {
        if (!reverse->is_boolean()) {
          f.Report(f.LineOf("reverse"), "'reverse' must be true or false (no quotes)");
        } else {
          item.reverse = reverse->value<bool>().value_or(false);
        }
      }
      if (!item.id.empty()) {
        if (!IsValidKey(item.id)) f.Report(f.LineOf("id"), BadKeyMessage("item", item.id));
        if (!ids.insert(item.id).second) {
          f.Report(f.LineOf("id"), fmt::format("the item id '{}' is used twice", item.id));
        }
      }
      if (!item.subscale.empty()) {
        if (!q.FindSubscale(item.subscale)) {
          f.Report(f.LineOf("subscale"),
                   fmt::format("the item '{}' is on the subscale '{}', which is not one of "
                               "this questionnaire's [[subscales]]",
                               item.id, item.subscale));
        }
        used.insert(item.subscale);
      }
      if (item.reverse && q.kind == QuestionnaireKind::kSigns) {
        f.Report(f.LineOf("reverse"),
                 "an item of a \"signs\" questionnaire cannot be reverse-keyed: it counts how "
                 "often a sign showed, and that cannot be turned round");
      }
      q.items.push_back(std::move(item));
    }
    for (const auto& s : q.subscales) {
      if (!s.id.empty() && !used.contains(s.id)) {
        Report(subscale_lines_[s.id],
               fmt::format("the subscale '{}' has no items: every subscale is scored from its "
                           "items",
                           s.id));
      }
    }
  }

  // What the kind promises the rest of Secure Base.
  void CheckShape(const Questionnaire& q) {
    std::vector<std::string> want;
    std::string explain;
    if (q.kind == QuestionnaireKind::kAttachment) {
      want = {std::string(domain::kAnxietySubscale), std::string(domain::kAvoidanceSubscale)};
      explain = "an \"attachment\" questionnaire has exactly the subscales anxiety and avoidance";
    } else if (q.kind == QuestionnaireKind::kSigns) {
      want.assign(domain::kSignIds.begin(), domain::kSignIds.end());
      explain = "a \"signs\" questionnaire has exactly one subscale per sign: " + SignList();
    } else {
      return;
    }
    for (const auto& s : q.subscales) {
      if (!s.id.empty() && std::find(want.begin(), want.end(), s.id) == want.end()) {
        Report(subscale_lines_[s.id], fmt::format("'{}' does not belong here: {}", s.id, explain));
      }
    }
    for (const auto& w : want) {
      if (!q.FindSubscale(w)) {
        Report(top_.LineOf("kind"), fmt::format("the subscale '{}' is missing: {}", w, explain));
      }
    }
  }

  const toml::table& root_;
  const std::string& file_;
  std::vector<Problem>& problems_;
  TomlFields top_;
  bool scale_ok_ = true;
  std::map<std::string, int> subscale_lines_;
};

}  // namespace

std::optional<ParsedQuestionnaire> ParseQuestionnaire(std::string_view text,
                                                      const std::string& file,
                                                      std::vector<Problem>& problems) {
  const auto table = ParseToml(text, file, 1, problems);
  if (!table) return std::nullopt;
  return Reader(*table, file, problems).Run();
}

}  // namespace securebase::content
