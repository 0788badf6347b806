#include "common/posix_file.h"

#include <unistd.h>

#include <cstring>

namespace securebase {

Fd::~Fd() {
  if (fd_ >= 0) ::close(fd_);
}

std::string ErrnoText(int err) {
  char buffer[256];
  // strerror_r's GNU form returns the text (which may not be the buffer).
  return ::strerror_r(err, buffer, sizeof buffer);
}

}  // namespace securebase
