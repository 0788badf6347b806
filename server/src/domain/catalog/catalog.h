// The catalog: the content the server is serving right now (courses,
// questionnaires, practices and crisis lines), as one immutable snapshot
// that can be replaced while the server runs.
//
// content/ builds a PublishedContent from the files; app/ publishes it at
// start and again after `securebase content import` (or SIGHUP). A handler
// takes the snapshot once per request with Current() and keeps the
// shared_ptr while it works, so a reload in the middle never pulls a lesson
// out from under it. Saved progress and answers hang on stable ids, never on
// a snapshot, which is why edits lose nothing.
//
// Thread-safety: Current() and Publish() may be called from any thread.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "common/clock.h"
#include "domain/assessment/questionnaire.h"
#include "domain/course/course.h"
#include "domain/practice/practice.h"
#include "domain/safety/crisis_lines.h"

namespace securebase::domain {

// A file the content was read from, for the practitioner's console: what it
// holds ("course", "module", "lesson", "questionnaire", "practice",
// "crisis-lines"), that thing's id and title, and the file's path relative
// to the content folder.
struct ContentSource {
  std::string kind;
  std::string id;
  std::string title;
  std::string file;
};

struct PublishedContent {
  std::vector<Course> courses;
  std::vector<Questionnaire> questionnaires;
  std::vector<Practice> practices;
  // A corrected phone number must reach people without a restart.
  CrisisDirectory crisis;
  // A fingerprint of the files, so logs and the console can say which
  // version is live.
  std::string revision;
  // When this snapshot was read from the files (the console shows it).
  Instant loaded_at;
  // Every file read, in path order.
  std::vector<ContentSource> sources;
};

class Catalog {
 public:
  explicit Catalog(
      std::shared_ptr<const PublishedContent> initial = std::make_shared<const PublishedContent>())
      : current_(std::move(initial)) {}

  std::shared_ptr<const PublishedContent> Current() const {
    return current_.load(std::memory_order_acquire);
  }

  void Publish(std::shared_ptr<const PublishedContent> next) {
    current_.store(std::move(next), std::memory_order_release);
  }

 private:
  std::atomic<std::shared_ptr<const PublishedContent>> current_;
};

}  // namespace securebase::domain
