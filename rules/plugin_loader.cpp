#include "rules/plugin_loader.h"

#include <dlfcn.h>

#include "plugins/pdc_plugin.h"
#include "rules/plugin_rule.h"

namespace pdc {
namespace {

constexpr int kLastOptionType = PDC_OPTION_STRING_MAP;
static_assert(static_cast<int>(OptionType::kStringMap) == kLastOptionType &&
                  static_cast<int>(OptionType::kChoice) == PDC_OPTION_CHOICE &&
                  static_cast<int>(OptionType::kString) == PDC_OPTION_STRING,
              "pdc_option_type mirrors OptionType");

std::string_view Text(const char* s) { return s == nullptr ? std::string_view() : s; }

std::string LastDlError() {
  const char* error = dlerror();
  return error == nullptr ? "unknown error" : error;
}

bool IsRuleName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

}  // namespace

struct NativePlugin::Library {
  void* handle = nullptr;
  ~Library() {
    if (handle != nullptr) dlclose(handle);
  }
  // The symbol `name`, or null (dlerror then says why).
  void* Symbol(const char* name) const {
    dlerror();
    return dlsym(handle, name);
  }
};

NativePlugin::NativePlugin(std::string path, std::unique_ptr<Library> library)
    : path_(std::move(path)), library_(std::move(library)) {}

NativePlugin::~NativePlugin() = default;

Result<std::shared_ptr<const NativePlugin>> NativePlugin::Load(const std::string& path) {
  auto library = std::make_unique<Library>();
  // RTLD_NOW: an unresolved symbol refuses the library here rather than failing mid-run.
  // RTLD_LOCAL: plugins cannot see or clash with each other's symbols.
  library->handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (library->handle == nullptr) return Status::NotFound("cannot load: " + LastDlError());

  // The version is a data symbol, so that it is checked before any plugin function is called.
  const auto* version =
      static_cast<const std::uint32_t*>(library->Symbol("pdc_plugin_abi_version"));
  if (version == nullptr) {
    return Status::InvalidArgument(
        "not a pardot-clean plugin: it does not export pdc_plugin_abi_version");
  }
  if (*version != PDC_PLUGIN_ABI_VERSION) {
    return Status::InvalidArgument("built for plugin ABI version " + std::to_string(*version) +
                                   "; this pardot-clean loads version " +
                                   std::to_string(PDC_PLUGIN_ABI_VERSION) +
                                   " (rebuild it against this plugins/pdc_plugin.h)");
  }
  std::shared_ptr<NativePlugin> plugin(new NativePlugin(path, std::move(library)));
  if (Status status = plugin->Describe(); !status.ok()) return status;
  return std::shared_ptr<const NativePlugin>(std::move(plugin));
}

// Calls the entry point and turns the plugin's rule tables into RuleSpecs, refusing any table
// the host could not use safely.
Status NativePlugin::Describe() {
  using Init = int (*)(const pdc_host_v1*, pdc_plugin_v1*);
  const auto init = reinterpret_cast<Init>(library_->Symbol("pdc_plugin_init_v1"));
  if (init == nullptr) {
    return Status::InvalidArgument(
        "not a pardot-clean plugin: it does not export "
        "pdc_plugin_init_v1");
  }
  pdc_plugin_v1 out{};
  if (init(&PluginHost(), &out) != 0) {
    return Status::InvalidArgument("the plugin failed to start: " +
                                   std::string(out.error ? out.error : "no reason given"));
  }
  if (out.abi_version != PDC_PLUGIN_ABI_VERSION) {
    return Status::InvalidArgument("pdc_plugin_init_v1 reports ABI version " +
                                   std::to_string(out.abi_version) + "; expected " +
                                   std::to_string(PDC_PLUGIN_ABI_VERSION));
  }
  name_ = out.name != nullptr ? out.name : path_;
  if (out.rule_count == 0 || out.rules == nullptr) {
    return Status::InvalidArgument("the plugin offers no rules");
  }
  options_.reserve(out.rule_count);  // the specs' spans point into these tables
  for (std::size_t r = 0; r < out.rule_count; ++r) {
    const pdc_rule_v1& rule = out.rules[r];
    const std::string_view name = Text(rule.name);
    if (!IsRuleName(name)) {
      return Status::InvalidArgument("rule " + std::to_string(r + 1) + " has no valid name " +
                                     "(lower case letters, digits and '_')");
    }
    const std::string what = "rule " + std::string(name) + ": ";
    if (rule.create == nullptr || rule.apply == nullptr || rule.destroy == nullptr) {
      return Status::InvalidArgument(what + "create, apply and destroy are all required");
    }
    if (rule.option_count > 0 && rule.options == nullptr) {
      return Status::InvalidArgument(what + "option_count without an option table");
    }
    auto& table = options_.emplace_back();
    for (std::size_t i = 0; i < rule.option_count; ++i) {
      const pdc_option_spec_v1& o = rule.options[i];
      if (Text(o.key).empty()) return Status::InvalidArgument(what + "an option has no key");
      if (o.type < 0 || o.type > kLastOptionType) {
        return Status::InvalidArgument(what + "option " + o.key + " has unknown type " +
                                       std::to_string(o.type));
      }
      const auto type = static_cast<OptionType>(o.type);
      if (type == OptionType::kChoice && Text(o.choices).empty()) {
        return Status::InvalidArgument(what + "choice option " + o.key + " lists no choices");
      }
      table.push_back({Text(o.key), type, Text(o.default_value), o.required != 0, Text(o.doc),
                       Text(o.choices)});
    }
    specs_.push_back({name, rule.version, Text(rule.summary), Text(rule.details), table,
                      [this, &rule](const Options& options) {
                        return MakePluginRule(shared_from_this(), rule, options);
                      }});
  }
  return Status::Ok();
}

}  // namespace pdc
