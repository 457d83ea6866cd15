// YamlReader: the config loader's view of one YAML document: locations, `${VAR}` expansion,
// typed scalars and a strict check of mapping keys. Every problem is appended to `errors` and the
// caller goes on, so that all errors of a file are reported at once.
// Private to rules/: it exposes yaml-cpp.
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "rules/config.h"

namespace pdc {

class YamlReader {
 public:
  YamlReader(std::string file, const EnvLookup& env, std::vector<Diagnostic>& errors)
      : file_(std::move(file)), env_(env), errors_(errors) {}

  SourceLocation Where(const YAML::Node& node) const;
  SourceLocation Where(const YAML::Mark& mark) const;
  void Error(const YAML::Node& node, std::string message);
  void Error(const SourceLocation& where, std::string message);

  // A scalar with `${VAR}` and `${VAR:-default}` expanded; nullopt (and an error) otherwise.
  std::optional<std::string> Scalar(const YAML::Node& node, std::string_view what);
  std::optional<bool> Bool(const YAML::Node& node, std::string_view what);
  std::optional<long long> Int(const YAML::Node& node, std::string_view what);
  // A scalar that must be one of `choices` ("a|b|c").
  std::optional<std::string> Choice(const YAML::Node& node, std::string_view what,
                                    std::string_view choices);
  // A list of scalars; a lone scalar is a list of one.
  std::optional<std::vector<std::string>> Strings(const YAML::Node& node, std::string_view what);

  // True when `node` is a mapping (else an error naming `what`); reports every key that is not
  // in `allowed`, with a suggestion for a near miss.
  bool CheckMap(const YAML::Node& node, std::string_view what,
                std::span<const std::string_view> allowed);

  const std::string& file() const { return file_; }
  // How many errors have been reported so far (to tell whether a part added any).
  std::size_t errors() const { return errors_.size(); }

 private:
  std::optional<std::string> Expand(const std::string& raw, const YAML::Node& node);

  std::string file_;
  const EnvLookup& env_;
  std::vector<Diagnostic>& errors_;
};

// The closest of `candidates` to `word` when it is a plausible typo, else "".
std::string_view NearestWord(std::string_view word, std::span<const std::string_view> candidates);
// What to add to "unknown X \"word\"": ` (did you mean "near"?)`, else ` (expected one of: a, b)`.
std::string Suggestion(std::string_view word, std::span<const std::string_view> candidates);

}  // namespace pdc
