#include "content/content_loader.h"

#include <fmt/format.h>

#include <toml++/toml.h>
#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "content/crisis_lines_parser.h"
#include "content/front_matter.h"

namespace securebase::content {
namespace {

namespace fs = std::filesystem;

std::optional<DocumentKind> KindOf(const fs::path& rel) {
  const auto parts = std::vector<fs::path>(rel.begin(), rel.end());
  const std::string top = parts.empty() ? "" : parts.front().string();
  const std::string name = rel.filename().string();
  const std::string ext = rel.extension().string();
  if (top == "course") {
    if (parts.size() == 3 && name == "course.toml") return DocumentKind::kCourse;
    if (parts.size() == 4 && name == "module.toml") return DocumentKind::kModule;
    if (parts.size() == 4 && ext == ".md") return DocumentKind::kLesson;
    return std::nullopt;
  }
  if (ext != ".toml" || parts.size() != 2) return std::nullopt;
  if (top == "questionnaires") return DocumentKind::kQuestionnaire;
  if (top == "practices") return DocumentKind::kPractice;
  if (top == "crisis") return DocumentKind::kCrisisLines;
  return std::nullopt;
}

bool IsIgnored(const fs::path& rel) {
  const std::string name = rel.filename().string();
  return name.starts_with('.') || name == "README.md" || rel.extension() == ".txt";
}

std::string ReadFile(const fs::path& path, bool* ok) {
  std::ifstream in(path, std::ios::binary);
  *ok = static_cast<bool>(in);
  std::ostringstream s;
  s << in.rdbuf();
  return std::move(s).str();
}

class Loader {
 public:
  explicit Loader(fs::path root) : root_(std::move(root)) {}

  ContentSet Run() {
    std::error_code ec;
    if (!fs::is_directory(root_, ec)) {
      Report(".", 0, fmt::format("the content folder {} does not exist", root_.string()));
      return std::move(set_);
    }
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(root_, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file()) files.push_back(fs::relative(it->path(), root_));
    }
    if (ec) Report(".", 0, "cannot list the content folder: " + ec.message());
    std::sort(files.begin(), files.end());
    for (const auto& rel : files) {
      if (IsIgnored(rel)) continue;
      const auto kind = KindOf(rel);
      if (!kind) {
        Report(rel.generic_string(), 0,
               "this file is not in a place Secure Base reads content from; see docs/content.md");
        continue;
      }
      LoadOne(rel, *kind);
    }
    return std::move(set_);
  }

 private:
  void Report(std::string file, int line, std::string message) {
    set_.problems.push_back(Problem{std::move(file), line, std::move(message)});
  }

  void LoadOne(const fs::path& rel, DocumentKind kind) {
    const std::string name = rel.generic_string();
    bool ok = false;
    const std::string text = ReadFile(root_ / rel, &ok);
    ++set_.files_read;
    if (!ok) return Report(name, 0, "cannot be read");

    if (kind == DocumentKind::kCrisisLines) {
      auto country = ParseCrisisLines(text, name, set_.problems);
      if (!country) return;
      if (!seen_[kind].insert(country->country).second) {
        Report(name, 0, fmt::format("crisis lines for {} are defined twice", country->country));
      }
      set_.documents.push_back(Document{kind, country->country, country->name, rel, ""});
      set_.crisis_lines.push_back(std::move(*country));
      return;
    }
    std::string toml_text = text;
    int toml_line = 1;
    Document doc{kind, "", "", rel, ""};
    if (kind == DocumentKind::kLesson) {
      std::string error;
      int error_line = 0;
      const auto fm = SplitFrontMatter(text, &error, &error_line);
      if (!fm) return Report(name, error_line, error);
      toml_text = fm->toml;
      toml_line = fm->toml_line;
      doc.body = fm->body;
      if (doc.body.find_first_not_of(" \t\r\n") == std::string::npos) {
        Report(name, fm->body_line, "the lesson has no text after its front matter");
      }
    }
    toml::table table;
    try {
      table = toml::parse(toml_text, name);
    } catch (const toml::parse_error& e) {
      return Report(name, toml_line - 1 + static_cast<int>(e.source().begin.line),
                    fmt::format("not valid TOML: {}", e.description()));
    }
    const auto line_of = [&](std::string_view key) {
      const auto* node = table.get(key);
      return node ? toml_line - 1 + static_cast<int>(node->source().begin.line) : toml_line;
    };
    const auto required = [&](std::string_view key) -> std::string {
      const auto value = table[key].value<std::string>();
      if (!value || value->empty()) {
        Report(name, line_of(key), fmt::format("'{}' is required and must be text", key));
        return {};
      }
      return *value;
    };
    doc.id = required("id");
    doc.title = required("title");
    if (!doc.id.empty()) CheckId(name, line_of("id"), kind, doc.id);
    set_.documents.push_back(std::move(doc));
  }

  // Ids are stable names used in URLs and in learners' saved progress:
  // lowercase letters, digits and single hyphens, unique within their kind.
  void CheckId(const std::string& file, int line, DocumentKind kind, const std::string& id) {
    const bool shape =
        id.size() <= 80 &&
        std::all_of(
            id.begin(), id.end(),
            [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }) &&
        id.front() != '-' && id.back() != '-';
    if (!shape) {
      Report(file, line,
             fmt::format("the id '{}' may use only lowercase letters, digits and hyphens", id));
    }
    if (!seen_[kind].insert(id).second) {
      Report(file, line, fmt::format("the {} id '{}' is used twice", DocumentKindName(kind), id));
    }
  }

  fs::path root_;
  ContentSet set_;
  std::map<DocumentKind, std::set<std::string>> seen_;
};

}  // namespace

const char* DocumentKindName(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::kCourse: return "course";
    case DocumentKind::kModule: return "module";
    case DocumentKind::kLesson: return "lesson";
    case DocumentKind::kQuestionnaire: return "questionnaire";
    case DocumentKind::kPractice: return "practice";
    case DocumentKind::kCrisisLines: return "crisis lines file";
  }
  return "document";
}

std::map<DocumentKind, int> ContentSet::CountByKind() const {
  std::map<DocumentKind, int> out;
  for (const auto& d : documents) ++out[d.kind];
  return out;
}

ContentSet LoadContent(const std::filesystem::path& root) {
  return Loader(root).Run();
}

}  // namespace securebase::content
