#include "core/buyer_data.h"

#include <algorithm>

namespace core {

bool is_finished(PostingStatus status) {
  switch (status) {
    case PostingStatus::delivered:
    case PostingStatus::cancelled:
    case PostingStatus::cancelled_from_split_pending:
    case PostingStatus::not_accepted: return true;
    default: return false;
  }
}

EpochMs last_known_date(const Posting& posting) {
  return std::max({posting.in_process_at, posting.shipment_date, posting.shipment_date_without_delay,
                   posting.delivering_date});
}

bool has_buyer_details(const Posting& posting) {
  const Customer& c = *posting.customer;
  return !c.name.empty() || !c.phone.empty() || !c.address.address_tail.empty() || !c.address.zip_code.empty() ||
         !c.address.comment.empty() || !c.address.city.empty() || !c.address.region.empty() ||
         !c.address.pvz_code.empty();
}

bool buyer_details_expired(const Posting& posting, EpochMs now, int retention_days) {
  if (!is_finished(posting.status)) return false;
  return now - last_known_date(posting) > retention_ms(retention_days);
}

void drop_buyer_details(Posting& posting) { posting.customer.reset(); }

std::size_t drop_expired_buyer_details(std::vector<Posting>& postings, EpochMs now, int retention_days) {
  std::size_t dropped = 0;
  for (auto& posting : postings)
    if (has_buyer_details(posting) && buyer_details_expired(posting, now, retention_days)) {
      drop_buyer_details(posting);
      ++dropped;
    }
  return dropped;
}

}  // namespace core
