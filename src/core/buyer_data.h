#pragma once
// Buyers' personal data kept on this device (rFBS postings carry the buyer's
// name, phone and address) is kept no longer than the seller needs it: once
// a posting is finished (delivered, cancelled, not accepted) and its last
// known date is older than the retention, its offline copy loses them.
#include <cstddef>
#include <vector>

#include "core/clock.h"
#include "core/posting.h"

namespace core {

inline constexpr int kDefaultBuyerDataDays = 30;
inline constexpr int kBuyerDataDayChoices[] = {7, 30, 90};

// The retention in milliseconds.
constexpr EpochMs retention_ms(int retention_days) { return static_cast<EpochMs>(retention_days) * 24 * 60 * 60 * 1000; }

bool is_finished(PostingStatus status);
// The latest date the posting carries (in process, shipment, delivering).
EpochMs last_known_date(const Posting& posting);
bool buyer_details_expired(const Posting& posting, EpochMs now, int retention_days);
bool has_buyer_details(const Posting& posting);
// Blanks the buyer's name, phone and address.
void drop_buyer_details(Posting& posting);
// Blanks the buyer's name, phone and address of every expired posting;
// returns how many lost them.
std::size_t drop_expired_buyer_details(std::vector<Posting>& postings, EpochMs now, int retention_days);

}  // namespace core
