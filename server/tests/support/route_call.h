// Runs one route's handler on a request to completion, on an io_context of
// its own, as a connection would once the route is matched: for tests that
// call the real route table without a socket.
#pragma once

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include <optional>

#include "http/router.h"

namespace securebase::testing {

inline http::Response CallRoute(const http::Route& route, http::Request req) {
  namespace asio = boost::asio;
  asio::io_context io;
  auto guard = asio::make_work_guard(io);
  std::optional<http::Response> out;
  asio::co_spawn(
      io,
      [&]() -> asio::awaitable<void> {
        http::Response res = co_await route.handler(req);
        out = std::move(res);
      },
      [&](std::exception_ptr e) {
        guard.reset();
        if (e) std::rethrow_exception(e);
      });
  io.run();
  return std::move(*out);
}

}  // namespace securebase::testing
