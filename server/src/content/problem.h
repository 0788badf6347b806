// A problem found in a content file, named by file and line so that the
// person editing it can go straight there.
#pragma once

#include <string>

namespace securebase::content {

struct Problem {
  std::string file;  // relative to the content root
  int line = 0;      // 1-based; 0 when the problem is about the whole file
  std::string message;

  std::string ToString() const;  // "course/x/01-a.md:3: message"
};

}  // namespace securebase::content
