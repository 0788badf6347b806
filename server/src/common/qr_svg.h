// A QR code as a small standalone SVG image, for two-factor enrolment (the
// otpauth:// URI) and anything else a phone should scan from the screen.
//
// The image is black modules on an opaque white square with the 4-module
// quiet zone the standard asks for, whatever the page's colour scheme, since
// scanners need dark-on-light. It has role="img" and a <title> for screen
// readers, no scripts and no external references, so it can be served as a
// file, as a data: URL or inlined. All dark modules are one <path>, row runs
// merged, which keeps a typical otpauth code under 10 KB.
//
// Thread-safety: pure function, safe from any thread (libqrencode keeps no
// shared state when built with thread support, as Debian's is).
#pragma once

#include <string>
#include <string_view>

#include "common/error.h"

namespace securebase {

// Error correction level M (15 %): the usual choice for codes on screens.
// The version (size) is the smallest that holds `text` as bytes; text that
// does not fit even version 40 (2331 bytes) is an InvalidArgument, as is
// empty text. `title` is escaped for XML.
Result<std::string> QrSvg(std::string_view text, std::string_view title);

}  // namespace securebase
