// StaticFiles serves the built web app (web/dist) from memory.
//
// The files are read once at start (the app is a few hundred KiB). Caching
// follows STACK.md: index.html and sw.js are revalidated every time
// (no-cache), hashed files under assets/ are immutable for a year, the rest
// revalidate after an hour. Paths without an extension that are not API
// paths fall back to index.html so the app's own router can show them.
//
// Thread-safety: immutable after Load; Serve is safe from every thread.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/error.h"
#include "http/request.h"

namespace securebase::http {

class StaticFiles {
 public:
  // Loads every regular file under root. A missing root is not an error: the
  // server still serves the API and says plainly that the app is not built.
  static Result<StaticFiles> Load(const std::filesystem::path& root);

  bool empty() const { return files_.empty(); }

  // The response for a GET/HEAD of path, or nullopt when nothing fits.
  std::optional<Response> Serve(std::string_view path, std::string_view if_none_match) const;

 private:
  struct File {
    std::string body;
    std::string content_type;
    std::string cache_control;
    std::string etag;
  };
  const File* Find(std::string_view path) const;

  std::unordered_map<std::string, File> files_;  // key: "/assets/x.js"
};

// True for paths the app fallback must never answer (API and operations).
bool IsServerPath(std::string_view path);

}  // namespace securebase::http
