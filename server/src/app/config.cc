#include "app/config.h"

#include <fmt/format.h>

#include <toml++/toml.h>
#include <algorithm>
#include <cctype>
#include <charconv>
#include <functional>
#include <set>

#include "common/log.h"
#include "domain/scheduling/booking_mail.h"
#include "jobs/mail_format.h"
#include "storage/database_url.h"

extern char** environ;

namespace securebase::app {
namespace {

enum class Kind { kString, kInt, kBool };

struct Spec {
  std::string key;
  Kind kind;
  std::string help;
  // Parses and stores the value; the error says what is wrong with it.
  std::function<Status(Config&, std::string_view)> apply;
};

std::string EnvName(std::string_view key) {
  std::string out = "SECUREBASE_";
  for (const char c : key) out += c == '.' ? '_' : static_cast<char>(std::toupper(c));
  return out;
}

Spec Text(std::string key, std::string Config::*field, std::string help,
          const std::function<Status(std::string_view)>& check = {}) {
  return Spec{std::move(key), Kind::kString, std::move(help),
              [field, check](Config& c, std::string_view v) -> Status {
                if (v.empty()) return InvalidArgument("must not be empty");
                if (check) {
                  if (auto ok = check(v); !ok) return ok;
                }
                c.*field = std::string(v);
                return {};
              }};
}

Spec Int(std::string key, std::int64_t Config::*field, std::int64_t min, std::int64_t max,
         std::string help) {
  return Spec{std::move(key), Kind::kInt, std::move(help),
              [field, min, max](Config& c, std::string_view v) -> Status {
                std::int64_t n = 0;
                const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
                if (ec != std::errc() || ptr != v.data() + v.size() || n < min || n > max) {
                  return InvalidArgument(
                      fmt::format("must be a whole number from {} to {} (got '{}')", min, max, v));
                }
                c.*field = n;
                return {};
              }};
}

Spec Bool(std::string key, bool Config::*field, std::string help) {
  return Spec{std::move(key), Kind::kBool, std::move(help),
              [field](Config& c, std::string_view v) -> Status {
                if (v == "true" || v == "1" || v == "yes")
                  c.*field = true;
                else if (v == "false" || v == "0" || v == "no")
                  c.*field = false;
                else
                  return InvalidArgument(fmt::format("must be true or false (got '{}')", v));
                return {};
              }};
}

Status CheckListen(std::string_view v) {
  Config probe;
  probe.listen = std::string(v);
  auto parsed = probe.ListenAddress();
  if (!parsed) return std::unexpected(parsed.error());
  return {};
}

Status CheckDatabase(std::string_view v) {
  auto parsed = storage::ParseDatabaseUrl(v);
  if (!parsed) return std::unexpected(parsed.error());
  return {};
}

Status OneOf(std::string_view v, std::initializer_list<std::string_view> allowed) {
  for (const auto a : allowed) {
    if (v == a) return {};
  }
  std::string list;
  for (const auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  return InvalidArgument(fmt::format("must be one of {} (got '{}')", list, v));
}

Status CheckPublicUrl(std::string_view v) {
  const bool scheme = v.starts_with("http://") || v.starts_with("https://");
  const auto rest = scheme ? v.substr(v.find("://") + 3) : std::string_view{};
  const auto slash = rest.find('/');
  if (rest.empty() || (slash != std::string_view::npos && slash + 1 != rest.size())) {
    return InvalidArgument(
        "must be http:// or https:// and a host, with no path (e.g. https://care.example.org)");
  }
  return {};
}

Status CheckMetricsToken(std::string_view v) {
  // A Bearer token travels in a header: printable ASCII without spaces, and
  // long enough that guessing is hopeless.
  const bool printable = std::all_of(v.begin(), v.end(), [](char c) { return c > ' ' && c < 127; });
  if (v.size() < 32 || !printable) {
    return InvalidArgument(
        "must be at least 32 characters without spaces, e.g. from openssl rand -hex 32");
  }
  return {};
}

Status CheckSmtpUrl(std::string_view v) {
  std::string lower(v);
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::size_t scheme = 0;
  if (lower.starts_with("smtps://")) scheme = 8;
  if (lower.starts_with("smtp://")) scheme = 7;
  if (scheme == 0 || v.size() == scheme || v[scheme] == '/' || v[scheme] == ':') {
    return InvalidArgument(
        "must be smtp://host:port (STARTTLS) or smtps://host:port, e.g. "
        "smtp://mail.example.org:587");
  }
  return {};
}

}  // namespace

Result<std::vector<int>> ParseReminderMinutes(std::string_view text) {
  std::vector<int> out;
  while (!text.empty()) {
    const auto comma = text.find(',');
    std::string_view part = text.substr(0, comma);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    int minutes = 0;
    const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), minutes);
    if (part.empty() || ec != std::errc() || end != part.data() + part.size() || minutes < 5 ||
        minutes > domain::kMaxReminderMinutes) {
      return InvalidArgument("must be whole minutes from 5 to 4320, separated by commas");
    }
    if (std::find(out.begin(), out.end(), minutes) == out.end()) out.push_back(minutes);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

namespace {

const std::vector<Spec>& Specs() {
  static const std::vector<Spec> specs = {
      Text("listen", &Config::listen, "Address and port to serve on, HOST:PORT.", CheckListen),
      Text("data_dir", &Config::data_dir, "Folder for the SQLite database, mail files and keys."),
      Text("database", &Config::database,
           "Database URL: sqlite:///path/securebase.db or postgresql://user:pass@host/db. "
           "Default: sqlite://<data_dir>/securebase.db.",
           CheckDatabase),
      Text("content", &Config::content, "Folder with the course, practices and other content."),
      Text("web_dir", &Config::web_dir, "Folder with the built web app (web/dist)."),
      Int("threads", &Config::threads, 0, 256, "I/O threads; 0 means one per core."),
      Int("blocking_threads", &Config::blocking_threads, 1, 256,
          "Threads for database work and password hashing."),
      Int("http.max_header_bytes", &Config::http_max_header_bytes, 1024, 1024 * 1024,
          "Largest request head accepted; larger gets 431."),
      Int("http.max_body_bytes", &Config::http_max_body_bytes, 1024, 64 * 1024 * 1024,
          "Largest request body accepted by default; larger gets 413."),
      Int("http.header_timeout_seconds", &Config::http_header_timeout_seconds, 1, 300,
          "Time a client has to send a whole request head."),
      Int("http.body_timeout_seconds", &Config::http_body_timeout_seconds, 1, 600,
          "Time a client has to send a request body."),
      Int("http.idle_timeout_seconds", &Config::http_idle_timeout_seconds, 1, 3600,
          "How long an idle keep-alive connection stays open."),
      Int("http.shutdown_grace_seconds", &Config::http_shutdown_grace_seconds, 0, 600,
          "On SIGTERM, how long requests in flight may take to finish."),
      Bool("http.tls", &Config::http_tls,
           "true when people reach the site over HTTPS: Secure cookies and "
           "Strict-Transport-Security. Default: true when http.public_url is https://; false "
           "beside an https:// address stops start-up."),
      Text("http.public_url", &Config::http_public_url,
           "The address people use to reach the site, e.g. https://care.example.org: links in "
           "mail point there, and only pages from there may change data. Default: "
           "http://<listen>.",
           CheckPublicUrl),
      Bool("http.trust_forwarded_for", &Config::http_trust_forwarded_for,
           "true behind a reverse proxy that sets X-Forwarded-For: sign-in attempts are then "
           "counted per client address rather than per proxy."),
      Int("hashing_threads", &Config::hashing_threads, 1, 64,
          "Threads for password hashing (each hash uses about 19 MiB for tens of ms)."),
      Int("hashing_queue", &Config::hashing_queue, 1, 100000,
          "Password hashes allowed to wait; beyond that, sign-in answers 503 (try again)."),
      Int("limits.sign_up_per_address", &Config::limits_sign_up_per_address, 0, 1000000,
          "Sign-ups per hour from one network address (0: no limit)."),
      Int("limits.sign_up_per_account", &Config::limits_sign_up_per_account, 0, 1000000,
          "Sign-ups per hour for one email address (0: no limit)."),
      Int("limits.password_forgot_per_address", &Config::limits_password_forgot_per_address, 0,
          1000000, "Password reset mails asked for per hour from one network address."),
      Int("limits.password_forgot_per_account", &Config::limits_password_forgot_per_account, 0,
          1000000, "Password reset mails asked for per hour for one email address."),
      Int("limits.password_reset_per_address", &Config::limits_password_reset_per_address, 0,
          1000000, "New passwords set with a reset link per hour from one network address."),
      Int("limits.booking_per_address", &Config::limits_booking_per_address, 0, 1000000,
          "Booking requests per hour from one network address."),
      Int("limits.booking_per_account", &Config::limits_booking_per_account, 0, 1000000,
          "Booking requests per hour by one account."),
      Int("limits.export_per_address", &Config::limits_export_per_address, 0, 1000000,
          "Downloads of a whole record (journal export) per hour from one network address."),
      Int("limits.export_per_account", &Config::limits_export_per_account, 0, 1000000,
          "Downloads of a whole record per hour by one account."),
      Int("session.learner_idle_minutes", &Config::session_learner_idle_minutes, 5, 60 * 24 * 90,
          "A learner's session ends after this long without use (default 14 days)."),
      Int("session.learner_absolute_minutes", &Config::session_learner_absolute_minutes, 5,
          60 * 24 * 365, "A learner's session ends this long after log-in (default 30 days)."),
      Int("session.practitioner_idle_minutes", &Config::session_practitioner_idle_minutes, 1,
          60 * 24, "The practitioner's session ends after this long without use (default 30)."),
      Int("session.practitioner_absolute_minutes", &Config::session_practitioner_absolute_minutes,
          5, 60 * 24 * 7,
          "The practitioner's session ends this long after log-in (default 12 hours)."),
      Text("metrics.token", &Config::metrics_token,
           "A secret that GET /metrics then asks for as \"Authorization: Bearer <token>\", "
           "from anywhere; at least 32 characters (openssl rand -hex 32). Unset: /metrics "
           "answers only a request from this machine's loopback that did not come through a "
           "proxy.",
           CheckMetricsToken),
      Text("log.level", &Config::log_level, "debug, info, warn or error.",
           [](std::string_view v) {
             return OneOf(v, {"debug", "info", "warn", "error"});
           }),
      Text("log.format", &Config::log_format, "json (one object per line) or text.",
           [](std::string_view v) {
             return OneOf(v, {"json", "text"});
           }),
      Bool("log.requests", &Config::log_requests, "Log one line per request (no personal data)."),
      Text("mail.from", &Config::mail_from,
           "Sender of the site's mail, e.g. \"Secure Base <no-reply@care.example.org>\".",
           [](std::string_view v) -> Status {
             auto parsed = jobs::ParseMailbox(v);
             if (!parsed) return std::unexpected(parsed.error());
             return {};
           }),
      Text("mail.smtp_url", &Config::mail_smtp_url,
           "SMTP server: smtp://host:587 (STARTTLS) or smtps://host:465. Unset: mail is written "
           "as .eml files under <data_dir>/mail.",
           CheckSmtpUrl),
      Text("mail.smtp_username", &Config::mail_smtp_username,
           "Log-in name for the SMTP server; unset: no log-in."),
      Text("mail.smtp_password", &Config::mail_smtp_password,
           "Password for the SMTP server (safer in the environment than in the file)."),
      Text("mail.smtp_ca_file", &Config::mail_smtp_ca_file,
           "PEM file of the CA that signed the SMTP server's certificate; unset: the system's."),
      Bool("mail.smtp_starttls", &Config::mail_smtp_starttls,
           "Require STARTTLS on smtp:// URLs. false sends mail unencrypted: only for a relay on "
           "this machine."),
      Int("mail.poll_seconds", &Config::mail_poll_seconds, 1, 3600,
          "How often the outbox is checked for mail to send."),
      Text("booking.reminder_minutes", &Config::booking_reminder_minutes,
           "Minutes before a session when reminders are mailed, comma-separated (\"1440,60\": a "
           "day and an hour before); each 5 to 4320 (3 days); empty: no reminders.",
           [](std::string_view v) -> Status {
             auto parsed = ParseReminderMinutes(v);
             if (!parsed) return std::unexpected(parsed.error());
             return {};
           }),
      Int("checkin.cadence_days", &Config::checkin_cadence_days, 1, 365,
          "Days after a learner's last check-in before Home offers a new one."),
      Int("notes.retention_days", &Config::notes_retention_days, 0, 36500,
          "Days the practitioner's session notes are kept after their last change; older ones "
          "are deleted (each on the audit log). 0: kept until she deletes them."),
      Text("test_clock_file", &Config::test_clock_file,
           "For automated tests only: a file holding seconds to add to the clock. Never set "
           "this in production."),
      Int("content_poll_seconds", &Config::content_poll_seconds, 1, 3600,
          "How often a running server checks whether `content import` has published new "
          "content."),
      Text("secrets.key_file", &Config::secrets_key_file,
           "The key file that seals journal entries, reflection answers and two-factor secrets; "
           "retired keys are the *.key files in the retired/ folder beside it. Default: "
           "<data_dir>/keys/secret.key."),
  };
  return specs;
}

const Spec* FindSpec(std::string_view key) {
  for (const auto& s : Specs()) {
    if (s.key == key) return &s;
  }
  return nullptr;
}

// Keys given anywhere (file, environment or flag), for settings whose
// default follows another's (http.tls).
using Given = std::set<std::string, std::less<>>;

Status Apply(Config& config, std::string_view key, std::string_view value, std::string_view where,
             Given& given) {
  const Spec* spec = FindSpec(key);
  if (!spec) return InvalidArgument(fmt::format("{}: unknown setting '{}'", where, key));
  if (auto ok = spec->apply(config, value); !ok) {
    return InvalidArgument(fmt::format("{}: {} {}", where, key, ok.error().message));
  }
  given.insert(std::string(key));
  return {};
}

// http.tls follows http.public_url unless it is given: an operator who puts
// the site at https://… gets Secure cookies and HSTS without a second
// setting to remember (forgetting it was the trap: cookies without Secure,
// no HSTS). Given as false beside an https:// address, the two contradict
// each other, and the server refuses to start rather than guess which is
// right: that is also how a misread file shows.
Status SettleTls(Config& config, const Given& given) {
  const bool https = config.PublicUrl().starts_with("https://");
  if (!given.contains("http.tls")) {
    config.http_tls = https;
    return {};
  }
  if (https && !config.http_tls) {
    return InvalidArgument(
        "http.public_url is https:// but http.tls is false, so browsers would get session "
        "cookies without Secure and no Strict-Transport-Security: remove http.tls (it then "
        "follows http.public_url) or set it to true.");
  }
  return {};
}

const char* KindName(Kind k) {
  switch (k) {
    case Kind::kString: return "text in quotes";
    case Kind::kInt: return "a whole number";
    case Kind::kBool: return "true or false";
  }
  return "a value";
}

// Walks the TOML file's tables, turning each leaf into key=text and checking
// its TOML type against the setting's kind.
Status ApplyTable(Config& config, const toml::table& table, const std::string& prefix,
                  const std::string& file, Given& given) {
  for (const auto& [k, node] : table) {
    const std::string key =
        prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
    const std::string where = fmt::format("{}:{}", file, node.source().begin.line);
    if (const auto* sub = node.as_table()) {
      if (auto ok = ApplyTable(config, *sub, key, file, given); !ok) return ok;
      continue;
    }
    const Spec* spec = FindSpec(key);
    if (!spec) return InvalidArgument(fmt::format("{}: unknown setting '{}'", where, key));
    std::string text;
    if (const auto* s = node.as_string(); s && spec->kind == Kind::kString) {
      text = s->get();
    } else if (const auto* i = node.as_integer(); i && spec->kind == Kind::kInt) {
      text = std::to_string(i->get());
    } else if (const auto* b = node.as_boolean(); b && spec->kind == Kind::kBool) {
      text = b->get() ? "true" : "false";
    } else {
      return InvalidArgument(fmt::format("{}: {} must be {}", where, key, KindName(spec->kind)));
    }
    if (auto ok = Apply(config, key, text, where, given); !ok) return ok;
  }
  return {};
}

}  // namespace

std::string Config::PublicUrl() const {
  std::string url = http_public_url.empty() ? "http://" + listen : http_public_url;
  while (url.ends_with('/')) url.pop_back();
  return url;
}

std::string Config::DatabaseUrl() const {
  return database.empty() ? "sqlite://" + data_dir + "/securebase.db" : database;
}

std::string Config::SecretsKeyFile() const {
  return secrets_key_file.empty() ? data_dir + "/keys/secret.key" : secrets_key_file;
}

Result<std::pair<std::string, std::uint16_t>> Config::ListenAddress() const {
  const auto colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    return InvalidArgument(
        fmt::format("must be HOST:PORT, like 127.0.0.1:8080 (got '{}')", listen));
  }
  std::string host = listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  const std::string port_text = listen.substr(colon + 1);
  unsigned port = 0;
  const auto [ptr, ec] =
      std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (ec != std::errc() || ptr != port_text.data() + port_text.size() || port > 65535) {
    return InvalidArgument(
        fmt::format("has a port that is not a number from 0 to 65535 (got '{}')", port_text));
  }
  return std::pair{host, static_cast<std::uint16_t>(port)};
}

const std::vector<SettingInfo>& AllSettings() {
  static const std::vector<SettingInfo> infos = [] {
    std::vector<SettingInfo> out;
    for (const auto& s : Specs()) out.push_back({s.key, EnvName(s.key), s.help});
    return out;
  }();
  return infos;
}

Result<Config> LoadConfig(const std::string& file, const std::vector<std::string>& environment,
                          const Overrides& flags) {
  Config config;
  Given given;
  if (!file.empty()) {
    toml::table table;
    try {
      table = toml::parse_file(file);
    } catch (const toml::parse_error& e) {
      return InvalidArgument(
          fmt::format("{}:{}: not valid TOML: {}", file, e.source().begin.line, e.description()));
    }
    if (auto ok = ApplyTable(config, table, "", file, given); !ok)
      return std::unexpected(ok.error());
  }
  for (const auto& entry : environment) {
    if (!entry.starts_with("SECUREBASE_")) continue;
    const auto eq = entry.find('=');
    const std::string name = entry.substr(0, eq);
    const std::string value = eq == std::string::npos ? "" : entry.substr(eq + 1);
    if (name == "SECUREBASE_CONFIG") continue;
    const SettingInfo* info = nullptr;
    for (const auto& s : AllSettings()) {
      if (s.env == name) info = &s;
    }
    if (!info) {
      return InvalidArgument(fmt::format(
          "environment: unknown variable {} (see deploy/securebase.example.toml)", name));
    }
    if (auto ok = Apply(config, info->key, value, "environment " + name, given); !ok) {
      return std::unexpected(ok.error());
    }
  }
  for (const auto& [key, value] : flags) {
    if (auto ok = Apply(config, key, value, "command line", given); !ok)
      return std::unexpected(ok.error());
  }
  if (auto ok = SettleTls(config, given); !ok) return std::unexpected(ok.error());
  return config;
}

std::vector<std::string> ProcessEnvironment() {
  std::vector<std::string> out;
  for (char** e = environ; e && *e; ++e) out.emplace_back(*e);
  return out;
}

}  // namespace securebase::app
