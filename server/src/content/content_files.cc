#include "content/content_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "common/fingerprint.h"
#include "common/posix_file.h"
#include "common/random.h"
#include "content/content_loader.h"

namespace securebase::content {
namespace {

namespace fs = std::filesystem;

std::unexpected<Error> Refused(std::string message) {
  return std::unexpected(Error{ErrorCode::kUnprocessable,
                               std::move(message),
                               {{"path", "does not name a content file"}},
                               "content-path-refused"});
}

std::unexpected<Error> WriteFailed(int err) {
  return Unavailable(fmt::format("The file could not be written: {}.", ErrnoText(err)));
}

bool Inside(const fs::path& file, const fs::path& folder) {
  auto f = file.begin();
  for (auto d = folder.begin(); d != folder.end(); ++d, ++f) {
    if (f == file.end() || *f != *d) return false;
  }
  return f != file.end();
}

}  // namespace

Result<std::string> CheckContentPath(std::string_view rel) {
  if (rel.empty()) return Refused("Name a content file.");
  if (rel.size() > 512) return Refused("That path is too long for a content file.");
  for (const unsigned char c : rel) {
    if (c < 0x20 || c == 0x7f || c == '\\') {
      return Refused("A content file's path has no control characters or backslashes.");
    }
  }
  if (rel.find("//") != std::string_view::npos || rel.back() == '/') {
    return Refused("A content file's path cannot contain '..', '.' or empty parts.");
  }
  if (rel.front() == '/') {
    return Refused("Paths are relative to the content folder, such as course/…/01-lesson.md.");
  }
  const fs::path path{std::string(rel)};
  for (const auto& part : path) {
    const std::string p = part.string();
    if (p.empty() || p == "." || p == "..") {
      return Refused("A content file's path cannot contain '..', '.' or empty parts.");
    }
    if (p.starts_with('.')) return Refused("Hidden files are not content files.");
  }
  if (path.filename() == "README.md" || !DocumentKindOf(path)) {
    return Refused(
        "Only lessons (.md) and the course, module, questionnaire, practice and crisis-line "
        ".toml files can be opened here; see docs/content.md.");
  }
  return path.generic_string();
}

Result<fs::path> ExistingContentFile(const fs::path& root, std::string_view rel) {
  auto checked = CheckContentPath(rel);
  if (!checked) return std::unexpected(checked.error());
  std::error_code ec;
  const fs::path base = fs::canonical(root, ec);
  if (ec) return Unavailable("The content folder cannot be read.");
  // A link is treated as no file at all: the console never reads or writes
  // anything outside the folder, nor one file under two names.
  if (fs::is_symlink(base / *checked, ec))
    return NotFound("There is no content file at that path.");
  const fs::path file = fs::canonical(base / *checked, ec);
  if (ec || !Inside(file, base) || !fs::is_regular_file(file, ec)) {
    return NotFound("There is no content file at that path.");
  }
  return file;
}

Result<std::string> ReadTextFile(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Unavailable("The file could not be read.");
  std::ostringstream s;
  s << in.rdbuf();
  return std::move(s).str();
}

Status ReplaceFileAtomically(const fs::path& file, std::string_view text) {
  struct stat info {};
  const mode_t mode = ::stat(file.c_str(), &info) == 0 ? (info.st_mode & 07777) : 0644;
  const fs::path dir = file.parent_path();
  const fs::path temp = dir / ("." + file.filename().string() + "." + RandomHex(6) + ".tmp");
  {
    Fd out(::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (out.get() < 0) return WriteFailed(errno);
    int err = 0;
    for (std::string_view rest = text; !rest.empty() && err == 0;) {
      const ssize_t n = ::write(out.get(), rest.data(), rest.size());
      if (n < 0 && errno != EINTR) err = errno;
      if (n > 0) rest.remove_prefix(static_cast<std::size_t>(n));
    }
    if (err == 0 && ::fchmod(out.get(), mode) != 0) err = errno;
    if (err == 0 && ::fsync(out.get()) != 0) err = errno;
    if (err != 0) {
      std::error_code ec;
      fs::remove(temp, ec);
      return WriteFailed(err);
    }
  }
  if (::rename(temp.c_str(), file.c_str()) != 0) {
    const int err = errno;
    std::error_code ec;
    fs::remove(temp, ec);
    return WriteFailed(err);
  }
  // Make the rename itself durable.
  Fd folder(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (folder.get() >= 0) ::fsync(folder.get());
  return {};
}

std::string TextRevision(std::string_view text) {
  return Fingerprint(text);
}

}  // namespace securebase::content
