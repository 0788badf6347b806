#include "jobs/eml_mailer.h"

#include <sys/stat.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>
#include <vector>

namespace securebase::jobs {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() / ("sb-eml-" + std::to_string(std::random_device{}()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::permissions(path_, fs::perms::owner_all, ec);
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

domain::OutgoingMail Mail(std::string id) {
  return domain::OutgoingMail{std::move(id),        "ana@example.org",
                              "Confirm your email", "Open https://example.org/verify?token=abc\n",
                              "verify-email",       Instant{1'700'000'000'000}};
}

std::vector<fs::path> Files(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

Mailbox From() {
  return {"Secure Base", "no-reply@example.org"};
}

TEST(EmlMailer, WritesOneOwnerOnlyFileNamedByTimeAndId) {
  TempDir tmp;
  FakeClock clock(Instant{1'774'857'600'123});
  EmlMailer mailer(tmp.path() / "mail", From(), clock);
  ASSERT_TRUE(mailer.Send(Mail("abc123")));

  const auto files = Files(tmp.path() / "mail");
  ASSERT_EQ(files.size(), 1u);  // no temporary file left behind
  EXPECT_EQ(files[0].filename(), "20260330T080000123Z-abc123.eml");
  struct stat st {};
  ASSERT_EQ(::stat(files[0].c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  ASSERT_EQ(::stat((tmp.path() / "mail").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);

  const std::string text = Read(files[0]);
  EXPECT_TRUE(text.starts_with("Date: Mon, 30 Mar 2026 08:00:00 +0000\r\n")) << text;
  EXPECT_NE(text.find("\r\nTo: ana@example.org\r\n"), std::string::npos);
  EXPECT_NE(text.find("\r\nMessage-ID: <abc123@example.org>\r\n"), std::string::npos);
  EXPECT_TRUE(text.ends_with("https://example.org/verify?token=3Dabc\r\n")) << text;
}

TEST(EmlMailer, WritesACalendarInvitationAsAnAttachment) {
  TempDir tmp;
  FakeClock clock(Instant{1'774'857'600'123});
  EmlMailer mailer(tmp.path(), From(), clock);
  auto mail = Mail("inv1");
  mail.calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:CANCEL\r\nEND:VCALENDAR\r\n";
  mail.calendar_method = "CANCEL";
  ASSERT_TRUE(mailer.Send(mail));
  const auto files = Files(tmp.path());
  ASSERT_EQ(files.size(), 1u);
  const std::string text = Read(files[0]);
  EXPECT_NE(text.find("\r\nContent-Type: multipart/mixed;\r\n boundary=\"=_inv1\"\r\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("\r\n--=_inv1\r\nContent-Type: text/calendar; charset=UTF-8; "
                      "method=CANCEL\r\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("filename=\"cancel.ics\""), std::string::npos);
  // The calendar, base64 (its first 57 octets make one 76-character line).
  EXPECT_NE(
      text.find(
          "\r\n\r\nQkVHSU46VkNBTEVOREFSDQpWRVJTSU9OOjIuMA0KTUVUSE9EOkNBTkNFTA0KRU5EOlZDQUxFTkRB\r\n"
          "Ug0K\r\n--=_inv1--\r\n"),
      std::string::npos)
      << text;
  EXPECT_TRUE(text.ends_with("\r\n--=_inv1--\r\n"));
}

TEST(EmlMailer, FilesSortInTheOrderTheyWereWritten) {
  TempDir tmp;
  FakeClock clock(Instant{1'700'000'000'000});
  EmlMailer mailer(tmp.path(), From(), clock);
  // Ids in reverse order, times forward: the names must follow the times.
  for (const char* id : {"zz", "mm", "aa"}) {
    ASSERT_TRUE(mailer.Send(Mail(id)));
    clock.Advance(std::chrono::milliseconds(1));
  }
  const auto files = Files(tmp.path());
  ASSERT_EQ(files.size(), 3u);
  EXPECT_TRUE(files[0].filename().string().ends_with("-zz.eml"));
  EXPECT_TRUE(files[1].filename().string().ends_with("-mm.eml"));
  EXPECT_TRUE(files[2].filename().string().ends_with("-aa.eml"));
}

TEST(EmlMailer, ManyThreadsWriteWholeFiles) {
  TempDir tmp;
  SystemClock clock;
  EmlMailer mailer(tmp.path(), From(), clock);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&mailer, t] {
      for (int i = 0; i < 10; ++i) {
        auto m = Mail("t" + std::to_string(t) + "m" + std::to_string(i));
        m.text = std::string(100'000, 'x');
        EXPECT_TRUE(mailer.Send(m));
      }
    });
  }
  for (auto& t : threads) t.join();
  const auto files = Files(tmp.path());
  ASSERT_EQ(files.size(), 40u);
  for (const auto& f : files) {
    EXPECT_EQ(f.extension(), ".eml");
    EXPECT_TRUE(Read(f).ends_with("xxxx\r\n")) << f;
  }
}

TEST(EmlMailer, AnUnsafeMessageIsAPermanentFailureAndWritesNothing) {
  TempDir tmp;
  SystemClock clock;
  EmlMailer mailer(tmp.path(), From(), clock);
  auto m = Mail("abc");
  m.subject = "Hi\r\nBcc: eve@example.org";
  const auto sent = mailer.Send(m);
  ASSERT_FALSE(sent);
  EXPECT_TRUE(domain::IsPermanentMailFailure(sent.error()));
  EXPECT_TRUE(Files(tmp.path()).empty());
}

TEST(EmlMailer, AFolderItCannotWriteIsARetryableFailure) {
  // A file where the folder should be (permissions would not stop root).
  TempDir tmp;
  SystemClock clock;
  std::ofstream(tmp.path() / "mail") << "not a folder";
  EmlMailer mailer(tmp.path() / "mail", From(), clock);
  const auto sent = mailer.Send(Mail("abc"));
  ASSERT_FALSE(sent);
  EXPECT_FALSE(domain::IsPermanentMailFailure(sent.error()));
  EXPECT_EQ(sent.error().message.find("ana@example.org"), std::string::npos);
}

TEST(EmlMailer, FileStampIsFixedWidthUtc) {
  EXPECT_EQ(EmlMailer::FileStamp(Instant{0}), "19700101T000000000Z");
  EXPECT_EQ(EmlMailer::FileStamp(Instant{1'774'857'600'007}), "20260330T080000007Z");
}

}  // namespace
}  // namespace securebase::jobs
