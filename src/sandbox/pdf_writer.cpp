#include "sandbox/pdf_writer.h"

#include <cstdio>

namespace sandbox {
namespace {

constexpr std::string_view kPatterns[107] = {
    "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212",
    "221213", "221312", "231212", "112232", "122132", "122231", "113222", "123122", "123221",
    "223211", "221132", "221231", "213212", "223112", "312131", "311222", "321122", "321221",
    "312212", "322112", "322211", "212123", "212321", "232121", "111323", "131123", "131321",
    "112313", "132113", "132311", "211313", "231113", "231311", "112133", "112331", "132131",
    "113123", "113321", "133121", "313121", "211331", "231131", "213113", "213311", "213131",
    "311123", "311321", "331121", "312113", "312311", "332111", "314111", "221411", "431111",
    "111224", "111422", "121124", "121421", "141122", "141221", "112214", "112412", "122114",
    "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111", "111242",
    "121142", "121241", "114212", "124112", "124211", "411212", "421112", "421211", "212141",
    "214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311",
    "113141", "114131", "311141", "411131", "211412", "211214", "211232", "2331112"};

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

std::string escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (c == '(' || c == ')' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 32 || u > 126) {
      // Skip UTF-8 continuation bytes so one non-ASCII character is one '?'.
      if ((u & 0xC0) != 0x80) out += '?';
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::vector<int> code128_symbols(std::string_view ascii) {
  std::vector<int> out;
  out.push_back(104);  // Start B
  int sum = 104;
  int pos = 1;
  for (char c : ascii) {
    int v = static_cast<unsigned char>(c) - 32;
    if (v < 0 || v > 94) v = 31;  // '?'
    out.push_back(v);
    sum += v * pos++;
  }
  out.push_back(sum % 103);
  out.push_back(106);  // Stop
  return out;
}

std::string_view code128_pattern(int symbol) {
  if (symbol < 0 || symbol > 106) return {};
  return kPatterns[symbol];
}

void PdfWriter::begin_page(double width_pt, double height_pt) {
  pages_.push_back(Page{width_pt, height_pt, {}});
}

void PdfWriter::text(double x, double y, double size_pt, std::string_view ascii, bool bold) {
  if (pages_.empty()) return;
  pages_.back().content += "BT /" + std::string(bold ? "F2 " : "F1 ") + num(size_pt) + " Tf " + num(x) +
                           " " + num(y) + " Td (" + escape(ascii) + ") Tj ET\n";
}

void PdfWriter::rect(double x, double y, double w, double h) {
  if (pages_.empty()) return;
  pages_.back().content += num(x) + " " + num(y) + " " + num(w) + " " + num(h) + " re f\n";
}

double PdfWriter::code128(double x, double y, double module, double height, std::string_view ascii) {
  double cx = x;
  for (int sym : code128_symbols(ascii)) {
    std::string_view pat = code128_pattern(sym);
    for (std::size_t i = 0; i < pat.size(); ++i) {
      double w = (pat[i] - '0') * module;
      if (i % 2 == 0) rect(cx, y, w, height);  // even positions are bars
      cx += w;
    }
  }
  return cx - x;
}

std::string PdfWriter::finish() {
  // Objects: 1 catalog, 2 pages, 3 Helvetica, 4 Helvetica-Bold, then per page
  // a page object and its content stream.
  std::vector<std::string> objects;
  std::string kids;
  const std::size_t n = pages_.size();
  for (std::size_t i = 0; i < n; ++i) kids += std::to_string(5 + 2 * i) + " 0 R ";
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(n) + " >>");
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
  for (std::size_t i = 0; i < n; ++i) {
    const Page& p = pages_[i];
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + num(p.width) + " " + num(p.height) +
                      "] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents " +
                      std::to_string(6 + 2 * i) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(p.content.size()) + " >>\nstream\n" + p.content +
                      "endstream");
  }
  std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t off : offsets) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%010zu 00000 n \n", off);
    out += buf;
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  pages_.clear();
  return out;
}

}  // namespace sandbox
