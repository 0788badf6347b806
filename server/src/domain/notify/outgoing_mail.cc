#include "domain/notify/outgoing_mail.h"

#include <algorithm>
#include <string_view>
#include <vector>

namespace securebase::domain {
namespace {

constexpr std::size_t kMaxAddressBytes = 254;
constexpr std::size_t kMaxSubjectBytes = 400;
constexpr std::size_t kMaxBodyBytes = 1024 * 1024;
constexpr std::size_t kMaxCalendarBytes = 256 * 1024;

bool IsControl(unsigned char c) {
  return c < 0x20 || c == 0x7f;
}

bool ValidId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  });
}

bool ValidKind(std::string_view kind) {
  if (kind.empty() || kind.size() > 40) return false;
  return std::all_of(kind.begin(), kind.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

// One plain address: what goes into both the SMTP envelope and the To header,
// so anything that could end a command or a header, or start a second
// address, is refused.
bool ValidAddress(std::string_view to) {
  if (to.empty() || to.size() > kMaxAddressBytes || !IsValidUtf8(to)) return false;
  const auto at = to.rfind('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == to.size()) return false;
  if (std::count(to.begin(), to.end(), '@') != 1) return false;
  return std::none_of(to.begin(), to.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return IsControl(c) || c == ' ' || c == '<' || c == '>' || c == ',' || c == ';' || c == '"' ||
           c == '(' || c == ')' || c == '\\' || c == '[' || c == ']' || c == ':';
  });
}

bool ValidSubject(std::string_view subject) {
  if (subject.size() > kMaxSubjectBytes || !IsValidUtf8(subject)) return false;
  return std::none_of(subject.begin(), subject.end(),
                      [](char c) { return IsControl(static_cast<unsigned char>(c)); });
}

bool ValidCalendarMethod(const OutgoingMail& mail) {
  if (mail.calendar.empty()) return mail.calendar_method.empty();
  return mail.calendar_method == "REQUEST" || mail.calendar_method == "CANCEL" ||
         mail.calendar_method == "PUBLISH";
}

}  // namespace

std::size_t Utf8SequenceLength(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return 1;
  std::size_t extra = 0;
  char32_t cp = 0;
  if ((c & 0xe0) == 0xc0) {
    extra = 1;
    cp = c & 0x1f;
  } else if ((c & 0xf0) == 0xe0) {
    extra = 2;
    cp = c & 0x0f;
  } else if ((c & 0xf8) == 0xf0) {
    extra = 3;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + extra >= text.size()) return 0;
  for (std::size_t k = 1; k <= extra; ++k) {
    const auto d = static_cast<unsigned char>(text[i + k]);
    if ((d & 0xc0) != 0x80) return 0;
    cp = (cp << 6) | (d & 0x3f);
  }
  static constexpr char32_t kMin[] = {0, 0x80, 0x800, 0x10000};
  if (cp < kMin[extra] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return extra + 1;
}

bool IsValidUtf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = Utf8SequenceLength(text, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

Status ValidateOutgoingMail(const OutgoingMail& mail) {
  std::vector<FieldError> fields;
  if (!ValidId(mail.id)) fields.push_back({"id", "must be 1 to 64 letters, digits, - or _"});
  if (!ValidAddress(mail.to)) fields.push_back({"to", "must be one plain email address"});
  if (!ValidSubject(mail.subject)) {
    fields.push_back({"subject", "must be one line of UTF-8 text, at most 400 bytes"});
  }
  if (mail.text.size() > kMaxBodyBytes || !IsValidUtf8(mail.text)) {
    fields.push_back({"text", "must be UTF-8 text of at most 1 MiB"});
  }
  if (!ValidKind(mail.kind)) fields.push_back({"kind", "must be 1 to 40 of a-z, 0-9 and -"});
  if (mail.calendar.size() > kMaxCalendarBytes || !IsValidUtf8(mail.calendar)) {
    fields.push_back({"calendar", "must be UTF-8 text of at most 256 KiB"});
  }
  if (!ValidCalendarMethod(mail)) {
    fields.push_back({"calendar_method",
                      "must be REQUEST, CANCEL or PUBLISH with a calendar, and empty without one"});
  }
  if (!fields.empty()) {
    return InvalidArgument("This message cannot be sent as it is.", std::move(fields));
  }
  return {};
}

}  // namespace securebase::domain
