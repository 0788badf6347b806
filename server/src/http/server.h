// Server: the HTTP/1.1 listener. One io_context and one thread per core,
// each with its own acceptor on the same port (SO_REUSEPORT), so the kernel
// spreads connections and a connection never changes threads. Each
// connection is one coroutine (connection.cc) that enforces the limits below.
//
// Shutdown is graceful: Stop() closes the acceptors, closes idle keep-alive
// connections, lets requests in flight finish and answers them with
// "Connection: close"; Wait() returns when all are done or the grace period
// has run out (then the rest are cut).
//
// Thread-safety: Start once; Stop from any thread (signal handlers included,
// via the app's signal set); Wait from the thread that called Start.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "common/error.h"
#include "common/metrics.h"
#include "http/router.h"
#include "http/security_headers.h"
#include "http/static_files.h"

namespace securebase::http {

struct Limits {
  std::size_t max_header_bytes = 16 * 1024;  // over: 431
  std::size_t max_body_bytes = 1024 * 1024;  // default per route; over: 413
  std::chrono::seconds header_timeout{10};   // to receive a whole request head
  std::chrono::seconds body_timeout{30};     // to receive the body
  std::chrono::seconds idle_timeout{75};     // keep-alive wait for the next request
  std::chrono::seconds write_timeout{30};
  std::chrono::seconds shutdown_grace{10};
};

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0: any free port (tests)
  std::size_t threads = 0;    // 0: one per core
  Limits limits;
  SecurityHeaderOptions security;
  bool log_requests = true;
};

class Server {
 public:
  Server(ServerOptions options, const Router& router, const StaticFiles& files,
         MetricsRegistry& metrics);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and starts the I/O threads; returns the port actually bound.
  Result<std::uint16_t> Start();
  void Stop();
  // Blocks until every I/O thread has finished.
  void Wait();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace securebase::http
