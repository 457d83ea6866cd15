// NativePlugin: a rule plugin library (plugins/pdc_plugin.h is its whole ABI) loaded from a path a
// config's `plugins:` list names, and nothing else. Loading checks the ABI version before any
// plugin function runs and checks the plugin's rule tables; the rules it offers become RuleSpecs
// that register like built-in ones. The library stays loaded while the NativePlugin lives, and
// every rule built from it holds the NativePlugin, so no plugin code is unloaded while in use.
// Thread-safety: immutable once loaded.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "rules/rule.h"
#include "rules/status.h"

namespace pdc {

class NativePlugin : public std::enable_shared_from_this<NativePlugin> {
 public:
  // Loads the library at `path` (used as given); a Status explaining a library that cannot be
  // opened, lacks the ABI symbols, reports another ABI version or offers an ill-formed rule.
  static Result<std::shared_ptr<const NativePlugin>> Load(const std::string& path);

  NativePlugin(const NativePlugin&) = delete;
  NativePlugin& operator=(const NativePlugin&) = delete;
  ~NativePlugin();

  const std::string& path() const { return path_; }
  const std::string& name() const { return name_; }
  // One spec per rule of the plugin, in the plugin's order; valid while this object lives.
  const std::vector<RuleSpec>& rules() const { return specs_; }

 private:
  struct Library;  // the dlopen handle
  NativePlugin(std::string path, std::unique_ptr<Library> library);
  Status Describe();

  std::string path_;
  std::string name_;
  std::unique_ptr<Library> library_;
  std::vector<std::vector<OptionSpec>> options_;  // one table per rule
  std::vector<RuleSpec> specs_;
};

}  // namespace pdc
