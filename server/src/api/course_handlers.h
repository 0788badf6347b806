// The course, for a signed-in learner (docs/api/course.md):
//
// GET /api/v1/courses                       → {"courses": [course overview]}
// GET /api/v1/courses/{id}                  → course overview with "modules"
// GET /api/v1/lessons/{id}                  → the lesson's blocks, neighbours and progress
// PUT /api/v1/lessons/{id}/progress         {"completed"?, "position"?} → {"progress"}
// GET /api/v1/lessons/{id}/answers          → {"answers": {"<prompt id>": "text"}}
// PUT /api/v1/lessons/{id}/answers/{prompt} {"text"} → 204
//
// Lesson content and answers are separate on purpose: the app keeps opened
// lessons for reading offline, and answers are personal, so they are never
// part of what it keeps.
#pragma once

#include "api/api_context.h"
#include "http/request.h"

namespace securebase::api {

http::Handler ListCoursesHandler(ApiContext& ctx);
http::Handler GetCourseHandler(ApiContext& ctx);
http::Handler GetLessonHandler(ApiContext& ctx);
http::Handler PutLessonProgressHandler(ApiContext& ctx);
http::Handler GetLessonAnswersHandler(ApiContext& ctx);
http::Handler PutLessonAnswerHandler(ApiContext& ctx);

}  // namespace securebase::api
