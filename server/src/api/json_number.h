// Numbers as the API writes them: a whole number as an integer (5, not 5.0).
// Boost.JSON writes any double in exponent form (5E0), which is valid JSON
// but puzzling to a person reading the API; fractions stay as they are.
//
// Thread-safety: pure.
#pragma once

#include <boost/json/value.hpp>

#include <cmath>
#include <cstdint>

namespace securebase::api {

inline boost::json::value JsonNumber(double x) {
  if (std::trunc(x) == x && std::abs(x) < 1e15) {
    return boost::json::value(static_cast<std::int64_t>(x));
  }
  return boost::json::value(x);
}

}  // namespace securebase::api
