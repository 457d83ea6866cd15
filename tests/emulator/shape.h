// Shape comparison of an API answer with a recorded response (tests/emulator/fixtures/), for
// tests. Values may differ; what a client's parser depends on must not:
//  * JSON: the same keys in every object (as sets), the same nesting, the same JSON type at
//    every place (null, bool, number, string, array, object) and arrays of the same length,
//    compared element by element. So where a fixture has null for an empty value, the answer
//    must have null there too.
//  * XML: the same element names in the same order and nesting, the same attributes (names and
//    values: `stat`, `version`, `code`), and a leaf empty exactly where the fixture's is (`<x/>`
//    and `<x></x>` are both empty).
// Differences come back as readable lines naming the path ("$.values[2].hobby__c: ...",
// "rsp/prospect/zip: ..."); none means the shapes agree.
// Header-only, like test_client.h. The XML reader takes the well-formed, DTD-free documents
// Pardot sends and nothing more (no comments, CDATA or processing instructions past the
// declaration); entities stay as written, which is enough for shapes.
#pragma once

#include <boost/json.hpp>
#include <cctype>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pdc::emulator::testing {

// ---- JSON ----------------------------------------------------------------------------------

inline std::string JsonTypeName(const boost::json::value& value) {
  switch (value.kind()) {
    case boost::json::kind::null:
      return "null";
    case boost::json::kind::bool_:
      return "bool";
    case boost::json::kind::int64:
    case boost::json::kind::uint64:
    case boost::json::kind::double_:
      return "number";
    case boost::json::kind::string:
      return "string";
    case boost::json::kind::array:
      return "array";
    case boost::json::kind::object:
      return "object";
  }
  return "?";
}

inline void JsonShapeDifferences(const boost::json::value& expected,
                                 const boost::json::value& actual, const std::string& path,
                                 std::vector<std::string>& out) {
  const std::string want = JsonTypeName(expected);
  const std::string got = JsonTypeName(actual);
  if (want != got) {
    out.push_back(path + ": expected " + want + ", got " + got);
    return;
  }
  if (expected.is_object()) {
    const auto& e = expected.get_object();
    const auto& a = actual.get_object();
    for (const auto& member : e) {
      const std::string key(member.key());
      if (const auto* other = a.if_contains(member.key())) {
        JsonShapeDifferences(member.value(), *other, path + "." + key, out);
      } else {
        out.push_back(path + ": missing key \"" + key + "\"");
      }
    }
    for (const auto& member : a) {
      if (!e.contains(member.key())) {
        out.push_back(path + ": unexpected key \"" + std::string(member.key()) + "\"");
      }
    }
  } else if (expected.is_array()) {
    const auto& e = expected.get_array();
    const auto& a = actual.get_array();
    if (e.size() != a.size()) {
      out.push_back(path + ": expected " + std::to_string(e.size()) + " elements, got " +
                    std::to_string(a.size()));
    }
    for (std::size_t i = 0; i < e.size() && i < a.size(); ++i) {
      JsonShapeDifferences(e[i], a[i], path + "[" + std::to_string(i) + "]", out);
    }
  }
}

inline std::vector<std::string> JsonShapeDifferences(const boost::json::value& expected,
                                                     const boost::json::value& actual) {
  std::vector<std::string> out;
  JsonShapeDifferences(expected, actual, "$", out);
  return out;
}

// ---- XML -----------------------------------------------------------------------------------

struct XmlNode {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes;  // in document order
  std::string text;  // character data of a leaf, untrimmed; "" for an element with children
  std::vector<XmlNode> children;

  // The children named `child`, in order.
  std::vector<const XmlNode*> All(std::string_view child) const {
    std::vector<const XmlNode*> found;
    for (const auto& c : children) {
      if (c.name == child) found.push_back(&c);
    }
    return found;
  }
  // The first child named `child`, or null.
  const XmlNode* Find(std::string_view child) const {
    for (const auto& c : children) {
      if (c.name == child) return &c;
    }
    return nullptr;
  }
};

class XmlTreeReader {
 public:
  explicit XmlTreeReader(std::string_view text) : text_(text) {}

  std::optional<XmlNode> Document() {
    SkipBlanks();
    if (text_.substr(pos_).starts_with("<?xml")) {
      const std::size_t end = text_.find("?>", pos_);
      if (end == std::string_view::npos) return std::nullopt;
      pos_ = end + 2;
    }
    SkipBlanks();
    XmlNode root;
    if (!Element(root)) return std::nullopt;
    SkipBlanks();
    if (pos_ != text_.size()) return std::nullopt;
    return root;
  }

 private:
  bool Element(XmlNode& node) {
    if (!Eat('<')) return false;
    node.name = Name();
    if (node.name.empty()) return false;
    for (;;) {
      SkipBlanks();
      if (Eat('/')) return Eat('>');
      if (Eat('>')) break;
      std::string attribute = Name();
      SkipBlanks();
      if (attribute.empty() || !Eat('=')) return false;
      SkipBlanks();
      if (pos_ >= text_.size() || (text_[pos_] != '"' && text_[pos_] != '\'')) return false;
      const char quote = text_[pos_++];
      const std::size_t end = text_.find(quote, pos_);
      if (end == std::string_view::npos) return false;
      node.attributes.emplace_back(std::move(attribute),
                                   std::string(text_.substr(pos_, end - pos_)));
      pos_ = end + 1;
    }
    std::string text;
    for (;;) {
      const std::size_t lt = text_.find('<', pos_);
      if (lt == std::string_view::npos) return false;
      text.append(text_.substr(pos_, lt - pos_));
      pos_ = lt;
      if (text_.substr(pos_).starts_with("</")) {
        pos_ += 2;
        if (Name() != node.name) return false;
        SkipBlanks();
        if (!Eat('>')) return false;
        if (node.children.empty()) node.text = std::move(text);
        return true;
      }
      XmlNode child;
      if (!Element(child)) return false;
      node.children.push_back(std::move(child));
    }
  }

  std::string Name() {
    const std::size_t start = pos_;
    while (pos_ < text_.size()) {
      const unsigned char c = static_cast<unsigned char>(text_[pos_]);
      if (!std::isalnum(c) && c != '_' && c != '-' && c != '.' && c != ':') break;
      ++pos_;
    }
    return std::string(text_.substr(start, pos_ - start));
  }
  bool Eat(char c) {
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  void SkipBlanks() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

// The element tree of a document; nullopt when it is not well-formed.
inline std::optional<XmlNode> ParseXmlTree(std::string_view text) {
  return XmlTreeReader(text).Document();
}

struct XmlShapeOptions {
  // Element paths ("rsp/prospect/profile") left out of both trees: parts of Pardot's answer the
  // emulator does not model. Each use says why.
  std::set<std::string> skipped;
  // Leaf paths where the fixture has a value the emulator has no data for; an empty leaf is
  // accepted there (an empty fixture leaf still requires an empty one).
  std::set<std::string> unknown_values;
};

inline void XmlShapeDifferences(const XmlNode& expected, const XmlNode& actual,
                                const XmlShapeOptions& options, const std::string& path,
                                std::vector<std::string>& out) {
  if (expected.attributes != actual.attributes) {
    const auto show = [](const XmlNode& node) {
      std::string text;
      for (const auto& [name, value] : node.attributes) text += " " + name + "=\"" + value + "\"";
      return text.empty() ? std::string(" (none)") : text;
    };
    out.push_back(path + ": attributes" + show(expected) + " expected, got" + show(actual));
  }
  const auto kept = [&](const XmlNode& node) {
    std::vector<const XmlNode*> children;
    for (const auto& child : node.children) {
      if (!options.skipped.contains(path + "/" + child.name)) children.push_back(&child);
    }
    return children;
  };
  const std::vector<const XmlNode*> want = kept(expected);
  const std::vector<const XmlNode*> got = kept(actual);
  if (want.empty() && got.empty()) {
    const bool want_empty = expected.text.empty();
    const bool got_empty = actual.text.empty();
    if (want_empty && !got_empty) {
      out.push_back(path + ": expected an empty element, got \"" + actual.text + "\"");
    } else if (!want_empty && got_empty && !options.unknown_values.contains(path)) {
      out.push_back(path + ": expected a value like \"" + expected.text + "\", got none");
    }
    return;
  }
  const auto names = [](const std::vector<const XmlNode*>& nodes) {
    std::string text;
    for (const XmlNode* node : nodes) text += (text.empty() ? "" : " ") + node->name;
    return text;
  };
  bool same_names = want.size() == got.size();
  for (std::size_t i = 0; same_names && i < want.size(); ++i) {
    same_names = want[i]->name == got[i]->name;
  }
  if (!same_names) {
    out.push_back(path + ": children [" + names(want) + "] expected, got [" + names(got) + "]");
    return;  // pairing children up further would only repeat this difference
  }
  for (std::size_t i = 0; i < want.size(); ++i) {
    XmlShapeDifferences(*want[i], *got[i], options, path + "/" + want[i]->name, out);
  }
}

inline std::vector<std::string> XmlShapeDifferences(const XmlNode& expected, const XmlNode& actual,
                                                    const XmlShapeOptions& options = {}) {
  std::vector<std::string> out;
  if (expected.name != actual.name) {
    out.push_back("root: <" + expected.name + "> expected, got <" + actual.name + ">");
    return out;
  }
  XmlShapeDifferences(expected, actual, options, expected.name, out);
  return out;
}

}  // namespace pdc::emulator::testing
