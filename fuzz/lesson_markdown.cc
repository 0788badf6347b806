// Feeds Markdown to the lesson renderer (content/lesson_renderer): cmark in
// safe mode, the ::practice and ::prompt directives, lesson: links.
//
// Beyond "no crash" it checks what safe mode promises learners: no HTML
// block holds a script, style, iframe or object tag or an event-handler
// attribute, and no link or image points at a javascript:, vbscript:,
// file: or data: address; every problem and every directive or link found
// names a line of the file.
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "content/lesson_renderer.h"

namespace {

using namespace securebase;

void Require(bool ok) {
  if (!ok) std::abort();
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The value of every attribute `name` ("href=\"") in `html`.
std::vector<std::string_view> Attributes(std::string_view html, std::string_view name) {
  std::vector<std::string_view> out;
  for (auto at = html.find(name); at != std::string_view::npos; at = html.find(name, at + 1)) {
    const auto start = at + name.size();
    const auto end = html.find('"', start);
    out.push_back(html.substr(start, end == std::string_view::npos ? end : end - start));
  }
  return out;
}

void CheckHtml(const std::string& block) {
  const std::string html = Lower(block);
  for (const std::string_view tag : {"<script", "<style", "<iframe", "<object", "<embed"}) {
    Require(html.find(tag) == std::string::npos);
  }
  // Text is escaped, so '<' only opens tags; inside a tag, an attribute
  // named on… (outside a quoted value) would be an event handler.
  for (std::size_t lt = html.find('<'); lt != std::string::npos; lt = html.find('<', lt + 1)) {
    bool quoted = false;
    for (std::size_t i = lt + 1; i < html.size() && (quoted || html[i] != '>'); ++i) {
      if (html[i] == '"') quoted = !quoted;
      if (!quoted && html[i] == ' ') Require(html.compare(i + 1, 2, "on") != 0);
    }
  }
  for (const std::string_view attr : {"href=\"", "src=\""}) {
    for (std::string_view url : Attributes(html, attr)) {
      while (!url.empty() && std::isspace(static_cast<unsigned char>(url.front()))) {
        url.remove_prefix(1);
      }
      for (const std::string_view scheme : {"javascript:", "vbscript:", "file:", "data:"}) {
        Require(!url.starts_with(scheme));
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  const int first_line = 4;  // after a three-line front matter
  std::vector<content::Problem> problems;
  const auto rendered = content::RenderLesson(body, first_line, "course/c/01-m/01-l.md", problems);
  for (const auto& block : rendered.blocks) {
    if (const auto* html = std::get_if<domain::HtmlBlock>(&block)) CheckHtml(html->html);
  }
  // Lines end at LF, CR LF or CR, as cmark counts them.
  int line_ends = 0;
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '\n' || (body[i] == '\r' && (i + 1 == body.size() || body[i + 1] != '\n'))) {
      ++line_ends;
    }
  }
  const int last_line = first_line + line_ends;
  for (const auto& p : problems) Require(p.line >= first_line && p.line <= last_line);
  for (const auto* refs : {&rendered.practices, &rendered.prompts, &rendered.lesson_links}) {
    for (const auto& ref : *refs) Require(ref.line >= first_line && ref.line <= last_line);
  }
  Require(rendered.word_count >= 0);
  return 0;
}
