// Splits a Markdown file into its TOML front matter and body:
//
//   +++
//   id = "the-secure-base"
//   title = "The secure base"
//   +++
//   Body...
//
// The front matter must open on the first line. body_line is the 1-based
// line where the body starts, so later problems can name real line numbers.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace securebase::content {

struct FrontMatter {
  std::string toml;
  std::string body;
  int toml_line = 2;  // line of the first TOML line in the file
  int body_line = 0;
};

// nullopt when the file does not start with a closed +++ block; `error`
// then says what is wrong and `error_line` where.
std::optional<FrontMatter> SplitFrontMatter(std::string_view text, std::string* error,
                                            int* error_line);

}  // namespace securebase::content
