#include "rules/config.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "rules/condition.h"
#include "rules/when.h"
#include "rules/yaml_reader.h"

namespace pdc {
namespace {

constexpr std::string_view kTopKeys[] = {"version", "source", "rules", "dedupe", "sink", "tests"};
constexpr std::string_view kSourceKeys[] = {"pardot", "file"};
constexpr std::string_view kFileKeys[] = {"path", "format", "delimiter"};
constexpr std::string_view kPardotKeys[] = {"api_version", "environment", "base_url",
                                            "business_unit_id", "auth", "edition", "reserve",
                                            "filter"};
constexpr std::string_view kAuthKeys[] = {"access_token", "refresh"};
constexpr std::string_view kRefreshKeys[] = {"token_url", "client_id", "client_secret",
                                             "refresh_token"};
constexpr std::string_view kFilterKeys[] = {"updated_after"};
constexpr std::string_view kSinkKeys[] = {"pardot", "file"};
constexpr std::string_view kPardotSinkKeys[] = {"batch"};
constexpr std::string_view kWhenKeys[] = {"when", "then", "else"};
constexpr std::string_view kConditionKeys[] = {"field", "is", "equals", "matches", "in",
                                               "case_insensitive", "all", "any", "not"};
constexpr std::string_view kTestKeys[] = {"name", "given", "expect", "expect_flags"};

std::string Fnv1a(std::string_view bytes) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ULL;
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
  return out;
}

// Builds a Config from a parsed document, collecting every error.
class Loader {
 public:
  Loader(YamlReader& yaml, const RuleRegistry& registry, Config& config)
      : y_(yaml), registry_(registry), config_(config) {}

  void Document(const YAML::Node& root) {
    if (!root.IsMap()) {
      y_.Error(root, "a config is a mapping with version, source, rules, sink and tests");
      return;
    }
    y_.CheckMap(root, "the config", kTopKeys);
    if (const auto v = root["version"]) {
      if (auto n = y_.Int(v, "version"); n && *n != 1) {
        y_.Error(v, "version: this pardot-clean reads config version 1, found " + std::to_string(*n));
      }
    } else {
      y_.Error(y_.Where(root), "missing key \"version\" (add `version: 1`)");
    }
    if (const auto n = root["source"]) Source(n);
    if (const auto n = root["rules"]) {
      for (auto& rule : RuleList(n, "rules")) config_.rules.Append(std::move(rule));
    }
    if (const auto n = root["dedupe"]) {
      y_.Error(n, "dedupe: deduplication is not available in this version of pardot-clean");
    }
    if (const auto n = root["sink"]) Sink(n);
    if (const auto n = root["tests"]) Tests(n);
  }

 private:
  void Source(const YAML::Node& node) {
    if (!y_.CheckMap(node, "source", kSourceKeys)) return;
    if (node["pardot"] && node["file"]) {
      y_.Error(node, "source: give either pardot or file, not both");
    }
    if (const auto f = node["file"]) config_.file_source = FileEndpoint(f, "source.file");
    if (const auto p = node["pardot"]) Pardot(p);
  }

  std::optional<FileSourceConfig> FileEndpoint(const YAML::Node& node, std::string_view what) {
    const std::string name(what);
    if (!y_.CheckMap(node, name, kFileKeys)) return std::nullopt;
    FileSourceConfig file;
    file.where = y_.Where(node);
    if (const auto p = node["path"]) {
      if (auto s = y_.Scalar(p, name + ".path")) file.path = *s;
    } else {
      y_.Error(node, name + ": missing key \"path\"");
    }
    if (const auto f = node["format"]) {
      if (auto s = y_.Choice(f, name + ".format", "csv|jsonl")) file.format = *s;
    }
    if (const auto d = node["delimiter"]) {
      if (auto s = y_.Scalar(d, name + ".delimiter")) {
        if (s->size() == 1 && (*s)[0] != '"' && (*s)[0] != '\n' && (*s)[0] != '\r') {
          file.delimiter = (*s)[0];
        } else {
          y_.Error(d, name + ".delimiter: expected one character other than a quote or newline");
        }
      }
    }
    return file;
  }

  void Pardot(const YAML::Node& node) {
    if (!y_.CheckMap(node, "source.pardot", kPardotKeys)) return;
    PardotSourceConfig p;
    p.where = y_.Where(node);
    if (const auto v = node["api_version"]) {
      if (auto s = y_.Choice(v, "source.pardot.api_version", "3|4|5")) p.api_version = std::stoi(*s);
    }
    if (const auto v = node["environment"]) {
      if (auto s = y_.Choice(v, "source.pardot.environment", "production|demo")) p.environment = *s;
    }
    if (const auto v = node["base_url"]) {
      if (auto s = y_.Scalar(v, "source.pardot.base_url")) p.base_url = *s;
    }
    if (const auto v = node["business_unit_id"]) {
      if (auto s = y_.Scalar(v, "source.pardot.business_unit_id")) p.business_unit_id = *s;
    } else {
      y_.Error(node, "source.pardot: missing key \"business_unit_id\"");
    }
    if (const auto v = node["edition"]) {
      if (auto s = y_.Choice(v, "source.pardot.edition", "growth|plus|advanced|premium")) {
        p.edition = *s;
      }
    }
    if (const auto v = node["reserve"]) {
      if (auto n = y_.Int(v, "source.pardot.reserve")) {
        if (*n < 0) y_.Error(v, "source.pardot.reserve: must not be negative");
        p.reserve = *n;
      }
    }
    if (const auto f = node["filter"]; f && y_.CheckMap(f, "source.pardot.filter", kFilterKeys)) {
      if (const auto v = f["updated_after"]) {
        if (auto s = y_.Scalar(v, "source.pardot.filter.updated_after")) p.updated_after = *s;
      }
    }
    if (const auto a = node["auth"]; a && y_.CheckMap(a, "source.pardot.auth", kAuthKeys)) {
      if (const auto v = a["access_token"]) {
        if (auto s = y_.Scalar(v, "source.pardot.auth.access_token")) p.auth.access_token = *s;
      }
      if (const auto r = a["refresh"];
          r && y_.CheckMap(r, "source.pardot.auth.refresh", kRefreshKeys)) {
        auto get = [&](const char* key, std::string& out) {
          if (const auto v = r[key]) {
            if (auto s = y_.Scalar(v, std::string("source.pardot.auth.refresh.") + key)) out = *s;
          }
        };
        get("token_url", p.auth.token_url);
        get("client_id", p.auth.client_id);
        get("client_secret", p.auth.client_secret);
        get("refresh_token", p.auth.refresh_token);
      }
    }
    config_.pardot_source = std::move(p);
  }

  void Sink(const YAML::Node& node) {
    if (!y_.CheckMap(node, "sink", kSinkKeys)) return;
    if (node["pardot"] && node["file"]) y_.Error(node, "sink: give either pardot or file, not both");
    if (const auto f = node["file"]) config_.sink.file = FileEndpoint(f, "sink.file");
    if (const auto p = node["pardot"]) {
      if (!y_.CheckMap(p, "sink.pardot", kPardotSinkKeys)) return;
      config_.sink.pardot_batch = 50;
      if (const auto b = p["batch"]) {
        if (auto n = y_.Int(b, "sink.pardot.batch")) {
          if (*n < 1 || *n > 50) y_.Error(b, "sink.pardot.batch: Pardot takes 1 to 50 a batch");
          config_.sink.pardot_batch = static_cast<int>(*n);
        }
      }
    }
  }

  std::vector<std::unique_ptr<Rule>> RuleList(const YAML::Node& node, std::string_view what) {
    std::vector<std::unique_ptr<Rule>> rules;
    if (!node.IsSequence()) {
      y_.Error(node, std::string(what) + ": expected a list of rules");
      return rules;
    }
    for (const auto& item : node) {
      if (auto rule = RuleItem(item)) rules.push_back(std::move(rule));
    }
    return rules;
  }

  std::unique_ptr<Rule> RuleItem(const YAML::Node& item) {
    if (!item.IsMap() || item.size() == 0) {
      y_.Error(item, "a rule is a mapping such as `- email: { field: email }`");
      return nullptr;
    }
    if (item["when"] || item["then"]) return WhenItem(item);
    if (item.size() != 1) {
      y_.Error(item, "a rule item names exactly one rule (write each rule as its own `- ` item)");
      return nullptr;
    }
    const auto kv = *item.begin();
    const std::string name = kv.first.Scalar();
    const RuleSpec* spec = registry_.Find(name);
    if (spec == nullptr) {
      std::vector<std::string_view> names;
      for (const auto* s : registry_.all()) names.push_back(s->name);
      std::string message = "unknown rule \"" + name + "\"";
      if (auto near = NearestWord(name, names); !near.empty()) {
        message += " (did you mean \"" + std::string(near) + "\"?)";
      } else {
        message += " (`pardot-clean rules` lists them)";
      }
      y_.Error(kv.first, std::move(message));
      return nullptr;
    }
    auto options = OptionsFor(*spec, kv.second, y_.Where(kv.first));
    if (!options) return nullptr;
    try {
      std::unique_ptr<Rule> rule = spec->make(*options);
      config_.rules.Register(*rule, {spec->label(), y_.Where(kv.first)});
      return rule;
    } catch (const OptionError& e) {
      y_.Error(options->Where(e.key()), name + "." + e.key() + ": " + e.what());
    }
    return nullptr;
  }

  std::optional<Options> OptionsFor(const RuleSpec& spec, const YAML::Node& node,
                                    const SourceLocation& where) {
    const std::string rule(spec.name);
    Options options(rule, where);
    std::vector<std::string_view> keys;
    for (const auto& o : spec.options) keys.push_back(o.key);
    if (!node.IsNull() && !y_.CheckMap(node, rule + " options", keys)) return std::nullopt;
    bool ok = true;
    for (const auto& spec_option : spec.options) {
      const YAML::Node given = node.IsNull() ? YAML::Node() : node[std::string(spec_option.key)];
      YAML::Node value;  // a fresh handle: assigning to a missing key's node would throw
      OptionValue parsed;
      parsed.type = spec_option.type;
      if (given) {
        value = given;
        parsed.present = true;
        parsed.where = y_.Where(value);
      } else if (spec_option.required) {
        y_.Error(where, rule + ": missing required option \"" + std::string(spec_option.key) + "\"");
        ok = false;
        continue;
      } else if (spec_option.default_value.empty()) {
        options.Put(std::string(spec_option.key), std::move(parsed));
        continue;
      } else {
        value = YAML::Load(std::string(spec_option.default_value));
      }
      ok = Convert(spec_option, value, rule + "." + std::string(spec_option.key), parsed) && ok;
      options.Put(std::string(spec_option.key), std::move(parsed));
    }
    if (!ok) return std::nullopt;
    return options;
  }

  bool Convert(const OptionSpec& spec, const YAML::Node& value, const std::string& what,
               OptionValue& out) {
    switch (spec.type) {
      case OptionType::kString:
      case OptionType::kField: {
        auto s = y_.Scalar(value, what);
        if (s && spec.type == OptionType::kField) NoteField(*s, value, what);
        if (s) out.text = std::move(*s);
        return s.has_value();
      }
      case OptionType::kStrings:
      case OptionType::kFields: {
        auto list = y_.Strings(value, what);
        if (list && spec.type == OptionType::kFields) {
          for (const auto& f : *list) NoteField(f, value, what);
        }
        if (list) out.list = std::move(*list);
        return list.has_value();
      }
      case OptionType::kBool: {
        auto b = y_.Bool(value, what);
        if (b) out.flag = *b;
        return b.has_value();
      }
      case OptionType::kInt: {
        auto n = y_.Int(value, what);
        if (n) out.number = *n;
        return n.has_value();
      }
      case OptionType::kChoice: {
        auto s = y_.Choice(value, what, spec.choices);
        if (s) out.text = std::move(*s);
        return s.has_value();
      }
      case OptionType::kValue: {
        if (value.IsNull()) {
          out.is_null = true;
          return true;
        }
        auto s = y_.Scalar(value, what);
        if (s) out.text = std::move(*s);
        return s.has_value();
      }
      case OptionType::kStringMap: {
        if (!value.IsMap()) {
          y_.Error(value, what + ": expected a mapping of values");
          return false;
        }
        bool ok = true;
        for (const auto& kv : value) {
          auto key = y_.Scalar(kv.first, what);
          std::optional<std::string> mapped;
          if (!kv.second.IsNull()) {
            mapped = y_.Scalar(kv.second, what);
            ok = ok && mapped.has_value();
          }
          if (key) out.map.emplace_back(std::move(*key), std::move(mapped));
          ok = ok && key.has_value();
        }
        return ok;
      }
    }
    return false;
  }

  void NoteField(const std::string& name, const YAML::Node& node, const std::string& what) {
    if (name.empty()) {
      y_.Error(node, what + ": a field name cannot be empty");
      return;
    }
    const FieldId id = InternField(name);
    auto& named = config_.rules.named_fields();
    if (std::find(named.begin(), named.end(), id) == named.end()) named.push_back(id);
  }

  std::unique_ptr<Rule> WhenItem(const YAML::Node& item) {
    y_.CheckMap(item, "a when item", kWhenKeys);
    if (!item["when"] || !item["then"]) {
      y_.Error(item, "a when item needs both `when:` (a condition) and `then:` (a list of rules)");
      return nullptr;
    }
    const RuleIndex slot = config_.rules.Reserve({"when", y_.Where(item["when"])});
    auto condition = ConditionOf(item["when"]);
    auto then_rules = RuleList(item["then"], "then");
    std::vector<std::unique_ptr<Rule>> else_rules;
    if (const auto e = item["else"]) else_rules = RuleList(e, "else");
    if (!condition) return nullptr;
    auto rule = std::make_unique<WhenRule>(std::move(condition), std::move(then_rules),
                                           std::move(else_rules));
    rule->set_index(slot);
    return rule;
  }

  std::unique_ptr<Condition> ConditionOf(const YAML::Node& node) {
    if (!y_.CheckMap(node, "when", kConditionKeys)) return nullptr;
    auto list = [&](const char* key, bool all) -> std::unique_ptr<Condition> {
      const auto parts_node = node[key];
      if (!parts_node.IsSequence()) {
        y_.Error(parts_node, std::string("when.") + key + ": expected a list of conditions");
        return nullptr;
      }
      std::vector<std::unique_ptr<Condition>> parts;
      bool ok = true;
      for (const auto& p : parts_node) {
        auto c = ConditionOf(p);
        ok = ok && c != nullptr;
        parts.push_back(std::move(c));
      }
      if (!ok) return nullptr;
      return all ? AllOf(std::move(parts)) : AnyOf(std::move(parts));
    };
    if (node["all"]) return list("all", true);
    if (node["any"]) return list("any", false);
    if (const auto n = node["not"]) {
      auto inner = ConditionOf(n);
      return inner ? Not(std::move(inner)) : nullptr;
    }
    const auto field_node = node["field"];
    if (!field_node) {
      y_.Error(node, "when: a condition names a `field` (or combines conditions with all/any/not)");
      return nullptr;
    }
    auto field_name = y_.Scalar(field_node, "when.field");
    if (!field_name) return nullptr;
    const FieldId field = InternField(*field_name);
    bool fold = false;
    if (const auto ci = node["case_insensitive"]) fold = y_.Bool(ci, "when.case_insensitive").value_or(false);
    int tests = 0;
    std::unique_ptr<Condition> condition;
    if (const auto n = node["is"]) {
      ++tests;
      if (auto s = y_.Choice(n, "when.is", "empty|not_empty")) condition = IsEmpty(field, *s == "empty");
    }
    if (const auto n = node["equals"]) {
      ++tests;
      if (auto s = y_.Scalar(n, "when.equals")) condition = InSet(field, {*s}, fold);
    }
    if (const auto n = node["in"]) {
      ++tests;
      if (auto s = y_.Strings(n, "when.in")) condition = InSet(field, std::move(*s), fold);
    }
    if (const auto n = node["matches"]) {
      ++tests;
      if (auto s = y_.Scalar(n, "when.matches")) {
        auto regex = IcuRegex::Compile(*s, fold);
        if (regex.ok()) {
          condition = Matches(field, *regex);
        } else {
          y_.Error(n, "when.matches: " + regex.status().message());
        }
      }
    }
    if (tests != 1) {
      y_.Error(node, "when: give exactly one of is, equals, matches or in for field " + *field_name);
      return nullptr;
    }
    return condition;
  }

  void Tests(const YAML::Node& node) {
    if (!node.IsSequence()) {
      y_.Error(node, "tests: expected a list of tests");
      return;
    }
    for (const auto& item : node) {
      if (!y_.CheckMap(item, "a test", kTestKeys)) continue;
      RuleTest test;
      test.where = y_.Where(item);
      if (const auto n = item["name"]) test.name = y_.Scalar(n, "tests.name").value_or("");
      if (!item["given"] || !item["expect"]) {
        y_.Error(item, "a test needs `given:` (a record) and `expect:` (the fields it must have)");
        continue;
      }
      test.given = TestRecord(item["given"], "given");
      test.expect = TestRecord(item["expect"], "expect");
      if (const auto f = item["expect_flags"]) {
        test.expect_flags = y_.Strings(f, "expect_flags").value_or(std::vector<std::string>{});
      }
      config_.tests.push_back(std::move(test));
    }
  }

  std::vector<std::pair<std::string, Value>> TestRecord(const YAML::Node& node,
                                                        std::string_view what) {
    std::vector<std::pair<std::string, Value>> fields;
    if (!node.IsMap()) {
      y_.Error(node, std::string(what) + ": expected a mapping of field: value");
      return fields;
    }
    for (const auto& kv : node) {
      auto name = y_.Scalar(kv.first, what);
      if (!name) continue;
      if (kv.second.IsNull()) {
        fields.emplace_back(*name, Value::Null());
      } else if (kv.second.IsSequence()) {
        auto items = y_.Strings(kv.second, std::string(what) + "." + *name);
        if (items) fields.emplace_back(*name, Value::List(std::move(*items)));
      } else if (auto s = y_.Scalar(kv.second, std::string(what) + "." + *name)) {
        fields.emplace_back(*name, Value::Text(std::move(*s)));
      }
    }
    return fields;
  }

  YamlReader& y_;
  const RuleRegistry& registry_;
  Config& config_;
};

}  // namespace

EnvLookup ProcessEnvironment() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

LoadResult LoadConfigFromString(std::string_view yaml, const std::string& name,
                                const RuleRegistry& registry, const EnvLookup& env) {
  LoadResult result;
  auto config = std::make_shared<Config>();
  config->path = name;
  config->hash = Fnv1a(yaml);
  YamlReader reader(name, env, result.errors);
  try {
    const YAML::Node root = YAML::Load(std::string(yaml));
    if (!root || root.IsNull()) {
      reader.Error(SourceLocation{name, 1, 1}, "the config is empty (start with `version: 1`)");
    } else {
      Loader(reader, registry, *config).Document(root);
    }
  } catch (const YAML::Exception& e) {
    reader.Error(reader.Where(e.mark), "YAML syntax error: " + e.msg);
  }
  std::stable_sort(result.errors.begin(), result.errors.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::tie(a.where.line, a.where.column) <
                            std::tie(b.where.line, b.where.column);
                   });
  if (result.errors.empty()) result.config = std::move(config);
  return result;
}

LoadResult LoadConfig(const std::string& path, const RuleRegistry& registry, const EnvLookup& env) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    LoadResult result;
    YamlReader(path, env, result.errors).Error(SourceLocation{path, 0, 0}, "cannot read the config file");
    return result;
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return LoadConfigFromString(bytes.str(), path, registry, env);
}

}  // namespace pdc
