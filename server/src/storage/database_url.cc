#include "storage/database_url.h"

#include <algorithm>

namespace securebase::storage {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// postgresql://user:secret@host/db?password=x -> postgresql://user:***@host/db?password=***
std::string RedactPassword(std::string_view url) {
  std::string out(url);
  if (const auto scheme_end = out.find("://"); scheme_end != std::string::npos) {
    // Read the user info as PostgresKeywords does: it ends at the last '@'
    // before the path or query, so a raw '@' in the password is hidden too.
    const auto start = scheme_end + 3;
    const auto end = std::min(out.find_first_of("/?", start), out.size());
    const std::string_view authority = std::string_view(out).substr(start, end - start);
    const auto at = authority.rfind('@');
    const auto colon = authority.find(':');
    if (at != std::string_view::npos && colon < at) {
      out.replace(start + colon + 1, at - colon - 1, "***");
    }
  }
  for (auto pos = out.find("password="); pos != std::string::npos;
       pos = out.find("password=", pos + 1)) {
    const bool param = pos > 0 && (out[pos - 1] == '?' || out[pos - 1] == '&');
    if (!param) continue;
    const auto end = out.find('&', pos);
    out.replace(pos + 9, (end == std::string::npos ? out.size() : end) - pos - 9, "***");
  }
  return out;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Result<std::string> PercentDecode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out += s[i];
      continue;
    }
    const int hi = i + 2 < s.size() ? HexValue(s[i + 1]) : -1;
    const int lo = i + 2 < s.size() ? HexValue(s[i + 2]) : -1;
    if (hi < 0 || lo < 0) return InvalidArgument("The database URL has a broken %-escape.");
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return out;
}

// 'value' with \ and \' escaped, as libpq's keyword=value syntax wants.
void AppendKeyword(std::string& out, std::string_view key, std::string_view value) {
  if (!out.empty()) out += ' ';
  out += key;
  out += "='";
  for (const char c : value) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  out += '\'';
}

// postgresql://[user[:password]@][host][:port][/dbname][?key=value&...]
Result<std::string> PostgresKeywords(std::string_view url) {
  std::string_view rest = url.substr(url.find("://") + 3);
  std::string_view query;
  if (const auto q = rest.find('?'); q != std::string_view::npos) {
    query = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  std::string_view path;
  if (const auto slash = rest.find('/'); slash != std::string_view::npos) {
    path = rest.substr(slash + 1);
    rest = rest.substr(0, slash);
  }
  std::string out;
  const auto add = [&](std::string_view key, std::string_view raw) -> Status {
    if (raw.empty()) return {};
    auto decoded = PercentDecode(raw);
    if (!decoded) return std::unexpected(decoded.error());
    AppendKeyword(out, key, *decoded);
    return {};
  };
  if (const auto at = rest.rfind('@'); at != std::string_view::npos) {
    const std::string_view userinfo = rest.substr(0, at);
    rest = rest.substr(at + 1);
    const auto colon = userinfo.find(':');
    if (auto ok = add("user", userinfo.substr(0, colon)); !ok) return std::unexpected(ok.error());
    if (colon != std::string_view::npos) {
      if (auto ok = add("password", userinfo.substr(colon + 1)); !ok)
        return std::unexpected(ok.error());
    }
  }
  std::string_view host = rest, port;
  if (!rest.empty() && rest.front() == '[') {  // [IPv6]:port
    const auto close = rest.find(']');
    if (close == std::string_view::npos)
      return InvalidArgument("The database URL has an unclosed [IPv6] host.");
    host = rest.substr(1, close - 1);
    if (close + 1 < rest.size() && rest[close + 1] == ':') port = rest.substr(close + 2);
  } else if (const auto colon = rest.rfind(':'); colon != std::string_view::npos) {
    host = rest.substr(0, colon);
    port = rest.substr(colon + 1);
  }
  if (auto ok = add("host", host); !ok) return std::unexpected(ok.error());
  if (auto ok = add("port", port); !ok) return std::unexpected(ok.error());
  if (auto ok = add("dbname", path); !ok) return std::unexpected(ok.error());
  while (!query.empty()) {
    const auto amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    const auto eq = pair.find('=');
    if (eq == std::string_view::npos || eq == 0) {
      return InvalidArgument("The database URL's query must be key=value pairs.");
    }
    if (auto ok = add(pair.substr(0, eq), pair.substr(eq + 1)); !ok)
      return std::unexpected(ok.error());
  }
  return out;
}

}  // namespace

Result<DatabaseUrl> ParseDatabaseUrl(std::string_view url) {
  if (StartsWith(url, "sqlite://")) {
    std::string path(url.substr(9));
    if (path.empty()) {
      return InvalidArgument(
          "The database URL 'sqlite://' names no file; use sqlite:///path/to/securebase.db.");
    }
    return DatabaseUrl{Backend::kSqlite, path, std::string(url)};
  }
  if (StartsWith(url, "postgresql://") || StartsWith(url, "postgres://")) {
    auto keywords = PostgresKeywords(url);
    if (!keywords) return std::unexpected(keywords.error());
    return DatabaseUrl{Backend::kPostgresql, std::move(*keywords), RedactPassword(url)};
  }
  return InvalidArgument("The database URL must start with sqlite:// or postgresql://.");
}

}  // namespace securebase::storage
