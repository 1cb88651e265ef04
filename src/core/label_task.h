#pragma once
#include <cstdint>
#include <string>

namespace core {

// An asynchronous label job (/package-label/create then /package-label/get).
struct LabelTask {
  std::int64_t task_id = 0;
  std::string task_type;  // "big_label" | "small_label"
  std::string status;     // "pending" | "completed" | "error"
  std::string file_url;
  std::string error;

  bool done() const { return status == "completed" && !file_url.empty(); }
};

}  // namespace core
