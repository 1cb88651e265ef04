#pragma once
// Tables as text for spreadsheets: CSV (RFC 4180, CRLF) for "Save as CSV",
// tab-separated for the clipboard. One place for the quoting rules and the
// guard against cells a spreadsheet would run as formulas.
#include <string>
#include <string_view>
#include <vector>

namespace core {

enum class TableFormat { csv, tsv };

// Appends one cell. Text starting like a formula (= + - @) gets a leading
// apostrophe so a spreadsheet keeps it as text (OWASP's advice on CSV
// injection); a plain number ("-54.75", "12") is left as it is.
void append_table_cell(std::string& out, std::string_view text, TableFormat format);

// Rows of cells (the first row is the header) as one text.
std::string table_text(const std::vector<std::vector<std::string>>& rows, TableFormat format);

}  // namespace core
