// `validate` and `rules`: check a config; describe the rules a config may use.
#include <cstdio>
#include <iostream>

#include "pipeline/commands.h"
#include "pipeline/json_text.h"
#include "pipeline/run_common.h"
#include "rules/config.h"

namespace pdc {

int ValidateCommand(const std::string& path, const CommonOptions& common) {
  const RuleRegistry registry = RuleRegistry::WithBuiltins();
  const LoadResult loaded = LoadRunConfig(path, registry);
  for (const auto& error : loaded.errors) std::cerr << error.str() << '\n';
  if (common.json) {
    std::string out = "{\"config\":";
    AppendJsonString(out, path);
    out += loaded.config ? ",\"valid\":true" : ",\"valid\":false";
    out += ",\"errors\":[";
    for (std::size_t i = 0; i < loaded.errors.size(); ++i) {
      const auto& e = loaded.errors[i];
      out += i ? "," : "";
      out += "{\"line\":" + std::to_string(e.where.line) +
             ",\"column\":" + std::to_string(e.where.column) + ",\"message\":";
      AppendJsonString(out, e.message);
      out += '}';
    }
    std::cout << out << "]}\n";
  }
  if (!loaded.config) {
    if (!common.json) {
      std::cerr << path << ": " << loaded.errors.size()
                << (loaded.errors.size() == 1 ? " error\n" : " errors\n");
    }
    return kExitUsage;
  }
  if (!common.json && !common.quiet) {
    std::cout << path << ": ok (" << loaded.config->rules.table().size() << " rules, "
              << loaded.config->tests.size() << " tests)\n";
  }
  return kExitOk;
}

std::string RulesMarkdown() {
  std::string out;
  const RuleRegistry registry = RuleRegistry::WithBuiltins();
  for (const RuleSpec* spec : registry.all()) {
    out += "### `" + std::string(spec->name) + "` (" + spec->label() + ")\n\n";
    out += std::string(spec->summary) + ".\n\n" + std::string(spec->details) + "\n\n";
    out += "| option | type | default | meaning |\n|---|---|---|---|\n";
    for (const OptionSpec& o : spec->options) {
      std::string type(OptionTypeName(o.type));
      if (!o.choices.empty()) type += ": " + std::string(o.choices);
      const std::string when = o.required ? "required" : std::string(o.default_value);
      std::string doc(o.doc);
      for (std::size_t p = 0; (p = doc.find('|', p)) != std::string::npos; p += 2)
        doc.replace(p, 1, "\\|");
      out += "| `" + std::string(o.key) + "` | " + type + " | " +
             (when.empty() ? "" : "`" + when + "`") + " | " + doc + " |\n";
    }
    out += "\n";
  }
  return out;
}

int RulesCommand(const std::optional<std::string>& name, const std::optional<std::string>& config,
                 const CommonOptions& common) {
  std::shared_ptr<Config> loaded;  // holds the plugins whose rules `registry` lists
  if (config) {
    loaded = LoadCommandConfig(*config, RuleRegistry::WithBuiltins());
    if (!loaded) return kExitUsage;
  }
  const RuleRegistry registry = loaded ? loaded->registry : RuleRegistry::WithBuiltins();
  if (!name) {
    if (common.json) {
      std::string out = "[";
      for (const RuleSpec* spec : registry.all()) {
        out += out.size() > 1 ? "," : "";
        out += "{\"name\":";
        AppendJsonString(out, spec->name);
        out += ",\"version\":" + std::to_string(spec->version) + ",\"summary\":";
        AppendJsonString(out, spec->summary);
        out += '}';
      }
      std::cout << out << "]\n";
      return kExitOk;
    }
    for (const RuleSpec* spec : registry.all()) {
      std::printf("  %-16s %s\n", spec->label().c_str(), std::string(spec->summary).c_str());
    }
    std::printf(
        "\n`pardot-clean rules NAME` shows a rule's behaviour and options.\n"
        "Conditions: `- when: {field: F, is: empty} then: [...]` (see the README).\n");
    return kExitOk;
  }
  const RuleSpec* spec = registry.Find(*name);
  if (spec == nullptr) {
    std::cerr << "unknown rule \"" << *name << "\" (`pardot-clean rules` lists them)\n";
    return kExitUsage;
  }
  if (common.json) {
    std::string out = "{\"name\":";
    AppendJsonString(out, spec->name);
    out += ",\"version\":" + std::to_string(spec->version) + ",\"summary\":";
    AppendJsonString(out, spec->summary);
    out += ",\"details\":";
    AppendJsonString(out, spec->details);
    out += ",\"options\":[";
    for (std::size_t i = 0; i < spec->options.size(); ++i) {
      const OptionSpec& o = spec->options[i];
      out += i ? "," : "";
      out += "{\"key\":";
      AppendJsonString(out, o.key);
      out += ",\"type\":";
      AppendJsonString(out, OptionTypeName(o.type));
      out += ",\"required\":";
      out += o.required ? "true" : "false";
      out += ",\"default\":";
      AppendJsonString(out, o.default_value);
      if (!o.choices.empty()) {
        out += ",\"choices\":";
        AppendJsonString(out, o.choices);
      }
      out += ",\"doc\":";
      AppendJsonString(out, o.doc);
      out += '}';
    }
    std::cout << out << "]}\n";
    return kExitOk;
  }
  std::printf("%s: %s\n\n%s\n\nOptions:\n", spec->label().c_str(),
              std::string(spec->summary).c_str(), std::string(spec->details).c_str());
  for (const OptionSpec& o : spec->options) {
    std::string type(OptionTypeName(o.type));
    if (!o.choices.empty()) type += " (" + std::string(o.choices) + ")";
    const std::string when = o.required                ? "required"
                             : o.default_value.empty() ? "optional"
                                                       : "default " + std::string(o.default_value);
    std::printf("  %-18s %-24s %s\n  %-18s %s\n", std::string(o.key).c_str(), type.c_str(),
                when.c_str(), "", std::string(o.doc).c_str());
  }
  return kExitOk;
}

}  // namespace pdc
