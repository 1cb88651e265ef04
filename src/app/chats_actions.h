#pragma once
// Actions other screens use to reach a buyer's chat (the chats screen handles them).
#include <string>

namespace app {

// Opens the chat about this posting (its order), or the chat list filtered
// to it when no chat exists yet.
struct OpenChatForPosting {
  std::string posting_number;
  std::string store_id;  // "" = the open store
};

}  // namespace app
