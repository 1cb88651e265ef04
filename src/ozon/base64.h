#pragma once
// Base64 (RFC 4648, standard and URL alphabets) without dependencies: label
// and act PDFs may arrive base64-encoded inside JSON.
#include <optional>
#include <string>
#include <string_view>

namespace ozon {

std::optional<std::string> base64_decode(std::string_view text);  // skips whitespace
std::string base64_encode(std::string_view bytes);

}  // namespace ozon
