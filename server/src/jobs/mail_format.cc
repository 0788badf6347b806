#include "jobs/mail_format.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>

namespace securebase::jobs {
namespace {

bool IsControl(char ch) {
  const auto c = static_cast<unsigned char>(ch);
  return c < 0x20 || c == 0x7f;
}

bool HasControl(std::string_view s) {
  return std::any_of(s.begin(), s.end(), IsControl);
}

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// RFC 5322 atext plus space: a display name made only of these needs no quotes.
bool IsPlainPhrase(std::string_view s) {
  static constexpr std::string_view kSpecials = "!#$%&'*+-/=?^_`{|}~ ";
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           kSpecials.find(c) != std::string_view::npos;
  });
}

std::string Base64(std::string_view in) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(in[i]) << 16) |
                       (static_cast<unsigned char>(in[i + 1]) << 8) |
                       static_cast<unsigned char>(in[i + 2]);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += kAlphabet[v & 63];
  }
  if (i + 1 == in.size()) {
    const unsigned v = static_cast<unsigned char>(in[i]) << 16;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += "==";
  } else if (i + 2 == in.size()) {
    const unsigned v =
        (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += '=';
  }
  return out;
}

// Encoded-words carry at most this many bytes of text: 39 bytes are 52
// base64 characters, 64 with "=?UTF-8?B?" and "?=", so even the first line
// ("Subject: " plus one word) stays under 78 characters.
constexpr std::size_t kWordBytes = 39;

std::string EncodedWords(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t end = std::min(text.size(), i + kWordBytes);
    // Never split a character between two words (RFC 2047 section 5).
    while (end < text.size() && end > i && (static_cast<unsigned char>(text[end]) & 0xc0) == 0x80) {
      --end;
    }
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + Base64(text.substr(i, end - i)) + "?=";
    i = end;
  }
  return out;
}

// Plain ASCII folded at spaces so lines stay near 78 characters; a single
// word longer than that stays whole (the hard limit is 998).
std::string FoldAscii(std::string_view text, std::size_t name_length) {
  std::string out;
  std::size_t line = name_length;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t next = text.find(' ', i + 1);
    if (next == std::string_view::npos) next = text.size();
    const std::string_view piece = text.substr(i, next - i);  // starts with ' ' after the first
    if (!out.empty() && line + piece.size() > 78 && piece.front() == ' ') {
      out += "\r\n";
      line = 0;
    }
    out += piece;
    line += piece.size();
    i = next;
  }
  return out;
}

std::string HeaderDomain(std::string_view address) {
  const auto at = address.rfind('@');
  const std::string_view domain = address.substr(at + 1);
  const bool plain = !domain.empty() && std::all_of(domain.begin(), domain.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.';
  });
  return plain ? std::string(domain) : std::string("securebase.invalid");
}

std::string FromHeader(const Mailbox& from) {
  if (from.display_name.empty()) return from.address;
  std::string name;
  if (!IsAscii(from.display_name)) {
    name = EncodedWords(from.display_name);
  } else if (IsPlainPhrase(from.display_name)) {
    name = from.display_name;
  } else {
    name = "\"";
    for (const char c : from.display_name) {
      if (c == '"' || c == '\\') name += '\\';
      name += c;
    }
    name += '"';
  }
  return name + " <" + from.address + ">";
}

// Base64 in lines of 76 characters joined by CRLF (RFC 2045 section 6.8),
// without a line end after the last.
std::string Base64Lines(std::string_view in) {
  const std::string flat = Base64(in);
  std::string out;
  out.reserve(flat.size() + flat.size() / 76 * 2);
  for (std::size_t i = 0; i < flat.size(); i += 76) {
    if (i > 0) out += "\r\n";
    out.append(flat, i, 76);
  }
  return out;
}

// "=_" can never occur in quoted-printable ('=' starts "=XX" with hex digits
// or a soft line break) nor in base64 ('=' is only padding at the end), and
// our part headers do not hold it: a boundary that starts with it never
// appears in the parts, whatever they say. The id ([A-Za-z0-9_-], at most
// 64) makes it unique per message and keeps it within the 70 characters
// RFC 2046 allows.
std::string Boundary(std::string_view id) {
  return "=_" + std::string(id);
}

bool ValidAddress(std::string_view a) {
  if (a.empty() || a.size() > 254 || std::count(a.begin(), a.end(), '@') != 1) return false;
  const auto at = a.find('@');
  if (at == 0 || at + 1 == a.size()) return false;
  return std::none_of(a.begin(), a.end(), [](char c) {
    return IsControl(c) || c == ' ' || c == '<' || c == '>' || c == ',' || c == ';' || c == '"' ||
           c == '(' || c == ')' || c == '\\' || c == '[' || c == ']' || c == ':';
  });
}

}  // namespace

Result<Mailbox> ParseMailbox(std::string_view text) {
  if (HasControl(text) || !domain::IsValidUtf8(text)) {
    return InvalidArgument("must be one line of UTF-8 text");
  }
  Mailbox m;
  const auto open = text.rfind('<');
  if (open == std::string_view::npos) {
    m.address = std::string(text);
  } else {
    const auto close = text.find('>', open);
    if (close == std::string_view::npos || close + 1 != text.size()) {
      return InvalidArgument("must look like Name <address@example.org> or address@example.org");
    }
    m.address = std::string(text.substr(open + 1, close - open - 1));
    std::string_view name = text.substr(0, open);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"') {
      name = name.substr(1, name.size() - 2);
    }
    if (name.find_first_of("<>\"") != std::string_view::npos) {
      return InvalidArgument("has a name with <, > or \" in it");
    }
    m.display_name = std::string(name);
  }
  if (!ValidAddress(m.address)) {
    return InvalidArgument("needs one address like no-reply@example.org (one @, no spaces)");
  }
  return m;
}

std::string FormatDate(Instant t) {
  using namespace std::chrono;
  const sys_time<milliseconds> tp{milliseconds(t.millis)};
  const auto day = floor<days>(tp);
  const year_month_day ymd{day};
  const weekday wd{day};
  const hh_mm_ss<milliseconds> time{tp - day};
  static constexpr std::array<const char*, 7> kDays = {"Sun", "Mon", "Tue", "Wed",
                                                       "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return fmt::format("{}, {:02} {} {:04} {:02}:{:02}:{:02} +0000", kDays[wd.c_encoding()],
                     static_cast<unsigned>(ymd.day()),
                     kMonths[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()),
                     time.hours().count(), time.minutes().count(), time.seconds().count());
}

std::string EncodeHeaderText(std::string_view text, std::size_t name_length) {
  // "=?" in plain text could be read as the start of an encoded-word.
  if (IsAscii(text) && text.find("=?") == std::string_view::npos) {
    return FoldAscii(text, name_length);
  }
  return EncodedWords(text);
}

std::string EncodeQuotedPrintable(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  std::size_t i = 0;
  while (i <= text.size()) {
    // One input line, without its line end.
    std::size_t end = text.find_first_of("\r\n", i);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(i, end - i);
    std::size_t col = 0;
    auto emit = [&](std::string_view token) {
      if (col + token.size() > 75) {  // room for the soft break's '='
        out += "=\r\n";
        col = 0;
      }
      out += token;
      col += token.size();
    };
    for (std::size_t k = 0; k < line.size(); ++k) {
      const auto c = static_cast<unsigned char>(line[k]);
      const bool last = k + 1 == line.size();
      const bool literal = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !last);
      const bool guard = k == 0 && (c == '.' || (c == 'F' && line.starts_with("From ")));
      if (literal && !guard) {
        const char ch = static_cast<char>(c);
        emit(std::string_view(&ch, 1));
      } else {
        const char enc[3] = {'=', kHex[c >> 4], kHex[c & 15]};
        emit(std::string_view(enc, 3));
      }
    }
    if (end == text.size()) break;
    out += "\r\n";
    // "\r\n" is one line end, as are a lone "\r" and a lone "\n".
    i = end + ((text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') ? 2 : 1);
  }
  return out;
}

Result<std::string> FormatMessage(const domain::OutgoingMail& mail, const Mailbox& from,
                                  Instant date) {
  if (auto ok = domain::ValidateOutgoingMail(mail); !ok) return std::unexpected(ok.error());
  if (HasControl(from.display_name) || !ValidAddress(from.address) ||
      !domain::IsValidUtf8(from.display_name)) {
    return InvalidArgument("The sender address (mail.from) is not usable in a header.");
  }
  const bool with_calendar = !mail.calendar.empty();
  std::string msg;
  msg.reserve(mail.text.size() * 11 / 10 + mail.calendar.size() * 14 / 10 + 1024);
  msg += "Date: " + FormatDate(date) + "\r\n";
  msg += "From: " + FromHeader(from) + "\r\n";
  msg += "To: " + mail.to + "\r\n";
  msg += "Subject: " + EncodeHeaderText(mail.subject, 9) + "\r\n";
  msg += "Message-ID: <" + mail.id + "@" + HeaderDomain(from.address) + ">\r\n";
  msg += "Auto-Submitted: auto-generated\r\n";
  msg += "MIME-Version: 1.0\r\n";
  if (!with_calendar) {
    msg += "Content-Type: text/plain; charset=utf-8\r\n";
    msg += "Content-Transfer-Encoding: quoted-printable\r\n";
    msg += "\r\n";
    msg += EncodeQuotedPrintable(mail.text);
    if (!msg.ends_with("\r\n")) msg += "\r\n";
  } else {
    // The text as the first part, the invitation as an attachment after it.
    // The CRLF before each "--boundary" belongs to the delimiter, not to the
    // part before it (RFC 2046 section 5.1.1). The method was checked by
    // ValidateOutgoingMail (REQUEST, CANCEL or PUBLISH).
    const std::string boundary = Boundary(mail.id);
    msg += "Content-Type: multipart/mixed;\r\n boundary=\"" + boundary + "\"\r\n";
    msg += "\r\n";
    msg += "--" + boundary + "\r\n";
    msg += "Content-Type: text/plain; charset=utf-8\r\n";
    msg += "Content-Transfer-Encoding: quoted-printable\r\n";
    msg += "\r\n";
    msg += EncodeQuotedPrintable(mail.text);
    msg += "\r\n--" + boundary + "\r\n";
    msg += "Content-Type: text/calendar; charset=UTF-8; method=" + mail.calendar_method + "\r\n";
    // Base64 keeps the calendar's CRLFs and long folded lines exactly as
    // written, through any relay.
    msg += "Content-Transfer-Encoding: base64\r\n";
    msg += std::string("Content-Disposition: attachment; filename=\"") +
           (mail.calendar_method == "CANCEL" ? "cancel.ics" : "invite.ics") + "\"\r\n";
    msg += "\r\n";
    msg += Base64Lines(mail.calendar);
    msg += "\r\n--" + boundary + "--\r\n";
  }
  // Defence in depth: every header line must be one we wrote above or the
  // continuation of one (starting with a space). A stray CR or LF inside a
  // value would have made a line of its own.
  static constexpr std::array<std::string_view, 9> kNames = {
      "Date: ",         "From: ",         "To: ",
      "Subject: ",      "Message-ID: ",   "Auto-Submitted: ",
      "MIME-Version: ", "Content-Type: ", "Content-Transfer-Encoding: "};
  // A multipart message has no transfer encoding of its own.
  const std::size_t header_count = with_calendar ? kNames.size() - 1 : kNames.size();
  const std::string_view head(msg.data(), msg.find("\r\n\r\n"));
  std::size_t named = 0;
  for (std::size_t p = 0; p <= head.size();) {
    std::size_t eol = head.find("\r\n", p);
    if (eol == std::string_view::npos) eol = head.size();
    const std::string_view line = head.substr(p, eol - p);
    if (line.find_first_of("\r\n") != std::string_view::npos) {
      return InvalidArgument("A header value contained a line break.");
    }
    if (!line.starts_with(' ')) {
      if (named >= header_count || !line.starts_with(kNames[named])) {
        return InvalidArgument("A header value contained a line break.");
      }
      ++named;
    }
    p = eol + 2;
  }
  return msg;
}

}  // namespace securebase::jobs
