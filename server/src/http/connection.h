// The life of one TCP connection: read a request head within the header
// timeout and size limit, route it, read the body within its limit, run the
// handler, add the security headers, write the response, and wait (idle
// timeout) for the next request on the same connection.
//
// Malformed requests get their problem+json answer (400, 413, 415, 431) and
// the connection is closed, since the stream may no longer be in sync.
//
// Thread-safety: a connection lives on one worker's io_context thread.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/tcp_stream.hpp>

#include <atomic>
#include <cstdint>
#include <list>

#include "common/metrics.h"
#include "http/router.h"
#include "http/server.h"
#include "http/static_files.h"

namespace securebase::http {

// What a connection needs to know about the server it belongs to.
struct ServerContext {
  const ServerOptions& options;
  const Router& router;
  const StaticFiles& files;
  MetricsRegistry& metrics;
};

// State of one worker thread: its connections, so that shutdown can close
// the idle ones. Touched only on the worker's own thread.
struct WorkerState {
  struct Tracked {
    boost::beast::tcp_stream* stream = nullptr;
    bool idle = true;
  };
  std::list<Tracked> connections;
  bool stopping = false;
  std::uint64_t next_request = 0;
  std::uint32_t id_prefix = 0;
};

boost::asio::awaitable<void> ServeConnection(const ServerContext& ctx, WorkerState& worker,
                                             boost::asio::ip::tcp::socket socket);

}  // namespace securebase::http
