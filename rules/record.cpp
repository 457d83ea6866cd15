#include "rules/record.h"

namespace pdc {
namespace {
const Value kNullValue;
}  // namespace

std::string Record::label() const {
  if (!id_.empty()) return id_;
  return "line " + std::to_string(line_);
}

const Value* Record::Find(FieldId field) const {
  for (const auto& f : fields_) {
    if (f.id == field) return &f.value;
  }
  return nullptr;
}

const Value& Record::Get(FieldId field) const {
  const Value* v = Find(field);
  return v ? *v : kNullValue;
}

void Record::Load(FieldId field, Value value) {
  for (auto& f : fields_) {
    if (f.id == field) {
      f.value = std::move(value);
      return;
    }
  }
  fields_.push_back({field, std::move(value)});
  read_fields_ = fields_.size();
}

void Record::LoadAbsent(FieldId field) {
  if (Find(field) != nullptr) return;
  fields_.insert(fields_.begin() + static_cast<std::ptrdiff_t>(read_fields_), {field, Value::Null()});
  ++read_fields_;
}

void Record::ShrinkToFit() {
  fields_.shrink_to_fit();
  if (log_) {
    log_->before.shrink_to_fit();
    log_->touches.shrink_to_fit();
    log_->flags.shrink_to_fit();
  }
}

RecordLog& Record::mutable_log() {
  if (!log_) log_ = std::make_unique<RecordLog>();
  return *log_;
}

bool Record::Set(FieldId field, Value value, RuleIndex rule) {
  Field* slot = nullptr;
  for (auto& f : fields_) {
    if (f.id == field) slot = &f;
  }
  if (slot == nullptr) {
    if (value.is_null()) return false;  // setting an absent field to null changes nothing
    fields_.push_back({field, Value::Null()});
    slot = &fields_.back();
  } else if (slot->value == value) {
    return false;
  }
  RecordLog& log = mutable_log();
  bool seen = false;
  for (const auto& b : log.before) seen = seen || b.id == field;
  if (!seen) log.before.push_back({field, slot->value});
  log.touches.push_back({field, rule});
  slot->value = std::move(value);
  return true;
}

void Record::AddFlag(FieldId field, RuleIndex rule, std::string code, std::string message) {
  mutable_log().flags.push_back({field, rule, std::move(code), std::move(message)});
}

void Record::Revert() {
  if (!log_) return;
  for (auto& before : log_->before) {
    for (auto& field : fields_) {
      if (field.id == before.id) field.value = std::move(before.value);
    }
  }
  log_->before.clear();
  log_->touches.clear();
  std::erase_if(log_->flags, [](const Flag& f) { return f.rule != kNoRule; });
}

void Record::Fail(std::string why) { mutable_log().failure = std::move(why); }

const Value& Record::Original(FieldId field) const {
  if (log_) {
    for (const auto& b : log_->before) {
      if (b.id == field) return b.value;
    }
  }
  return Get(field);
}

bool Record::WasRead(FieldId field) const {
  for (std::size_t i = 0; i < read_fields_; ++i) {
    if (fields_[i].id == field) return true;
  }
  return false;
}

}  // namespace pdc
