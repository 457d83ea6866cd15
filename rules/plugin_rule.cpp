// The host callbacks of plugins/pdc_plugin.h and the Rule around a plugin rule's instance.
// Every callback catches everything: no exception may unwind through plugin code.
#include "rules/plugin_rule.h"

#include <deque>
#include <string>
#include <string_view>
#include <vector>

// The opaque handles of the ABI, completed here and only here.
struct pdc_options {
  const pdc::Options* options;
  const pdc_rule_v1* rule;
  std::deque<std::string> texts;  // what option_text returned (bool and int as text)
  bool failed = false;
  std::string failed_key;
  std::string failed_message;
  std::vector<pdc::FieldId> reads, writes;  // declared by reads_field / writes_field
};

struct pdc_record {
  pdc::Record* record;
  pdc::RuleIndex rule;
};

namespace pdc {
namespace {

bool HasDefault(const pdc_rule_v1& rule, std::string_view key) {
  for (std::size_t i = 0; i < rule.option_count; ++i) {
    const pdc_option_spec_v1& o = rule.options[i];
    if (key == o.key) return o.default_value != nullptr && *o.default_value != '\0';
  }
  return false;
}

// An option of the instance; null for an undeclared key, a null value, or an option the config
// left out that has no default (the loader never converted it).
const OptionValue* Declared(const pdc_options* o, const char* key) {
  if (o == nullptr || key == nullptr) return nullptr;
  const OptionValue* value = o->options->Find(key);
  if (value == nullptr || value->is_null) return nullptr;
  if (!value->present && !HasDefault(*o->rule, key)) return nullptr;
  return value;
}

const char* OptionText(const pdc_options* o, const char* key) {
  try {
    const OptionValue* v = Declared(o, key);
    if (v == nullptr) return nullptr;
    auto* self = const_cast<pdc_options*>(o);  // the scratch texts are the host's own
    switch (v->type) {
      case OptionType::kBool:
        return v->flag ? "true" : "false";
      case OptionType::kInt:
        return self->texts.emplace_back(std::to_string(v->number)).c_str();
      case OptionType::kString:
      case OptionType::kField:
      case OptionType::kChoice:
      case OptionType::kValue:
        return v->text.c_str();
      case OptionType::kStrings:
      case OptionType::kFields:
      case OptionType::kStringMap:
        return nullptr;
    }
  } catch (...) {
  }
  return nullptr;
}

std::size_t OptionSize(const pdc_options* o, const char* key) {
  const OptionValue* v = Declared(o, key);
  if (v == nullptr) return 0;
  return v->type == OptionType::kStringMap ? v->map.size() : v->list.size();
}

const char* OptionItem(const pdc_options* o, const char* key, std::size_t index) {
  const OptionValue* v = Declared(o, key);
  return v != nullptr && index < v->list.size() ? v->list[index].c_str() : nullptr;
}

const char* OptionMapKey(const pdc_options* o, const char* key, std::size_t index) {
  const OptionValue* v = Declared(o, key);
  return v != nullptr && index < v->map.size() ? v->map[index].first.c_str() : nullptr;
}

const char* OptionMapValue(const pdc_options* o, const char* key, std::size_t index) {
  const OptionValue* v = Declared(o, key);
  if (v == nullptr || index >= v->map.size() || !v->map[index].second) return nullptr;
  return v->map[index].second->c_str();
}

void Fail(pdc_options* o, const char* option, const char* message) {
  if (o == nullptr) return;
  try {
    o->failed = true;
    o->failed_key = option != nullptr && o->options->Find(option) != nullptr ? option : "";
    o->failed_message = message != nullptr && *message != '\0' ? message : "cannot be created";
  } catch (...) {
  }
}

void NoteField(std::vector<FieldId>& fields, const char* field) {
  if (field == nullptr || *field == '\0') return;
  try {
    fields.push_back(InternField(field));
  } catch (...) {
  }
}

void ReadsField(pdc_options* o, const char* field) {
  if (o != nullptr) NoteField(o->reads, field);
}

void WritesField(pdc_options* o, const char* field) {
  if (o != nullptr) NoteField(o->writes, field);
}

int GetField(const pdc_record* r, const char* name, const char** value, std::size_t* size) {
  if (r == nullptr || name == nullptr || value == nullptr || size == nullptr) return 0;
  try {
    const Value* v = r->record->Find(InternField(name));
    if (v == nullptr || v->is_null()) return 0;
    if (v->kind() == Value::Kind::kList) {
      // Joined into a per-thread buffer: valid until this thread's next call, as documented.
      thread_local std::string joined;
      joined = v->text();
      *value = joined.c_str();
      *size = joined.size();
      return 1;
    }
    const std::string_view text = v->view();
    *value = text.data();
    *size = text.size();
    return 1;
  } catch (...) {
    return 0;
  }
}

int SetField(pdc_record* r, const char* name, const char* value, std::size_t size) {
  if (r == nullptr || name == nullptr || (value == nullptr && size > 0)) return -1;
  try {
    r->record->Set(InternField(name), Value::Text(std::string(value, size)), r->rule);
    return 0;
  } catch (...) {
    return -1;
  }
}

int ClearField(pdc_record* r, const char* name) {
  if (r == nullptr || name == nullptr) return -1;
  try {
    r->record->Set(InternField(name), Value::Null(), r->rule);
    return 0;
  } catch (...) {
    return -1;
  }
}

int FlagField(pdc_record* r, const char* field, const char* code, const char* message) {
  if (r == nullptr || field == nullptr || code == nullptr) return -1;
  try {
    r->record->AddFlag(InternField(field), r->rule, code, message != nullptr ? message : "");
    return 0;
  } catch (...) {
    return -1;
  }
}

constexpr pdc_host_v1 kHost = {
    .abi_version = PDC_PLUGIN_ABI_VERSION,
    .option_text = OptionText,
    .option_size = OptionSize,
    .option_item = OptionItem,
    .option_map_key = OptionMapKey,
    .option_map_value = OptionMapValue,
    .fail = Fail,
    .reads_field = ReadsField,
    .writes_field = WritesField,
    .get_field = GetField,
    .set_field = SetField,
    .clear_field = ClearField,
    .flag = FlagField,
};

// A plugin rule's instance. The plugin promises `apply` is safe to call concurrently.
class PluginRule final : public Rule {
 public:
  PluginRule(std::shared_ptr<const NativePlugin> plugin, const pdc_rule_v1& rule, void* instance,
             std::vector<FieldId> reads, std::vector<FieldId> writes)
      : plugin_(std::move(plugin)),
        rule_(rule),
        instance_(instance),
        reads_(std::move(reads)),
        writes_(std::move(writes)) {}
  PluginRule(const PluginRule&) = delete;
  PluginRule& operator=(const PluginRule&) = delete;
  ~PluginRule() override { rule_.destroy(instance_); }

  void Apply(Record& record) const override {
    pdc_record handle{&record, index()};
    rule_.apply(&kHost, instance_, &handle);
  }
  std::vector<FieldId> extra_input_fields() const override { return reads_; }
  std::vector<FieldId> extra_output_fields() const override { return writes_; }

 private:
  std::shared_ptr<const NativePlugin> plugin_;  // declared first: unloaded last
  const pdc_rule_v1& rule_;
  void* instance_;
  std::vector<FieldId> reads_, writes_;
};

}  // namespace

const pdc_host_v1& PluginHost() { return kHost; }

std::unique_ptr<Rule> MakePluginRule(std::shared_ptr<const NativePlugin> plugin,
                                     const pdc_rule_v1& rule, const Options& options) {
  pdc_options handle{&options, &rule, {}};
  void* instance = rule.create(&kHost, &handle);
  if (instance == nullptr) {
    throw OptionError(handle.failed_key,
                      handle.failed ? handle.failed_message : "create failed without a reason");
  }
  if (handle.failed) {  // a plugin that reports failure yet builds an instance: trust the report
    rule.destroy(instance);
    throw OptionError(handle.failed_key, handle.failed_message);
  }
  return std::make_unique<PluginRule>(std::move(plugin), rule, instance, std::move(handle.reads),
                                      std::move(handle.writes));
}

}  // namespace pdc
