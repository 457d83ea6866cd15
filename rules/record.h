// Record: one prospect: its id, its fields in source order, and, once a rule changes anything,
// a log with the before-image of each changed field, which rules touched it, and the flags rules
// raised. The diff compares against the before-image, so it is exact.
// A Record is owned by one thread at a time; it is not internally synchronised.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "rules/field_names.h"
#include "rules/value.h"

namespace pdc {

using RuleIndex = std::uint16_t;
inline constexpr RuleIndex kNoRule = 0xffff;

struct Field {
  FieldId id;
  Value value;
};

// A finding a rule reports about a field without changing it (an invalid email, say).
struct Flag {
  FieldId field;
  RuleIndex rule;
  std::string code;     // e.g. "email.invalid"
  std::string message;  // for people
};

struct Touch {
  FieldId field;
  RuleIndex rule;
};

struct RecordLog {
  std::vector<Field> before;   // the value each changed field had when the record was read
  std::vector<Touch> touches;  // every effective change, in rule order
  std::vector<Flag> flags;
  std::string failure;  // set when processing failed; the record then passes unchanged
};

class Record {
 public:
  Record() = default;
  explicit Record(std::uint64_t line) : line_(line) {}

  // The prospect id ("" when the source has none) and the source line it started on (files).
  const std::string& id() const { return id_; }
  void set_id(std::string id) { id_ = std::move(id); }
  std::uint64_t line() const { return line_; }
  // The id to show people: the prospect id, or "line N" for file records without one.
  std::string label() const;

  const std::vector<Field>& fields() const { return fields_; }
  // Null when the record has no such field.
  const Value* Find(FieldId field) const;
  const Value& Get(FieldId field) const;  // a null Value when absent

  // Adds a field as read from the source (no change is logged); replaces an earlier value.
  void Load(FieldId field, Value value);
  // Load for a field the record does not have yet (a reader whose columns are unique).
  void LoadNew(FieldId field, Value value) {
    fields_.push_back({field, std::move(value)});
    read_fields_ = fields_.size();
  }
  void Reserve(std::size_t fields) { fields_.reserve(fields); }
  // The whole record (fields, what was read, its log) as bytes, for a spill file of this
  // process (field ids are this process's). Decode reads one record from the front of `bytes`
  // and moves past it; nullopt when the bytes are not a whole record.
  void Encode(std::string& out) const;
  static std::optional<Record> Decode(std::string_view& bytes);

  // Gives back the spare capacity of the record's vectors (for records held for a while: a
  // dedupe run keeps every record of the run in memory).
  void ShrinkToFit();
  // Records that the source holds `field` empty although it did not send it (Pardot v3/v4 leave
  // empty custom fields out of their answers): the field becomes a read field with a null value.
  // Does nothing when the record has the field.
  void LoadAbsent(FieldId field);
  // Sets a field on behalf of `rule`. Returns true when the value changed; a change keeps the
  // first before-image and is logged.
  bool Set(FieldId field, Value value, RuleIndex rule);
  void AddFlag(FieldId field, RuleIndex rule, std::string code, std::string message);
  void Fail(std::string why);
  // Restores every changed field to its before-image and forgets the rules' changes and flags
  // (flags raised while reading stay).
  void Revert();

  bool has_log() const { return log_ != nullptr; }
  const RecordLog* log() const { return log_.get(); }
  // The value a field had when read (null when it did not exist).
  const Value& Original(FieldId field) const;
  // True when the source gave the record this field (with a value or null), false for a field
  // only a rule created (a derived field such as `legal_form`).
  bool WasRead(FieldId field) const;

 private:
  RecordLog& mutable_log();

  std::string id_;
  std::uint64_t line_ = 0;
  std::vector<Field> fields_;
  std::size_t read_fields_ = 0;  // fields_[0, read_fields_) came from the source
  std::unique_ptr<RecordLog> log_;
};

}  // namespace pdc
