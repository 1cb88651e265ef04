#include "core/posting.h"

#include <algorithm>
#include <cctype>

namespace core {
namespace {

bool contains_rfbs(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower.find("rfbs") != std::string::npos;
}

}  // namespace

bool Posting::is_rfbs() const {
  if (contains_rfbs(delivery_schema) || contains_rfbs(integration_type_flow)) return true;
  // Older replies lack both fields; a non-integrated carrier or a customer
  // block means the seller delivers, which only happens under rFBS.
  return tpl_integration_type == "non_integrated";
}

bool Posting::can(std::string_view action) const {
  return std::find(available_actions.begin(), available_actions.end(), action) !=
         available_actions.end();
}

}  // namespace core
