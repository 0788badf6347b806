// JSON shape of the practice catalogue (docs/api/practices.md):
//
//   {"id", "title", "summary", "kind": "breathing" | "steps" | "timer",
//    "durations": [3, 5, 10], "default_duration": 5, "instructions_html": "<p>…</p>",
//    "breathing": null | {"phases": [{"name": "in", "seconds": 5}, …],
//                         "rate": null | {"default": 6, "min": 4, "max": 8}},
//    "steps": [{"text", "seconds"}], "signs": [sign ids], "evidence"}
//
// Seconds and rates are numbers; a whole value is written without a
// fraction (5, not 5.0), which JSON readers treat the same.
//
// Thread-safety: pure functions.
#pragma once

#include <boost/json/object.hpp>

#include "domain/practice/practice.h"

namespace securebase::api {

boost::json::object EncodePractice(const domain::Practice& p);

}  // namespace securebase::api
