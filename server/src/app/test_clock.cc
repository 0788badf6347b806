#include "app/test_clock.h"

#include <charconv>
#include <fstream>
#include <string>

namespace securebase::app {

Instant OffsetFileClock::Now() const {
  std::ifstream in(file_);
  std::string text;
  std::getline(in, text);
  long long seconds = 0;
  std::from_chars(text.data(), text.data() + text.size(), seconds);
  return Instant{system_.Now().millis + seconds * 1000};
}

}  // namespace securebase::app
