#include "ui/charts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ui/automation.h"

namespace ui {
namespace {

// Coordinates rounded to device pixels (ImGui works in CSS pixels; the
// framebuffer has DisplayFramebufferScale of them per CSS pixel), so a
// 1-pixel line stays one sharp pixel at any ratio.
float snap(float v) {
  const float scale = std::max(ImGui::GetIO().DisplayFramebufferScale.x, 1.0f);
  return std::round(v * scale) / scale;
}

std::string default_format(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", v);
  return text;
}

}  // namespace

std::vector<double> nice_ticks(double low, double high, int count) {
  std::vector<double> ticks;
  if (!(high > low) || count < 1 || !std::isfinite(low) || !std::isfinite(high)) return ticks;
  const double rough = (high - low) / count;
  const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
  double step = magnitude;
  for (const double m : {1.0, 2.0, 5.0, 10.0})
    if (m * magnitude >= rough) {
      step = m * magnitude;
      break;
    }
  for (double t = std::ceil(low / step) * step; t <= high + step * 1e-9 && ticks.size() < 64; t += step)
    ticks.push_back(std::abs(t) < step * 1e-9 ? 0.0 : t);
  return ticks;
}

int chart(std::string_view id, const std::vector<ChartSeries>& series, const ChartOptions& options,
          const char* empty_text) {
  const auto format = options.format ? options.format : std::function<std::string(double)>(&default_format);
  std::size_t points = 0;
  double low = 0, high = 0;
  bool any = false, bars = false;
  for (const auto& s : series) {
    points = std::max(points, s.values.size());
    bars = bars || s.bars;
    for (const double v : s.values) {
      if (!std::isfinite(v)) continue;
      low = any ? std::min(low, v) : v;
      high = any ? std::max(high, v) : v;
      any = true;
    }
  }
  if (!any || points == 0) {
    ImGui::TextDisabled("%s", empty_text);
    return 0;
  }
  for (const auto& t : options.thresholds) {
    low = std::min(low, t.value);
    high = std::max(high, t.value);
  }
  if (options.include_zero || bars) {
    low = std::min(low, 0.0);
    high = std::max(high, 0.0);
  }
  if (high <= low) high = low + 1;
  const double pad = (high - low) * 0.05;
  high += pad;
  if (low < 0) low -= pad;

  const float line = ImGui::GetTextLineHeight();
  const float height = options.height > 0 ? options.height : line * 12;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = std::max(ImGui::GetContentRegionAvail().x, line * 10);
  ImGui::InvisibleButton(std::string(id).c_str(), ImVec2(width, height));
  automation::tag(id);
  const bool hovered = ImGui::IsItemHovered();

  const auto ticks = nice_ticks(low, high, 4);
  float axis_width = 0;
  for (const double t : ticks) axis_width = std::max(axis_width, ImGui::CalcTextSize(format(t).c_str()).x);
  const ImVec2 plot_min(snap(origin.x + axis_width + line * 0.5f), snap(origin.y + line * 0.5f));
  const ImVec2 plot_max(snap(origin.x + width - line * 0.25f), snap(origin.y + height - line * 1.5f));
  const float plot_w = plot_max.x - plot_min.x, plot_h = plot_max.y - plot_min.y;
  auto y_of = [&](double v) { return snap(plot_max.y - static_cast<float>((v - low) / (high - low)) * plot_h); };
  const float slot = plot_w / static_cast<float>(points);
  auto x_center = [&](std::size_t i) { return plot_min.x + slot * (static_cast<float>(i) + 0.5f); };

  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 grid = ImGui::GetColorU32(ImGuiCol_Separator, 0.5f);
  const ImU32 dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  for (const double t : ticks) {
    const float y = y_of(t);
    draw->AddLine(ImVec2(plot_min.x, y), ImVec2(plot_max.x, y), t == 0 ? dim : grid, 1.0f);
    const std::string label = format(t);
    draw->AddText(ImVec2(plot_min.x - line * 0.25f - ImGui::CalcTextSize(label.c_str()).x, y - line * 0.5f), dim,
                  label.c_str());
  }
  draw->AddLine(ImVec2(plot_min.x, plot_min.y), ImVec2(plot_min.x, plot_max.y), dim, 1.0f);

  // X labels: as many as fit, evenly spaced.
  if (!options.x_labels.empty()) {
    float widest = 0;
    for (const auto& l : options.x_labels) widest = std::max(widest, ImGui::CalcTextSize(l.c_str()).x);
    const std::size_t every =
        std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil((widest + line) / std::max(slot, 1.0f))));
    for (std::size_t i = 0; i < options.x_labels.size() && i < points; i += every) {
      const float w = ImGui::CalcTextSize(options.x_labels[i].c_str()).x;
      const float x = std::clamp(x_center(i) - w * 0.5f, plot_min.x, plot_max.x - w);
      draw->AddText(ImVec2(x, plot_max.y + line * 0.2f), dim, options.x_labels[i].c_str());
    }
  }

  // Bars side by side within a slot; lines through the slot centres.
  std::size_t bar_series = 0;
  for (const auto& s : series) bar_series += s.bars ? 1 : 0;
  const float bar_w = std::max(1.0f, (slot * 0.8f) / static_cast<float>(std::max<std::size_t>(bar_series, 1)));
  std::size_t bar_index = 0;
  int drawn = 0;
  const float zero_y = y_of(0.0);
  for (const auto& s : series) {
    const ImU32 color = ImGui::ColorConvertFloat4ToU32(s.color);
    if (s.bars) {
      for (std::size_t i = 0; i < s.values.size(); ++i) {
        if (!std::isfinite(s.values[i])) continue;
        const float x0 = snap(x_center(i) - slot * 0.4f + bar_w * static_cast<float>(bar_index));
        const float x1 = std::max(snap(x0 + bar_w), x0 + 1.0f / std::max(ImGui::GetIO().DisplayFramebufferScale.x, 1.0f));
        const float y = y_of(s.values[i]);
        draw->AddRectFilled(ImVec2(x0, std::min(y, zero_y)), ImVec2(x1, std::max(y, zero_y)), color);
        ++drawn;
      }
      ++bar_index;
    } else {
      ImVec2 previous;
      bool have_previous = false;
      for (std::size_t i = 0; i < s.values.size(); ++i) {
        if (!std::isfinite(s.values[i])) {
          have_previous = false;
          continue;
        }
        const ImVec2 p(snap(x_center(i)), y_of(s.values[i]));
        if (have_previous) draw->AddLine(previous, p, color, 2.0f);
        if (s.values.size() <= 62) draw->AddCircleFilled(p, 2.5f, color);
        previous = p;
        have_previous = true;
        ++drawn;
      }
    }
  }
  for (const auto& t : options.thresholds) {
    const float y = y_of(t.value);
    const ImU32 color = ImGui::ColorConvertFloat4ToU32(t.color);
    for (float x = plot_min.x; x < plot_max.x; x += line * 0.6f)  // dashed
      draw->AddLine(ImVec2(x, y), ImVec2(std::min(x + line * 0.35f, plot_max.x), y), color, 1.0f);
    if (!t.label.empty())
      draw->AddText(ImVec2(plot_max.x - ImGui::CalcTextSize(t.label.c_str()).x, y - line), color, t.label.c_str());
  }

  // The values under the pointer.
  if (hovered) {
    const float mx = ImGui::GetIO().MousePos.x;
    if (mx >= plot_min.x && mx < plot_max.x) {
      const auto i = std::min(points - 1, static_cast<std::size_t>((mx - plot_min.x) / slot));
      draw->AddLine(ImVec2(snap(x_center(i)), plot_min.y), ImVec2(snap(x_center(i)), plot_max.y), grid, 1.0f);
      ImGui::BeginTooltip();
      if (i < options.x_labels.size()) ImGui::TextUnformatted(options.x_labels[i].c_str());
      for (const auto& s : series)
        if (i < s.values.size() && std::isfinite(s.values[i]))
          ImGui::TextColored(s.color, "%s: %s", s.label.c_str(), format(s.values[i]).c_str());
      ImGui::EndTooltip();
    }
  }
  return drawn;
}

}  // namespace ui
