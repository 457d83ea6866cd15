// The host side of a plugin rule: the pdc_host_v1 table the host hands every plugin, and the Rule
// that wraps one rule's C callbacks. Private to rules/ (plugin_loader.cpp builds these).
#pragma once

#include <memory>

#include "plugins/pdc_plugin.h"
#include "rules/plugin_loader.h"

namespace pdc {

// The callbacks a plugin may call; none lets an exception out.
const pdc_host_v1& PluginHost();

// Builds an instance of `rule` through its `create` callback; throws OptionError with the
// plugin's message when create fails. The Rule holds `plugin`, keeping its library loaded.
std::unique_ptr<Rule> MakePluginRule(std::shared_ptr<const NativePlugin> plugin,
                                     const pdc_rule_v1& rule, const Options& options);

}  // namespace pdc
