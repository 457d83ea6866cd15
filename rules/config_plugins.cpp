// The `plugins:` list of a config: each item names one plugin by its kind, for now only
// `native: PATH` (a shared library speaking plugins/pdc_plugin.h). A path is taken from the
// config file's directory when relative; no other library is ever loaded.
#include <filesystem>
#include <stdexcept>

#include "rules/config_loader.h"
#include "rules/plugin_loader.h"

namespace pdc {
namespace {

// The kinds of plugin a `plugins:` item may name.
constexpr std::string_view kPluginKinds[] = {"native"};

}  // namespace

void ConfigLoader::Plugins(const YAML::Node& node) {
  if (!node.IsSequence()) {
    y_.Error(node, "plugins: expected a list such as `- native: ./libmy_rules.so`");
    return;
  }
  for (const auto& item : node) {
    if (!y_.CheckMap(item, "a plugins item", kPluginKinds)) continue;
    if (item.size() != 1) {
      y_.Error(item, "a plugins item names exactly one plugin (write each as its own `- ` item)");
      continue;
    }
    if (const auto native = item["native"]) NativePluginItem(native);
  }
}

void ConfigLoader::NativePluginItem(const YAML::Node& node) {
  const auto given = y_.Scalar(node, "plugins.native");
  if (!given) return;
  if (given->empty()) {
    y_.Error(node, "plugins.native: expected the path of a shared library");
    return;
  }
  // Absolute, so that dlopen never searches the library path for a bare file name.
  std::filesystem::path path(*given);
  if (path.is_relative()) path = std::filesystem::path(y_.file()).parent_path() / path;
  path = std::filesystem::absolute(path).lexically_normal();

  auto plugin = NativePlugin::Load(path.string());
  if (!plugin.ok()) {
    y_.Error(node, "plugin " + *given + ": " + plugin.status().message());
    return;
  }
  for (const RuleSpec& spec : (*plugin)->rules()) {
    try {
      registry_.Add(spec);
    } catch (const std::invalid_argument& e) {
      y_.Error(node, "plugin " + *given + ": " + e.what());
    }
  }
  config_.plugins.push_back(std::move(*plugin));
}

}  // namespace pdc
