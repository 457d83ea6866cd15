#include "rules/field_names.h"

#include <deque>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>

namespace pdc {
namespace {

struct Table {
  std::shared_mutex mutex;
  std::deque<std::string> names;  // a deque: references stay valid as it grows
  std::unordered_map<std::string_view, FieldId> ids;
};

Table& table() {
  static Table t;
  return t;
}

}  // namespace

FieldId InternField(std::string_view name) {
  Table& t = table();
  {
    std::shared_lock lock(t.mutex);
    if (auto it = t.ids.find(name); it != t.ids.end()) return it->second;
  }
  std::unique_lock lock(t.mutex);
  if (auto it = t.ids.find(name); it != t.ids.end()) return it->second;
  const auto id = static_cast<FieldId>(t.names.size());
  t.names.emplace_back(name);
  t.ids.emplace(t.names.back(), id);
  return id;
}

const std::string& FieldName(FieldId id) {
  Table& t = table();
  std::shared_lock lock(t.mutex);
  return t.names.at(id);
}

}  // namespace pdc
