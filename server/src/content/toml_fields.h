// Reading typed settings out of a parsed TOML table, reporting each missing
// or mistyped setting as a Problem on the line where it is (or where the
// settings start, when it is missing). Shared by the content parsers.
//
// Thread-safety: one instance per file being read; not shared.
#pragma once

#include <toml++/toml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/lesson_renderer.h"
#include "content/problem.h"

namespace securebase::content {

// Parses `text` as TOML; on a syntax error reports it on its real file line
// (`first_line` is the file line of the text's first line) and returns nullopt.
std::optional<toml::table> ParseToml(std::string_view text, const std::string& file, int first_line,
                                     std::vector<Problem>& problems);

class TomlFields {
 public:
  // `missing_line` is where a missing setting is reported (a section's
  // header line, say); 0 means `first_line`.
  TomlFields(const toml::table& table, const std::string& file, int first_line,
             std::vector<Problem>& problems, int missing_line = 0)
      : table_(table),
        file_(file),
        first_line_(first_line),
        missing_line_(missing_line > 0 ? missing_line : first_line),
        problems_(problems) {}

  // The file line of `key`, or `missing_line` when it is missing.
  int LineOf(std::string_view key) const;

  // Non-empty text; reports when required and missing, empty or not text.
  std::string Text(std::string_view key, bool required);
  // A whole number in [min, max]; reports when required and missing, or out of range.
  std::optional<int> Int(std::string_view key, bool required, int min, int max);
  // A list of texts (missing means empty); each with the key's line.
  std::vector<IdRef> TextList(std::string_view key);
  // A nested table, or nullptr when missing; reports when it is not a table.
  const toml::table* Table(std::string_view key);

  // Reports every key that is not in `known`, so a misspelt setting is not
  // silently ignored.
  void RejectUnknown(std::initializer_list<std::string_view> known);

  void Report(int line, std::string message);

 private:
  const toml::table& table_;
  const std::string& file_;
  int first_line_;
  int missing_line_;
  std::vector<Problem>& problems_;
};

}  // namespace securebase::content
