// SmtpMailer against a real SMTP server: scripts/smtp_sink.py (Debian's
// aiosmtpd) started as a child process on a free port, with a self-signed
// certificate made by openssl for this test run.
#include "jobs/smtp_mailer.h"
#include "support/source_dir.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <libical/ical.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "domain/notify/icalendar.h"

extern char** environ;

namespace securebase::jobs {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using ::testing::HasSubstr;

// Runs a program to completion; its exit status (or -1).
int Run(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return -1;
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// A folder for this test with a fresh self-signed certificate for
// localhost and 127.0.0.1.
class Scratch {
 public:
  Scratch() {
    dir_ = fs::temp_directory_path() / ("sb-smtp-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir_);
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  const fs::path& dir() const { return dir_; }
  fs::path cert() const { return dir_ / "cert.pem"; }
  fs::path key() const { return dir_ / "key.pem"; }
  bool MakeCertificate() const {
    return Run({"/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                key().string(), "-out", cert().string(), "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"}) == 0;
  }

 private:
  fs::path dir_;
};

// The sink as a child process; stopped with SIGTERM when the test ends.
class Sink {
 public:
  Sink(const fs::path& maildir, const std::vector<std::string>& extra) : maildir_(maildir) {
    std::vector<std::string> argv = {
        "/usr/bin/python3", (securebase::testing::SourceDir() / "scripts/smtp_sink.py").string(),
        "--dir", maildir.string()};
    argv.insert(argv.end(), extra.begin(), extra.end());
    std::vector<char*> args;
    for (auto& a : argv) args.push_back(a.data());
    args.push_back(nullptr);
    int out[2];
    if (pipe2(out, O_CLOEXEC) != 0) return;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    // Its own complaints (a client that gave up on TLS, say) go to a file.
    const std::string log = maildir.string() + ".log";
    posix_spawn_file_actions_addopen(&actions, 2, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    const int rc = posix_spawn(&pid_, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    if (rc != 0) {
      pid_ = 0;
      close(out[0]);
      return;
    }
    // Wait for "listening PORT" (bounded), never a fixed sleep.
    std::string line;
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    while (line.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
      pollfd p{out[0], POLLIN, 0};
      if (poll(&p, 1, 200) <= 0) continue;
      char buffer[64];
      const ssize_t n = read(out[0], buffer, sizeof buffer);
      if (n <= 0) break;
      line.append(buffer, static_cast<std::size_t>(n));
    }
    close(out[0]);
    if (line.starts_with("listening ")) port_ = std::stoi(line.substr(10));
  }
  ~Sink() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      int status = 0;
      waitpid(pid_, &status, 0);
    }
  }
  int port() const { return port_; }
  std::string Url(const char* scheme = "smtp") const {
    return std::string(scheme) + "://127.0.0.1:" + std::to_string(port_);
  }
  // Stored messages, oldest first. The sink renames a file into place only
  // once it is whole, and answers 250 only after that, so after Send
  // returns the file is there.
  std::vector<std::string> Messages() const {
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(maildir_, ec)) {
      if (e.path().extension() == ".eml") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    std::vector<std::string> out;
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::stringstream s;
      s << in.rdbuf();
      out.push_back(s.str());
    }
    return out;
  }

 private:
  fs::path maildir_;
  pid_t pid_ = 0;
  int port_ = 0;
};

domain::OutgoingMail Mail(std::string to = "ana@example.org") {
  return domain::OutgoingMail{"0123456789abcdef0123456789abcdef",
                              std::move(to),
                              "Bestätigen Sie Ihre E-Mail",
                              "Hello Zoë,\nopen https://example.org/verify?token=abc123\n",
                              "verify-email",
                              Instant{1'700'000'000'000}};
}

class SmtpMailerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(scratch_.MakeCertificate()) << "openssl could not make a certificate";
  }

  std::unique_ptr<Sink> StartSink(const std::vector<std::string>& extra) {
    auto sink = std::make_unique<Sink>(scratch_.dir() / ("mail" + std::to_string(++sinks_)), extra);
    EXPECT_GT(sink->port(), 0) << "the SMTP sink did not start";
    return sink;
  }
  std::vector<std::string> StartTls() { return {"--starttls", cert(), key()}; }
  std::string cert() const { return scratch_.cert().string(); }
  std::string key() const { return scratch_.key().string(); }

  SmtpOptions Options(const Sink& sink, const char* scheme = "smtp") {
    SmtpOptions o;
    o.url = sink.Url(scheme);
    o.ca_file = cert();
    o.from = {"Secure Base", "no-reply@example.org"};
    o.connect_timeout = 5s;
    o.timeout = 15s;
    return o;
  }

  Status Send(SmtpOptions options, const domain::OutgoingMail& mail = Mail()) {
    auto mailer = SmtpMailer::Create(std::move(options), clock_);
    if (!mailer) return std::unexpected(mailer.error());
    return (*mailer)->Send(mail);
  }

  Scratch scratch_;
  FakeClock clock_{Instant{1'774'857'600'000}};
  int sinks_ = 0;
};

void ExpectRetryableWithoutAddress(const Status& s, const std::string& want) {
  ASSERT_FALSE(s);
  EXPECT_FALSE(domain::IsPermanentMailFailure(s.error())) << s.error().message;
  EXPECT_THAT(s.error().message, HasSubstr(want));
  EXPECT_THAT(s.error().message, ::testing::Not(HasSubstr("@")));
}

TEST_F(SmtpMailerTest, DeliversOverStartTlsWithAVerifiedCertificate) {
  auto sink = StartSink(StartTls());
  ASSERT_TRUE(Send(Options(*sink)));
  const auto messages = sink->Messages();
  ASSERT_EQ(messages.size(), 1u);
  const std::string& m = messages[0];
  EXPECT_THAT(m, HasSubstr("X-Sink-TLS: yes\r\n"));
  EXPECT_THAT(m, HasSubstr("X-Sink-Mail-From: no-reply@example.org\r\n"));
  EXPECT_THAT(m, HasSubstr("X-Sink-Rcpt-To: ana@example.org\r\n"));
  EXPECT_THAT(m, HasSubstr("\r\nFrom: Secure Base <no-reply@example.org>\r\n"));
  EXPECT_THAT(m, HasSubstr("\r\nTo: ana@example.org\r\n"));
  EXPECT_THAT(m, HasSubstr("\r\nSubject: =?UTF-8?B?"));
  EXPECT_THAT(m, HasSubstr("\r\nDate: Mon, 30 Mar 2026 08:00:00 +0000\r\n"));
  EXPECT_THAT(m, HasSubstr("https://example.org/verify?token=3Dabc123"));
}

// Base64 as a reader decodes it: line ends skipped, padding ends it.
std::string DecodeBase64Lines(std::string_view in) {
  static constexpr std::string_view kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (const char c : in) {
    if (c == '\r' || c == '\n') continue;
    if (c == '=') break;
    buffer = (buffer << 6) | static_cast<unsigned>(kAlphabet.find(c));
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xff);
    }
  }
  return out;
}

TEST_F(SmtpMailerTest, DeliversACalendarInvitationThatACalendarLibraryReads) {
  domain::CalendarEvent e;
  e.uid = "bk_0123abcd@securebase";
  e.sequence = 1;
  e.start = Instant{1'775'462'400'000};  // 2026-04-06T08:00:00Z
  e.end = Instant{1'775'465'400'000};
  e.stamp = Instant{1'774'857'600'000};
  e.summary = "Therapy session with Zoë, 50 minutes; online";
  e.description = "Your session is booked.\nJoin: https://video.example.org/r/abc\n东京 😀 " +
                  std::string(120, 'x');
  e.location = "https://video.example.org/r/abc";
  e.organizer = {"praxis@example.org", "Praxis Zoë"};
  e.attendees = {{"ana@example.org", "Ana Müller"}};
  auto mail = Mail();
  mail.kind = "booking-confirmed";
  mail.calendar = domain::WriteCalendar(domain::CalendarMethod::kRequest, {e});
  mail.calendar_method = "REQUEST";

  auto sink = StartSink(StartTls());
  ASSERT_TRUE(Send(Options(*sink), mail));
  const auto messages = sink->Messages();
  ASSERT_EQ(messages.size(), 1u);
  const std::string& m = messages[0];
  const std::string boundary = "=_" + mail.id;
  EXPECT_THAT(
      m, HasSubstr("\r\nContent-Type: multipart/mixed;\r\n boundary=\"" + boundary + "\"\r\n"));
  EXPECT_THAT(m, HasSubstr("https://example.org/verify?token=3Dabc123"));
  const std::string part_head = "\r\n--" + boundary +
                                "\r\nContent-Type: text/calendar; charset=UTF-8; method=REQUEST\r\n"
                                "Content-Transfer-Encoding: base64\r\n"
                                "Content-Disposition: attachment; filename=\"invite.ics\"\r\n\r\n";
  const auto start = m.find(part_head);
  ASSERT_NE(start, std::string::npos) << m;
  const auto end = m.find("\r\n--" + boundary + "--\r\n", start + part_head.size());
  ASSERT_NE(end, std::string::npos);
  const std::string ics = DecodeBase64Lines(
      std::string_view(m).substr(start + part_head.size(), end - start - part_head.size()));
  EXPECT_EQ(ics, mail.calendar);

  icalcomponent* calendar = icalcomponent_new_from_string(ics.c_str());
  ASSERT_NE(calendar, nullptr);
  EXPECT_EQ(icalcomponent_count_errors(calendar), 0);
  EXPECT_EQ(icalcomponent_get_method(calendar), ICAL_METHOD_REQUEST);
  icalcomponent* event = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT);
  ASSERT_NE(event, nullptr);
  EXPECT_STREQ(icalcomponent_get_uid(event), "bk_0123abcd@securebase");
  EXPECT_EQ(icalcomponent_get_sequence(event), 1);
  EXPECT_TRUE(icaltime_is_utc(icalcomponent_get_dtstart(event)));
  EXPECT_EQ(icaltime_as_timet(icalcomponent_get_dtstart(event)), 1'775'462'400);
  EXPECT_EQ(std::string(icalcomponent_get_summary(event)), e.summary);
  EXPECT_EQ(std::string(icalcomponent_get_description(event)), e.description);
  icalproperty* attendee = icalcomponent_get_first_property(event, ICAL_ATTENDEE_PROPERTY);
  ASSERT_NE(attendee, nullptr);
  EXPECT_STREQ(icalproperty_get_attendee(attendee), "mailto:ana@example.org");
  icalcomponent_free(calendar);
}

TEST_F(SmtpMailerTest, NeverSendsInTheClearWhenTheServerOffersNoStartTls) {
  auto sink = StartSink({});
  ExpectRetryableWithoutAddress(Send(Options(*sink)), "STARTTLS");
  EXPECT_TRUE(sink->Messages().empty());
}

TEST_F(SmtpMailerTest, SendsInTheClearOnlyWhenTheOperatorTurnsStartTlsOff) {
  auto sink = StartSink({});
  auto options = Options(*sink);
  options.starttls = false;
  auto mailer = SmtpMailer::Create(options, clock_);
  ASSERT_TRUE(mailer);
  EXPECT_TRUE((*mailer)->plaintext());
  ASSERT_TRUE((*mailer)->Send(Mail()));
  const auto messages = sink->Messages();
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_THAT(messages[0], HasSubstr("X-Sink-TLS: no\r\n"));
}

TEST_F(SmtpMailerTest, RefusesACertificateItCannotVerify) {
  auto sink = StartSink(StartTls());
  auto options = Options(*sink);
  options.ca_file.clear();  // the system's CAs do not know this certificate
  ExpectRetryableWithoutAddress(Send(options), "certificate");
  EXPECT_TRUE(sink->Messages().empty());
}

TEST_F(SmtpMailerTest, DeliversOverImplicitTlsWithSmtps) {
  auto sink = StartSink({"--smtps", cert(), key()});
  ASSERT_TRUE(Send(Options(*sink, "smtps")));
  const auto messages = sink->Messages();
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_THAT(messages[0], HasSubstr("X-Sink-TLS: yes\r\n"));
}

TEST_F(SmtpMailerTest, LogsInWhenGivenAUsernameAndPassword) {
  auto extra = StartTls();
  extra.insert(extra.end(), {"--auth", "sb:a long secret"});
  auto sink = StartSink(extra);
  auto options = Options(*sink);
  options.username = "sb";
  options.password = "a long secret";
  ASSERT_TRUE(Send(options));
  ASSERT_EQ(sink->Messages().size(), 1u);
  EXPECT_THAT(sink->Messages()[0], HasSubstr("X-Sink-Auth: sb\r\n"));

  options.password = "wrong";
  const auto wrong = Send(options);
  ExpectRetryableWithoutAddress(wrong, "log-in");
  EXPECT_THAT(wrong.error().message, ::testing::Not(HasSubstr("wrong")));
  options.username.clear();
  options.password.clear();
  ExpectRetryableWithoutAddress(Send(options), "(530)");
  EXPECT_EQ(sink->Messages().size(), 1u);
}

TEST_F(SmtpMailerTest, ARefusedRecipientIsPermanentAndADeferredOneRetryable) {
  auto sink = StartSink(StartTls());
  const auto refused = Send(Options(*sink), Mail("refuse-me@example.org"));
  ASSERT_FALSE(refused);
  EXPECT_TRUE(domain::IsPermanentMailFailure(refused.error()));
  EXPECT_EQ(refused.error().message, "The mail server refused the recipient (550).");
  ExpectRetryableWithoutAddress(Send(Options(*sink), Mail("later-please@example.org")), "(451)");
  EXPECT_TRUE(sink->Messages().empty());
}

TEST_F(SmtpMailerTest, NobodyListeningIsRetryable) {
  int port = 0;
  {
    // A port that was free a moment ago and has no listener now.
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
    socklen_t len = sizeof a;
    getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    port = ntohs(a.sin_port);
    close(fd);
  }
  SmtpOptions options;
  options.url = "smtp://127.0.0.1:" + std::to_string(port);
  options.from = {"", "no-reply@example.org"};
  ExpectRetryableWithoutAddress(Send(options), "connect");
}

TEST_F(SmtpMailerTest, AServerThatNeverAnswersTimesOut) {
  // Connections complete in the kernel's backlog, but nothing ever speaks.
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
  ASSERT_EQ(listen(fd, 4), 0);
  socklen_t len = sizeof a;
  getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  SmtpOptions options;
  options.url = "smtp://127.0.0.1:" + std::to_string(ntohs(a.sin_port));
  options.from = {"", "no-reply@example.org"};
  options.timeout = 1s;
  const auto started = std::chrono::steady_clock::now();
  ExpectRetryableWithoutAddress(Send(options), "in time");
  EXPECT_LT(std::chrono::steady_clock::now() - started, 10s);
  close(fd);
}

TEST_F(SmtpMailerTest, AnUnsafeMessageIsRefusedBeforeConnecting) {
  SmtpOptions options;
  options.url = "smtp://127.0.0.1:1";
  options.from = {"", "no-reply@example.org"};
  auto mail = Mail();
  mail.subject = "Hi\r\nBcc: eve@example.org";
  const auto s = Send(options, mail);
  ASSERT_FALSE(s);
  EXPECT_TRUE(domain::IsPermanentMailFailure(s.error()));
}

TEST(SmtpMailerCreate, ChecksTheSettings) {
  SystemClock clock;
  SmtpOptions o;
  o.from = {"", "no-reply@example.org"};
  o.url = "http://mail.example.org";
  EXPECT_THAT(SmtpMailer::Create(o, clock).error().message, HasSubstr("smtp:// or smtps://"));
  o.url = "smtp://";
  EXPECT_THAT(SmtpMailer::Create(o, clock).error().message, HasSubstr("needs a host"));
  o.url = "smtp://mail.example.org:25";
  o.starttls = false;
  o.username = "sb";
  o.password = "secret";
  EXPECT_THAT(SmtpMailer::Create(o, clock).error().message, HasSubstr("encrypted"));
  o.url = "SMTPS://mail.example.org:465";  // implicit TLS: a password is fine
  EXPECT_TRUE(SmtpMailer::Create(o, clock));
  o.ca_file = "/nonexistent/ca.pem";
  EXPECT_THAT(SmtpMailer::Create(o, clock).error().message, HasSubstr("mail.smtp_ca_file"));
  o = SmtpOptions{};
  o.url = "smtp://mail.example.org:587";
  const auto ok = SmtpMailer::Create(o, clock);
  ASSERT_TRUE(ok);
  EXPECT_FALSE((*ok)->plaintext());
}

TEST(ClassifySmtpFailure, SaysWhatCanBeRetried) {
  struct Case {
    int curl;
    long reply;
    const char* phase;
    bool permanent;
  };
  for (const Case& c :
       {Case{CURLE_SEND_ERROR, 550, "RCPT", true}, Case{CURLE_SEND_ERROR, 553, "RCPT", true},
        Case{CURLE_WEIRD_SERVER_REPLY, 554, "DATA", true},
        Case{CURLE_WEIRD_SERVER_REPLY, 552, "DATA", true},
        Case{CURLE_SEND_ERROR, 451, "RCPT", false}, Case{CURLE_SEND_ERROR, 550, "MAIL", false},
        Case{CURLE_WEIRD_SERVER_REPLY, 554, "", false}, Case{CURLE_LOGIN_DENIED, 535, "", false},
        Case{CURLE_SEND_ERROR, 530, "MAIL", false}, Case{CURLE_USE_SSL_FAILED, 0, "", false},
        Case{CURLE_PEER_FAILED_VERIFICATION, 0, "", false},
        Case{CURLE_COULDNT_CONNECT, 0, "", false}, Case{CURLE_OPERATION_TIMEDOUT, 0, "", false},
        Case{CURLE_RECV_ERROR, 0, "", false}}) {
    const Error e = ClassifySmtpFailure(c.curl, c.reply, c.phase);
    EXPECT_EQ(domain::IsPermanentMailFailure(e), c.permanent)
        << c.curl << " " << c.reply << " " << c.phase << ": " << e.message;
    EXPECT_FALSE(e.message.empty());
  }
}

}  // namespace
}  // namespace securebase::jobs
