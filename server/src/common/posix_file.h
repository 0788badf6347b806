// Small pieces for the few places that call POSIX directly to make a file
// durable (open, write, fsync, rename, link): the key file, outgoing mail
// written as .eml files, the content files the console saves.
//
// Thread-safety: an Fd belongs to one thread; ErrnoText may be called from
// any (strerror itself is not thread-safe, strerror_r is).
#pragma once

#include <string>
#include <utility>

namespace securebase {

// Closes a file descriptor on every path out of a function.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd();
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

// errno in words ("No space left on device").
std::string ErrnoText(int err);

}  // namespace securebase
