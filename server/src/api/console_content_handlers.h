// The course content in the practitioner's console (docs/api/content.md):
//
//   GET  /api/v1/console/content                 the tree being served
//   GET  /api/v1/console/content/file?path=…     one file's text and revision
//   POST /api/v1/console/content/preview         {path, text}: the lesson as a
//                                                learner would see it, and the
//                                                problems, nothing saved
//   PUT  /api/v1/console/content/file            {path, text, revision?}: checked
//                                                whole, then written and published
//   POST /api/v1/console/content/reload          after editing files by hand
//
// A save or reload whose content has problems is 422 `content-invalid` with
// every problem (file, line, message) and changes nothing. Saves and reloads
// are written to the audit log. The routes are the practitioner's, after
// two-factor (api/routes.cc); the work is domain::ContentEditor's.
#pragma once

#include <cstddef>

#include "api/api_context.h"
#include "http/request.h"

namespace securebase::api {

// A request carrying a content file: its text may be 256 KiB
// (domain::kMaxContentFileBytes), and JSON may escape every byte of it to
// two (newlines, quotes).
inline constexpr std::size_t kContentFileBodyBytes = 2 * domain::kMaxContentFileBytes + 4096;

http::Handler ListConsoleContentHandler(ApiContext& ctx);
http::Handler GetConsoleContentFileHandler(ApiContext& ctx);
http::Handler PreviewConsoleContentHandler(ApiContext& ctx);
http::Handler PutConsoleContentFileHandler(ApiContext& ctx);
http::Handler ReloadConsoleContentHandler(ApiContext& ctx);

}  // namespace securebase::api
