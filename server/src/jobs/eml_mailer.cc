#include "jobs/eml_mailer.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <chrono>
#include <cstring>

#include "common/posix_file.h"

namespace securebase::jobs {
namespace {

Status WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return Unavailable(fmt::format("Could not write a mail file: {}.", ErrnoText(errno)));
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return {};
}

}  // namespace

std::string EmlMailer::FileStamp(Instant t) {
  using namespace std::chrono;
  const sys_time<milliseconds> tp{milliseconds(t.millis)};
  const auto day = floor<days>(tp);
  const year_month_day ymd{day};
  const hh_mm_ss<milliseconds> time{tp - day};
  return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}{:03}Z", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                     time.hours().count(), time.minutes().count(), time.seconds().count(),
                     time.subseconds().count());
}

Status EmlMailer::Send(const domain::OutgoingMail& mail) {
  const Instant now = clock_.Now();
  auto message = FormatMessage(mail, from_, now);
  if (!message) return std::unexpected(message.error());

  std::error_code ec;
  if (!std::filesystem::is_directory(dir_, ec)) {
    std::filesystem::create_directories(dir_, ec);
    if (ec) return Unavailable(fmt::format("Could not create the mail folder: {}.", ec.message()));
    std::filesystem::permissions(dir_, std::filesystem::perms::owner_all, ec);
  }
  // The id was checked by FormatMessage ([A-Za-z0-9_-]), so it is safe in a
  // file name.
  const std::string name = FileStamp(now) + "-" + mail.id + ".eml";
  const std::filesystem::path final_path = dir_ / name;
  const std::filesystem::path temp_path = dir_ / ("." + name + ".tmp");
  {
    Fd file(::open(temp_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (file.get() < 0) {
      return Unavailable(fmt::format("Could not create a mail file: {}.", ErrnoText(errno)));
    }
    // The mode given to open() passes through the umask; say it again.
    Status written;
    if (::fchmod(file.get(), 0600) == 0) {
      written = WriteAll(file.get(), *message);
    } else {
      written = Unavailable(fmt::format("Could not protect a mail file: {}.", ErrnoText(errno)));
    }
    if (written && ::fsync(file.get()) != 0) {
      written = Unavailable(fmt::format("Could not write a mail file: {}.", ErrnoText(errno)));
    }
    if (!written) {
      std::filesystem::remove(temp_path, ec);
      return written;
    }
  }
  if (::rename(temp_path.c_str(), final_path.c_str()) != 0) {
    const int err = errno;
    std::filesystem::remove(temp_path, ec);
    return Unavailable(fmt::format("Could not name a mail file: {}.", ErrnoText(err)));
  }
  // Make the rename itself durable.
  Fd dir(::open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.get() >= 0) ::fsync(dir.get());
  return {};
}

}  // namespace securebase::jobs
