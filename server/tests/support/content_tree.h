// A content tree in a fresh temporary folder, removed afterwards, with
// writers for the smallest valid files of each kind: for tests of content/
// and of what reads and writes it (app/content_editing).
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "content/content_loader.h"

namespace securebase::testing {

namespace fs = std::filesystem;

class ContentTree {
 public:
  ContentTree() {
    static std::atomic<int> counter{0};
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    root_ =
        fs::temp_directory_path() / ("sb-content-" + std::string(info ? info->name() : "x") + "-" +
                                     std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  ~ContentTree() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  ContentTree(const ContentTree&) = delete;
  ContentTree& operator=(const ContentTree&) = delete;

  void Write(const std::string& rel, const std::string& text) const {
    const fs::path p = root_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << text;
    ASSERT_TRUE(out.good()) << p;
  }

  // The smallest valid course: one course, one module, one lesson.
  void WriteMinimalCourse() const {
    Write("course/c/course.toml", Toml("c", "Course"));
    Write("course/c/01-m/module.toml", Toml("m", "Module"));
    Write("course/c/01-m/01-l.md", Lesson("l", "Lesson"));
  }

  static std::string Lesson(const std::string& id, const std::string& title) {
    return "+++\nid = \"" + id + "\"\ntitle = \"" + title +
           "\"\nsummary = \"S.\"\nminutes = 5\n+++\n\nSome text.\n";
  }

  // course.toml or module.toml with the required settings.
  static std::string Toml(const std::string& id, const std::string& title) {
    return "id = \"" + id + "\"\ntitle = \"" + title + "\"\nsummary = \"S.\"\n";
  }

  // The settings of a valid practice file after its id and title.
  static std::string PracticeRest() {
    return "summary = \"S.\"\nkind = \"timer\"\ndurations = [5]\ndefault_duration = 5\n"
           "instructions = \"Sit.\"\nevidence = \"E.\"\n";
  }

  // A valid practice file (practices/<id>.toml).
  static std::string Practice(const std::string& id, const std::string& title) {
    return "id = \"" + id + "\"\ntitle = \"" + title + "\"\n" + PracticeRest();
  }

  std::string Read(const std::string& rel) const {
    std::ifstream in(root_ / rel, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }

  content::ContentSet Load() const { return content::LoadContent(root_); }
  const fs::path& root() const { return root_; }

 private:
  fs::path root_;
};

}  // namespace securebase::testing
