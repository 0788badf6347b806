#include "common/log.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <mutex>

#include "common/json_escape.h"

namespace securebase {
namespace {

std::atomic<int> g_level{static_cast<int>(LogLevel::kInfo)};
std::atomic<bool> g_json{true};

const char* LevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kDebug: return "debug";
    case LogLevel::kInfo: return "info";
    case LogLevel::kWarn: return "warn";
    case LogLevel::kError: return "error";
  }
  return "info";
}

std::string Timestamp() {
  using namespace std::chrono;
  const auto now = system_clock::now();
  const auto ms = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
  const std::time_t t = system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  return fmt::format("{}.{:03}Z", buf, ms);
}

// The sink is spdlog's stderr sink with a bare pattern: spdlog gives us a
// lock-protected, flushed writer; the JSON is ours.
spdlog::logger& Logger() {
  static auto logger = [] {
    auto l = spdlog::stderr_logger_mt("securebase");
    l->set_pattern("%v");
    // Log() filters by g_level; spdlog's own level (info by default) would
    // otherwise silently drop debug lines.
    l->set_level(spdlog::level::trace);
    l->flush_on(spdlog::level::trace);
    return l;
  }();
  return *logger;
}

}  // namespace

void ConfigureLogging(LogLevel level, bool json) {
  g_level.store(static_cast<int>(level));
  g_json.store(json);
}

bool ParseLogLevel(std::string_view name, LogLevel& out) {
  if (name == "debug")
    out = LogLevel::kDebug;
  else if (name == "info")
    out = LogLevel::kInfo;
  else if (name == "warn")
    out = LogLevel::kWarn;
  else if (name == "error")
    out = LogLevel::kError;
  else
    return false;
  return true;
}

void Log(LogLevel level, std::string_view event, std::initializer_list<LogField> fields) {
  if (static_cast<int>(level) < g_level.load()) return;
  std::string line;
  line.reserve(160);
  const bool json = g_json.load();
  if (json) {
    line += R"({"ts":")" + Timestamp() + R"(","level":")" + LevelName(level) + R"(","event":")";
    AppendJsonEscaped(line, event);
    line += '"';
  } else {
    line += Timestamp() + " " + LevelName(level) + " " + std::string(event);
  }
  for (const auto& f : fields) {
    if (json) {
      line += ",\"";
      AppendJsonEscaped(line, f.key);
      line += "\":";
    } else {
      line += ' ';
      line += f.key;
      line += '=';
    }
    std::visit(
        [&](const auto& v) {
          using V = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<V, std::string_view>) {
            if (json) {
              line += '"';
              AppendJsonEscaped(line, v);
              line += '"';
            } else {
              line += v;
            }
          } else if constexpr (std::is_same_v<V, bool>) {
            line += v ? "true" : "false";
          } else if constexpr (std::is_same_v<V, double>) {
            // NaN and infinities have no JSON spelling.
            line += std::isfinite(v) ? fmt::format("{:.3f}", v) : std::string(json ? "null" : "-");
          } else {
            line += std::to_string(v);
          }
        },
        f.value);
  }
  if (json) line += '}';
  switch (level) {
    case LogLevel::kDebug: Logger().debug(line); break;
    case LogLevel::kInfo: Logger().info(line); break;
    case LogLevel::kWarn: Logger().warn(line); break;
    case LogLevel::kError: Logger().error(line); break;
  }
}

}  // namespace securebase
