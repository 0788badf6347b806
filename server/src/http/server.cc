#include "http/server.h"

#include <fmt/format.h>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <condition_variable>
#include <future>
#include <mutex>
#include <optional>
#include <random>
#include <thread>

#include "common/log.h"
#include "http/connection.h"

namespace securebase::http {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using ReusePort = asio::detail::socket_option::boolean<SOL_SOCKET, SO_REUSEPORT>;

}  // namespace

struct Server::Impl {
  // Member order matters: the io_context is destroyed before the state its
  // leftover connection coroutines still reference when they are torn down.
  struct Worker {
    WorkerState state;
    asio::io_context ioc{1};
    std::optional<tcp::acceptor> acceptor;
    std::thread thread;
    std::future<void> finished;
  };

  Impl(ServerOptions o, const Router& r, const StaticFiles& f, MetricsRegistry& m)
      : options(std::move(o)), ctx{options, r, f, m} {}

  asio::awaitable<void> AcceptLoop(Worker& w) {
    for (;;) {
      auto [ec, socket] = co_await w.acceptor->async_accept(asio::as_tuple(asio::use_awaitable));
      if (ec) {
        if (!w.acceptor->is_open() || ec == asio::error::operation_aborted) co_return;
        // Out of file descriptors or similar: breathe, then keep accepting.
        Log(LogLevel::kWarn, "accept_failed", {{"error", ec.message()}});
        asio::steady_timer pause(w.ioc, std::chrono::milliseconds(50));
        co_await pause.async_wait(asio::as_tuple(asio::use_awaitable));
        continue;
      }
      boost::system::error_code ignored;
      socket.set_option(tcp::no_delay(true), ignored);
      asio::co_spawn(w.ioc, ServeConnection(ctx, w.state, std::move(socket)),
                     [](const std::exception_ptr& e) {
                       if (!e) return;
                       try {
                         std::rethrow_exception(e);
                       } catch (const std::exception& ex) {
                         Log(LogLevel::kError, "connection_exception", {{"what", ex.what()}});
                       }
                     });
    }
  }

  ServerOptions options;
  ServerContext ctx;
  std::vector<std::unique_ptr<Worker>> workers;

  std::mutex mu;
  std::condition_variable stopped_cv;
  bool stop_requested = false;
  std::chrono::steady_clock::time_point stop_time;
};

Server::Server(ServerOptions options, const Router& router, const StaticFiles& files,
               MetricsRegistry& metrics)
    : impl_(std::make_unique<Impl>(std::move(options), router, files, metrics)) {
  metrics.Describe("securebase_http_requests_total", "HTTP requests by route, method and status.");
  metrics.Describe("securebase_http_request_seconds", "HTTP request latency by route.");
}

Server::~Server() {
  Stop();
  Wait();
}

Result<std::uint16_t> Server::Start() {
  auto& o = impl_->options;
  std::size_t threads = o.threads ? o.threads : std::thread::hardware_concurrency();
  if (threads == 0) threads = 1;
  boost::system::error_code ec;
  const auto address = asio::ip::make_address(o.host == "localhost" ? "127.0.0.1" : o.host, ec);
  if (ec) return InvalidArgument("'" + o.host + "' is not an IP address to listen on.");
  std::uint16_t port = o.port;
  std::random_device rd;
  for (std::size_t i = 0; i < threads; ++i) {
    auto w = std::make_unique<Impl::Worker>();
    w->state.id_prefix = rd();
    auto& acc = w->acceptor.emplace(w->ioc);
    const tcp::endpoint endpoint(address, port);
    acc.open(endpoint.protocol(), ec);
    if (!ec) acc.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acc.set_option(ReusePort(true), ec);
    if (!ec) acc.bind(endpoint, ec);
    if (!ec) acc.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
      return Unavailable(fmt::format("Cannot listen on {}:{}: {}.", o.host, port, ec.message()));
    }
    // With port 0 the first acceptor picks a free port; the others join it.
    port = acc.local_endpoint().port();
    impl_->workers.push_back(std::move(w));
  }
  for (auto& w : impl_->workers) {
    asio::co_spawn(w->ioc, impl_->AcceptLoop(*w), asio::detached);
    std::promise<void> done;
    w->finished = done.get_future();
    w->thread = std::thread([w = w.get(), done = std::move(done)]() mutable {
      w->ioc.run();
      done.set_value();
    });
  }
  Log(LogLevel::kInfo, "listening",
      {{"address", o.host}, {"port", static_cast<int>(port)}, {"threads", threads}});
  return port;
}

void Server::Stop() {
  {
    std::lock_guard lock(impl_->mu);
    if (impl_->stop_requested) return;
    impl_->stop_requested = true;
    impl_->stop_time = std::chrono::steady_clock::now();
  }
  impl_->stopped_cv.notify_all();
  for (auto& w : impl_->workers) {
    asio::post(w->ioc, [w = w.get()] {
      w->state.stopping = true;
      boost::system::error_code ignored;
      if (w->acceptor) w->acceptor->close(ignored);
      for (auto& c : w->state.connections) {
        if (c.idle) c.stream->cancel();
      }
    });
  }
}

void Server::Wait() {
  if (impl_->workers.empty()) return;
  std::unique_lock lock(impl_->mu);
  impl_->stopped_cv.wait(lock, [&] { return impl_->stop_requested; });
  const auto deadline = impl_->stop_time + impl_->options.limits.shutdown_grace;
  lock.unlock();
  bool cut = false;
  for (auto& w : impl_->workers) {
    if (!w->thread.joinable()) continue;
    if (w->finished.wait_until(deadline) == std::future_status::timeout) {
      w->ioc.stop();
      cut = true;
    }
    w->thread.join();
  }
  if (cut)
    Log(LogLevel::kWarn, "shutdown_deadline",
        {{"grace_s", static_cast<std::int64_t>(impl_->options.limits.shutdown_grace.count())}});
}

}  // namespace securebase::http
