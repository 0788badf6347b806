#include "common/qr_svg.h"

#include <gtest/gtest.h>
#include <qrencode.h>

#include <regex>
#include <set>
#include <utility>

namespace securebase {
namespace {

constexpr std::string_view kUri =
    "otpauth://totp/Secure%20Base:zoe%40example.org?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
    "&issuer=Secure%20Base&algorithm=SHA1&digits=6&period=30";

using Modules = std::set<std::pair<int, int>>;  // (x, y) in symbol coordinates

// What libqrencode itself makes of the text, to compare the SVG against.
struct Reference {
  int version = 0;
  int width = 0;
  Modules dark;
};

Reference Encode(std::string_view text) {
  QRcode* code =
      QRcode_encodeData(static_cast<int>(text.size()),
                        reinterpret_cast<const unsigned char*>(text.data()), 0, QR_ECLEVEL_M);
  Reference ref;
  if (code == nullptr) return ref;
  ref.version = code->version;
  ref.width = code->width;
  for (int y = 0; y < code->width; ++y) {
    for (int x = 0; x < code->width; ++x) {
      if (code->data[y * code->width + x] & 1) ref.dark.insert({x, y});
    }
  }
  QRcode_free(code);
  return ref;
}

// The value of attribute `name` on the first <element>. (Plain string search:
// std::regex recurses per character and would overflow on long paths.)
std::string Attribute(const std::string& svg, const std::string& element, const std::string& name) {
  const auto open = svg.find("<" + element + " ");
  if (open == std::string::npos) return "";
  const auto close = svg.find('>', open);
  const auto attr = svg.find(" " + name + "=\"", open);
  if (attr == std::string::npos || attr > close) return "";
  const auto start = attr + name.size() + 3;
  return svg.substr(start, svg.find('"', start) - start);
}

int Count(std::string_view haystack, std::string_view needle) {
  int n = 0;
  for (auto pos = haystack.find(needle); pos != std::string_view::npos;
       pos = haystack.find(needle, pos + 1)) {
    ++n;
  }
  return n;
}

// Reads the path back: every subpath must be a one-module-high run
// "M x y h n v1 h-n z"; returns the modules covered, in symbol coordinates
// (quiet zone removed), failing the test on overlaps or anything else.
Modules ParsePath(const std::string& d, int quiet_zone) {
  Modules covered;
  const std::regex run(R"(M(\d+) (\d+)h(\d+)v1h-(\d+)z)");
  std::size_t consumed = 0;
  for (auto it = std::sregex_iterator(d.begin(), d.end(), run); it != std::sregex_iterator();
       ++it) {
    const std::smatch& m = *it;
    EXPECT_EQ(static_cast<std::size_t>(m.position(0)), consumed) << "unexpected path text";
    consumed = static_cast<std::size_t>(m.position(0) + m.length(0));
    const int x = std::stoi(m[1]) - quiet_zone;
    const int y = std::stoi(m[2]) - quiet_zone;
    const int n = std::stoi(m[3]);
    EXPECT_EQ(n, std::stoi(m[4]));
    EXPECT_GT(n, 0);
    for (int i = 0; i < n; ++i) EXPECT_TRUE(covered.insert({x + i, y}).second) << "overlap";
  }
  EXPECT_EQ(consumed, d.size()) << "unexpected path text at the end";
  return covered;
}

TEST(QrSvg, CoversExactlyTheDarkModulesOfTheVersionChosen) {
  const auto svg = QrSvg(kUri, "QR code");
  ASSERT_TRUE(svg) << svg.error().message;
  const Reference ref = Encode(kUri);
  ASSERT_GT(ref.version, 0);
  EXPECT_EQ(ref.width, 17 + 4 * ref.version);

  const int size = ref.width + 8;  // four modules of quiet zone each side
  EXPECT_EQ(Attribute(*svg, "svg", "viewBox"),
            "0 0 " + std::to_string(size) + " " + std::to_string(size));
  EXPECT_EQ(Attribute(*svg, "rect", "width"), std::to_string(size));
  EXPECT_EQ(Attribute(*svg, "rect", "height"), std::to_string(size));
  EXPECT_EQ(Count(*svg, "<path"), 1);

  const Modules drawn = ParsePath(Attribute(*svg, "path", "d"), 4);
  EXPECT_EQ(drawn, ref.dark);
  // Nothing is drawn in the quiet zone.
  for (const auto& [x, y] : drawn) {
    EXPECT_TRUE(x >= 0 && y >= 0 && x < ref.width && y < ref.width);
  }
}

TEST(QrSvg, LongerTextGetsALargerVersion) {
  const std::string small = "hello";
  const std::string large(500, 'x');
  for (const std::string& text : {small, large}) {
    const auto svg = QrSvg(text, "QR code");
    ASSERT_TRUE(svg);
    const Reference ref = Encode(text);
    const int size = ref.width + 8;
    EXPECT_EQ(Attribute(*svg, "svg", "viewBox"),
              "0 0 " + std::to_string(size) + " " + std::to_string(size));
    EXPECT_EQ(ParsePath(Attribute(*svg, "path", "d"), 4), ref.dark);
  }
  EXPECT_EQ(Encode(small).version, 1);
  EXPECT_GT(Encode(large).version, 10);
}

TEST(QrSvg, IsAccessibleBlackOnWhiteAndSelfContained) {
  const auto svg = QrSvg(kUri, "Scan with your authenticator app");
  ASSERT_TRUE(svg);
  EXPECT_TRUE(svg->starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
  EXPECT_EQ(Attribute(*svg, "svg", "role"), "img");
  EXPECT_EQ(Attribute(*svg, "svg", "shape-rendering"), "crispEdges");
  EXPECT_NE(svg->find("<title>Scan with your authenticator app</title>"), std::string::npos);
  // The title is the first child, where assistive technology looks for it.
  EXPECT_LT(svg->find("<title>"), svg->find("<rect"));
  EXPECT_EQ(Attribute(*svg, "rect", "fill"), "#ffffff");
  EXPECT_EQ(Attribute(*svg, "path", "fill"), "#000000");
  EXPECT_EQ(svg->find("<script"), std::string::npos);
  EXPECT_EQ(svg->find("href"), std::string::npos);
  EXPECT_EQ(svg->find("style"), std::string::npos);  // no CSS for a page to fight with
  EXPECT_EQ(Count(*svg, "http"), 1);                 // the xmlns only
  EXPECT_LT(svg->size(), 10'000u);
}

TEST(QrSvg, EscapesTheTitle) {
  const auto svg = QrSvg("x",
                         "a<b>&\"c'\x01\x1f"
                         "d\te");
  ASSERT_TRUE(svg);
  EXPECT_NE(svg->find("<title>a&lt;b&gt;&amp;&quot;c&apos;d\te</title>"), std::string::npos)
      << *svg;
  const auto injected = QrSvg("x", "</title><script>alert(1)</script>");
  ASSERT_TRUE(injected);
  EXPECT_EQ(injected->find("<script"), std::string::npos);
  EXPECT_EQ(Count(*injected, "</title>"), 1);
}

TEST(QrSvg, RefusesEmptyAndOverLongText) {
  const auto empty = QrSvg("", "QR code");
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code, ErrorCode::kInvalidArgument);

  // Version 40 at level M holds 2331 bytes.
  const std::string fits(2331, 'x');
  const auto largest = QrSvg(fits, "QR code");
  ASSERT_TRUE(largest) << largest.error().message;
  EXPECT_EQ(Encode(fits).version, 40);
  EXPECT_EQ(Attribute(*largest, "svg", "viewBox"), "0 0 185 185");

  const auto too_long = QrSvg(std::string(2332, 'x'), "QR code");
  ASSERT_FALSE(too_long);
  EXPECT_EQ(too_long.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(too_long.error().message.find("too long"), std::string::npos);
}

}  // namespace
}  // namespace securebase
