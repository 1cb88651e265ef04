#pragma once
// The marking form of one posting: what Ozon asks for per product (marking
// codes, customs declaration numbers, country of manufacture), what is still
// empty, scanner input that fills the next empty code, and Ozon's verdict
// in words. Pure data; the app sends it through the exemplar endpoints.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/exemplar.h"
#include "core/posting.h"

namespace core {

inline constexpr std::string_view kMandatoryMark = "mandatory_mark";

// What the seller must enter for one product of the form.
struct MarkingNeeds {
  bool mark = false;     // a Chestny ZNAK code per unit
  bool gtd = false;      // a customs declaration number per unit (or "no GTD")
  bool country = false;  // the country of manufacture, once per product
  bool any() const { return mark || gtd || country; }
};

struct MarkingForm {
  ExemplarData data;                              // from create-or-get, edited in place
  std::map<std::int64_t, std::string> countries;  // SKU (the form's product_id) -> ISO 3166 alpha-2
};

MarkingNeeds needs_of(const ExemplarProduct& product, const PostingRequirements& requirements);

// The mandatory marking code of an exemplar ("" when none yet).
std::string mark_of(const Exemplar& exemplar);
void set_mark(Exemplar& exemplar, const std::string& code);

// Empty or malformed fields, as "<product_id> #<unit>: <field>" in form
// order; empty when the form can be sent.
std::vector<std::string> missing_fields(const MarkingForm& form, const PostingRequirements& requirements);

// A GS1 DataMatrix code as printed on marked goods: "01" + GTIN-14, then
// the serial ("21..."). Scanners type it without the group separators'
// brackets; we only check the head.
bool looks_like_marking_code(std::string_view code);

// Puts a scanned marking code into the next empty unit of `product_id`.
// Refused when the code is already in the form (a unit scanned twice) or no
// unit is left empty.
enum class MarkFill { filled, duplicate, no_empty_unit, not_needed };
MarkFill fill_next_mark(MarkingForm& form, const PostingRequirements& requirements, std::int64_t product_id,
                        const std::string& code);

// Ozon's check of the sent data, field by field: "<product_id> #<unit>:
// <error codes>" for every failed field that holds a value (an empty field
// is missing, not refused: missing_fields names it); empty when nothing failed.
std::vector<std::string> failed_checks(const ExemplarData& status);

// Copies Ozon's check results (by exemplar id) into the form, keeping what
// the seller typed; the form's status becomes the reply's.
void merge_checks(ExemplarData& form, const ExemplarData& status);

// Two capital Latin letters.
bool valid_country_code(std::string_view code);

}  // namespace core
