// Small helpers of the demo marketplace: PRNG, fault knob, ISO-8601 time,
// transliteration, EAN-13.
#include <cstdio>

#include "sandbox/marketplace.h"

#include "core/civil_date.h"

namespace sandbox {

std::uint64_t Rng::next() {
  std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::int64_t Rng::range(std::int64_t lo, std::int64_t hi) {
  if (hi <= lo) return lo;
  return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
}

bool Rng::chance(double p) {
  if (p <= 0.0) return false;
  if (p >= 1.0) return true;
  return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0) < p;
}

void FaultKnob::force_next(int count, Kind kind) {
  forced_count_ = count < 0 ? 0 : count;
  forced_kind_ = kind;
}

int FaultKnob::calls(std::string_view path) const {
  auto it = calls_.find(path);
  return it == calls_.end() ? 0 : it->second;
}

int FaultKnob::successes(std::string_view path) const {
  auto it = successes_.find(path);
  return it == successes_.end() ? 0 : it->second;
}

void FaultKnob::reset_counters() {
  calls_.clear();
  successes_.clear();
}

bool FaultKnob::take(Kind* kind, Rng& rng) {
  if (forced_count_ > 0) {
    --forced_count_;
    *kind = forced_kind_;
    return true;
  }
  if (error_rate > 0.0 && rng.chance(error_rate)) {
    *kind = Kind::http500;
    return true;
  }
  return false;
}

void FaultKnob::count(std::string_view path, int status) {
  auto it = calls_.find(path);
  if (it == calls_.end()) it = calls_.emplace(std::string(path), 0).first;
  ++it->second;
  if (status >= 200 && status < 300) {
    auto s = successes_.find(path);
    if (s == successes_.end()) s = successes_.emplace(std::string(path), 0).first;
    ++s->second;
  }
}

namespace {

bool digits(std::string_view s, std::size_t pos, std::size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

}  // namespace

bool parse_iso8601(std::string_view s, core::EpochMs* out) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0, ms = 0;
  if (!digits(s, 0, 4, &y) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, &mo) || s[7] != '-' ||
      !digits(s, 8, 2, &d))
    return false;
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return false;
  std::size_t pos = 10;
  std::int64_t offset_min = 0;
  if (pos < s.size() && (s[pos] == 'T' || s[pos] == ' ')) {
    if (!digits(s, pos + 1, 2, &h) || s.size() < pos + 6 || s[pos + 3] != ':' || !digits(s, pos + 4, 2, &mi))
      return false;
    pos += 6;
    if (pos < s.size() && s[pos] == ':') {
      if (!digits(s, pos + 1, 2, &se)) return false;
      pos += 3;
    }
    if (pos < s.size() && s[pos] == '.') {
      ++pos;
      int scale = 100;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
        ms += (s[pos] - '0') * scale;
        scale /= 10;
        ++pos;
      }
    }
    if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
      ++pos;
    } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
      int oh = 0, om = 0;
      if (!digits(s, pos + 1, 2, &oh)) return false;
      std::size_t mpos = pos + 3;
      if (mpos < s.size() && s[mpos] == ':') ++mpos;
      if (!digits(s, mpos, 2, &om)) return false;
      offset_min = (s[pos] == '-' ? -1 : 1) * (oh * 60 + om);
      pos = mpos + 2;
    }
  }
  if (pos != s.size() || h > 23 || mi > 59 || se > 60) return false;
  std::int64_t days = core::days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  *out = ((days * 86400 + h * 3600 + mi * 60 + se) - offset_min * 60) * 1000 + ms;
  return true;
}

std::string format_iso8601(core::EpochMs ms) {
  std::int64_t secs = ms >= 0 ? ms / 1000 : (ms - 999) / 1000;
  int milli = static_cast<int>(ms - secs * 1000);
  std::int64_t days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
  std::int64_t rem = secs - days * 86400;
  std::int64_t y = 0;
  unsigned m = 0, d = 0;
  core::civil_from_days(days, y, m, d);
  char buf[40];
  if (milli != 0) {
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<long long>(y), m, d,
                  static_cast<int>(rem / 3600), static_cast<int>(rem / 60 % 60), static_cast<int>(rem % 60), milli);
  } else {
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02dZ", static_cast<long long>(y), m, d,
                  static_cast<int>(rem / 3600), static_cast<int>(rem / 60 % 60), static_cast<int>(rem % 60));
  }
  return buf;
}

std::string transliterate(std::string_view s) {
  static constexpr const char* kLower[] = {"a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k",
                                           "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh",
                                           "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"};
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    std::uint32_t cp = 0;
    std::size_t len = 1;
    if ((c & 0xE0) == 0xC0 && i + 1 < s.size()) {
      cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
      len = 2;
    } else if ((c & 0xF0) == 0xE0 && i + 2 < s.size()) {
      cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
           (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
      len = 3;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
    }
    i += len;
    std::string t;
    bool upper = false;
    if (cp >= 0x430 && cp <= 0x44F) {
      t = kLower[cp - 0x430];
    } else if (cp >= 0x410 && cp <= 0x42F) {
      t = kLower[cp - 0x410];
      upper = true;
    } else if (cp == 0x451) {
      t = "e";
    } else if (cp == 0x401) {
      t = "e";
      upper = true;
    } else if (cp == 0xAB || cp == 0xBB || cp == 0x201C || cp == 0x201D) {
      t = "\"";
    } else if (cp == 0x2013 || cp == 0x2014) {
      t = "-";
    } else if (cp == 0x2116) {
      t = "No";
    } else {
      t = "?";
    }
    if (upper && !t.empty()) t[0] = static_cast<char>(t[0] - 'a' + 'A');
    out += t;
  }
  return out;
}

int ean13_check_digit(std::string_view twelve) {
  int sum = 0;
  for (std::size_t i = 0; i < 12 && i < twelve.size(); ++i) {
    int dgt = twelve[i] - '0';
    sum += (i % 2 == 0) ? dgt : dgt * 3;
  }
  return (10 - sum % 10) % 10;
}

}  // namespace sandbox
