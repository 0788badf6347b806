#include "domain/accounts/account_rules.h"

#include <algorithm>

#include "domain/accounts/common_passwords.h"
#include "domain/calendar/local_calendar.h"

namespace securebase::domain {
namespace {

std::string_view Trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return s.substr(first, last - first + 1);
}

bool HasControlCharacter(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f;
  });
}

}  // namespace

long Utf8Length(std::string_view text) {
  long count = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) {
      len = 1;
      cp = c;
    } else if ((c >> 5) == 0x6) {
      len = 2;
      cp = c & 0x1f;
    } else if ((c >> 4) == 0xe) {
      len = 3;
      cp = c & 0x0f;
    } else if ((c >> 3) == 0x1e) {
      len = 4;
      cp = c & 0x07;
    } else {
      return -1;
    }
    if (i + len > text.size()) return -1;
    for (std::size_t k = 1; k < len; ++k) {
      const auto cc = static_cast<unsigned char>(text[i + k]);
      if ((cc >> 6) != 0x2) return -1;
      cp = (cp << 6) | (cc & 0x3f);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    const bool overlong =
        (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    if (overlong || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return -1;
    i += len;
    ++count;
  }
  return count;
}

Result<std::string> NormalizeEmail(std::string_view email) {
  // (Not std::move(message): the order in which arguments are evaluated is
  // unspecified, so the first could read a moved-from string. clang-tidy.)
  const auto bad = [](const std::string& message) {
    return InvalidArgument("Please check your email address: " + message, {{"email", message}});
  };
  const std::string_view e = Trim(email);
  if (e.empty()) return bad("it is empty.");
  if (e.size() > 254) return bad("it is longer than 254 characters.");
  if (Utf8Length(e) < 0 || HasControlCharacter(e) || e.find(' ') != std::string_view::npos) {
    return bad("it contains characters an address cannot have.");
  }
  const auto at = e.find('@');
  if (at == std::string_view::npos || e.find('@', at + 1) != std::string_view::npos) {
    return bad("it needs exactly one @.");
  }
  const auto local = e.substr(0, at);
  const auto domain = e.substr(at + 1);
  if (local.empty() || local.size() > 64) return bad("the part before the @ is empty or too long.");
  const auto dot = domain.find('.');
  if (domain.empty() || dot == std::string_view::npos || dot == 0 || domain.back() == '.' ||
      domain.find("..") != std::string_view::npos) {
    return bad("the part after the @ is not a domain like example.org.");
  }
  std::string out(e);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return out;
}

Status CheckPasswordLength(std::string_view password) {
  const long length = Utf8Length(password);
  if (length < 0) {
    return InvalidArgument("The password could not be read as text.",
                           {{"password", "is not valid text"}});
  }
  if (length < 8) {
    return InvalidArgument("Please choose a password of at least 8 characters.",
                           {{"password", "must be at least 8 characters"}});
  }
  if (length > 256) {
    return InvalidArgument("Please choose a password of at most 256 characters.",
                           {{"password", "must be at most 256 characters"}});
  }
  return {};
}

Status CheckNewPassword(std::string_view password) {
  if (auto ok = CheckPasswordLength(password); !ok) return ok;
  if (IsCommonPassword(password)) {
    // The field message completes "Your password ..." in the web app.
    return InvalidArgument(
        "This password is on a list of passwords that many people use, so it would be easy to "
        "guess. Please choose another: a few unrelated words together work well.",
        {{"password",
          "is on a list of passwords that many people use, so it would be easy to guess. Please "
          "choose another: a few unrelated words together work well"}});
  }
  return {};
}

Result<std::string> NormalizeDisplayName(std::string_view name) {
  const std::string_view n = Trim(name);
  const long length = Utf8Length(n);
  if (length < 1 || length > 80 || HasControlCharacter(n)) {
    return InvalidArgument("Please give a name of 1 to 80 characters.",
                           {{"display_name", "must be 1 to 80 characters"}});
  }
  return std::string(n);
}

Status CheckTimeZone(std::string_view zone) {
  const auto bad = [&] {
    return InvalidArgument("That time zone is not one we know. Choose one such as Europe/London.",
                           {{"time_zone", "is not a known IANA time zone"}});
  };
  // One lookup for every zone the server reads (domain/calendar).
  if (FindTimeZone(zone) == nullptr) return bad();
  return {};
}

}  // namespace securebase::domain
