#include "http/connection.h"

#include <fmt/compile.h>
#include <fmt/format.h>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

#include <chrono>
#include <optional>

#include "common/log.h"
#include "http/message_framing.h"
#include "http/problem.h"
#include "http/request_target.h"

namespace securebase::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;
using beast_http::field;
using beast_http::status;

constexpr auto kNoThrow = asio::as_tuple(asio::use_awaitable);

struct Outcome {
  Response res;
  std::string_view route = "unmatched";  // a pattern or a fixed label, never the raw path
  bool close = false;
  bool api = false;  // API and operations responses are never cached
};

Outcome Malformed(status s, std::string_view slug, std::string_view title,
                  std::string_view detail) {
  return Outcome{Problem(s, slug, title, detail), "malformed", true, true};
}

bool IsHttpParseError(const boost::system::error_code& ec) {
  return ec.category() == beast_http::make_error_code(beast_http::error::bad_method).category() &&
         ec != beast_http::error::end_of_stream && ec != beast_http::error::partial_message;
}

bool IsJsonContentType(std::string_view ct) {
  const auto semi = ct.find(';');
  std::string_view media = ct.substr(0, semi);
  while (!media.empty() && media.back() == ' ') media.remove_suffix(1);
  return beast::iequals(media, "application/json");
}

bool MayHaveBody(beast_http::verb v) {
  return v == beast_http::verb::post || v == beast_http::verb::put || v == beast_http::verb::patch;
}

// Runs the matched route (or the static files, or a 404/405) for a request
// whose head and body have been read.
asio::awaitable<Outcome> Dispatch(const ServerContext& ctx, const std::optional<RouteMatch>& match,
                                  const NoMatch& why, Request& req) {
  const auto method = req.message.method();
  if (match) {
    const Route& route = *match->route;
    req.params = match->params;
    req.route = route.pattern;
    if (route.json_body && MayHaveBody(method) && !req.message.body().empty() &&
        !IsJsonContentType(req.Header(field::content_type))) {
      co_return Outcome{
          Problem(status::unsupported_media_type, "unsupported-media-type",
                  "Unsupported media type",
                  "Send the request body as JSON with Content-Type: application/json."),
          route.pattern, false, true};
    }
    // g++ 12 miscompiles co_await inside a braced initializer (see STACK.md):
    // await into a named variable first.
    Outcome out{Response{}, route.pattern, false, true};
    try {
      Response res = co_await route.handler(req);
      out.res = std::move(res);
    } catch (const std::exception& e) {
      Log(LogLevel::kError, "handler_exception",
          {{"request_id", req.request_id}, {"route", route.pattern}, {"what", e.what()}});
      out.res = ProblemFromError(Error{ErrorCode::kInternal, "", {}});
    }
    co_return out;
  }
  if (why.path_known) {
    Outcome out{Problem(status::method_not_allowed, "method-not-allowed", "Method not allowed",
                        "This address does not accept that method."),
                "unmatched", false, true};
    out.res.set(field::allow, why.allow);
    co_return out;
  }
  const bool read = method == beast_http::verb::get || method == beast_http::verb::head;
  if (!IsServerPath(req.path)) {
    if (read) {
      if (auto res = ctx.files.Serve(req.path, req.Header(field::if_none_match))) {
        co_return Outcome{std::move(*res), "static", false, false};
      }
      if (ctx.files.empty()) {
        co_return Outcome{
            Problem(status::service_unavailable, "app-not-built", "The app is not built",
                    "The web app has not been built yet. Run make build."),
            "static", false, true};
      }
    } else if (ctx.files.Serve(req.path, {})) {
      Outcome out{Problem(status::method_not_allowed, "method-not-allowed", "Method not allowed",
                          "This address does not accept that method."),
                  "static", false, true};
      out.res.set(field::allow, "GET, HEAD");
      co_return out;
    }
  }
  co_return Outcome{NothingHere(), "unmatched", false, true};
}

void Record(const ServerContext& ctx, const Request& req, std::string_view method,
            const Outcome& out, std::chrono::steady_clock::time_point started) {
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const std::string code = std::to_string(out.res.result_int());
  ctx.metrics
      .GetCounter("securebase_http_requests_total",
                  {{"route", out.route}, {"method", method}, {"status", code}})
      .Add();
  ctx.metrics.GetHistogram("securebase_http_request_seconds", {{"route", out.route}})
      .Observe(seconds);
  if (ctx.options.log_requests) {
    Log(LogLevel::kInfo, "request",
        {{"request_id", req.request_id},
         {"method", method},
         {"route", out.route},
         {"status", out.res.result_int()},
         {"ms", seconds * 1000.0}});
  }
}

// After answering a request we will not read, drain what the client is still
// sending for a moment so the close does not turn into a reset that destroys
// our answer before the client reads it.
asio::awaitable<void> Linger(beast::tcp_stream& stream) {
  boost::system::error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  char sink[8192];
  std::size_t drained = 0;
  stream.expires_after(std::chrono::seconds(2));
  while (drained < 4 * 1024 * 1024) {
    auto [rec, n] = co_await stream.async_read_some(asio::buffer(sink), kNoThrow);
    if (rec) break;
    drained += n;
  }
}

}  // namespace

asio::awaitable<void> ServeConnection(const ServerContext& ctx, WorkerState& worker,
                                      tcp::socket socket) {
  std::string remote;
  {
    boost::system::error_code ec;
    const auto ep = socket.remote_endpoint(ec);
    if (!ec) remote = ep.address().to_string();
  }
  beast::tcp_stream stream(std::move(socket));
  auto tracked = worker.connections.insert(worker.connections.end(), {&stream, true});
  struct Untrack {
    WorkerState& w;
    std::list<WorkerState::Tracked>::iterator it;
    ~Untrack() { w.connections.erase(it); }
  } untrack{worker, tracked};

  const Limits& limits = ctx.options.limits;
  beast::flat_buffer buffer;
  bool linger = false;
  for (;;) {
    // Wait for the first byte of the next request (the keep-alive idle time).
    tracked->idle = true;
    if (worker.stopping) break;
    if (buffer.size() == 0) {
      stream.expires_after(limits.idle_timeout);
      auto [ec, n] = co_await stream.async_read_some(buffer.prepare(4096), kNoThrow);
      if (ec) break;
      buffer.commit(n);
    }
    tracked->idle = false;

    beast_http::request_parser<beast_http::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(limits.max_header_bytes));
    // The body limit depends on the route, known only after the head is read;
    // until then the parser must not judge Content-Length itself.
    parser.body_limit(boost::none);
    stream.expires_after(limits.header_timeout);
    auto [hec, hn] = co_await beast_http::async_read_header(stream, buffer, parser, kNoThrow);
    const auto started = std::chrono::steady_clock::now();

    Request req;
    req.request_id =
        fmt::format(FMT_COMPILE("{:08x}{:08x}"), worker.id_prefix, ++worker.next_request);
    req.remote_address = remote;
    std::optional<Outcome> early;
    std::string method = "-";

    if (hec == beast_http::error::header_limit) {
      early = Malformed(
          status::request_header_fields_too_large, "header-too-large", "Request headers too large",
          fmt::format("The request head is larger than {} bytes.", limits.max_header_bytes));
    } else if (IsHttpParseError(hec)) {
      early = Malformed(status::bad_request, "malformed-request", "Malformed request",
                        "The request could not be read as HTTP/1.1.");
    } else if (hec) {
      break;  // the peer went away or was too slow: nobody to answer
    }

    std::optional<RouteMatch> match;
    NoMatch why;
    if (!early) {
      const auto& head = parser.get();
      method = std::string(head.method_string());
      if (!ReadRequestTarget(head.target(), req)) {
        early = Malformed(status::bad_request, "malformed-request", "Malformed request",
                          "The request target is not a valid path.");
      } else if (const auto framing = AmbiguousFraming(head)) {
        early = Malformed(status::bad_request, "malformed-request", "Malformed request", *framing);
      }
    }
    if (!early) {
      const auto& head = parser.get();
      match = ctx.router.Match(head.method(), req.path, &why);
      const std::size_t body_limit = match && match->route->max_body_bytes
                                         ? match->route->max_body_bytes
                                         : limits.max_body_bytes;
      const auto too_large = [&] {
        return Malformed(status::payload_too_large, "payload-too-large", "Request body too large",
                         fmt::format("The request body is larger than {} bytes.", body_limit));
      };
      if (parser.content_length() && *parser.content_length() > body_limit) {
        early = too_large();
      } else if (!parser.is_done()) {
        parser.body_limit(body_limit);
        if (beast::iequals(head[field::expect], "100-continue")) {
          beast_http::response<beast_http::empty_body> cont{status::continue_, head.version()};
          stream.expires_after(limits.write_timeout);
          auto [cec, cn] = co_await beast_http::async_write(stream, cont, kNoThrow);
          if (cec) break;
        }
        stream.expires_after(limits.body_timeout);
        auto [bec, bn] = co_await beast_http::async_read(stream, buffer, parser, kNoThrow);
        if (bec == beast_http::error::body_limit) {
          early = too_large();
        } else if (IsHttpParseError(bec)) {
          early = Malformed(status::bad_request, "malformed-request", "Malformed request",
                            "The request body could not be read.");
        } else if (bec) {
          break;
        }
      }
    }

    Outcome out;
    const unsigned version = parser.is_header_done() ? parser.get().version() : 11;
    const bool head_request =
        parser.is_header_done() && parser.get().method() == beast_http::verb::head;
    const bool client_keep_alive = parser.is_header_done() && parser.get().keep_alive();
    if (early) {
      out = std::move(*early);
    } else {
      req.message = parser.release();
      Outcome dispatched = co_await Dispatch(ctx, match, why, req);
      out = std::move(dispatched);
    }

    Response& res = out.res;
    res.version(version);
    res.set("X-Request-Id", req.request_id);
    if (out.api && res.find(field::cache_control) == res.end())
      res.set(field::cache_control, "no-store");
    AddSecurityHeaders(res, ctx.options.security);
    const bool keep = !out.close && client_keep_alive && !worker.stopping;
    res.keep_alive(keep);
    res.prepare_payload();
    if (head_request) res.body().clear();  // Content-Length still tells the size

    Record(ctx, req, method, out, started);
    stream.expires_after(limits.write_timeout);
    auto [wec, wn] = co_await beast_http::async_write(stream, res, kNoThrow);
    if (wec) break;
    if (!keep) {
      linger = out.close;
      break;
    }
  }
  if (linger) {
    co_await Linger(stream);
  } else {
    boost::system::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  }
}

}  // namespace securebase::http
