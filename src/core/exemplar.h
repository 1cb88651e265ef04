#pragma once
// Per-item data Ozon requires before shipping some products: customs
// declaration (GTD), marking codes (Chestny ZNAK), RNPT, jewellery UIN, IMEI.
#include <cstdint>
#include <string>
#include <vector>

namespace core {

struct ExemplarMark {
  std::string mark;
  std::string mark_type;  // "mandatory_mark", "jw_uin", "imei", ...
  std::string check_status;
  std::vector<std::string> error_codes;
};

struct Exemplar {
  std::int64_t exemplar_id = 0;
  std::string gtd;
  bool is_gtd_absent = false;
  std::string rnpt;
  bool is_rnpt_absent = false;
  std::string country_iso;
  std::vector<ExemplarMark> marks;
  // Validation state from /exemplar/status (empty before the first check).
  std::string gtd_check_status;
  std::vector<std::string> gtd_error_codes;
  std::string rnpt_check_status;
  std::vector<std::string> rnpt_error_codes;

  std::vector<std::string> marks_of_type(std::string_view type) const {
    std::vector<std::string> out;
    for (const auto& m : marks)
      if (m.mark_type == type) out.push_back(m.mark);
    return out;
  }
};

struct ExemplarProduct {
  std::int64_t product_id = 0;  // Ozon's SKU: the exemplar methods name it product_id
  std::int64_t quantity = 0;
  bool is_gtd_needed = false;
  bool is_mandatory_mark_needed = false;
  bool is_mandatory_mark_possible = false;
  bool is_rnpt_needed = false;
  bool is_jw_uin_needed = false;
  bool is_imei_needed = false;
  std::vector<Exemplar> exemplars;
};

struct ExemplarData {
  std::string posting_number;
  std::int64_t multi_box_qty = 0;
  std::string status;  // from /status: ship_available | ship_not_available | validation_in_process
  std::vector<ExemplarProduct> products;

  bool ship_available() const { return status == "ship_available"; }
};

}  // namespace core
