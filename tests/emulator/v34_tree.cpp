#include "tests/emulator/v34_tree.h"

#include <boost/json.hpp>
#include <charconv>
#include <map>
#include <optional>
#include <string>

#include "tests/emulator/errors.h"

namespace pdc::emulator {
namespace {

namespace json = boost::json;

// An integer in canonical form ("0", "-12", "331"; not "012" or "1.5").
std::optional<long long> CanonicalInteger(const std::string& text) {
  long long value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || std::to_string(value) != text) return std::nullopt;
  return value;
}

json::value ToJson(const TreeNode& node);

void AddChildren(json::object& object, const std::vector<TreeNode>& children) {
  std::map<std::string_view, int> counts;
  for (const auto& child : children) ++counts[child.name];
  for (const auto& child : children) {
    json::value value = ToJson(child);
    if (counts[child.name] < 2) {
      object[child.name] = std::move(value);
      continue;
    }
    auto it = object.find(child.name);
    if (it == object.end()) it = object.emplace(child.name, json::array()).first;
    it->value().as_array().push_back(std::move(value));
  }
}

json::value ToJson(const TreeNode& node) {
  if (!node.parent) {
    if (node.text.empty()) return nullptr;
    if (node.number) {
      if (const auto value = CanonicalInteger(node.text)) return *value;
    }
    return json::string(node.text);
  }
  if (node.children.empty()) return nullptr;
  json::object object;
  AddChildren(object, node.children);
  return object;
}

std::string Indent(int depth) { return std::string(static_cast<std::size_t>(depth) * 4, ' '); }

}  // namespace

std::string TreeToXml(const TreeNode& node, int depth) {
  const std::string pad = Indent(depth);
  if (!node.parent || node.children.empty()) {
    if (node.text.empty()) return pad + "<" + node.name + "/>\n";
    return pad + "<" + node.name + ">" + XmlEscape(node.text) + "</" + node.name + ">\n";
  }
  std::string out = pad + "<" + node.name + ">\n";
  for (const auto& child : node.children) out += TreeToXml(child, depth + 1);
  out += pad + "</" + node.name + ">\n";
  return out;
}

std::string TreeChildrenToJson(const std::vector<TreeNode>& children, bool with_ok_attributes) {
  json::object object;
  if (with_ok_attributes) object["@attributes"] = json::object{{"stat", "ok"}, {"version", 1}};
  AddChildren(object, children);
  return json::serialize(object);
}

HttpResponse RenderV34Ok(bool json, const std::vector<TreeNode>& body) {
  HttpResponse response;
  if (json) {
    response.content_type = "application/json";
    response.body = TreeChildrenToJson(body, true);
    return response;
  }
  response.content_type = "text/xml; charset=utf-8";
  response.body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rsp stat=\"ok\" version=\"1.0\">\n";
  for (const auto& node : body) response.body += TreeToXml(node, 1);
  response.body += "</rsp>\n";
  return response;
}

}  // namespace pdc::emulator
