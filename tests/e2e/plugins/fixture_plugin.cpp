// Plugins that misbehave on purpose, for tests/e2e/plugin_test.cpp. One source, built as three
// libraries (tests/CMakeLists.txt):
//   PDC_FIXTURE_ABI=999     reports ABI version 999; its entry point aborts, so a host that
//                           called it would crash instead of refusing the plugin
//   PDC_FIXTURE_NO_ENTRY    the right version symbol but no pdc_plugin_init_v1
//   (neither)               a rule `refuse_always` whose create always fails, and a rule
//                           `constant` that writes "1" into a field no option names and flags it
// Every variant, when loaded, appends its name to the file named by PDC_FIXTURE_LOADED (if set),
// so a test can tell whether the host opened a library at all.
#include <cstdio>
#include <cstdlib>

#include "pdc_plugin.h"

namespace {

__attribute__((constructor)) void NoteLoaded() {
  if (const char* marker = std::getenv("PDC_FIXTURE_LOADED")) {
    if (std::FILE* f = std::fopen(marker, "a")) {
      std::fputs(PDC_FIXTURE_NAME "\n", f);
      std::fclose(f);
    }
  }
}

#if !defined(PDC_FIXTURE_ABI) && !defined(PDC_FIXTURE_NO_ENTRY)
void* Create(const pdc_host_v1* host, pdc_options* options) {
  host->fail(options, nullptr, "the model file is missing");
  return nullptr;
}
void Apply(const pdc_host_v1*, const void*, pdc_record*) {}
void Destroy(void*) {}

constexpr char kConstantField[] = "fixture_constant";
int constant_instance = 0;  // the instance handle must not be NULL; the rule keeps no state
void* CreateConstant(const pdc_host_v1* host, pdc_options* options) {
  host->writes_field(options, kConstantField);
  return &constant_instance;
}
void ApplyConstant(const pdc_host_v1* host, const void*, pdc_record* record) {
  host->set_field(record, kConstantField, "1", 1);
  host->flag(record, kConstantField, "fixture.constant", "always 1");
}

constexpr pdc_rule_v1 kRules[] = {
    {"refuse_always", 1, "never builds", "Its create always fails.", nullptr, 0, Create, Apply,
     Destroy},
    {"constant", 1, "writes 1", "Writes \"1\" into fixture_constant.", nullptr, 0, CreateConstant,
     ApplyConstant, Destroy},
};
#endif

}  // namespace

extern "C" {

#ifdef PDC_FIXTURE_ABI
const uint32_t pdc_plugin_abi_version = PDC_FIXTURE_ABI;
PDC_PLUGIN_EXPORT int pdc_plugin_init_v1(const pdc_host_v1*, pdc_plugin_v1*) { std::abort(); }
#else
const uint32_t pdc_plugin_abi_version = PDC_PLUGIN_ABI_VERSION;
#endif

#if !defined(PDC_FIXTURE_ABI) && !defined(PDC_FIXTURE_NO_ENTRY)
PDC_PLUGIN_EXPORT int pdc_plugin_init_v1(const pdc_host_v1*, pdc_plugin_v1* out) {
  out->abi_version = PDC_PLUGIN_ABI_VERSION;
  out->name = "refusing";
  out->rules = kRules;
  out->rule_count = sizeof kRules / sizeof kRules[0];
  return 0;
}
#endif

}  // extern "C"
