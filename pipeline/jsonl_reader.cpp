// JSON Lines reader: one JSON object per line, parsed with Boost.JSON.
//
// Numbers, booleans, objects and mixed arrays become Value::Json holding the literal exactly as the
// source wrote it (cut from the line, not re-serialized): re-serializing would print 1.5 as 1.5E0,
// lose digits of large integers and turn 1e400 into `Infinity`, which is not JSON. The literal is
// valid JSON because the whole line parsed.
#include <boost/json.hpp>
#include <exception>
#include <string_view>
#include <utility>

#include "pipeline/json_members.h"
#include "pipeline/record_formats.h"
#include "rules/utf8.h"

namespace pdc {
namespace {

namespace json = boost::json;

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

const char* KindName(json::kind kind) {
  switch (kind) {
    case json::kind::null:
      return "null";
    case json::kind::bool_:
      return "a boolean";
    case json::kind::int64:
    case json::kind::uint64:
    case json::kind::double_:
      return "a number";
    case json::kind::string:
      return "a string";
    case json::kind::array:
      return "an array";
    case json::kind::object:
      return "an object";
  }
  return "something else";
}

std::size_t CountReplacements(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t at = s.find(kReplacement); at != std::string_view::npos;
       at = s.find(kReplacement, at + kReplacement.size())) {
    ++n;
  }
  return n;
}

class JsonlReader final : public RecordReader {
 public:
  explicit JsonlReader(InputFile input)
      : input_(std::move(input)), data_(input_.data()), resource_(arena_, sizeof arena_) {
    if (data_.starts_with(kBom)) pos_ = kBom.size();
  }

  bool Next(std::vector<Record>& out, std::size_t max, std::vector<RejectedRow>& rejected) override;
  const std::vector<FieldId>& columns() const override { return columns_; }
  std::uint64_t repaired_values() const override { return repaired_values_; }
  double fraction_read() const override { return input_.fraction_consumed(); }

 private:
  // Turns one non-blank line into a record, or a rejection saying why it cannot.
  void ReadLine(std::string_view line, std::uint64_t line_no, std::vector<Record>& out,
                std::vector<RejectedRow>& rejected);
  Value ToValue(const json::value& value, std::string_view literal) const;
  // InternField takes a lock; lines of one file mostly repeat their keys in the same order.
  FieldId FieldAt(std::size_t index, std::string_view key);
  void NoteColumn(FieldId field);

  InputFile input_;
  std::string_view data_;
  std::size_t pos_ = 0;
  std::uint64_t line_ = 1;
  // Each line's values live in the arena; it is released before the next line is parsed.
  unsigned char arena_[16384];
  json::monotonic_resource resource_;
  json::parser parser_;
  std::string repaired_line_;
  std::vector<std::string_view> literals_;
  std::vector<std::pair<std::string, FieldId>> recent_keys_;  // by position in the line
  std::vector<FieldId> columns_;
  std::vector<bool> seen_;  // by FieldId: already in columns_
  std::uint64_t repaired_values_ = 0;
};

FieldId JsonlReader::FieldAt(std::size_t index, std::string_view key) {
  if (index < recent_keys_.size() && recent_keys_[index].first == key) {
    return recent_keys_[index].second;
  }
  const FieldId field = InternField(key);
  if (index >= recent_keys_.size()) recent_keys_.resize(index + 1);
  recent_keys_[index] = {std::string(key), field};
  return field;
}

// Whether the value keeps its source text (Value::Json) rather than decoded strings.
bool NeedsLiteral(const json::value& value) {
  if (value.is_string() || value.is_null()) return false;
  if (!value.is_array()) return true;
  for (const json::value& item : value.get_array()) {
    if (!item.is_string()) return true;
  }
  return false;
}

void JsonlReader::NoteColumn(FieldId field) {
  if (field >= seen_.size()) seen_.resize(field + 64, false);
  if (seen_[field]) return;
  seen_[field] = true;
  columns_.push_back(field);
}

Value JsonlReader::ToValue(const json::value& value, std::string_view literal) const {
  switch (value.kind()) {
    case json::kind::null:
      return Value::Null();
    case json::kind::string: {
      const json::string& text = value.get_string();
      return Value::Text(std::string(text.data(), text.size()));
    }
    case json::kind::array: {
      const json::array& array = value.get_array();
      std::vector<std::string> items;
      items.reserve(array.size());
      for (const json::value& item : array) {
        if (!item.is_string()) return Value::Json(std::string(literal));
        items.emplace_back(item.get_string().data(), item.get_string().size());
      }
      return Value::List(std::move(items));
    }
    default:
      return Value::Json(std::string(literal));
  }
}

void JsonlReader::ReadLine(std::string_view line, std::uint64_t line_no, std::vector<Record>& out,
                           std::vector<RejectedRow>& rejected) {
  std::size_t repairs = 0;
  if (!utf8::IsValid(line)) {
    // Boost.JSON refuses invalid UTF-8 outright; repairing first keeps the record.
    repaired_line_.assign(line);
    repairs = utf8::Repair(repaired_line_);
    line = repaired_line_;
  }
  resource_.release();
  parser_.reset(json::storage_ptr(&resource_));
  json::error_code ec;
  const std::size_t consumed = parser_.write(line.data(), line.size(), ec);
  if (ec) {
    rejected.push_back(
        {line_no,
         "not valid JSON: " + ec.message() + " (at byte " + std::to_string(consumed + 1) + ")",
         Excerpt(line)});
    return;
  }
  const json::value parsed = parser_.release();
  if (!parsed.is_object()) {
    rejected.push_back({line_no,
                        std::string("expected a JSON object, found ") + KindName(parsed.kind()),
                        Excerpt(line)});
    return;
  }
  const json::object& object = parsed.get_object();
  bool any_literal = false;
  for (const auto& member : object) any_literal = any_literal || NeedsLiteral(member.value());
  literals_.clear();
  if (any_literal) MemberLiterals(line, literals_);
  // With duplicate keys Boost.JSON keeps one member per key, so the positions no longer line up;
  // that rare line falls back to re-serialized literals.
  const bool literals_line_up = any_literal && literals_.size() == object.size();

  Record record(line_no);
  std::size_t flagged = 0;
  std::size_t index = 0;
  for (const auto& member : object) {
    const std::string_view key = member.key();
    const FieldId field = FieldAt(index, key);
    std::string serialized;
    std::string_view literal;
    if (literals_line_up) {
      literal = literals_[index];
    } else if (NeedsLiteral(member.value())) {
      serialized = json::serialize(member.value());
      literal = serialized;
    }
    ++index;
    Value value = ToValue(member.value(), literal);
    if (field == IdField()) {
      if (value.kind() == Value::Kind::kText) record.set_id(std::string(value.view()));
      if (member.value().is_number()) record.set_id(std::string(literal));
    }
    if (repairs > 0) {
      const std::size_t here = CountReplacements(key) + CountReplacements(value.text());
      if (here > 0) {
        FlagRepairedUtf8(record, field, here);
        ++repaired_values_;
        ++flagged;
      }
    }
    NoteColumn(field);
    record.Load(field, std::move(value));
  }
  if (repairs > 0 && flagged == 0) {
    FlagRepairedUtf8(record, IdField(), repairs);
    ++repaired_values_;
  }
  out.push_back(std::move(record));
}

bool JsonlReader::Next(std::vector<Record>& out, std::size_t max,
                       std::vector<RejectedRow>& rejected) {
  if (max == 0) return pos_ < data_.size();
  const std::size_t records_before = out.size();
  const std::size_t rejected_before = rejected.size();
  ReserveFor(out, max);
  while (out.size() - records_before < max && pos_ < data_.size()) {
    const std::uint64_t line_no = line_++;
    const std::size_t eol = data_.find('\n', pos_);
    const std::size_t end = eol == std::string_view::npos ? data_.size() : eol;
    const std::string_view line = data_.substr(pos_, end - pos_);
    pos_ = eol == std::string_view::npos ? data_.size() : eol + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;  // blank
    try {
      ReadLine(line, line_no, out, rejected);
    } catch (const std::exception& e) {  // allocation failure, mostly; the line is not lost unseen
      rejected.push_back(
          {line_no, std::string("cannot read the line: ") + e.what(), Excerpt(line)});
    }
  }
  input_.Consumed(pos_);
  return out.size() > records_before || rejected.size() > rejected_before;
}

}  // namespace

Result<std::unique_ptr<RecordReader>> OpenJsonlReader(const std::string& /*path*/,
                                                      InputFile input) {
  return std::unique_ptr<RecordReader>(std::make_unique<JsonlReader>(std::move(input)));
}

}  // namespace pdc
