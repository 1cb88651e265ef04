#include "core/shipping_plan.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

namespace core {
namespace {

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

const DeliveryMethod* find_method(const std::vector<DeliveryMethod>& methods, std::int64_t id) {
  for (const auto& m : methods)
    if (m.id == id) return &m;
  return nullptr;
}

int method_cutoff(const DeliveryMethod& m) {
  if (m.cutoff_minutes >= 0 && m.cutoff_minutes < 24 * 60) return m.cutoff_minutes;
  return cutoff_minutes_from_text(m.cutoff);
}

void clean_cell(std::string& cell, char separator) {
  for (char& c : cell)
    if (c == separator || c == '\r' || c == '\n' || c == '\t') c = ' ';
}

}  // namespace

EpochMs next_cutoff_after(EpochMs now, int cutoff_minutes, int utc_offset_minutes) {
  if (cutoff_minutes < 0 || cutoff_minutes >= 24 * 60) return -1;
  const std::int64_t offset_ms = std::int64_t{utc_offset_minutes} * kMsPerMinute;
  const std::int64_t local = now + offset_ms;
  const std::int64_t day_start = floor_div(local, kMsPerDay) * kMsPerDay;
  std::int64_t cutoff_local = day_start + std::int64_t{cutoff_minutes} * kMsPerMinute;
  if (cutoff_local <= local) cutoff_local += kMsPerDay;
  return cutoff_local - offset_ms;
}

std::vector<ShippingGroup> shipping_plan(const std::vector<Posting>& postings,
                                         const std::vector<DeliveryMethod>& methods, EpochMs now,
                                         int utc_offset_minutes, std::string_view store_id) {
  std::map<std::pair<std::int64_t, std::int64_t>, ShippingGroup> groups;
  std::map<std::pair<std::int64_t, std::int64_t>, std::vector<const Posting*>> members;
  for (const auto& p : postings) {
    if (!store_id.empty() && p.store_id != store_id) continue;
    const bool to_pack = p.status == PostingStatus::awaiting_packaging;
    const bool packed = p.status == PostingStatus::awaiting_deliver;
    if (!to_pack && !packed) continue;
    const DeliveryMethod* method = find_method(methods, p.delivery_method.id);
    std::int64_t warehouse = p.delivery_method.warehouse_id;
    if (warehouse == 0 && method) warehouse = method->warehouse_id;
    const auto key = std::make_pair(warehouse, p.delivery_method.id);
    auto [it, inserted] = groups.try_emplace(key);
    ShippingGroup& g = it->second;
    if (inserted) {
      g.warehouse_id = warehouse;
      g.delivery_method_id = p.delivery_method.id;
      g.delivery_method_name = method && !method->name.empty() ? method->name : p.delivery_method.name.str();
      const int cutoff = method ? method_cutoff(*method) : -1;
      if (cutoff >= 0) {
        g.has_cutoff = true;
        g.cutoff_minutes = cutoff;
        g.next_cutoff = next_cutoff_after(now, cutoff, utc_offset_minutes);
        g.remaining_ms = g.next_cutoff - now;
      }
    }
    if (g.warehouse_name.empty()) g.warehouse_name = p.delivery_method.warehouse;
    if (g.delivery_method_name.empty()) g.delivery_method_name = p.delivery_method.name;
    (to_pack ? g.to_pack : g.packed_waiting) += 1;
    if (p.shipment_date != 0) {
      if (p.shipment_date < now) ++g.overdue;
      // Without a cutoff, "before the cutoff" degrades to "due within a day".
      const EpochMs limit = g.has_cutoff ? g.next_cutoff : now + kMsPerDay;
      if (p.shipment_date <= limit) ++g.due_before_cutoff;
    }
    members[key].push_back(&p);
  }
  std::vector<ShippingGroup> out;
  out.reserve(groups.size());
  for (auto& [key, g] : groups) {
    auto& list = members[key];
    std::stable_sort(list.begin(), list.end(), [](const Posting* a, const Posting* b) {
      const EpochMs da = a->shipment_date ? a->shipment_date : INT64_MAX;
      const EpochMs db = b->shipment_date ? b->shipment_date : INT64_MAX;
      return std::tie(da, a->posting_number) < std::tie(db, b->posting_number);
    });
    for (const Posting* p : list) g.posting_numbers.push_back(p->posting_number);
    out.push_back(std::move(g));
  }
  std::stable_sort(out.begin(), out.end(), [](const ShippingGroup& a, const ShippingGroup& b) {
    const EpochMs ca = a.has_cutoff ? a.next_cutoff : INT64_MAX;
    const EpochMs cb = b.has_cutoff ? b.next_cutoff : INT64_MAX;
    return std::tie(ca, a.warehouse_id, a.delivery_method_id) <
           std::tie(cb, b.warehouse_id, b.delivery_method_id);
  });
  return out;
}

PickList pick_list(const std::vector<const Posting*>& postings) {
  PickList list;
  std::vector<const Posting*> seen;
  for (const Posting* p : postings) {
    if (!p || std::find(seen.begin(), seen.end(), p) != seen.end()) continue;
    seen.push_back(p);
    for (const auto& line : p->products) {
      auto row = std::find_if(list.rows.begin(), list.rows.end(), [&](const PickListRow& r) {
        return line.sku != 0 ? r.sku == line.sku : (r.sku == 0 && r.offer_id == line.offer_id);
      });
      if (row == list.rows.end()) {
        row = list.rows.insert(list.rows.end(), PickListRow{});
        row->sku = line.sku;
      }
      if (row->offer_id.empty()) row->offer_id = line.offer_id;
      if (row->name.empty()) row->name = line.name;
      row->quantity += line.quantity;
      list.total_quantity += line.quantity;
      if (std::find(row->posting_numbers.begin(), row->posting_numbers.end(),
                    p->posting_number) == row->posting_numbers.end())
        row->posting_numbers.push_back(p->posting_number);
    }
  }
  list.posting_count = seen.size();
  std::stable_sort(list.rows.begin(), list.rows.end(),
                   [](const PickListRow& a, const PickListRow& b) {
                     return std::tie(a.offer_id, a.sku) < std::tie(b.offer_id, b.sku);
                   });
  return list;
}

std::string pick_list_text(const PickList& list, const PickListTextOptions& options) {
  const char sep = options.separator;
  std::string out;
  auto cell = [&](std::string text, bool last) {
    clean_cell(text, sep);
    out += text;
    out += last ? '\n' : sep;
  };
  if (!options.title.empty()) {
    std::string title = options.title;
    clean_cell(title, '\n');
    out += title;
    out += '\n';
  }
  cell(options.header_offer_id, false);
  cell(options.header_name, false);
  cell(options.header_quantity, false);
  const bool packing = static_cast<bool>(options.packing_note);
  cell(options.header_postings, !packing);
  if (packing) cell(options.header_packing, true);
  for (const auto& row : list.rows) {
    std::string numbers;
    for (std::size_t i = 0; i < row.posting_numbers.size(); ++i) {
      if (i) numbers += options.posting_separator;
      numbers += row.posting_numbers[i];
    }
    cell(row.offer_id.empty() ? std::to_string(row.sku) : row.offer_id, false);
    cell(row.name, false);
    cell(std::to_string(row.quantity), false);
    cell(numbers, !packing);
    if (packing) cell(options.packing_note(row), true);
  }
  if (!options.total_label.empty()) {
    cell(options.total_label, false);
    cell("", false);
    cell(std::to_string(list.total_quantity), false);
    cell(std::to_string(list.posting_count), !packing);
    if (packing) cell("", true);
  }
  return out;
}

}  // namespace core
