#include "content/lesson_renderer.h"

#include <cmark.h>
#include <fmt/format.h>

#include <cctype>
#include <memory>
#include <optional>
#include <set>

#include "content/content_id.h"

namespace securebase::content {
namespace {

// Safe mode is cmark's default since 0.29; CMARK_OPT_SAFE is named anyway so
// that nobody mistakes the default for an accident. Invalid UTF-8 becomes
// U+FFFD instead of reaching the browser.
constexpr int kCmarkOptions = CMARK_OPT_SAFE | CMARK_OPT_VALIDATE_UTF8;

constexpr std::string_view kLessonScheme = "lesson:";

struct NodeFree {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct IterFree {
  void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};

std::string RenderHtml(cmark_node* node) {
  char* html = cmark_render_html(node, kCmarkOptions);
  std::string out = html ? html : "";
  cmark_get_default_mem_allocator()->free(html);
  return out;
}

std::string_view Literal(cmark_node* node) {
  const char* literal = cmark_node_get_literal(node);
  return literal ? std::string_view(literal) : std::string_view{};
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Lines as cmark counts them (its node lines index this): a line ends at
// LF, CR LF or a CR alone (found by fuzz/lesson_markdown.cc: with LF alone,
// a stray CR put every later directive check on the wrong line).
std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = text.find_first_of("\r\n", start);
    if (end == std::string_view::npos) {
      lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, end - start));
    start = end + (text.compare(end, 2, "\r\n") == 0 ? 2 : 1);
  }
  return lines;
}

int CountWords(std::string_view text) {
  int words = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  }
  return true;
}

// The schemes cmark's safe mode empties (it keeps some data:image/ URLs;
// lessons have no use for those either, so all data: links are reported).
bool IsDangerousUrl(std::string_view url) {
  url = Trim(url);
  for (const std::string_view scheme : {"javascript:", "vbscript:", "file:", "data:"}) {
    if (StartsWithNoCase(url, scheme)) return true;
  }
  return false;
}

// An address on another site: http(s) or protocol-relative ("//host/…").
bool IsRemote(std::string_view url) {
  url = Trim(url);
  return StartsWithNoCase(url, "http:") || StartsWithNoCase(url, "https:") || url.starts_with("//");
}

std::string Url(cmark_node* node) {
  const char* raw = cmark_node_get_url(node);
  return raw ? raw : "";
}

bool LooksLikeDirective(std::string_view text) {
  return text.find("::practice{") != std::string_view::npos ||
         text.find("::prompt{") != std::string_view::npos;
}

struct Directive {
  std::string name;
  std::string id;
  std::string text;  // after the closing brace, trimmed
  int line = 0;      // file line
};

class Renderer {
 public:
  Renderer(std::string_view body, int first_line, const std::string& file,
           std::vector<Problem>& problems)
      : body_(body),
        lines_(SplitLines(body)),
        first_line_(first_line),
        file_(file),
        problems_(problems) {}

  RenderedLesson Run() {
    std::unique_ptr<cmark_node, NodeFree> doc(
        cmark_parse_document(body_.data(), body_.size(), kCmarkOptions));
    if (!doc) {
      Report(1, "this lesson could not be read as Markdown");
      return std::move(out_);
    }
    std::string html;
    for (cmark_node* child = cmark_node_first_child(doc.get()); child != nullptr;
         child = cmark_node_next(child)) {
      if (IsDirectiveParagraph(child)) {
        FlushHtml(html);
        ReadDirectives(child);
        continue;
      }
      Inspect(child);
      html += RenderHtml(child);
    }
    FlushHtml(html);
    return std::move(out_);
  }

 private:
  int FileLine(int body_line) const { return first_line_ + (body_line > 0 ? body_line - 1 : 0); }

  void Report(int body_line, std::string message) {
    problems_.push_back(Problem{file_, FileLine(body_line), std::move(message)});
  }

  std::string_view Line(int body_line) const {
    return body_line >= 1 && body_line <= static_cast<int>(lines_.size()) ? lines_[body_line - 1]
                                                                          : std::string_view{};
  }

  bool IsDirectiveParagraph(cmark_node* node) const {
    return cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH &&
           Trim(Line(cmark_node_get_start_line(node))).starts_with("::");
  }

  void FlushHtml(std::string& html) {
    if (!html.empty()) out_.blocks.push_back(domain::HtmlBlock{std::move(html)});
    html.clear();
  }

  // Walks one top-level block: rewrites lesson links, reports what safe mode
  // will hide, and counts words.
  void Inspect(cmark_node* root) {
    std::unique_ptr<cmark_iter, IterFree> iter(cmark_iter_new(root));
    std::set<int> html_lines;  // one raw-HTML problem per line is enough
    for (auto ev = cmark_iter_next(iter.get()); ev != CMARK_EVENT_DONE;
         ev = cmark_iter_next(iter.get())) {
      if (ev != CMARK_EVENT_ENTER) continue;
      cmark_node* node = cmark_iter_get_node(iter.get());
      const int line = cmark_node_get_start_line(node);
      switch (cmark_node_get_type(node)) {
        case CMARK_NODE_TEXT: {
          const std::string_view text = Literal(node);
          out_.word_count += CountWords(text);
          if (LooksLikeDirective(text)) {
            Report(line,
                   "a ::practice or ::prompt must be a paragraph of its own: start it at the "
                   "beginning of a line, with a blank line before and after, outside lists and "
                   "quotes");
          }
          break;
        }
        case CMARK_NODE_CODE:
        case CMARK_NODE_CODE_BLOCK: out_.word_count += CountWords(Literal(node)); break;
        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_HTML_INLINE:
          if (html_lines.insert(line).second) {
            Report(line, "HTML is not shown to learners: write this part as plain Markdown");
          }
          break;
        case CMARK_NODE_LINK: CheckLink(node, line); break;
        case CMARK_NODE_IMAGE:
          if (IsRemote(Url(node))) {
            // Fetching it would tell another site who is reading which lesson, and when.
            Report(line, fmt::format("the image '{}' is from another website and is not shown: "
                                     "a learner's browser would tell that site they are reading "
                                     "this lesson. Describe it in words instead",
                                     Url(node)));
            cmark_node_set_url(node, "");
            break;
          }
          CheckLink(node, line);
          break;
        default: break;
      }
    }
  }

  void CheckLink(cmark_node* node, int line) {
    const char* raw = cmark_node_get_url(node);
    const std::string url = raw ? raw : "";
    if (url.starts_with(kLessonScheme)) {
      const std::string id = url.substr(kLessonScheme.size());
      if (!IsValidId(id)) {
        Report(line, fmt::format("the link '{}' needs a lesson id after 'lesson:', written in "
                                 "lowercase letters, digits and hyphens",
                                 url));
        return;
      }
      out_.lesson_links.push_back(IdRef{id, FileLine(line)});
      cmark_node_set_url(node, LessonPath(id).c_str());
      return;
    }
    if (IsDangerousUrl(url)) {
      Report(line, fmt::format("the link '{}' is removed for safety: link to a web page "
                               "(https://…) or to a lesson (lesson:<id>) instead",
                               url));
      // Removed here, not left to safe mode: cmark keeps data:image/png,
      // gif, jpeg and webp, which the message above says are gone (found by
      // fuzz/lesson_markdown.cc).
      cmark_node_set_url(node, "");
    }
  }

  // A directive paragraph: each line starting with '::' opens a directive;
  // other lines continue the previous prompt's question.
  void ReadDirectives(cmark_node* paragraph) {
    const int first = cmark_node_get_start_line(paragraph);
    const int last = cmark_node_get_end_line(paragraph);
    std::optional<Directive> current;
    for (int l = first; l <= last; ++l) {
      const std::string_view text = Trim(Line(l));
      if (text.starts_with("::")) {
        if (current) Emit(*current);
        current = Parse(text, l);
        continue;
      }
      if (current && current->name == "prompt") {
        current->text += current->text.empty() ? "" : " ";
        current->text += text;
      } else if (current) {
        Report(l, fmt::format("put a blank line between ::{}{{…}} and the text after it, or "
                              "this line will not be shown",
                              current->name));
      }
    }
    if (current) Emit(*current);
  }

  // Parses `::name{id=value} text`; reports and returns nullopt when the
  // line is not a directive Secure Base knows.
  std::optional<Directive> Parse(std::string_view text, int line) {
    Directive d;
    d.line = FileLine(line);
    std::size_t pos = 2;
    while (pos < text.size() && text[pos] >= 'a' && text[pos] <= 'z') ++pos;
    d.name = std::string(text.substr(2, pos - 2));
    if (d.name != "practice" && d.name != "prompt") {
      Report(line, fmt::format("'{}' is not something Secure Base knows: a line starting with "
                               "'::' must be ::practice{{id=…}} or ::prompt{{id=…}} followed by "
                               "the question",
                               text.substr(0, pos)));
      return std::nullopt;
    }
    const auto close = text.find('}', pos);
    if (pos >= text.size() || text[pos] != '{' || close == std::string_view::npos) {
      Report(line,
             fmt::format("write the id in braces right after ::{0}, like ::{0}{{id=…}}", d.name));
      return std::nullopt;
    }
    if (!ReadAttributes(text.substr(pos + 1, close - pos - 1), line, d)) return std::nullopt;
    d.text = std::string(Trim(text.substr(close + 1)));
    return d;
  }

  // The braces hold `id=value` (quotes around the value are allowed).
  bool ReadAttributes(std::string_view attrs, int line, Directive& d) {
    bool ok = true;
    std::size_t pos = 0;
    while (true) {
      while (pos < attrs.size() && attrs[pos] == ' ') ++pos;
      if (pos >= attrs.size()) break;
      const auto eq = attrs.find('=', pos);
      const auto space = attrs.find(' ', pos);
      if (eq == std::string_view::npos || (space != std::string_view::npos && space < eq)) {
        Report(line, fmt::format("inside the braces of ::{} write id=… and nothing else", d.name));
        return false;
      }
      const std::string_view key = attrs.substr(pos, eq - pos);
      std::size_t end = eq + 1;
      std::string_view value;
      if (end < attrs.size() && attrs[end] == '"') {
        const auto quote = attrs.find('"', end + 1);
        if (quote == std::string_view::npos) {
          Report(line, fmt::format("the quote after {}= is never closed", key));
          return false;
        }
        value = attrs.substr(end + 1, quote - end - 1);
        end = quote + 1;
      } else {
        end = std::min(attrs.find(' ', end), attrs.size());
        value = attrs.substr(eq + 1, end - eq - 1);
      }
      pos = end;
      if (key != "id") {
        Report(line, fmt::format("::{} takes only an id; remove '{}=…'", d.name, key));
        ok = false;
        continue;
      }
      d.id = std::string(value);
    }
    if (!ok) return false;  // one problem per directive is enough
    if (d.id.empty()) {
      Report(line, fmt::format("::{0} needs an id, like ::{0}{{id=…}}", d.name));
      return false;
    }
    if (!IsValidId(d.id)) {
      Report(line, BadIdMessage(d.id));
      return false;
    }
    return true;
  }

  void Emit(const Directive& d) {
    if (d.name == "practice") {
      if (!d.text.empty()) {
        problems_.push_back(Problem{file_, d.line,
                                    "write nothing after ::practice{…} on its line: put the text "
                                    "in a paragraph of its own, after a blank line"});
      }
      out_.practices.push_back(IdRef{d.id, d.line});
      // Titled once the whole catalogue has been read (content_loader.cc).
      out_.blocks.push_back(domain::PracticeBlock{d.id, ""});
      return;
    }
    if (d.text.empty()) {
      problems_.push_back(
          Problem{file_, d.line,
                  fmt::format("the prompt '{}' has no question: write it after the braces", d.id)});
    }
    out_.word_count += CountWords(d.text);
    out_.prompts.push_back(IdRef{d.id, d.line});
    out_.blocks.push_back(domain::PromptBlock{d.id, d.text});
  }

  std::string_view body_;
  std::vector<std::string_view> lines_;
  int first_line_;
  const std::string& file_;
  std::vector<Problem>& problems_;
  RenderedLesson out_;
};

}  // namespace

std::string LessonPath(std::string_view lesson_id) {
  return "/course/lessons/" + std::string(lesson_id);
}

RenderedLesson RenderLesson(std::string_view body, int first_line, const std::string& file,
                            std::vector<Problem>& problems) {
  return Renderer(body, first_line, file, problems).Run();
}

}  // namespace securebase::content
