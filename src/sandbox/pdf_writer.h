#pragma once
// A minimal PDF 1.4 writer: pages with Helvetica text and filled rectangles
// (enough for shipping labels with Code 128 barcodes and act sheets).
// Text must be printable ASCII (standard fonts have no Cyrillic): other
// bytes are replaced by '?'. Coordinates are PDF points, origin bottom-left.
#include <string>
#include <string_view>
#include <vector>

namespace sandbox {

class PdfWriter {
 public:
  void begin_page(double width_pt, double height_pt);
  void text(double x, double y, double size_pt, std::string_view ascii, bool bold = false);
  void rect(double x, double y, double w, double h);  // filled black
  // Code 128 (set B) barcode of `ascii`, bars `height` tall, `module` wide;
  // returns the total width drawn (quiet zones not included).
  double code128(double x, double y, double module, double height, std::string_view ascii);
  std::string finish();  // the complete file; the writer is spent afterwards
  std::size_t page_count() const { return pages_.size(); }

 private:
  struct Page {
    double width = 0, height = 0;
    std::string content;
  };
  std::vector<Page> pages_;
};

// Code 128 set B symbol values (start, data, checksum, stop) for `ascii`.
std::vector<int> code128_symbols(std::string_view ascii);
// Bar/space module widths of one symbol (6 widths; the stop symbol has 7).
std::string_view code128_pattern(int symbol);
// mm -> pt
constexpr double mm_to_pt(double mm) { return mm * 72.0 / 25.4; }

}  // namespace sandbox
