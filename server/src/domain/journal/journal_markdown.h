// The journal as a Markdown file the learner downloads
// (docs/api/journal.md, "Export"): a title and the moment of export, then
// every entry oldest first under a heading of its local date and time and
// its kind in words, each filled field under the label the app's entry view
// gives it, choices (body sensations, signs, urges, what helped, the
// nervous-system state) in the app's words rather than ids, and empty fields
// left out. An entry that could
// not be opened keeps its place by date with a line saying so, so that
// nothing goes missing without a word.
//
// The learner's words are escaped: a line they began with "#" or a
// "[link](x)" they typed stays the text they wrote in any Markdown viewer,
// never a heading, a link, emphasis or HTML. Their line breaks are kept.
//
// Pure: no I/O, no clock (the moment of export is an argument).
//
// Thread-safety: pure functions.
#pragma once

#include <date/tz.h>

#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "domain/course/course.h"
#include "domain/journal/journal_entry.h"
#include "domain/journal/journal_service.h"

namespace securebase::domain {

// The whole file for `journal` (its entries and those that did not open,
// in any order: the file sorts them). `courses` name the lesson question a
// reflection answers (one no longer in the course is said to be so); `zone`
// gives the local dates and times, `exported_at` the moment written at the
// top.
std::string JournalMarkdown(const WholeJournal& journal, const std::vector<Course>& courses,
                            const date::time_zone& zone, Instant exported_at);

// The learner's text as Markdown that renders as exactly that text: every
// character Markdown could read as syntax is backslash-escaped, leading
// indentation (a code block) dropped, and each line break kept as a hard
// break; blank lines still part paragraphs (several become one). Control
// characters other than line breaks go; tabs become spaces.
std::string EscapeMarkdownText(std::string_view text);

// As EscapeMarkdownText, for text inside one line (a list item, a tag): line
// breaks become spaces.
std::string EscapeMarkdownInline(std::string_view text);

// The app's words for a choice id (web/src/features/journal/journal-words.ts
// and, for signs, features/checkin/sign-words.ts): "tight_chest" → "Tight
// chest", "check_phone" → "Check my phone or their profile", "shut_down" →
// "Shut down". An id we have no words for is tidied ("some_new_id" → "Some
// new id"), never hidden.
std::string ChoiceWords(std::string_view id);

}  // namespace securebase::domain
