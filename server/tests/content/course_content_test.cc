// Quality rules for the course as written in the repository's content/
// folder (issue #6), checked on every `make test`:
//
//   each lesson: 500–1,200 words, a learning aim, at least one embedded
//   practice (and every listed practice embedded), 2–3 reflection prompts
//   with ids of the form <lesson-id>-<n>, the signs it addresses (lessons of
//   the orientation module excepted), a time estimate no shorter than its
//   reading time;
//   the course: at least 28 lessons in at least 12 modules of 2–4 lessons;
//   each of the eight signs addressed by at least two lessons and, through
//   those lessons' practices, at least two distinct practices;
//   no two lessons share a paragraph, a near-identical sentence or a run of
//   12 words.
//
// `securebase content check` (content_loader.h) already rejects malformed
// files, unknown ids and broken links; this file adds the editorial bar.
// Every failure names the lesson's file, relative to content/.
//
// Thread-safety: single-threaded test code.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include "content/content_id.h"
#include "content/content_loader.h"
#include "domain/course/course.h"
#include "domain/course/sign_ids.h"
#include "support/source_dir.h"

namespace securebase::content {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kCourseId = "heal-insecure-attachment";
// How to use the course, what it is not, the check-in: about the course
// itself rather than any one sign, so its lessons may list no signs.
constexpr std::string_view kOrientationModuleId = "starting-safely";

constexpr int kMinWords = 500;
constexpr int kMaxWords = 1200;
constexpr int kMinPrompts = 2;
constexpr int kMaxPrompts = 3;
constexpr int kMinLessons = 28;
constexpr int kMinModules = 12;
constexpr std::size_t kMinModuleLessons = 2;
constexpr std::size_t kMaxModuleLessons = 4;
constexpr std::size_t kMinLessonsPerSign = 2;
constexpr std::size_t kMinPracticesPerSign = 2;

// Repetition between lessons: a paragraph (list item, heading, prompt) of at
// least this many words may appear in one lesson only...
constexpr std::size_t kParagraphWords = 12;
// ...no two sentences this long may share this share of the shorter one's
// distinct words (reworded formulas read as boilerplate too)...
constexpr std::size_t kSentenceWords = 15;
constexpr double kSentenceOverlap = 0.8;
// ...and no run of this many words may appear in two lessons.
constexpr std::size_t kRunWords = 12;

// ---------------------------------------------------------------------------
// Text helpers: the lesson Markdown as passages, sentences and words.

// Lowercase words of letters, digits and apostrophes (’ counts as '); link
// targets such as (lesson:window-of-tolerance) are not words.
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  const auto flush = [&] {
    if (!word.empty()) words.push_back(std::move(word));
    word.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ']' && i + 1 < text.size() && text[i + 1] == '(') {
      const auto close = text.find(')', i);
      if (close != std::string_view::npos) {
        flush();
        i = close;
        continue;
      }
    }
    if (text.substr(i, 3) == "\xE2\x80\x99") {  // ’
      word += '\'';
      i += 2;
      continue;
    }
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '\'') {
      word += static_cast<char>(std::tolower(u));
    } else {
      flush();
    }
  }
  flush();
  return words;
}

std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool StartsBlock(std::string_view line) {
  if (line.starts_with("- ") || line.starts_with("* ") || line.starts_with("#") ||
      line.starts_with(">")) {
    return true;
  }
  std::size_t digits = 0;
  while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
  return digits > 0 && line.substr(digits).starts_with(". ");
}

// The reader-visible passages of a lesson body: paragraphs, with each list
// item, heading and quote line a passage of its own, and each prompt's
// question; `::practice` lines are left out.
std::vector<std::string> Passages(std::string_view markdown) {
  std::vector<std::string> passages;
  std::string current;
  const auto flush = [&] {
    if (!current.empty()) passages.push_back(std::move(current));
    current.clear();
  };
  std::size_t start = 0;
  while (start <= markdown.size()) {
    auto end = markdown.find('\n', start);
    if (end == std::string_view::npos) end = markdown.size();
    std::string_view line = TrimSpace(markdown.substr(start, end - start));
    start = end + 1;
    if (line.empty()) {
      flush();
      continue;
    }
    if (line.starts_with("::practice")) continue;
    if (line.starts_with("::prompt")) {
      flush();
      const auto close = line.find('}');
      line =
          close == std::string_view::npos ? std::string_view{} : TrimSpace(line.substr(close + 1));
    } else if (StartsBlock(line)) {
      flush();
    }
    if (!current.empty()) current += ' ';
    current += line;
  }
  flush();
  return passages;
}

// Sentences end at . ! or ? followed by a space (closing quotes, brackets
// and Markdown emphasis may come between).
std::vector<std::string> Sentences(std::string_view passage) {
  std::vector<std::string> out;
  std::size_t begin = 0;
  for (std::size_t i = 0; i < passage.size(); ++i) {
    if (passage[i] != '.' && passage[i] != '!' && passage[i] != '?') continue;
    std::size_t j = i + 1;
    while (j < passage.size() &&
           std::string_view("\"')*_").find(passage[j]) != std::string_view::npos)
      ++j;
    if (j < passage.size() && passage[j] != ' ') continue;
    out.emplace_back(TrimSpace(passage.substr(begin, j - begin)));
    begin = j;
    i = j;
  }
  if (const auto rest = TrimSpace(passage.substr(begin)); !rest.empty()) out.emplace_back(rest);
  return out;
}

std::string Join(const std::vector<std::string>& words, std::size_t from, std::size_t count) {
  std::string out;
  for (std::size_t i = from; i < from + count && i < words.size(); ++i) {
    if (!out.empty()) out += ' ';
    out += words[i];
  }
  return out;
}

std::string Preview(const std::string& text) {
  constexpr std::size_t kMax = 90;
  return text.size() <= kMax ? text : text.substr(0, kMax) + "…";
}

// How many values two sorted, distinct lists share.
std::size_t CommonCount(const std::vector<int>& a, const std::vector<int>& b) {
  // Raw pointers: this runs for every pair of long sentences in the course,
  // and unoptimised test builds make iterator calls slow.
  const int* i = a.data();
  const int* j = b.data();
  const int* const i_end = i + a.size();
  const int* const j_end = j + b.size();
  std::size_t common = 0;
  while (i != i_end && j != j_end) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++common;
      ++i;
      ++j;
    }
  }
  return common;
}

// A piece of lesson text to compare across lessons.
struct LessonText {
  std::string file;  // the lesson file, relative to content/
  std::string body;  // Markdown after the front matter
};

// Every place where two lessons repeat each other, one message per pair of
// lessons and kind of repetition, each naming both files.
std::vector<std::string> Repetitions(const std::vector<LessonText>& lessons) {
  std::vector<std::string> found;
  std::set<std::pair<std::string, std::string>> reported;
  const auto report = [&](const std::string& a, const std::string& b, const std::string& what) {
    auto key = std::minmax(a, b);
    if (!reported.insert({key.first, key.second}).second) return;
    found.push_back(a + " and " + b + " " + what);
  };

  std::unordered_map<std::string, std::string> paragraph_owner;  // normalised paragraph → file
  std::unordered_map<std::string, std::string> run_owner;        // normalised run of words → file
  struct Sentence {
    std::string file;
    std::string text;
    std::vector<int> word_ids;  // sorted, distinct
  };
  std::vector<Sentence> sentences;
  std::unordered_map<std::string, int> word_ids;

  for (const auto& lesson : lessons) {
    for (const auto& passage : Passages(lesson.body)) {
      const auto words = Words(passage);
      if (words.size() >= kParagraphWords) {
        const auto [it, fresh] = paragraph_owner.emplace(Join(words, 0, words.size()), lesson.file);
        if (!fresh && it->second != lesson.file) {
          report(it->second, lesson.file, "share a paragraph: \"" + Preview(passage) + "\"");
        }
      }
      for (std::size_t i = 0; i + kRunWords <= words.size(); ++i) {
        const auto [it, fresh] = run_owner.emplace(Join(words, i, kRunWords), lesson.file);
        if (!fresh && it->second != lesson.file) {
          report(it->second, lesson.file, "share the words \"" + it->first + "\"");
        }
      }
      for (const auto& text : Sentences(passage)) {
        const auto sentence_words = Words(text);
        if (sentence_words.size() < kSentenceWords) continue;
        Sentence s{lesson.file, std::string(TrimSpace(text)), {}};
        for (const auto& w : sentence_words) {
          s.word_ids.push_back(
              word_ids.emplace(w, static_cast<int>(word_ids.size())).first->second);
        }
        std::sort(s.word_ids.begin(), s.word_ids.end());
        s.word_ids.erase(std::unique(s.word_ids.begin(), s.word_ids.end()), s.word_ids.end());
        sentences.push_back(std::move(s));
      }
    }
  }

  for (std::size_t i = 0; i < sentences.size(); ++i) {
    for (std::size_t j = i + 1; j < sentences.size(); ++j) {
      const auto& a = sentences[i];
      const auto& b = sentences[j];
      if (a.file == b.file) continue;
      const std::size_t common = CommonCount(a.word_ids, b.word_ids);
      const auto smaller = std::min(a.word_ids.size(), b.word_ids.size());
      if (static_cast<double>(common) >= kSentenceOverlap * static_cast<double>(smaller)) {
        report(a.file, b.file,
               "have nearly the same sentence: \"" + Preview(a.text) + "\" / \"" + Preview(b.text) +
                   "\"");
      }
    }
  }
  return found;
}

// ---------------------------------------------------------------------------
// The helpers themselves: each rule must be able to fail.

TEST(CourseContentHelpers, PassagesSplitListsHeadingsAndPromptsAndSkipPractices) {
  const auto passages = Passages(
      "## A heading\n\nOne line\nand its second line.\n\n- an item\n- another\n\n"
      "::practice{id=body-scan}\n\n::prompt{id=x-1} A question\nthat wraps?\n");
  ASSERT_EQ(passages.size(), 5u);
  EXPECT_EQ(passages[0], "## A heading");
  EXPECT_EQ(passages[1], "One line and its second line.");
  EXPECT_EQ(passages[2], "- an item");
  EXPECT_EQ(passages[3], "- another");
  EXPECT_EQ(passages[4], "A question that wraps?");
}

TEST(CourseContentHelpers, WordsIgnoreCaseMarkupAndLinkTargets) {
  EXPECT_EQ(Words("**Don’t** read [the window](lesson:window-of-tolerance), yet!"),
            (std::vector<std::string>{"don't", "read", "the", "window", "yet"}));
}

TEST(CourseContentHelpers, SentencesEndAtStopsFollowedBySpace) {
  EXPECT_EQ(Sentences("It is 2.5 hours. \"Really?\" Yes."),
            (std::vector<std::string>{"It is 2.5 hours.", "\"Really?\"", "Yes."}));
}

TEST(CourseContentHelpers, ASharedParagraphIsFoundWhateverItsCaseAndSpacing) {
  const std::string paragraph =
      "Breathe out slowly and let your shoulders drop a little further each time you do.";
  std::string shouted = paragraph;
  std::transform(shouted.begin(), shouted.end(), shouted.begin(), ::toupper);
  const auto space = shouted.find(' ', 40);
  shouted.replace(space, 1, "\n   ");  // a line break and indent where there was a space
  const auto found = Repetitions(
      {{"a.md", "Intro.\n\n" + paragraph + "\n"}, {"b.md", "Other.\n\n" + shouted + "\n"}});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].find("a.md and b.md share a paragraph"), std::string::npos) << found[0];
}

TEST(CourseContentHelpers, AReworkedSentenceIsStillARepetition) {
  const auto found = Repetitions(
      {{"a.md",
        "If you feel unsafe at any point, the help button lists crisis lines and people "
        "you can talk to."},
       {"b.md",
        "If at any point you feel unsafe, the help button lists people you can talk to and "
        "crisis lines."}});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].find("nearly the same sentence"), std::string::npos) << found[0];
}

TEST(CourseContentHelpers, ARunOfTwelveWordsInsideDifferentParagraphsIsFound) {
  const std::string run = "notice where in your body the feeling sits and what it wants from you";
  const auto found = Repetitions(
      {{"a.md", "First, " + run + ". Then rest."},
       {"b.md", "When the message arrives, " + run + " before you answer anything at all."}});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].find("share the words"), std::string::npos) << found[0];
}

TEST(CourseContentHelpers, DifferentTextOnTheSameThemeIsNotARepetition) {
  const auto found = Repetitions(
      {{"a.md",
        "When a message goes unanswered, the body often reacts before the mind has any idea "
        "what is happening."},
       {"b.md",
        "Waiting for a reply can feel endless, and it helps to have something kind and "
        "ordinary to do with your hands."}});
  EXPECT_TRUE(found.empty()) << found.front();
}

// ---------------------------------------------------------------------------
// The repository's course.

const ContentSet& RepositoryContent() {
  static const ContentSet set = LoadContent(securebase::testing::SourceDir() / "content");
  return set;
}

const domain::Course* TheCourse() {
  for (const auto& course : RepositoryContent().courses) {
    if (course.id == kCourseId) return &course;
  }
  return nullptr;
}

class CourseContent : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(RepositoryContent().ok()) << "run `securebase content check` for the problems";
    course_ = TheCourse();
    ASSERT_NE(course_, nullptr) << "no course with id " << kCourseId;
  }
  const domain::Course* course_ = nullptr;
};

template <typename Block>
std::vector<const Block*> BlocksOf(const domain::Lesson& lesson) {
  std::vector<const Block*> out;
  for (const auto& block : lesson.blocks) {
    if (const auto* b = std::get_if<Block>(&block)) out.push_back(b);
  }
  return out;
}

TEST_F(CourseContent, EachLessonMeetsTheLessonBar) {
  for (const auto& module : course_->modules) {
    for (const auto& lesson : module.lessons) {
      const std::string& file = lesson.source_file;
      EXPECT_TRUE(IsValidId(lesson.id)) << file << ": lesson id " << lesson.id;
      EXPECT_GE(lesson.word_count, kMinWords) << file << ": too short";
      EXPECT_LE(lesson.word_count, kMaxWords) << file << ": too long";
      EXPECT_FALSE(TrimSpace(lesson.aim).empty()) << file << ": no learning aim (`aim`)";
      EXPECT_GE(lesson.minutes, lesson.reading_minutes)
          << file << ": `minutes` is less than the reading time alone";

      const auto practices = BlocksOf<domain::PracticeBlock>(lesson);
      EXPECT_FALSE(practices.empty()) << file << ": no embedded ::practice";
      std::set<std::string> embedded;
      for (const auto* p : practices) embedded.insert(p->practice_id);
      for (const auto& listed : lesson.practices) {
        EXPECT_TRUE(embedded.count(listed))
            << file << ": lists practice " << listed
            << " but does not embed it, so the personal plan would offer it for this lesson";
      }

      const auto prompts = BlocksOf<domain::PromptBlock>(lesson);
      EXPECT_GE(prompts.size(), static_cast<std::size_t>(kMinPrompts))
          << file << ": fewer than " << kMinPrompts << " reflection prompts";
      EXPECT_LE(prompts.size(), static_cast<std::size_t>(kMaxPrompts))
          << file << ": more than " << kMaxPrompts << " reflection prompts";
      for (const auto* prompt : prompts) {
        EXPECT_TRUE(prompt->id.starts_with(lesson.id + "-"))
            << file << ": prompt id " << prompt->id << " should start with " << lesson.id << "-";
        EXPECT_GE(Words(prompt->text).size(), 5u) << file << ": prompt " << prompt->id;
      }

      if (module.id != kOrientationModuleId) {
        EXPECT_FALSE(lesson.signs.empty()) << file << ": `signs` names no sign it addresses";
      }
      for (const auto& sign : lesson.signs) {
        EXPECT_TRUE(domain::IsSignId(sign)) << file << ": unknown sign " << sign;
      }
    }
  }
}

TEST_F(CourseContent, ModulesHoldTwoToFourLessonsAndTheCourseIsComplete) {
  EXPECT_GE(course_->modules.size(), static_cast<std::size_t>(kMinModules));
  EXPECT_GE(domain::LessonCount(*course_), kMinLessons);
  for (const auto& module : course_->modules) {
    const std::string file = module.lessons.empty() ? module.id : module.lessons[0].source_file;
    EXPECT_GE(module.lessons.size(), kMinModuleLessons) << "module of " << file;
    EXPECT_LE(module.lessons.size(), kMaxModuleLessons) << "module of " << file;
  }
}

TEST_F(CourseContent, EverySignMapsToTwoLessonsAndTwoPractices) {
  std::map<std::string, std::set<std::string>> lessons_for;
  std::map<std::string, std::set<std::string>> practices_for;
  for (const auto& module : course_->modules) {
    for (const auto& lesson : module.lessons) {
      for (const auto& sign : lesson.signs) {
        lessons_for[sign].insert(lesson.source_file);
        practices_for[sign].insert(lesson.practices.begin(), lesson.practices.end());
      }
    }
  }
  for (const auto sign : domain::kSignIds) {
    const std::string id(sign);
    EXPECT_GE(lessons_for[id].size(), kMinLessonsPerSign) << "sign " << id;
    EXPECT_GE(practices_for[id].size(), kMinPracticesPerSign) << "sign " << id;
  }
}

// The personal plan takes practices from the catalogue (each practice file's
// own `signs`), so the catalogue must cover every sign too.
TEST_F(CourseContent, EverySignIsNamedByTwoPracticesInTheCatalogue) {
  for (const auto sign : domain::kSignIds) {
    int named = 0;
    for (const auto& practice : RepositoryContent().practices) {
      named += static_cast<int>(std::count(practice.signs.begin(), practice.signs.end(), sign));
    }
    EXPECT_GE(named, 2) << "content/practices: only " << named << " practice(s) name " << sign;
  }
}

TEST_F(CourseContent, NoTwoLessonsRepeatEachOther) {
  std::map<std::string, std::string> body_of;  // file → body
  for (const auto& doc : RepositoryContent().documents) {
    if (doc.kind == DocumentKind::kLesson) body_of[doc.file.generic_string()] = doc.body;
  }
  std::vector<LessonText> lessons;
  for (const auto& module : course_->modules) {
    for (const auto& lesson : module.lessons) {
      const auto it = body_of.find(lesson.source_file);
      ASSERT_NE(it, body_of.end()) << lesson.source_file << ": no document";
      lessons.push_back({lesson.source_file, it->second});
    }
  }
  for (const auto& repetition : Repetitions(lessons)) ADD_FAILURE() << repetition;
}

}  // namespace
}  // namespace securebase::content
