#include "common/qr_svg.h"

#include <fmt/format.h>
#include <qrencode.h>

#include <cerrno>
#include <memory>

namespace securebase {
namespace {

constexpr int kQuietZone = 4;
// Default rendered size per module, in CSS pixels; the viewBox lets CSS
// scale the image to anything.
constexpr int kPixelsPerModule = 4;

struct QrFree {
  void operator()(QRcode* code) const { QRcode_free(code); }
};

// Escapes the five XML specials and drops the C0 control characters that
// XML 1.0 does not allow at all (tab, line feed and carriage return stay).
std::string XmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        out += c;
    }
  }
  return out;
}

}  // namespace

Result<std::string> QrSvg(std::string_view text, std::string_view title) {
  if (text.empty()) return InvalidArgument("There is nothing to put in the QR code.");
  errno = 0;
  std::unique_ptr<QRcode, QrFree> code(
      QRcode_encodeData(static_cast<int>(text.size()),
                        reinterpret_cast<const unsigned char*>(text.data()), 0, QR_ECLEVEL_M));
  if (!code) {
    if (errno == ERANGE || errno == EINVAL) {
      return InvalidArgument(fmt::format(
          "This text is too long for a QR code ({} bytes; at most 2331 fit).", text.size()));
    }
    return Internal("The QR code could not be made (out of memory).");
  }

  const int width = code->width;
  const int size = width + 2 * kQuietZone;
  std::string path;
  for (int y = 0; y < width; ++y) {
    const unsigned char* row = code->data + static_cast<std::ptrdiff_t>(y) * width;
    int x = 0;
    while (x < width) {
      if ((row[x] & 1) == 0) {
        ++x;
        continue;
      }
      const int start = x;
      while (x < width && (row[x] & 1) != 0) ++x;
      // A run of dark modules: a rectangle one module high.
      path +=
          fmt::format("M{} {}h{}v1h-{}z", start + kQuietZone, y + kQuietZone, x - start, x - start);
    }
  }

  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {0}\" width=\"{1}\" "
      "height=\"{1}\" role=\"img\" shape-rendering=\"crispEdges\">"
      "<title>{2}</title>"
      "<rect width=\"{0}\" height=\"{0}\" fill=\"#ffffff\"/>"
      "<path fill=\"#000000\" d=\"{3}\"/>"
      "</svg>\n",
      size, size * kPixelsPerModule, XmlEscape(title), path);
}

}  // namespace securebase
