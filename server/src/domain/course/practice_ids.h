// The practice ids a lesson may embed with `::practice{id=…}` or list in its
// `practices` front matter.
//
// Until the practice catalogue exists as files (content/practices/, issue #7)
// this list is the catalogue's table of contents; content/ also accepts the
// id of any file under content/practices/. When #7 lands, the files become
// the only source and this list goes away. Keep it in step with the list in
// docs/content.md.
//
// Thread-safety: constants.
#pragma once

#include <array>
#include <string_view>

namespace securebase::domain {

inline constexpr std::array<std::string_view, 10> kBuiltInPracticeIds = {
    "resonance-breathing",
    "cyclic-sighing",
    "box-breathing",
    "grounding-54321",
    "orienting",
    "body-scan",
    "soothing-touch",
    "self-compassion-break",
    "pause-before-reacting",
    "time-alone",
};

}  // namespace securebase::domain
