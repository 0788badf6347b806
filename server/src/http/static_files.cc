#include "http/static_files.h"

#include "common/fingerprint.h"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

namespace securebase::http {
namespace {

std::string_view ContentTypeFor(std::string_view ext) {
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json") return "application/json";
  if (ext == ".webmanifest") return "application/manifest+json";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  if (ext == ".map") return "application/json";
  return "application/octet-stream";
}

std::string CacheControlFor(std::string_view key) {
  if (key == "/index.html" || key == "/sw.js" || key.ends_with(".webmanifest")) return "no-cache";
  if (key.starts_with("/assets/")) return "public, max-age=31536000, immutable";
  return "public, max-age=3600";
}

// A strong validator from the content.
std::string EtagFor(std::string_view body) {
  return "\"" + Fingerprint(body) + "\"";
}

bool HasExtension(std::string_view path) {
  const auto slash = path.rfind('/');
  const auto dot = path.rfind('.');
  return dot != std::string_view::npos && (slash == std::string_view::npos || dot > slash);
}

}  // namespace

bool IsServerPath(std::string_view path) {
  return path == "/api" || path.starts_with("/api/") || path == "/healthz" || path == "/readyz" ||
         path == "/metrics" || path.starts_with("/calendar/");
}

Result<StaticFiles> StaticFiles::Load(const std::filesystem::path& root) {
  StaticFiles out;
  std::error_code ec;
  if (!std::filesystem::is_directory(root, ec)) return out;
  for (auto it = std::filesystem::recursive_directory_iterator(root, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    std::ifstream in(it->path(), std::ios::binary);
    if (!in) return Unavailable("Cannot read " + it->path().string());
    std::ostringstream data;
    data << in.rdbuf();
    const std::string key = "/" + std::filesystem::relative(it->path(), root).generic_string();
    File f;
    f.body = std::move(data).str();
    f.content_type = std::string(ContentTypeFor(it->path().extension().string()));
    f.cache_control = CacheControlFor(key);
    f.etag = EtagFor(f.body);
    out.files_.emplace(key, std::move(f));
  }
  if (ec) return Unavailable("Cannot list " + root.string() + ": " + ec.message());
  return out;
}

const StaticFiles::File* StaticFiles::Find(std::string_view path) const {
  const auto it = files_.find(std::string(path == "/" ? "/index.html" : path));
  return it == files_.end() ? nullptr : &it->second;
}

std::optional<Response> StaticFiles::Serve(std::string_view path,
                                           std::string_view if_none_match) const {
  if (IsServerPath(path)) return std::nullopt;
  const File* file = Find(path);
  if (!file && !HasExtension(path)) file = Find("/index.html");
  if (!file) return std::nullopt;
  Response res{beast_http::status::ok, 11};
  res.set(beast_http::field::cache_control, file->cache_control);
  res.set(beast_http::field::etag, file->etag);
  if (!if_none_match.empty() && if_none_match == file->etag) {
    res.result(beast_http::status::not_modified);
    return res;
  }
  res.set(beast_http::field::content_type, file->content_type);
  res.body() = file->body;
  return res;
}

}  // namespace securebase::http
