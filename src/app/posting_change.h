#pragma once
// The changes the orders screen sends to Ozon through the outbox. The enum
// is what the code uses; the name is only the stored form (outbox records
// in IndexedDB), read back with posting_change_from: an unknown name (a
// record of an older or newer build) is not one of these.
#include <optional>
#include <string_view>

namespace app {

enum class PostingChange { ship, cancel, cancel_items, set_tracking, delivering, last_mile, delivered, set_cutoff };

std::string_view to_string(PostingChange change);
std::optional<PostingChange> posting_change_from(std::string_view name);

}  // namespace app
