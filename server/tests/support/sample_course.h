// A small course built in code for domain tests: three modules of two
// lessons (m1: a1 a2, m2: b1 b2, m3: c1 c2); lesson b1 has two prompts.
#pragma once

#include <string>

#include "domain/course/course.h"

namespace securebase::testing {

inline domain::Lesson SampleLesson(std::string id) {
  domain::Lesson l;
  l.title = "Lesson " + id;
  l.id = std::move(id);
  l.summary = "A short lesson.";
  l.minutes = 5;
  l.blocks.push_back(domain::HtmlBlock{"<p>Text.</p>"});
  return l;
}

inline domain::Course SampleCourse(domain::PacingMode mode = domain::PacingMode::kGentle,
                                   int days = 3) {
  domain::Course c;
  c.id = "sample";
  c.title = "Sample";
  c.pacing = {mode, mode == domain::PacingMode::kGentle ? days : 0};
  for (const char* m : {"m1", "m2", "m3"}) {
    domain::Module module;
    module.id = m;
    module.title = std::string("Module ") + m;
    const char prefix = static_cast<char>('a' + (m[1] - '1'));
    module.lessons.push_back(SampleLesson(std::string(1, prefix) + "1"));
    module.lessons.push_back(SampleLesson(std::string(1, prefix) + "2"));
    c.modules.push_back(std::move(module));
  }
  auto& b1 = c.modules[1].lessons[0];
  b1.blocks.push_back(domain::PromptBlock{"notice", "What did you notice?"});
  b1.blocks.push_back(domain::PromptBlock{"need", "What do you need?"});
  return c;
}

}  // namespace securebase::testing
