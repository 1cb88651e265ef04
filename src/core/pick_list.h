#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace core {

// One product to pick for a cutoff, and the postings that need it.
struct PickListRow {
  std::int64_t sku = 0;
  std::int64_t product_id = 0;
  std::string offer_id;
  std::string name;
  std::int64_t quantity = 0;
  std::vector<std::string> posting_numbers;
};

}  // namespace core
