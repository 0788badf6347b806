// Structured logs: one JSON object per line on stderr, e.g.
//   {"ts":"2026-11-29T08:00:00.123Z","level":"info","event":"request","route":"/healthz",...}
//
// Only values that are safe to log go in: route patterns (never raw paths,
// which can carry tokens), status codes, durations, counts, ids made by the
// server. Never emails, names, free text or tokens: callers choose the fields,
// and reviews check them.
//
// Thread-safety: Log() may be called from any thread.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <variant>

namespace securebase {

enum class LogLevel { kDebug, kInfo, kWarn, kError };

struct LogField {
  std::string_view key;
  std::variant<std::string_view, std::int64_t, double, bool> value;

  LogField(std::string_view k, std::string_view v) : key(k), value(v) {}
  LogField(std::string_view k, const std::string& v) : key(k), value(std::string_view(v)) {}
  LogField(std::string_view k, const char* v) : key(k), value(std::string_view(v)) {}
  LogField(std::string_view k, std::int64_t v) : key(k), value(v) {}
  LogField(std::string_view k, int v) : key(k), value(std::int64_t{v}) {}
  LogField(std::string_view k, unsigned v) : key(k), value(std::int64_t{v}) {}
  LogField(std::string_view k, std::size_t v) : key(k), value(static_cast<std::int64_t>(v)) {}
  LogField(std::string_view k, double v) : key(k), value(v) {}
  LogField(std::string_view k, bool v) : key(k), value(v) {}
};

// Sets the lowest level written ("debug", "info", "warn", "error") and
// whether lines are JSON (default) or a human-friendly text form.
void ConfigureLogging(LogLevel level, bool json);

void Log(LogLevel level, std::string_view event, std::initializer_list<LogField> fields = {});

// Parses "debug" | "info" | "warn" | "error"; false if unknown.
bool ParseLogLevel(std::string_view name, LogLevel& out);

}  // namespace securebase
