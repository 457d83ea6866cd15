// lookup: enrichment from a CSV table (say, domain -> industry, employees). The table is read once
// per process however many rules use it, and every instance counts its hits and misses for the
// report, so a stale table shows up as a falling hit rate.
#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "rules/rule.h"
#include "rules/unicode_text.h"
#include "rules/utf8.h"

namespace pdc {
namespace {

constexpr OptionSpec kOptions[] = {
    {"table", OptionType::kString, "", true,
     "the CSV file (header row first), relative to the config file's folder"},
    {"key", OptionType::kField, "", true, "the record field whose value is looked up"},
    {"column", OptionType::kString, "", false, "the table's key column (default: the first)"},
    {"fields", OptionType::kStringMap, "", true,
     "table column: record field to fill (a null field means the column's own name)"},
    {"overwrite", OptionType::kBool, "false", false,
     "replace values already there (default: fill empty and missing fields only)"},
    {"case_insensitive", OptionType::kBool, "true", false,
     "match keys ignoring case and surrounding white space"},
    {"flag_misses", OptionType::kBool, "false", false,
     "flag records whose key is not in the table (lookup.miss)"},
};

// A CSV table read whole: RFC 4180 quoting, header row, rows as vectors of cells.
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<int> row_lines;  // line where each row starts
};

// Parses CSV `text`; throws OptionError("table", ...) naming file and line on malformed input.
Table ParseCsv(const std::string& text, const std::string& path) {
  Table table;
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false, cell_started = false, any = false;
  int line = 1, row_line = 1;
  auto fail = [&](const std::string& why) -> void {
    throw OptionError("table", path + ":" + std::to_string(line) + ": " + why);
  };
  auto end_row = [&] {
    row.push_back(std::move(cell));
    cell.clear();
    if (table.header.empty()) {
      table.header = std::move(row);
    } else if (!(row.size() == 1 && row[0].empty())) {
      if (row.size() != table.header.size()) {
        line = row_line;
        fail("expected " + std::to_string(table.header.size()) + " cells, found " +
             std::to_string(row.size()));
      }
      table.rows.push_back(std::move(row));
      table.row_lines.push_back(row_line);
    }
    row.clear();
    cell_started = false;
    any = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          cell += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        cell += c;
      }
      continue;
    }
    if (c == '"' && !cell_started) {
      quoted = true;
      cell_started = true;
      any = true;
    } else if (c == '"') {
      fail("a quote inside an unquoted cell");
    } else if (c == ',') {
      row.push_back(std::move(cell));
      cell.clear();
      cell_started = false;
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_row();
      ++line;
      row_line = line;
    } else {
      cell += c;
      cell_started = true;
      any = true;
    }
  }
  if (quoted) {
    line = row_line;
    fail("a quoted cell is not closed");
  }
  if (any || !cell.empty()) end_row();
  if (table.header.empty()) fail("the table is empty (a header row is needed)");
  return table;
}

// Tables by path, read once per process.
std::shared_ptr<const Table> LoadTable(const std::filesystem::path& path) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const Table>> tables;
  std::lock_guard lock(mutex);
  const std::string key = std::filesystem::weakly_canonical(path).string();
  if (auto it = tables.find(key); it != tables.end()) return it->second;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw OptionError("table", "cannot read " + path.string());
  std::stringstream bytes;
  bytes << in.rdbuf();
  std::string text = bytes.str();
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  if (!utf8::IsValid(text)) throw OptionError("table", path.string() + " is not UTF-8");
  auto table = std::make_shared<const Table>(ParseCsv(text, path.string()));
  tables.emplace(key, table);
  return table;
}

std::string KeyOf(std::string_view value, bool fold) {
  if (!fold || !utf8::IsValid(value)) return std::string(value);
  std::string key;
  AppendLower(TrimInvisible(value), key);
  return key;
}

class LookupRule final : public Rule {
 public:
  explicit LookupRule(const Options& o)
      : key_field_(o.Field("key")),
        overwrite_(o.Bool("overwrite")),
        fold_(o.Bool("case_insensitive")),
        flag_misses_(o.Bool("flag_misses")) {
    std::filesystem::path path = o.String("table");
    if (path.is_relative()) {
      path = std::filesystem::path(o.Where("table").file).parent_path() / path;
    }
    table_ = LoadTable(path);
    const auto column_of = [&](const std::string& name, std::string_view option) {
      for (std::size_t i = 0; i < table_->header.size(); ++i) {
        if (table_->header[i] == name) return i;
      }
      std::string known;
      for (const auto& h : table_->header) {
        if (!known.empty()) known += ", ";
        known += h;
      }
      o.Fail(option, "the table has no column \"" + name + "\" (it has " + known + ")");
    };
    const std::size_t key_column = o.Has("column") ? column_of(o.String("column"), "column") : 0;
    for (const auto& [column, field] : o.Map("fields")) {
      outputs_.emplace_back(column_of(column, "fields"), InternField(field.value_or(column)));
    }
    for (std::size_t r = 0; r < table_->rows.size(); ++r) {
      const auto [it, fresh] = index_.emplace(KeyOf(table_->rows[r][key_column], fold_), r);
      if (!fresh && table_->rows[it->second] != table_->rows[r]) {
        o.Fail("table", path.string() + ":" + std::to_string(table_->row_lines[r]) + ": key \"" +
                            table_->rows[r][key_column] + "\" is also on line " +
                            std::to_string(table_->row_lines[it->second]) +
                            " with other values");
      }
    }
  }

  void Apply(Record& record) const override {
    const Value* value = record.Find(key_field_);
    if (value == nullptr || value->kind() != Value::Kind::kText || value->empty()) return;
    const auto it = index_.find(KeyOf(value->view(), fold_));
    if (it == index_.end()) {
      misses_.fetch_add(1, std::memory_order_relaxed);
      if (flag_misses_) {
        record.AddFlag(key_field_, index(), "lookup.miss",
                       "\"" + std::string(value->view()) + "\" is not in the table");
      }
      return;
    }
    hits_.fetch_add(1, std::memory_order_relaxed);
    const std::vector<std::string>& row = table_->rows[it->second];
    for (const auto& [column, field] : outputs_) {
      const std::string& cell = row[column];
      if (cell.empty()) continue;  // the table knows nothing here: keep what the record has
      const Value& current = record.Get(field);
      const bool empty = current.kind() == Value::Kind::kNull ||
                         (current.kind() == Value::Kind::kText && current.empty());
      if (!empty && !overwrite_) continue;
      if (current.kind() == Value::Kind::kText && current.view() == cell) continue;
      record.Set(field, Value::Text(cell), index());
    }
  }

  std::vector<FieldId> extra_output_fields() const override {
    std::vector<FieldId> fields;
    for (const auto& output : outputs_) fields.push_back(output.second);
    return fields;
  }

  Counters counters() const override {
    return {{"hits", static_cast<long long>(hits_.load())},
            {"misses", static_cast<long long>(misses_.load())}};
  }

 private:
  FieldId key_field_;
  bool overwrite_, fold_, flag_misses_;
  std::shared_ptr<const Table> table_;
  std::unordered_map<std::string, std::size_t> index_;  // key -> row
  std::vector<std::pair<std::size_t, FieldId>> outputs_;
  mutable std::atomic<std::size_t> hits_{0}, misses_{0};
};

std::unique_ptr<Rule> MakeLookupRule(const Options& options) {
  return std::make_unique<LookupRule>(options);
}

}  // namespace

const RuleSpec& LookupRuleSpec() {
  static const RuleSpec spec{
      "lookup",
      1,
      "enrich records from a CSV table by key (say, domain -> industry, employees)",
      "`table` is a UTF-8 CSV file (RFC 4180 quoting, a header row naming the columns), read "
      "once per process; a path is relative to the config file's folder. Its key column is "
      "`column` (default: the first). For each record whose `key` field holds text, the key "
      "(trimmed and lower-cased with `case_insensitive`) is looked up; on a hit, each table "
      "column in `fields` is written to its record field when that field is empty, null or "
      "missing (any value with `overwrite`); an empty cell writes nothing. Misses are counted "
      "and, with `flag_misses`, flagged lookup.miss. The report shows each instance's hits and "
      "misses under `counters`. A malformed table (unclosed quote, wrong cell count), an "
      "unknown column, or one key listed twice with different values is a config error naming "
      "the file and line.",
      kOptions,
      MakeLookupRule};
  return spec;
}

}  // namespace pdc
