#include "core/marking_form.h"

#include <algorithm>
#include <cctype>

namespace core {
namespace {

bool listed(const std::vector<std::int64_t>& skus, std::int64_t sku) {
  return std::find(skus.begin(), skus.end(), sku) != skus.end();
}

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

std::string unit_label(std::int64_t product_id, std::size_t unit) {
  return std::to_string(product_id) + " #" + std::to_string(unit + 1);
}

std::string joined(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& code : codes) out += (out.empty() ? "" : ", ") + code;
  return out;
}

}  // namespace

MarkingNeeds needs_of(const ExemplarProduct& product, const PostingRequirements& requirements) {
  MarkingNeeds needs;
  needs.mark = product.is_mandatory_mark_needed || listed(requirements.mandatory_mark, product.product_id);
  needs.gtd = product.is_gtd_needed || listed(requirements.gtd, product.product_id);
  needs.country = listed(requirements.country, product.product_id);
  return needs;
}

std::string mark_of(const Exemplar& exemplar) {
  for (const auto& mark : exemplar.marks)
    if (mark.mark_type == kMandatoryMark) return mark.mark;
  return {};
}

void set_mark(Exemplar& exemplar, const std::string& code) {
  for (auto& mark : exemplar.marks)
    if (mark.mark_type == kMandatoryMark) {
      mark.mark = code;
      mark.check_status.clear();
      mark.error_codes.clear();
      return;
    }
  exemplar.marks.push_back({code, std::string(kMandatoryMark), {}, {}});
}

bool looks_like_marking_code(std::string_view code) {
  if (code.size() < 20 || code.substr(0, 2) != "01") return false;
  return std::all_of(code.begin() + 2, code.begin() + 16, [](char c) { return c >= '0' && c <= '9'; });
}

void merge_checks(ExemplarData& form, const ExemplarData& status) {
  form.status = status.status;
  for (const auto& checked_product : status.products)
    for (const auto& checked : checked_product.exemplars)
      for (auto& product : form.products)
        for (auto& e : product.exemplars) {
          if (e.exemplar_id != checked.exemplar_id) continue;
          e.gtd_check_status = checked.gtd_check_status;
          e.gtd_error_codes = checked.gtd_error_codes;
          e.rnpt_check_status = checked.rnpt_check_status;
          e.rnpt_error_codes = checked.rnpt_error_codes;
          for (auto& mark : e.marks)
            for (const auto& checked_mark : checked.marks)
              if (checked_mark.mark_type == mark.mark_type) {
                mark.check_status = checked_mark.check_status;
                mark.error_codes = checked_mark.error_codes;
              }
        }
}

bool valid_country_code(std::string_view code) {
  return code.size() == 2 && std::isupper(static_cast<unsigned char>(code[0])) &&
         std::isupper(static_cast<unsigned char>(code[1])) && code[0] <= 'Z' && code[1] <= 'Z';
}

std::vector<std::string> missing_fields(const MarkingForm& form, const PostingRequirements& requirements) {
  std::vector<std::string> out;
  for (const auto& product : form.data.products) {
    const MarkingNeeds needs = needs_of(product, requirements);
    if (needs.country) {
      auto it = form.countries.find(product.product_id);
      if (it == form.countries.end() || !valid_country_code(it->second))
        out.push_back(std::to_string(product.product_id) + ": country");
    }
    for (std::size_t unit = 0; unit < product.exemplars.size(); ++unit) {
      const Exemplar& e = product.exemplars[unit];
      if (needs.mark && !looks_like_marking_code(trimmed(mark_of(e)))) out.push_back(unit_label(product.product_id, unit) + ": mark");
      if (needs.gtd && !e.is_gtd_absent && trimmed(e.gtd).empty()) out.push_back(unit_label(product.product_id, unit) + ": gtd");
    }
  }
  return out;
}

MarkFill fill_next_mark(MarkingForm& form, const PostingRequirements& requirements, std::int64_t product_id,
                        const std::string& code) {
  const std::string clean = trimmed(code);
  for (const auto& product : form.data.products)
    for (const auto& e : product.exemplars)
      if (mark_of(e) == clean) return MarkFill::duplicate;
  for (auto& product : form.data.products) {
    if (product.product_id != product_id) continue;
    if (!needs_of(product, requirements).mark) return MarkFill::not_needed;
    for (auto& e : product.exemplars)
      if (trimmed(mark_of(e)).empty()) {
        set_mark(e, clean);
        return MarkFill::filled;
      }
    return MarkFill::no_empty_unit;
  }
  return MarkFill::not_needed;
}

std::vector<std::string> failed_checks(const ExemplarData& status) {
  std::vector<std::string> out;
  for (const auto& product : status.products)
    for (std::size_t unit = 0; unit < product.exemplars.size(); ++unit) {
      const Exemplar& e = product.exemplars[unit];
      std::vector<std::string> codes;
      bool failed = false;
      auto take = [&](const std::string& check_status, const std::vector<std::string>& errors, const char* field,
                      bool has_value) {
        if (check_status != "failed" || !has_value) return;
        failed = true;
        if (errors.empty()) codes.push_back(field);  // refused without a code: name the field
        codes.insert(codes.end(), errors.begin(), errors.end());
      };
      for (const auto& mark : e.marks) take(mark.check_status, mark.error_codes, "mark", !trimmed(mark.mark).empty());
      take(e.gtd_check_status, e.gtd_error_codes, "gtd", e.is_gtd_absent || !trimmed(e.gtd).empty());
      take(e.rnpt_check_status, e.rnpt_error_codes, "rnpt", e.is_rnpt_absent || !trimmed(e.rnpt).empty());
      if (failed) out.push_back(unit_label(product.product_id, unit) + ": " + joined(codes));
    }
  return out;
}

}  // namespace core
