#include "rules/yaml_reader.h"

#include <algorithm>
#include <charconv>

namespace pdc {

SourceLocation YamlReader::Where(const YAML::Mark& mark) const {
  if (mark.is_null()) return {file_, 0, 0};
  return {file_, mark.line + 1, mark.column + 1};
}

SourceLocation YamlReader::Where(const YAML::Node& node) const { return Where(node.Mark()); }

void YamlReader::Error(const YAML::Node& node, std::string message) {
  Error(Where(node), std::move(message));
}

void YamlReader::Error(const SourceLocation& where, std::string message) {
  errors_.push_back({where, std::move(message)});
}

std::optional<std::string> YamlReader::Expand(const std::string& raw, const YAML::Node& node) {
  if (raw.find('$') == std::string::npos) return raw;
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '$') {
      out += raw[i];
      continue;
    }
    if (i + 1 < raw.size() && raw[i + 1] == '$') {  // "$$" is a literal "$"
      out += '$';
      ++i;
      continue;
    }
    if (i + 1 >= raw.size() || raw[i + 1] != '{') {
      out += '$';
      continue;
    }
    const std::size_t close = raw.find('}', i + 2);
    if (close == std::string::npos) {
      Error(node, "unterminated ${...} in \"" + raw + "\"");
      return std::nullopt;
    }
    std::string body = raw.substr(i + 2, close - i - 2);
    std::optional<std::string> fallback;
    if (const std::size_t dash = body.find(":-"); dash != std::string::npos) {
      fallback = body.substr(dash + 2);
      body.resize(dash);
    }
    const bool valid_name = !body.empty() && std::all_of(body.begin(), body.end(), [](char c) {
      return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
    if (!valid_name) {
      Error(node, "invalid variable name \"" + body + "\" in ${...}");
      return std::nullopt;
    }
    std::optional<std::string> value = env_(body);
    if (value && value->empty() && fallback) value.reset();  // ${VAR:-d}: empty counts as unset
    if (!value && !fallback) {
      Error(node, "environment variable " + body + " is not set (use ${" + body +
                      ":-default} for a default)");
      return std::nullopt;
    }
    out += value ? *value : *fallback;
    i = close;
  }
  return out;
}

std::optional<std::string> YamlReader::Scalar(const YAML::Node& node, std::string_view what) {
  if (!node.IsScalar()) {
    Error(node, std::string(what) + ": expected a string, found " +
                    (node.IsMap()        ? "a mapping"
                     : node.IsSequence() ? "a list"
                                         : "nothing"));
    return std::nullopt;
  }
  return Expand(node.Scalar(), node);
}

std::optional<bool> YamlReader::Bool(const YAML::Node& node, std::string_view what) {
  auto text = Scalar(node, what);
  if (!text) return std::nullopt;
  if (*text == "true" || *text == "yes" || *text == "on") return true;
  if (*text == "false" || *text == "no" || *text == "off") return false;
  Error(node, std::string(what) + ": expected true or false, found \"" + *text + "\"");
  return std::nullopt;
}

std::optional<long long> YamlReader::Int(const YAML::Node& node, std::string_view what) {
  auto text = Scalar(node, what);
  if (!text) return std::nullopt;
  long long value = 0;
  const char* end = text->data() + text->size();
  auto [ptr, ec] = std::from_chars(text->data(), end, value);
  if (ec != std::errc() || ptr != end || text->empty()) {
    Error(node, std::string(what) + ": expected an integer, found \"" + *text + "\"");
    return std::nullopt;
  }
  return value;
}

std::optional<std::string> YamlReader::Choice(const YAML::Node& node, std::string_view what,
                                              std::string_view choices) {
  auto text = Scalar(node, what);
  if (!text) return std::nullopt;
  for (const std::string_view choice : SplitChoices(choices)) {
    if (choice == *text) return text;
  }
  std::string list(choices);
  std::replace(list.begin(), list.end(), '|', ',');
  Error(node, std::string(what) + ": expected one of " + list + ", found \"" + *text + "\"");
  return std::nullopt;
}

std::optional<std::vector<std::string>> YamlReader::Strings(const YAML::Node& node,
                                                            std::string_view what) {
  std::vector<std::string> out;
  if (node.IsScalar()) {
    auto one = Scalar(node, what);
    if (!one) return std::nullopt;
    out.push_back(std::move(*one));
    return out;
  }
  if (!node.IsSequence()) {
    Error(node, std::string(what) + ": expected a list of strings");
    return std::nullopt;
  }
  bool ok = true;
  for (const auto& item : node) {
    auto s = Scalar(item, what);
    if (s) out.push_back(std::move(*s));
    ok = ok && s.has_value();
  }
  if (!ok) return std::nullopt;
  return out;
}

bool YamlReader::CheckMap(const YAML::Node& node, std::string_view what,
                          std::span<const std::string_view> allowed) {
  if (!node.IsMap()) {
    Error(node, std::string(what) + ": expected a mapping");
    return false;
  }
  std::vector<std::string> seen;
  for (const auto& kv : node) {
    const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "?";
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
      Error(kv.first, "duplicate key \"" + key + "\" in " + std::string(what));
      continue;
    }
    seen.push_back(key);
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    Error(kv.first,
          "unknown key \"" + key + "\" in " + std::string(what) + Suggestion(key, allowed));
  }
  return true;
}

std::string Suggestion(std::string_view word, std::span<const std::string_view> candidates) {
  if (auto near = NearestWord(word, candidates); !near.empty()) {
    return " (did you mean \"" + std::string(near) + "\"?)";
  }
  std::string list = " (expected one of:";
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    list += i ? ", " : " ";
    list += candidates[i];
  }
  return list + ")";
}

std::string_view NearestWord(std::string_view word, std::span<const std::string_view> candidates) {
  // Optimal string alignment distance; a typo is at most 2 edits and less than half the word.
  auto distance = [](std::string_view a, std::string_view b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
      for (std::size_t j = 1; j <= b.size(); ++j) {
        const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
        d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
          d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.size()][b.size()];
  };
  std::string_view best;
  std::size_t best_distance = 3;
  for (auto candidate : candidates) {
    const std::size_t dist = distance(word, candidate);
    if (dist < best_distance && dist * 2 < std::max(word.size(), candidate.size())) {
      best = candidate;
      best_distance = dist;
    }
  }
  return best;
}

}  // namespace pdc
