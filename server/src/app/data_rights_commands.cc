// `securebase export-user EMAIL --out FILE` and `securebase delete-user EMAIL
// [--yes]`: a learner's data rights handled by the operator, for a request
// made another way than the app (by mail, say). They build the same domain
// objects as `serve` (app/services.h), so the file is the app's download and
// the deletion the app's: docs/data-export.md and docs/privacy.md.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <string>

#include "api/personal_export.h"
#include "app/command_site.h"
#include "app/commands.h"

namespace securebase::app {
namespace {

// Writes `bytes` to a new file readable by its owner alone; never replaces
// a file that is there.
Status WriteNewPrivateFile(const std::string& path, const std::string& bytes) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) {
      return Fail(ErrorCode::kConflict, path + " is already there: choose a new file name");
    }
    return Fail(ErrorCode::kUnavailable, "cannot create " + path + ": " + std::strerror(errno));
  }
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string why = std::strerror(errno);
      ::close(fd);
      ::unlink(path.c_str());
      return Fail(ErrorCode::kUnavailable, "cannot write " + path + ": " + why);
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    ::unlink(path.c_str());
    return Fail(ErrorCode::kUnavailable, "cannot write " + path);
  }
  return {};
}

}  // namespace

int RunExportUser(const Config& config, const std::string& email, const std::string& out) {
  if (out.empty()) {
    std::cerr << "securebase export-user: say where to write the zip with --out FILE\n";
    return 2;
  }
  CommandSite site;
  if (!site.Open(config, "export-user", email)) return 1;
  const domain::User& user = site.user;
  auto records = site.services->privacy.records.Gather(user.id);
  if (!records) {
    std::cerr << "securebase export-user: " << records.error().message << "\n";
    return 1;
  }
  // No browser asked: none is "current", and the session's two-factor
  // state is not one (account.json says "passed": false).
  auto zip =
      api::PersonalExportZip(*records, "", domain::TwoFactorState::kNotRequired, site.clock.Now());
  if (!zip) {
    std::cerr << "securebase export-user: " << zip.error().message << "\n";
    return 1;
  }
  if (auto written = WriteNewPrivateFile(out, *zip); !written) {
    std::cerr << "securebase export-user: " << written.error().message << "\n";
    return 1;
  }
  std::cout << "Wrote everything held about " << user.email << " to " << out
            << " (readable by you alone). Send it to them by a safe route.\n";
  return 0;
}

int RunDeleteUser(const Config& config, const std::string& email, bool yes) {
  CommandSite site;
  if (!site.Open(config, "delete-user", email)) return 1;
  const domain::User& user = site.user;
  if (!yes) {
    std::cout << "This deletes the account of " << user.email
              << " and everything about them, for good. Sessions that have not happened are "
                 "cancelled; past ones stay without their name.\nType yes to go on: "
              << std::flush;
    std::string answer;
    if (!std::getline(std::cin, answer) || answer != "yes") {
      std::cerr << "securebase delete-user: nothing was deleted\n";
      return 1;
    }
  }
  auto deleted = site.services->privacy.deletion.DeleteByOperator(user.email);
  if (!deleted) {
    std::cerr << "securebase delete-user: " << deleted.error().message << "\n";
    return deleted.error().code == ErrorCode::kPermissionDenied ? 2 : 1;
  }
  std::cout << "Deleted the account of " << user.email << ": " << deleted->bookings_cancelled
            << " coming session(s) cancelled, " << deleted->bookings_kept
            << " session(s) kept in the practitioner's records without their name.\n";
  return 0;
}

}  // namespace securebase::app
