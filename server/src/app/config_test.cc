#include "app/config.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "storage/database_url.h"
#include "support/source_dir.h"

namespace securebase::app {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::StartsWith;

// A TOML file in a fresh temporary folder, removed afterwards.
class TempToml {
 public:
  explicit TempToml(const std::string& text) {
    static std::atomic<int> counter{0};
    dir_ = fs::temp_directory_path() /
           ("sb-config-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "securebase.toml").string();
    std::ofstream(path_) << text;
  }
  ~TempToml() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  TempToml(const TempToml&) = delete;
  TempToml& operator=(const TempToml&) = delete;
  const std::string& path() const { return path_; }

 private:
  fs::path dir_;
  std::string path_;
};

// The error message of a config that must fail to load.
std::string LoadError(const std::string& file, const std::vector<std::string>& env,
                      const Overrides& flags) {
  const auto config = LoadConfig(file, env, flags);
  EXPECT_FALSE(config.has_value());
  if (config.has_value()) return "";
  EXPECT_EQ(config.error().code, ErrorCode::kInvalidArgument);
  return config.error().message;
}

TEST(LoadConfig, DefaultsWithNoFileEnvironmentOrFlags) {
  const auto config = LoadConfig("", {}, {});
  ASSERT_TRUE(config.has_value()) << config.error().message;
  EXPECT_EQ(config->listen, "127.0.0.1:8080");
  EXPECT_EQ(config->data_dir, "./data");
  EXPECT_EQ(config->database, "");
  EXPECT_EQ(config->content, "./content");
  EXPECT_EQ(config->web_dir, "./web/dist");
  EXPECT_EQ(config->threads, 0);
  EXPECT_EQ(config->blocking_threads, 4);
  EXPECT_EQ(config->http_max_header_bytes, 16 * 1024);
  EXPECT_EQ(config->http_max_body_bytes, 1024 * 1024);
  EXPECT_EQ(config->http_header_timeout_seconds, 10);
  EXPECT_EQ(config->http_body_timeout_seconds, 30);
  EXPECT_EQ(config->http_idle_timeout_seconds, 75);
  EXPECT_EQ(config->http_shutdown_grace_seconds, 10);
  EXPECT_FALSE(config->http_tls);
  EXPECT_EQ(config->log_level, "info");
  EXPECT_EQ(config->log_format, "json");
  EXPECT_TRUE(config->log_requests);
  // The defaults themselves pass validation.
  EXPECT_TRUE(config->ListenAddress().has_value());
  EXPECT_TRUE(storage::ParseDatabaseUrl(config->DatabaseUrl()).has_value());
}

TEST(LoadConfig, FileThenEnvironmentThenFlags) {
  TempToml file(
      "listen = \"127.0.0.1:1000\"\n"
      "threads = 2\n"
      "blocking_threads = 3\n"
      "\n"
      "[http]\n"
      "max_body_bytes = 2048\n"
      "tls = true\n"
      "\n"
      "[log]\n"
      "level = \"warn\"\n");
  const std::vector<std::string> env = {
      "PATH=/usr/bin",
      "SECUREBASE_LISTEN=127.0.0.1:2000",
      "SECUREBASE_THREADS=5",
      "SECUREBASE_LOG_FORMAT=text",
  };
  const Overrides flags = {{"listen", "127.0.0.1:3000"}, {"log.level", "debug"}};

  const auto config = LoadConfig(file.path(), env, flags);
  ASSERT_TRUE(config.has_value()) << config.error().message;
  EXPECT_EQ(config->listen, "127.0.0.1:3000");          // file < env < flag
  EXPECT_EQ(config->log_level, "debug");                // file < flag
  EXPECT_EQ(config->threads, 5);                        // file < env
  EXPECT_EQ(config->log_format, "text");                // default < env
  EXPECT_EQ(config->blocking_threads, 3);               // file only
  EXPECT_EQ(config->http_max_body_bytes, 2048);         // file only, in a table
  EXPECT_TRUE(config->http_tls);                        // file only
  EXPECT_EQ(config->http_max_header_bytes, 16 * 1024);  // default

  // The same file alone, and the file with the environment.
  const auto file_only = LoadConfig(file.path(), {}, {});
  ASSERT_TRUE(file_only.has_value()) << file_only.error().message;
  EXPECT_EQ(file_only->listen, "127.0.0.1:1000");
  const auto file_env = LoadConfig(file.path(), env, {});
  ASSERT_TRUE(file_env.has_value()) << file_env.error().message;
  EXPECT_EQ(file_env->listen, "127.0.0.1:2000");
}

TEST(LoadConfig, DottedKeysInTheFileWorkLikeTables) {
  TempToml file("http.idle_timeout_seconds = 5\nlog.requests = false\n");
  const auto config = LoadConfig(file.path(), {}, {});
  ASSERT_TRUE(config.has_value()) << config.error().message;
  EXPECT_EQ(config->http_idle_timeout_seconds, 5);
  EXPECT_FALSE(config->log_requests);
}

TEST(LoadConfig, UnknownKeyInFileNamesTheKeyAndLine) {
  TempToml file(
      "# Secure Base\n"
      "[http]\n"
      "max_bodybytes = 2048\n");
  EXPECT_EQ(LoadError(file.path(), {}, {}),
            file.path() + ":3: unknown setting 'http.max_bodybytes'");
}

TEST(LoadConfig, UnknownTopLevelKeyAndUnknownTable) {
  TempToml top("listen = \"127.0.0.1:1\"\nlisten_port = 1\n");
  EXPECT_EQ(LoadError(top.path(), {}, {}), top.path() + ":2: unknown setting 'listen_port'");
  TempToml table("\n[smtp]\nhost = \"mail\"\n");
  EXPECT_EQ(LoadError(table.path(), {}, {}), table.path() + ":3: unknown setting 'smtp.host'");
}

TEST(LoadConfig, WrongTomlTypeNamesKeyLineAndExpectedType) {
  TempToml quoted_number("threads = \"4\"\n");
  EXPECT_EQ(LoadError(quoted_number.path(), {}, {}),
            quoted_number.path() + ":1: threads must be a whole number");
  TempToml bare_port("\nlisten = 8080\n");
  EXPECT_EQ(LoadError(bare_port.path(), {}, {}),
            bare_port.path() + ":2: listen must be text in quotes");
  TempToml text_bool("[http]\ntls = \"yes\"\n");
  EXPECT_EQ(LoadError(text_bool.path(), {}, {}),
            text_bool.path() + ":2: http.tls must be true or false");
  TempToml float_int("blocking_threads = 2.5\n");
  EXPECT_THAT(LoadError(float_int.path(), {}, {}),
              HasSubstr(":1: blocking_threads must be a whole number"));
  TempToml table_for_text("[listen]\nhost = \"x\"\n");
  EXPECT_THAT(LoadError(table_for_text.path(), {}, {}), HasSubstr("unknown setting 'listen.host'"));
}

TEST(LoadConfig, InvalidTomlFileNamesTheLine) {
  TempToml file("listen = \"127.0.0.1:8080\"\nthreads = = 2\n");
  const std::string error = LoadError(file.path(), {}, {});
  EXPECT_THAT(error, StartsWith(file.path() + ":2: not valid TOML"));
}

TEST(LoadConfig, MissingFileIsAnErrorNamingIt) {
  const std::string missing = (fs::temp_directory_path() / "sb-no-such-config.toml").string();
  EXPECT_THAT(LoadError(missing, {}, {}), HasSubstr(missing));
}

TEST(LoadConfig, OutOfRangeNumbersAreRefusedFromEverySource) {
  TempToml file("threads = 300\n");
  EXPECT_EQ(LoadError(file.path(), {}, {}),
            file.path() + ":1: threads must be a whole number from 0 to 256 (got '300')");
  EXPECT_EQ(LoadError("", {"SECUREBASE_BLOCKING_THREADS=0"}, {}),
            "environment SECUREBASE_BLOCKING_THREADS: blocking_threads must be a whole number "
            "from 1 to 256 (got '0')");
  EXPECT_EQ(LoadError("", {}, {{"http.max_header_bytes", "1023"}}),
            "command line: http.max_header_bytes must be a whole number from 1024 to 1048576 "
            "(got '1023')");
  // The bounds themselves are allowed.
  const auto edge = LoadConfig("", {"SECUREBASE_THREADS=256", "SECUREBASE_BLOCKING_THREADS=1"},
                               {{"http.max_header_bytes", "1024"}});
  ASSERT_TRUE(edge.has_value()) << edge.error().message;
  EXPECT_EQ(edge->threads, 256);
  EXPECT_EQ(edge->blocking_threads, 1);
  EXPECT_EQ(edge->http_max_header_bytes, 1024);
}

TEST(LoadConfig, NonNumericAndNonBooleanTextIsRefused) {
  for (const char* v : {"four", "4x", "", " 4", "-1", "99999999999999999999999"}) {
    const auto config = LoadConfig("", {std::string("SECUREBASE_THREADS=") + v}, {});
    EXPECT_FALSE(config.has_value()) << "'" << v << "'";
  }
  EXPECT_THAT(LoadError("", {"SECUREBASE_HTTP_TLS=maybe"}, {}),
              HasSubstr("http.tls must be true or false (got 'maybe')"));
  for (const auto& [text, want] : std::vector<std::pair<std::string, bool>>{{"true", true},
                                                                            {"1", true},
                                                                            {"yes", true},
                                                                            {"false", false},
                                                                            {"0", false},
                                                                            {"no", false}}) {
    const auto config = LoadConfig("", {"SECUREBASE_HTTP_TLS=" + text}, {});
    ASSERT_TRUE(config.has_value()) << text;
    EXPECT_EQ(config->http_tls, want) << text;
  }
}

TEST(LoadConfig, UnknownSecurebaseEnvironmentVariableIsRefused) {
  EXPECT_EQ(LoadError("", {"SECUREBASE_LISTEN_PORT=8080"}, {}),
            "environment: unknown variable SECUREBASE_LISTEN_PORT (see "
            "deploy/securebase.example.toml)");
  EXPECT_THAT(LoadError("", {"SECUREBASE_HTTP_MAX_BODYBYTES=2048"}, {}),
              HasSubstr("SECUREBASE_HTTP_MAX_BODYBYTES"));
}

TEST(LoadConfig, OtherEnvironmentVariablesAndSecurebaseConfigAreIgnored) {
  const auto config = LoadConfig("",
                                 {"SECUREBASE_CONFIG=/etc/securebase.toml", "HOME=/root",
                                  "securebase_listen=x", "MY_SECUREBASE_LISTEN=x", "SECUREBASE"},
                                 {});
  ASSERT_TRUE(config.has_value()) << config.error().message;
  EXPECT_EQ(config->listen, "127.0.0.1:8080");
}

TEST(LoadConfig, EmptyTextValuesAreRefused) {
  EXPECT_EQ(LoadError("", {"SECUREBASE_DATA_DIR="}, {}),
            "environment SECUREBASE_DATA_DIR: data_dir must not be empty");
  TempToml file("content = \"\"\n");
  EXPECT_EQ(LoadError(file.path(), {}, {}), file.path() + ":1: content must not be empty");
}

TEST(LoadConfig, UnknownFlagIsRefused) {
  EXPECT_EQ(LoadError("", {}, {{"port", "8080"}}), "command line: unknown setting 'port'");
}

TEST(LoadConfig, LogLevelAndFormatMustBeKnown) {
  EXPECT_EQ(LoadError("", {}, {{"log.level", "verbose"}}),
            "command line: log.level must be one of debug, info, warn, error (got 'verbose')");
  EXPECT_EQ(LoadError("", {"SECUREBASE_LOG_FORMAT=xml"}, {}),
            "environment SECUREBASE_LOG_FORMAT: log.format must be one of json, text (got 'xml')");
}

TEST(LoadConfig, ListenValues) {
  for (const char* bad :
       {"8080", "host:99999", "host:65536", ":8080", "host:", "host:80x", "host:-1", "[::1]"}) {
    EXPECT_THAT(LoadError("", {}, {{"listen", bad}}), StartsWith("command line: listen ")) << bad;
  }
  struct Good {
    const char* listen;
    const char* host;
    std::uint16_t port;
  };
  for (const Good& g :
       {Good{"[::1]:8080", "::1", 8080}, Good{"0.0.0.0:0", "0.0.0.0", 0},
        Good{"localhost:65535", "localhost", 65535}, Good{"127.0.0.1:8080", "127.0.0.1", 8080}}) {
    const auto config = LoadConfig("", {}, {{"listen", g.listen}});
    ASSERT_TRUE(config.has_value()) << g.listen << ": " << config.error().message;
    const auto address = config->ListenAddress();
    ASSERT_TRUE(address.has_value()) << g.listen;
    EXPECT_EQ(address->first, g.host);
    EXPECT_EQ(address->second, g.port);
  }
}

TEST(LoadConfig, ListenErrorsSayWhatIsWrong) {
  EXPECT_THAT(LoadError("", {}, {{"listen", "8080"}}), HasSubstr("must be HOST:PORT"));
  EXPECT_THAT(LoadError("", {}, {{"listen", "host:99999"}}),
              HasSubstr("not a number from 0 to 65535 (got '99999')"));
}

TEST(LoadConfig, DatabaseUrlIsValidated) {
  EXPECT_THAT(LoadError("", {}, {{"database", "mysql://root@localhost/securebase"}}),
              HasSubstr("sqlite:// or postgresql://"));
  EXPECT_THAT(LoadError("", {"SECUREBASE_DATABASE=sqlite://"}, {}),
              StartsWith("environment SECUREBASE_DATABASE: database "));
  const auto pg = LoadConfig("", {}, {{"database", "postgresql://sb:pw@localhost/securebase"}});
  ASSERT_TRUE(pg.has_value()) << pg.error().message;
  EXPECT_EQ(pg->DatabaseUrl(), "postgresql://sb:pw@localhost/securebase");
}

TEST(Config, DatabaseUrlDefaultsToSqliteInTheDataDir) {
  Config config;
  EXPECT_EQ(config.DatabaseUrl(), "sqlite://./data/securebase.db");
  config.data_dir = "/var/lib/securebase";
  EXPECT_EQ(config.DatabaseUrl(), "sqlite:///var/lib/securebase/securebase.db");
  const auto parsed = storage::ParseDatabaseUrl(config.DatabaseUrl());
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->backend, storage::Backend::kSqlite);
  EXPECT_EQ(parsed->target, "/var/lib/securebase/securebase.db");
  config.database = "sqlite:///elsewhere.db";
  EXPECT_EQ(config.DatabaseUrl(), "sqlite:///elsewhere.db");
}

TEST(AllSettings, EachKeyHasOneEnvironmentTwin) {
  std::set<std::string> keys, envs;
  for (const auto& s : AllSettings()) {
    std::string want = "SECUREBASE_";
    for (const char c : s.key) want += c == '.' ? '_' : static_cast<char>(std::toupper(c));
    EXPECT_EQ(s.env, want);
    EXPECT_FALSE(s.help.empty()) << s.key;
    EXPECT_TRUE(keys.insert(s.key).second) << s.key;
    EXPECT_TRUE(envs.insert(s.env).second) << s.env;
  }
  EXPECT_TRUE(keys.contains("http.max_body_bytes"));
  EXPECT_TRUE(envs.contains("SECUREBASE_HTTP_MAX_BODY_BYTES"));
  EXPECT_FALSE(envs.contains("SECUREBASE_CONFIG"));
}

// A valid value for each setting, for the test below.
std::string SampleValue(const std::string& key) {
  if (key == "mail.from") return "Praxis <praxis@example.org>";
  if (key == "mail.smtp_url") return "smtps://mail.example.org:465";
  if (key == "mail.smtp_starttls") return "false";
  if (key == "listen") return "127.0.0.1:9999";
  if (key == "database") return "sqlite:///tmp/x.db";
  if (key == "log.level") return "error";
  if (key == "log.format") return "text";
  if (key == "http.tls" || key == "log.requests" || key == "http.trust_forwarded_for")
    return "true";
  if (key == "http.public_url") return "https://care.example.org";
  if (key == "data_dir" || key == "content" || key == "web_dir") return "/srv/x";
  if (key == "secrets.key_file") return "/etc/securebase/keys/secret.key";
  if (key == "metrics.token") return std::string(64, 'a');
  if (key.ends_with("_bytes")) return "2048";
  return "7";  // threads and timeouts
}

TEST(Config, PublicUrlDefaultsToTheListenAddressAndRefusesPaths) {
  auto plain = LoadConfig("", {}, {{"listen", "127.0.0.1:9090"}});
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->PublicUrl(), "http://127.0.0.1:9090");
  auto set = LoadConfig("", {"SECUREBASE_HTTP_PUBLIC_URL=https://care.example.org/"}, {});
  ASSERT_TRUE(set);
  EXPECT_EQ(set->PublicUrl(), "https://care.example.org");
  for (const char* bad : {"care.example.org", "https://", "https://care.example.org/app",
                          "ftp://care.example.org", "7"}) {
    EXPECT_FALSE(LoadConfig("", {}, {{"http.public_url", bad}})) << bad;
  }
}

TEST(Config, TlsFollowsThePublicUrlUnlessGiven) {
  EXPECT_FALSE(LoadConfig("", {}, {})->http_tls);
  EXPECT_FALSE(LoadConfig("", {}, {{"http.public_url", "http://127.0.0.1:8080"}})->http_tls);
  EXPECT_TRUE(
      LoadConfig("", {"SECUREBASE_HTTP_PUBLIC_URL=https://care.example.org"}, {})->http_tls);
  TempToml file("[http]\npublic_url = \"https://care.example.org\"\n");
  EXPECT_TRUE(LoadConfig(file.path(), {}, {})->http_tls);
  // Given, it is kept where it agrees with the address (true behind plain
  // HTTP is the operator's choice, e.g. a proxy on another name).
  EXPECT_TRUE(LoadConfig(file.path(), {"SECUREBASE_HTTP_TLS=true"}, {})->http_tls);
  EXPECT_TRUE(LoadConfig("", {}, {{"http.tls", "true"}})->http_tls);
}

TEST(Config, AnHttpsPublicUrlWithTlsFalseStopsStartUpSayingWhy) {
  const std::string want =
      "http.public_url is https:// but http.tls is false, so browsers would get session cookies "
      "without Secure and no Strict-Transport-Security: remove http.tls (it then follows "
      "http.public_url) or set it to true.";
  TempToml both("[http]\ntls = false\npublic_url = \"https://care.example.org\"\n");
  EXPECT_EQ(LoadError(both.path(), {}, {}), want);
  EXPECT_EQ(
      LoadError(
          "", {"SECUREBASE_HTTP_PUBLIC_URL=https://care.example.org", "SECUREBASE_HTTP_TLS=false"},
          {}),
      want);
  // From different places: the file's address, a flag's false.
  TempToml url("[http]\npublic_url = \"https://care.example.org/\"\n");
  EXPECT_EQ(LoadError(url.path(), {}, {{"http.tls", "no"}}), want);
  // A later source that makes them agree settles it.
  EXPECT_TRUE(LoadConfig(both.path(), {"SECUREBASE_HTTP_TLS=true"}, {})->http_tls);
  EXPECT_FALSE(
      LoadConfig(both.path(), {}, {{"http.public_url", "http://127.0.0.1:8080"}})->http_tls);
}

TEST(Config, AMetricsTokenIsLongAndHasNoSpaces) {
  EXPECT_EQ(LoadConfig("", {}, {})->metrics_token, "");
  const std::string token = "0123456789abcdef0123456789abcdef";
  EXPECT_EQ(LoadConfig("", {"SECUREBASE_METRICS_TOKEN=" + token}, {})->metrics_token, token);
  EXPECT_EQ(LoadError("", {}, {{"metrics.token", token.substr(1)}}),
            "command line: metrics.token must be at least 32 characters without spaces, e.g. "
            "from openssl rand -hex 32");
  EXPECT_FALSE(LoadConfig("", {}, {{"metrics.token", token + " x"}}));
  EXPECT_FALSE(LoadConfig("", {}, {{"metrics.token", token + "\n"}}));
}

TEST(AllSettings, EverySettingCanBeSetThroughItsEnvironmentVariable) {
  for (const auto& s : AllSettings()) {
    const std::string value = SampleValue(s.key);
    const auto config = LoadConfig("", {s.env + "=" + value}, {});
    EXPECT_TRUE(config.has_value()) << s.env << "=" << value << ": " << config.error().message;
    // And the same value as a flag gives the same result.
    const auto flagged = LoadConfig("", {}, {{s.key, value}});
    EXPECT_TRUE(flagged.has_value()) << s.key << "=" << value;
  }
}

// Keys written in the example file, including commented-out ones
// ("# threads = 0"), qualified by the [table] they sit in.
std::set<std::string> KeysInExample(const std::string& text) {
  std::set<std::string> keys;
  const std::regex table(R"(^\s*#?\s*\[([a-z_.]+)\]\s*(#.*)?$)");
  const std::regex key(R"(^\s*#?\s*([a-z_][a-z0-9_.]*)\s*=)");
  std::string section;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (std::regex_search(line, m, table)) {
      section = m[1];
    } else if (std::regex_search(line, m, key)) {
      keys.insert(section.empty() ? std::string(m[1]) : section + "." + std::string(m[1]));
    }
  }
  return keys;
}

TEST(AllSettings, ExampleKeyScannerReadsTablesAndCommentedOutKeys) {
  const auto keys = KeysInExample(
      "# Secure Base settings\n"
      "listen = \"127.0.0.1:8080\"\n"
      "# threads = 0\n"
      "#data_dir=\"./data\"\n"
      "# This line mentions a word = but is prose? no: 'mentions a word' has spaces\n"
      "\n"
      "[http]\n"
      "max_body_bytes = 1048576  # 1 MiB\n"
      "# tls = false\n"
      "# [log]\n"
      "level = \"info\"\n");
  EXPECT_EQ(keys, (std::set<std::string>{"listen", "threads", "data_dir", "http.max_body_bytes",
                                         "http.tls", "log.level"}));
}

TEST(AllSettings, EveryKeyIsDocumentedInTheExampleFile) {
  const fs::path example = securebase::testing::SourceDir() / "deploy" / "securebase.example.toml";
  std::ifstream in(example);
  ASSERT_TRUE(in) << example << " is missing";
  std::stringstream text;
  text << in.rdbuf();
  const auto keys = KeysInExample(text.str());
  for (const auto& s : AllSettings()) {
    EXPECT_TRUE(keys.contains(s.key)) << s.key << " is not in " << example;
  }
  // The example itself is a valid config file, and it shows the defaults.
  const auto config = LoadConfig(example.string(), {}, {});
  ASSERT_TRUE(config.has_value()) << config.error().message;
  const Config defaults;
  EXPECT_EQ(config->listen, defaults.listen);
  EXPECT_EQ(config->data_dir, defaults.data_dir);
  EXPECT_EQ(config->DatabaseUrl(), defaults.DatabaseUrl());
  EXPECT_EQ(config->content, defaults.content);
  EXPECT_EQ(config->web_dir, defaults.web_dir);
  EXPECT_EQ(config->threads, defaults.threads);
  EXPECT_EQ(config->blocking_threads, defaults.blocking_threads);
  EXPECT_EQ(config->http_max_header_bytes, defaults.http_max_header_bytes);
  EXPECT_EQ(config->http_max_body_bytes, defaults.http_max_body_bytes);
  EXPECT_EQ(config->http_header_timeout_seconds, defaults.http_header_timeout_seconds);
  EXPECT_EQ(config->http_body_timeout_seconds, defaults.http_body_timeout_seconds);
  EXPECT_EQ(config->http_idle_timeout_seconds, defaults.http_idle_timeout_seconds);
  EXPECT_EQ(config->http_shutdown_grace_seconds, defaults.http_shutdown_grace_seconds);
  EXPECT_EQ(config->http_tls, defaults.http_tls);
  EXPECT_EQ(config->log_level, defaults.log_level);
  EXPECT_EQ(config->log_format, defaults.log_format);
  EXPECT_EQ(config->log_requests, defaults.log_requests);
  EXPECT_EQ(config->mail_from, defaults.mail_from);
  EXPECT_EQ(config->mail_smtp_url, defaults.mail_smtp_url);
  EXPECT_EQ(config->mail_smtp_starttls, defaults.mail_smtp_starttls);
  EXPECT_EQ(config->mail_poll_seconds, defaults.mail_poll_seconds);
  EXPECT_EQ(config->SecretsKeyFile(), defaults.SecretsKeyFile());
}

TEST(LoadConfig, MailDefaultsToFilesFromALocalSender) {
  const auto config = LoadConfig("", {}, {});
  ASSERT_TRUE(config.has_value()) << config.error().message;
  EXPECT_EQ(config->mail_from, "Secure Base <no-reply@localhost>");
  EXPECT_EQ(config->mail_smtp_url, "");
  EXPECT_EQ(config->mail_smtp_username, "");
  EXPECT_EQ(config->mail_smtp_password, "");
  EXPECT_EQ(config->mail_smtp_ca_file, "");
  EXPECT_TRUE(config->mail_smtp_starttls);
  EXPECT_EQ(config->mail_poll_seconds, 5);
}

TEST(LoadConfig, MailSettingsComeFromTheFileAndTheEnvironment) {
  TempToml file(
      "[mail]\n"
      "from = \"Praxis Zoë <praxis@example.org>\"\n"
      "smtp_url = \"smtp://mail.example.org:587\"\n"
      "smtp_username = \"praxis\"\n"
      "smtp_ca_file = \"/etc/ssl/mail-ca.pem\"\n"
      "smtp_starttls = true\n"
      "poll_seconds = 2\n");
  const auto config =
      LoadConfig(file.path(), {"SECUREBASE_MAIL_SMTP_PASSWORD=a secret from the environment"}, {});
  ASSERT_TRUE(config.has_value()) << config.error().message;
  EXPECT_EQ(config->mail_from, "Praxis Zoë <praxis@example.org>");
  EXPECT_EQ(config->mail_smtp_url, "smtp://mail.example.org:587");
  EXPECT_EQ(config->mail_smtp_username, "praxis");
  EXPECT_EQ(config->mail_smtp_password, "a secret from the environment");
  EXPECT_EQ(config->mail_smtp_ca_file, "/etc/ssl/mail-ca.pem");
  EXPECT_EQ(config->mail_poll_seconds, 2);
}

TEST(LoadConfig, MailSenderAndServerAreChecked) {
  EXPECT_THAT(LoadError("", {"SECUREBASE_MAIL_FROM=Secure Base"}, {}),
              StartsWith("environment SECUREBASE_MAIL_FROM: mail.from "));
  EXPECT_THAT(LoadError("", {}, {{"mail.from", "a <b@c>, d@e"}}),
              StartsWith("command line: mail.from "));
  for (const char* bad : {"mail.example.org:587", "http://mail.example.org", "smtp://",
                          "smtps://:465", "smtp:///x"}) {
    EXPECT_THAT(LoadError("", {}, {{"mail.smtp_url", bad}}),
                HasSubstr("mail.smtp_url must be smtp://host:port"))
        << bad;
  }
  TempToml file("[mail]\nsmtp_starttls = \"no\"\n");
  EXPECT_EQ(LoadError(file.path(), {}, {}),
            file.path() + ":2: mail.smtp_starttls must be true or false");
  EXPECT_THAT(LoadError("", {"SECUREBASE_MAIL_POLL_SECONDS=0"}, {}),
              HasSubstr("mail.poll_seconds must be a whole number from 1 to 3600"));
  const auto off = LoadConfig(
      "", {"SECUREBASE_MAIL_SMTP_STARTTLS=false", "SECUREBASE_MAIL_SMTP_URL=SMTP://127.0.0.1:25"},
      {});
  ASSERT_TRUE(off.has_value()) << off.error().message;
  EXPECT_FALSE(off->mail_smtp_starttls);
}

TEST(LoadConfig, TheKeyFileDefaultsToTheDataFolderAndCanLiveElsewhere) {
  const auto defaults = LoadConfig("", {}, {});
  ASSERT_TRUE(defaults.has_value()) << defaults.error().message;
  EXPECT_EQ(defaults->secrets_key_file, "");
  EXPECT_EQ(defaults->SecretsKeyFile(), "./data/keys/secret.key");
  const auto moved_data = LoadConfig("", {}, {{"data_dir", "/var/lib/securebase"}});
  ASSERT_TRUE(moved_data.has_value());
  EXPECT_EQ(moved_data->SecretsKeyFile(), "/var/lib/securebase/keys/secret.key");

  TempToml file("[secrets]\nkey_file = \"/etc/securebase/keys/from-file.key\"\n");
  const auto from_file = LoadConfig(file.path(), {}, {});
  ASSERT_TRUE(from_file.has_value()) << from_file.error().message;
  EXPECT_EQ(from_file->SecretsKeyFile(), "/etc/securebase/keys/from-file.key");
  const auto from_env =
      LoadConfig(file.path(), {"SECUREBASE_SECRETS_KEY_FILE=/run/keys/secret.key"}, {});
  ASSERT_TRUE(from_env.has_value()) << from_env.error().message;
  EXPECT_EQ(from_env->SecretsKeyFile(), "/run/keys/secret.key");
  EXPECT_THAT(LoadError("", {"SECUREBASE_SECRETS_KEY_FILE="}, {}),
              StartsWith("environment SECUREBASE_SECRETS_KEY_FILE: secrets.key_file "));
}

}  // namespace
}  // namespace securebase::app
