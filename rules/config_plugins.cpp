// The `plugins:` list of a config: each item names one plugin by its kind: `native: PATH` (a
// shared library speaking plugins/pdc_plugin.h) or `command: [PROGRAM, ARG...]` (a process
// speaking JSON Lines, rules/command_plugin.h), with `timeout_ms` and `processes` for a command.
// A library path is taken from the config file's directory when relative, and no other library
// is ever loaded; a command runs in the config file's directory.
#include <filesystem>
#include <stdexcept>

#include "rules/command_plugin.h"
#include "rules/config_keys.h"
#include "rules/config_loader.h"
#include "rules/plugin_loader.h"

namespace pdc {

void ConfigLoader::Plugins(const YAML::Node& node) {
  if (!node.IsSequence()) {
    y_.Error(node, "plugins: expected a list such as `- native: ./libmy_rules.so`");
    return;
  }
  for (const auto& item : node) {
    if (!y_.CheckMap(item, "a plugins item", config_keys::kPluginItem)) continue;
    const auto native = item["native"];
    const auto command = item["command"];
    if (static_cast<bool>(native) == static_cast<bool>(command)) {
      y_.Error(item,
               "a plugins item names exactly one plugin, `native: PATH` or "
               "`command: [PROGRAM, ARG...]` (write each as its own `- ` item)");
      continue;
    }
    if (native) {
      for (const char* key : {"timeout_ms", "processes"}) {
        if (item[key]) y_.Error(item[key], std::string(key) + ": only a command plugin has it");
      }
      NativePluginItem(native);
    } else {
      CommandPluginItem(item);
    }
  }
}

void ConfigLoader::CommandPluginItem(const YAML::Node& item) {
  const YAML::Node node = item["command"];
  const auto argv = y_.Strings(node, "plugins.command");
  if (!argv) return;
  if (argv->empty() || (*argv)[0].empty()) {
    y_.Error(node,
             "plugins.command: expected the program and its arguments, such as "
             "[python3, plugins/segment/segment.py]");
    return;
  }
  CommandPluginSettings settings;
  settings.argv = *argv;
  settings.where = y_.Where(node.Mark()).str();
  // `absolute` refuses an empty path: a config named without a directory is in this one.
  settings.directory =
      std::filesystem::absolute(
          (std::filesystem::path(y_.file()).parent_path() / ".").lexically_normal())
          .string();
  auto bounded = [&](const char* key, const long long(&range)[2]) -> std::optional<long long> {
    const auto n = y_.Int(item[key], std::string("plugins.") + key);
    if (n && (*n < range[0] || *n > range[1])) {
      y_.Error(item[key], std::string("plugins.") + key + ": expected " + std::to_string(range[0]) +
                              " to " + std::to_string(range[1]));
      return std::nullopt;
    }
    return n;
  };
  if (item["timeout_ms"]) {
    if (const auto ms = bounded("timeout_ms", config_keys::kPluginTimeoutMs)) {
      settings.timeout = std::chrono::milliseconds(*ms);
    }
  }
  if (item["processes"]) {
    if (const auto n = bounded("processes", config_keys::kPluginProcesses)) {
      settings.max_processes = static_cast<std::size_t>(*n);
    }
  }
  auto plugin = CommandPlugin::Start(std::move(settings));
  if (!plugin.ok()) {
    y_.Error(node, "plugin " + (*argv)[0] + ": " + plugin.status().message());
    return;
  }
  for (const RuleSpec& spec : (*plugin)->specs()) {
    try {
      registry_.Add(spec);
    } catch (const std::invalid_argument& e) {
      y_.Error(node, "plugin " + (*argv)[0] + ": " + e.what());
    }
  }
  config_.command_plugins.push_back(std::move(*plugin));
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
