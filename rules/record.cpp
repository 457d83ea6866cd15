#include "rules/record.h"

#include <cstring>

namespace pdc {
namespace {
const Value kNullValue;

template <typename T>
void Put(std::string& out, T n) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &n, sizeof(T));
  out.append(bytes, sizeof(T));
}

void PutText(std::string& out, std::string_view text) {
  Put<std::uint32_t>(out, static_cast<std::uint32_t>(text.size()));
  out.append(text);
}

void PutValue(std::string& out, const Value& v) {
  Put<std::uint8_t>(out, static_cast<std::uint8_t>(v.kind()));
  switch (v.kind()) {
    case Value::Kind::kNull:
      break;
    case Value::Kind::kText:
    case Value::Kind::kJson:
      PutText(out, v.view());
      break;
    case Value::Kind::kList:
      Put<std::uint32_t>(out, static_cast<std::uint32_t>(v.items().size()));
      for (const std::string& item : v.items()) PutText(out, item);
      break;
  }
}

// Reads from the front of `in`; every reader fails (false) instead of reading past the end.
template <typename T>
bool Take(std::string_view& in, T& n) {
  if (in.size() < sizeof(T)) return false;
  std::memcpy(&n, in.data(), sizeof(T));
  in.remove_prefix(sizeof(T));
  return true;
}

bool TakeText(std::string_view& in, std::string& text) {
  std::uint32_t size = 0;
  if (!Take(in, size) || in.size() < size) return false;
  text.assign(in.data(), size);
  in.remove_prefix(size);
  return true;
}

bool TakeValue(std::string_view& in, Value& v) {
  std::uint8_t kind = 0;
  if (!Take(in, kind)) return false;
  std::string text;
  switch (static_cast<Value::Kind>(kind)) {
    case Value::Kind::kNull:
      v = Value::Null();
      return true;
    case Value::Kind::kText:
      if (!TakeText(in, text)) return false;
      v = Value::Text(std::move(text));
      return true;
    case Value::Kind::kJson:
      if (!TakeText(in, text)) return false;
      v = Value::Json(std::move(text));
      return true;
    case Value::Kind::kList: {
      std::uint32_t n = 0;
      if (!Take(in, n) || n > in.size()) return false;
      std::vector<std::string> items(n);
      for (std::string& item : items) {
        if (!TakeText(in, item)) return false;
      }
      v = Value::List(std::move(items));
      return true;
    }
  }
  return false;
}

bool TakeFields(std::string_view& in, std::vector<Field>& fields) {
  std::uint32_t n = 0;
  if (!Take(in, n) || n > in.size()) return false;
  fields.resize(n);
  for (Field& f : fields) {
    if (!Take(in, f.id) || !TakeValue(in, f.value)) return false;
  }
  return true;
}

void PutFields(std::string& out, const std::vector<Field>& fields) {
  Put<std::uint32_t>(out, static_cast<std::uint32_t>(fields.size()));
  for (const Field& f : fields) {
    Put(out, f.id);
    PutValue(out, f.value);
  }
}

}  // namespace

void Record::Encode(std::string& out) const {
  Put<std::uint64_t>(out, line_);
  PutText(out, id_);
  PutFields(out, fields_);
  Put<std::uint32_t>(out, static_cast<std::uint32_t>(read_fields_));
  Put<std::uint8_t>(out, log_ ? 1 : 0);
  if (!log_) return;
  PutFields(out, log_->before);
  Put<std::uint32_t>(out, static_cast<std::uint32_t>(log_->touches.size()));
  for (const Touch& t : log_->touches) {
    Put(out, t.field);
    Put(out, t.rule);
  }
  Put<std::uint32_t>(out, static_cast<std::uint32_t>(log_->flags.size()));
  for (const Flag& f : log_->flags) {
    Put(out, f.field);
    Put(out, f.rule);
    PutText(out, f.code);
    PutText(out, f.message);
  }
  PutText(out, log_->failure);
}

std::optional<Record> Record::Decode(std::string_view& bytes) {
  std::string_view in = bytes;
  Record r;
  std::uint32_t read = 0;
  std::uint8_t has_log = 0;
  if (!Take(in, r.line_) || !TakeText(in, r.id_) || !TakeFields(in, r.fields_) ||
      !Take(in, read) || read > r.fields_.size() || !Take(in, has_log)) {
    return std::nullopt;
  }
  r.read_fields_ = read;
  if (has_log) {
    RecordLog& log = r.mutable_log();
    std::uint32_t n = 0;
    if (!TakeFields(in, log.before) || !Take(in, n) || n > in.size()) return std::nullopt;
    log.touches.resize(n);
    for (Touch& t : log.touches) {
      if (!Take(in, t.field) || !Take(in, t.rule)) return std::nullopt;
    }
    if (!Take(in, n) || n > in.size()) return std::nullopt;
    log.flags.resize(n);
    for (Flag& f : log.flags) {
      if (!Take(in, f.field) || !Take(in, f.rule) || !TakeText(in, f.code) ||
          !TakeText(in, f.message)) {
        return std::nullopt;
      }
    }
    if (!TakeText(in, log.failure)) return std::nullopt;
  }
  bytes = in;
  return r;
}

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
