// The course as JSON for the app (docs/api/course.md): course overviews
// with the learner's progress, and one lesson with its typed blocks.
//
// Thread-safety: pure functions.
#pragma once

#include <boost/json/object.hpp>

#include "domain/course/course_service.h"

namespace securebase::api {

// {"id", "title", "summary", "pacing", "lesson_count", "completed_count",
//  "started", "complete", "continue"}; with_modules adds "modules".
boost::json::object EncodeCourse(const domain::CourseStatus& status, bool with_modules);

boost::json::object EncodeLesson(const domain::LessonView& view);

boost::json::object EncodeProgress(const domain::LessonProgress& progress);

}  // namespace securebase::api
