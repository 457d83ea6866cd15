// A small XML reader for the batch endpoints' `prospects` documents (pardot-api.md §4.6).
// It reads elements, attributes, text, the five named entities, character references, CDATA,
// comments and the XML declaration; it does not read DTDs or namespaces.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pdc::emulator {

struct XmlElement {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes;
  std::string text;  // the element's own text, concatenated; whitespace between children kept
  std::vector<XmlElement> children;

  const std::string* Attribute(std::string_view attribute) const;
};

// The document's root element; nullopt when `text` is not well-formed.
std::optional<XmlElement> ParseXml(std::string_view text);

}  // namespace pdc::emulator
