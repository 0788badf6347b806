// Config: every setting of a Secure Base server, with where it came from.
//
// Precedence, lowest to highest: built-in defaults < the TOML file
// (--config FILE or SECUREBASE_CONFIG) < SECUREBASE_* environment variables
// < command-line flags. deploy/securebase.example.toml documents every key.
//
// Each key has exactly one environment twin: "http.max_body_bytes" is
// SECUREBASE_HTTP_MAX_BODY_BYTES. Unknown keys (in the file or as
// SECUREBASE_* variables) and bad values stop start-up with a message that
// names the key, where it was set, and what is wrong.
//
// Thread-safety: built once at start, then read-only.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "common/error.h"

namespace securebase::app {

struct Config {
  std::string listen = "127.0.0.1:8080";
  std::string data_dir = "./data";
  std::string database;  // empty: sqlite://<data_dir>/securebase.db
  std::string content = "./content";
  std::string web_dir = "./web/dist";
  std::int64_t threads = 0;           // I/O threads; 0 = one per core
  std::int64_t blocking_threads = 4;  // database and hashing work

  std::int64_t http_max_header_bytes = 16 * 1024;
  std::int64_t http_max_body_bytes = 1024 * 1024;
  std::int64_t http_header_timeout_seconds = 10;
  std::int64_t http_body_timeout_seconds = 30;
  std::int64_t http_idle_timeout_seconds = 75;
  std::int64_t http_shutdown_grace_seconds = 10;
  // Reached over HTTPS (a proxy terminates TLS): Secure cookies and HSTS.
  // LoadConfig makes it follow an https:// http_public_url unless it is
  // given, and refuses it given as false beside one.
  bool http_tls = false;
  std::string http_public_url;            // empty: http://<listen>
  bool http_trust_forwarded_for = false;  // a proxy in front sets X-Forwarded-For
  std::int64_t hashing_threads = 2;
  std::int64_t hashing_queue = 32;

  // Rate limits per hour (domain/limits/rate_limits.h), per network address
  // and per account; 0: none.
  std::int64_t limits_sign_up_per_address = 20;
  std::int64_t limits_sign_up_per_account = 5;
  std::int64_t limits_password_forgot_per_address = 20;
  std::int64_t limits_password_forgot_per_account = 5;
  std::int64_t limits_password_reset_per_address = 30;
  std::int64_t limits_booking_per_address = 60;
  std::int64_t limits_booking_per_account = 20;
  std::int64_t limits_export_per_address = 30;
  std::int64_t limits_export_per_account = 10;

  // Session lifetimes (docs/privacy.md says why these defaults).
  std::int64_t session_learner_idle_minutes = 60 * 24 * 14;
  std::int64_t session_learner_absolute_minutes = 60 * 24 * 30;
  std::int64_t session_practitioner_idle_minutes = 30;
  std::int64_t session_practitioner_absolute_minutes = 60 * 12;

  // The Bearer token GET /metrics asks for; empty: /metrics answers only a
  // direct loopback peer (api/metrics_access.h).
  std::string metrics_token;

  std::string log_level = "info";
  std::string log_format = "json";
  bool log_requests = true;

  // Outgoing mail (jobs/): without an SMTP URL, each message is written as
  // an .eml file under <data_dir>/mail.
  std::string mail_from = "Secure Base <no-reply@localhost>";
  std::string mail_smtp_url;  // smtp://host:587 (STARTTLS) or smtps://host:465
  std::string mail_smtp_username;
  std::string mail_smtp_password;
  std::string mail_smtp_ca_file;  // empty: the system's CAs
  bool mail_smtp_starttls = true;
  std::int64_t mail_poll_seconds = 5;
  // Minutes before a session when its reminders go, comma-separated
  // ("1440,60": a day and an hour before); empty: none.
  std::string booking_reminder_minutes = "1440,60";
  // Days after a learner's last check-in before Home offers a new one.
  std::int64_t checkin_cadence_days = 28;
  // Days the practitioner's session notes are kept after their last change;
  // older ones are deleted by housekeeping (domain/notes/note_retention.h).
  // 0: kept until she deletes them.
  std::int64_t notes_retention_days = 0;
  std::int64_t content_poll_seconds = 5;
  // The key that seals sensitive text (common/secret_box.h); empty:
  // <data_dir>/keys/secret.key. Retired keys are the *.key files in the
  // "retired" folder beside it (app/secret_keys.h).
  std::string secrets_key_file;
  std::string test_clock_file;  // tests only: app/test_clock.h

  // The site's public address without a trailing slash, after defaults.
  std::string PublicUrl() const;
  // The database URL after defaults are applied.
  std::string DatabaseUrl() const;
  // The key file after defaults are applied.
  std::string SecretsKeyFile() const;
  // host and port from `listen`.
  Result<std::pair<std::string, std::uint16_t>> ListenAddress() const;
};

// A setting's description, for validation and the documentation test.
struct SettingInfo {
  std::string key;  // "http.max_body_bytes"
  std::string env;  // "SECUREBASE_HTTP_MAX_BODY_BYTES"
  std::string help;
};
const std::vector<SettingInfo>& AllSettings();

// Flags given on the command line, by key ("listen", "database"...).
using Overrides = std::map<std::string, std::string>;

// Builds the config from a file (may be empty: none), the environment
// (`environ` style "NAME=value" strings) and command-line overrides.
Result<Config> LoadConfig(const std::string& file, const std::vector<std::string>& environment,
                          const Overrides& flags);

// The current process environment as "NAME=value" strings.
std::vector<std::string> ProcessEnvironment();

// "1440,60" → {1440, 60}: booking.reminder_minutes read (and checked).
Result<std::vector<int>> ParseReminderMinutes(std::string_view text);

}  // namespace securebase::app
