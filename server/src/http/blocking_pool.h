// BlockingPool runs work that blocks (database calls, password hashing, SMTP)
// on its own threads so that the I/O threads never wait on it:
//
//   auto setting = co_await pool.Run([&] { return settings.Get("site.name"); });
//
// The awaiting coroutine resumes on its own I/O thread with the result (or
// the exception the work threw).
//
// Thread-safety: Run may be called from any thread; Stop once, at shutdown.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <atomic>
#include <cstddef>
#include <type_traits>
#include <utility>

namespace securebase::http {

class BlockingPool {
 public:
  explicit BlockingPool(std::size_t threads) : pool_(threads == 0 ? 1 : threads) {}
  ~BlockingPool() { Stop(); }
  BlockingPool(const BlockingPool&) = delete;
  BlockingPool& operator=(const BlockingPool&) = delete;

  template <class F>
  boost::asio::awaitable<std::invoke_result_t<F>> Run(F fn) {
    using R = std::invoke_result_t<F>;
    pending_.fetch_add(1, std::memory_order_relaxed);
    struct Done {
      std::atomic<std::size_t>& n;
      ~Done() { n.fetch_sub(1, std::memory_order_relaxed); }
    } done{pending_};
    auto work = [f = std::move(fn)]() mutable -> boost::asio::awaitable<R> { co_return f(); };
    // Awaited into a named value: g++ 12 mishandles `co_return co_await` on
    // move-only temporaries (STACK.md).
    if constexpr (std::is_void_v<R>) {
      co_await boost::asio::co_spawn(pool_.get_executor(), std::move(work),
                                     boost::asio::use_awaitable);
    } else {
      R result = co_await boost::asio::co_spawn(pool_.get_executor(), std::move(work),
                                                boost::asio::use_awaitable);
      co_return result;
    }
  }

  // Work submitted and not yet finished: a queue-depth signal for limits.
  std::size_t pending() const { return pending_.load(std::memory_order_relaxed); }

  void Stop() { pool_.join(); }

 private:
  boost::asio::thread_pool pool_;
  std::atomic<std::size_t> pending_{0};
};

}  // namespace securebase::http
