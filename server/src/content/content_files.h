// Content files one at a time, as the practitioner's console reads and
// writes them (domain/catalog/content_editor.h), named by their path
// relative to the content folder.
//
// Only the files the loader reads can be named (DocumentKindOf): lessons
// (.md) and the course, module, questionnaire, practice and crisis-line
// .toml files. A path that is absolute, climbs with "..", carries a
// backslash, a control character or an empty part, or names any other file
// is refused before the disk is touched; one that reaches outside the
// folder through a symbolic link is reported as not found, as a file that is
// not there.
//
// A write replaces the file atomically: the new text goes to a temporary
// file beside it, is flushed to disk (fsync), renamed over the old one, and
// the folder is flushed too, so a crash leaves the old text or the new,
// never half of either, and a reader never sees a partial file.
//
// Thread-safety: plain functions over the file system; callers serialise
// writes to one file (the publisher's lock).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "common/error.h"

namespace securebase::content {

// The normal form of a path that may name a content file ("course/c/01-m/01-l.md"),
// or kUnprocessable (type content-path-refused) saying why it cannot.
Result<std::string> CheckContentPath(std::string_view rel);

// The file's full path, once it is known to exist as a regular file inside
// `root` (symbolic links resolved); kNotFound otherwise.
Result<std::filesystem::path> ExistingContentFile(const std::filesystem::path& root,
                                                  std::string_view rel);

Result<std::string> ReadTextFile(const std::filesystem::path& file);

// Replaces `file` with `text` atomically (see above); the file keeps its
// permission bits.
Status ReplaceFileAtomically(const std::filesystem::path& file, std::string_view text);

// A fingerprint of a file's bytes, to notice that it changed.
std::string TextRevision(std::string_view text);

}  // namespace securebase::content
