#include "domain/accounts/common_passwords.h"

#include <algorithm>
#include <string>
#include <vector>

#include "domain/accounts/common_passwords_text.h"

namespace securebase::domain {
namespace {

struct List {
  std::vector<std::string_view> entries;  // sorted, unique
  std::size_t longest = 0;
};

// Views into the embedded text rather than copies: about 18,000 entries cost
// one vector and one sort at first use, not 18,000 allocations.
List Build() {
  List list;
  const std::string_view text = CommonPasswordsText();
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) list.entries.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  std::sort(list.entries.begin(), list.entries.end());
  list.entries.erase(std::unique(list.entries.begin(), list.entries.end()), list.entries.end());
  for (const auto entry : list.entries) list.longest = std::max(list.longest, entry.size());
  return list;
}

const List& TheList() {
  static const List list = Build();
  return list;
}

}  // namespace

bool IsCommonPassword(std::string_view password) {
  const List& list = TheList();
  // Longer than every entry: cannot match, and need not be copied.
  if (password.size() > list.longest) return false;
  std::string folded(password);
  for (char& c : folded) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return std::binary_search(list.entries.begin(), list.entries.end(), std::string_view(folded));
}

std::span<const std::string_view> CommonPasswords() {
  return TheList().entries;
}

}  // namespace securebase::domain
