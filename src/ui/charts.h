#pragma once
// Bar and line charts drawn with ImGui's draw lists: axes with round ticks,
// threshold lines, the value under the pointer, crisp at any pixel ratio
// (lines and bar edges land on device pixels). No plotting dependency:
// ImPlot is not in the archives this project builds from.
#include <imgui.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ui {

struct ChartSeries {
  std::string label;
  std::vector<double> values;  // one per x position
  ImVec4 color;
  bool bars = false;  // bars (one group per x) or a line
};

struct ChartThreshold {
  double value = 0;
  ImVec4 color;
  std::string label;
};

struct ChartOptions {
  std::vector<std::string> x_labels;  // one per x position (days, names)
  std::vector<ChartThreshold> thresholds;
  std::function<std::string(double)> format;  // a value as text (axis and hover); default "%.2f"
  float height = 0;                           // 0 = 12 lines of text
  bool include_zero = true;                   // the value axis starts at 0 (bars always do)
};

// Draws the chart across the available width; tagged for automation as `id`.
// Returns the number of points drawn (0 = nothing to draw: a text says so).
int chart(std::string_view id, const std::vector<ChartSeries>& series, const ChartOptions& options,
          const char* empty_text);

// Round tick values covering [low, high], about `count` of them (1-2-5 steps).
std::vector<double> nice_ticks(double low, double high, int count);

}  // namespace ui
