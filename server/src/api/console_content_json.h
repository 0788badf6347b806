// The console's view of the content as JSON (docs/api/content.md): the tree
// being served with the file each part comes from, one file's text, and the
// problems a check found.
//
// Thread-safety: pure functions.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <string_view>
#include <vector>

#include "domain/catalog/catalog.h"
#include "domain/catalog/content_editor.h"

namespace securebase::api {

// {"revision", "loaded_at"}: which content is served, and since when.
boost::json::object EncodeServedContent(const domain::PublishedContent& content);

// EncodeServedContent plus "courses" (with modules and lessons), "practices",
// "questionnaires" and "crisis_lines", each part with its id, title and file.
boost::json::object EncodeContentTree(const domain::PublishedContent& content);

// [{"file", "line", "message"}], line null for a whole file.
boost::json::array EncodeContentProblems(const std::vector<domain::ContentProblem>& problems);

// The lesson read from `file` in a checked set, as GET /api/v1/lessons/{id}
// shows it to a learner who has not opened it yet; null when the set holds
// no lesson from that file (not a lesson, or too broken to read).
boost::json::value EncodeLessonPreview(const std::shared_ptr<const domain::PublishedContent>& set,
                                       std::string_view file);

}  // namespace securebase::api
