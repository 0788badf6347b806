#include "api/course_handlers.h"

#include "api/access_guard.h"
#include "api/course_json.h"
#include "api/json_body.h"
#include "api/json_fields.h"
#include "http/problem.h"
#include "http/response.h"

namespace securebase::api {

using boost::beast::http::status;
using boost::json::object;

http::Handler ListCoursesHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    const std::string user = CallerSession(req).user_id;
    auto courses = co_await ctx.pool.Run([&] { return ctx.courses.Overviews(user); });
    if (!courses) co_return http::ProblemFromError(courses.error());
    boost::json::array out;
    for (const auto& c : *courses) out.push_back(EncodeCourse(c.status, false));
    co_return http::Json(status::ok, object{{"courses", std::move(out)}});
  };
}

http::Handler GetCourseHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    const std::string user = CallerSession(req).user_id;
    const std::string id(req.Param("id"));
    auto course = co_await ctx.pool.Run([&] { return ctx.courses.Overview(user, id); });
    if (!course) co_return http::ProblemFromError(course.error());
    co_return http::Json(status::ok, EncodeCourse(course->status, true));
  };
}

http::Handler GetLessonHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    const std::string user = CallerSession(req).user_id;
    const std::string id(req.Param("id"));
    auto lesson = co_await ctx.pool.Run([&] { return ctx.courses.Read(user, id); });
    if (!lesson) co_return http::ProblemFromError(lesson.error());
    co_return http::Json(status::ok, EncodeLesson(*lesson));
  };
}

http::Handler PutLessonProgressHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    auto body = ParseJsonObject(req);
    if (!body) co_return http::ProblemFromError(body.error());
    JsonFields f(*body);
    const domain::ProgressUpdate update{f.OptionalBool("completed"), f.OptionalNumber("position")};
    if (auto ok = f.Check(); !ok) co_return http::ProblemFromError(ok.error());
    const std::string user = CallerSession(req).user_id;
    const std::string id(req.Param("id"));
    auto saved = co_await ctx.pool.Run([&] { return ctx.courses.Record(user, id, update); });
    if (!saved) co_return http::ProblemFromError(saved.error());
    co_return http::Json(status::ok, object{{"progress", EncodeProgress(*saved)}});
  };
}

http::Handler GetLessonAnswersHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    const std::string user = CallerSession(req).user_id;
    const std::string id(req.Param("id"));
    auto answers = co_await ctx.pool.Run([&] { return ctx.courses.Answers(user, id); });
    if (!answers) co_return http::ProblemFromError(answers.error());
    object out;
    for (const auto& [prompt, text] : *answers) out[prompt] = text;
    co_return http::Json(status::ok, object{{"answers", std::move(out)}});
  };
}

http::Handler PutLessonAnswerHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    auto body = ParseJsonObject(req);
    if (!body) co_return http::ProblemFromError(body.error());
    JsonFields f(*body);
    const std::string text = f.Text("text");
    if (auto ok = f.Check(); !ok) co_return http::ProblemFromError(ok.error());
    const std::string user = CallerSession(req).user_id;
    const std::string id(req.Param("id"));
    const std::string prompt(req.Param("prompt"));
    auto saved =
        co_await ctx.pool.Run([&] { return ctx.courses.SaveAnswer(user, id, prompt, text); });
    if (!saved) co_return http::ProblemFromError(saved.error());
    co_return http::NoContent();
  };
}

}  // namespace securebase::api
