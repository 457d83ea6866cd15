// score_model: a linear scoring model as a native plugin. Each configured field that holds a value
// adds its weight to a base; the total goes into an output field. Written in C++ behind the C
// ABI of pdc_plugin.h: every exported function and callback catches everything.
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <exception>
#include <memory>
#include <new>
#include <string>
#include <utility>
#include <vector>

#include "pdc_plugin.h"

namespace {

// One model, built once by create and only read by apply (so apply is thread-safe).
struct ScoreModel {
  std::vector<std::pair<std::string, double>> weights;  // field name -> weight, config order
  std::string field;
  double base = 0;
};

// A whole decimal number ("2", "-0.5", "1e3"), nothing else.
bool ParseNumber(const char* text, double& out) {
  if (text == nullptr || *text == '\0') return false;
  char* end = nullptr;
  errno = 0;
  out = std::strtod(text, &end);
  return errno == 0 && *end == '\0' && std::isfinite(out);
}

// Non-empty: a value with a character other than a space or a tab.
bool HoldsValue(const pdc_host_v1* host, const pdc_record* record, const char* field) {
  const char* value = nullptr;
  std::size_t size = 0;
  if (host->get_field(record, field, &value, &size) == 0) return false;
  for (std::size_t i = 0; i < size; ++i) {
    if (value[i] != ' ' && value[i] != '\t') return true;
  }
  return false;
}

void* Create(const pdc_host_v1* host, pdc_options* options) {
  try {
    auto model = std::make_unique<ScoreModel>();
    if (!ParseNumber(host->option_text(options, "base"), model->base)) {
      host->fail(options, "base", "expected a number such as 10 or -2.5");
      return nullptr;
    }
    model->field = host->option_text(options, "field");
    const std::size_t count = host->option_size(options, "weights");
    if (count == 0) {
      host->fail(options, "weights", "give at least one `field: weight`");
      return nullptr;
    }
    for (std::size_t i = 0; i < count; ++i) {
      const std::string name = host->option_map_key(options, "weights", i);
      double weight = 0;
      if (!ParseNumber(host->option_map_value(options, "weights", i), weight)) {
        host->fail(options, "weights", ("the weight of " + name + " is not a number").c_str());
        return nullptr;
      }
      model->weights.emplace_back(name, weight);
      host->reads_field(options, name.c_str());
    }
    return model.release();
  } catch (const std::exception& e) {
    host->fail(options, nullptr, e.what());
  } catch (...) {
    host->fail(options, nullptr, "unexpected error");
  }
  return nullptr;
}

void Apply(const pdc_host_v1* host, const void* instance, pdc_record* record) {
  const auto& model = *static_cast<const ScoreModel*>(instance);
  double score = model.base;
  for (const auto& [field, weight] : model.weights) {
    if (HoldsValue(host, record, field.c_str())) score += weight;
  }
  if (score == 0) score = 0;  // no "-0"
  // Shortest text that reads back as the same double: 3, 2.5, -0.125.
  char text[64];
  const auto [end, error] = std::to_chars(text, text + sizeof text, score);
  if (error == std::errc()) host->set_field(record, model.field.c_str(), text, end - text);
}

void Destroy(void* instance) { delete static_cast<ScoreModel*>(instance); }

constexpr pdc_option_spec_v1 kOptions[] = {
    {"weights", PDC_OPTION_STRING_MAP, "", 1,
     "field: weight pairs; each field holding a value adds its weight", nullptr},
    {"field", PDC_OPTION_FIELD, "score", 0, "the field the score is written to", nullptr},
    {"base", PDC_OPTION_STRING, "0", 0, "the score of a record with none of the fields", nullptr},
};

constexpr pdc_rule_v1 kRules[] = {{
    "score_model",
    1,
    "score a prospect with a linear model of which fields it has",
    "Sets `field` to `base` plus the weight of every `weights` field that holds a value: "
    "present, not null, and with a character other than a space or a tab (a multi-value field "
    "reads as its items joined by `|`). Weights and base are decimal numbers, negative ones too. "
    "The score is written as the shortest decimal that reads back exactly (`3`, `2.5`, `-0.25`), "
    "on every record, replacing what the field held.",
    kOptions,
    sizeof kOptions / sizeof kOptions[0],
    Create,
    Apply,
    Destroy,
}};

}  // namespace

extern "C" {

const uint32_t pdc_plugin_abi_version = PDC_PLUGIN_ABI_VERSION;

PDC_PLUGIN_EXPORT int pdc_plugin_init_v1(const pdc_host_v1* host, pdc_plugin_v1* out) {
  out->abi_version = PDC_PLUGIN_ABI_VERSION;
  out->name = "score_model";
  if (host->abi_version != PDC_PLUGIN_ABI_VERSION) {
    out->error = "the host speaks another plugin ABI version";
    return 1;
  }
  out->rules = kRules;
  out->rule_count = sizeof kRules / sizeof kRules[0];
  return 0;
}

}  // extern "C"
