#include "content/crisis_lines_parser.h"

#include <fmt/format.h>

#include <toml++/toml.h>
#include <filesystem>
#include <set>

namespace securebase::content {
namespace {

class Reader {
 public:
  Reader(const std::string& file, std::vector<Problem>& problems)
      : file_(file), problems_(problems) {}

  void Report(const toml::node* node, std::string message) {
    const int line = node ? static_cast<int>(node->source().begin.line) : 0;
    problems_.push_back(Problem{file_, line, std::move(message)});
    ok_ = false;
  }

  std::string Text(const toml::table& t, std::string_view key, bool required) {
    const toml::node* node = t.get(key);
    if (!node) {
      if (required) Report(&t, fmt::format("'{}' is required", key));
      return {};
    }
    const auto value = node->value<std::string>();
    if (!value || (required && value->empty())) {
      Report(node, fmt::format("'{}' must be text", key));
      return {};
    }
    return *value;
  }

  std::string Date(const toml::table& t, std::string_view key) {
    const toml::node* node = t.get(key);
    const auto* date = node ? node->as_date() : nullptr;
    if (!date) {
      Report(node ? node : &t,
             fmt::format("'{}' must be a date such as 2026-11-29 (no quotes)", key));
      return {};
    }
    const auto d = date->get();
    return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
  }

  bool ok() const { return ok_; }

 private:
  const std::string& file_;
  std::vector<Problem>& problems_;
  bool ok_ = true;
};

}  // namespace

std::optional<domain::CountryCrisisLines> ParseCrisisLines(std::string_view toml_text,
                                                           const std::string& file,
                                                           std::vector<Problem>& problems) {
  toml::table table;
  try {
    table = toml::parse(toml_text, file);
  } catch (const toml::parse_error& e) {
    problems.push_back(Problem{file, static_cast<int>(e.source().begin.line),
                               fmt::format("not valid TOML: {}", e.description())});
    return std::nullopt;
  }
  Reader r(file, problems);
  domain::CountryCrisisLines out;
  out.country = r.Text(table, "country", true);
  out.name = r.Text(table, "name", true);
  out.emergency = r.Text(table, "emergency", true);
  out.last_verified = r.Date(table, "last_verified");
  if (!out.country.empty()) {
    const auto code = domain::NormalizeCountryCode(out.country);
    const std::string stem = std::filesystem::path(file).stem().string();
    if (!code || *code != out.country) {
      r.Report(table.get("country"), "'country' must be a two-letter upper-case code such as GB");
    } else if (stem.size() != 2 || std::toupper(stem[0]) != out.country[0] ||
               std::toupper(stem[1]) != out.country[1]) {
      r.Report(table.get("country"),
               fmt::format("the file for {} must be named {}.toml", out.country,
                           std::string{static_cast<char>(std::tolower(out.country[0])),
                                       static_cast<char>(std::tolower(out.country[1]))}));
    }
  }
  // A country may list only its emergency number: no line is better than a
  // wrong one.
  const toml::node* lines_node = table.get("lines");
  const toml::array* lines = lines_node ? lines_node->as_array() : nullptr;
  if (lines_node && !lines) r.Report(lines_node, "'lines' must be a list of [[lines]] entries");
  static const toml::array kNone;
  std::set<std::string> ids;
  for (const auto& node : lines ? *lines : kNone) {
    const toml::table* t = node.as_table();
    if (!t) {
      r.Report(&node, "each [[lines]] entry must be a table");
      continue;
    }
    domain::CrisisLine line;
    line.id = r.Text(*t, "id", true);
    line.name = r.Text(*t, "name", true);
    line.description = r.Text(*t, "description", true);
    line.phone = r.Text(*t, "phone", false);
    line.sms = r.Text(*t, "sms", false);
    line.sms_keyword = r.Text(*t, "sms_keyword", false);
    line.url = r.Text(*t, "url", false);
    line.hours = r.Text(*t, "hours", true);
    line.last_verified = r.Date(*t, "last_verified");
    if (line.phone.empty() && line.sms.empty()) {
      r.Report(t, fmt::format("the line '{}' needs a phone or an sms number", line.id));
    }
    if (!line.sms_keyword.empty() && line.sms.empty()) {
      r.Report(t->get("sms_keyword"), "'sms_keyword' needs an 'sms' number to text it to");
    }
    if (!line.url.empty() && !line.url.starts_with("https://")) {
      r.Report(t->get("url"), "'url' must start with https://");
    }
    if (!line.id.empty() && !ids.insert(line.id).second) {
      r.Report(t->get("id"), fmt::format("the line id '{}' is used twice in this file", line.id));
    }
    out.lines.push_back(std::move(line));
  }
  if (!r.ok()) return std::nullopt;
  return out;
}

}  // namespace securebase::content
