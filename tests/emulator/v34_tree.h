// The v3/v4 response body as one element tree, rendered to XML or to JSON, so that the two
// formats cannot drift apart (pardot-api.md §4.1–§4.3).
#pragma once

#include <string>
#include <vector>

#include "tests/emulator/http.h"

namespace pdc::emulator {

// One XML element: a leaf with text (possibly empty) or a parent with child elements.
//
// JSON translation, as Pardot does it mechanically from the XML tree:
//  * a parent becomes an object; children sharing a name are grouped under that name at the
//    position of the first one, as an array when there are two or more and as a single value
//    when there is one (the object-or-array rule, §4.3);
//  * a leaf with text becomes a string, or a number when `number` is set and the text is an
//    integer (ids, score, total_results: §4.2);
//  * an empty leaf or a parent without children becomes null. UNCONFIRMED (§4.3 leaves empty
//    collections open); null is what the XML-to-JSON translation gives for `<x/>`.
struct TreeNode {
  std::string name;
  std::string text;
  bool number = false;
  bool parent = false;
  std::vector<TreeNode> children;

  static TreeNode Leaf(std::string name, std::string text) {
    return {std::move(name), std::move(text), false, false, {}};
  }
  static TreeNode Number(std::string name, std::string text) {
    return {std::move(name), std::move(text), true, false, {}};
  }
  static TreeNode Parent(std::string name, std::vector<TreeNode> children = {}) {
    return {std::move(name), {}, false, true, std::move(children)};
  }
  TreeNode& Add(TreeNode child) { return children.emplace_back(std::move(child)); }
};

// The success envelope around `body` (the children of <rsp>): XML `<rsp stat="ok"
// version="1.0">` indented by four spaces as in the recorded fixtures, with empty elements as
// `<x/>`; JSON `{"@attributes":{"stat":"ok","version":1},...}` with members in XML order.
HttpResponse RenderV34Ok(bool json, const std::vector<TreeNode>& body);

// The pieces, for tests and for callers that assemble other envelopes.
std::string TreeToXml(const TreeNode& node, int depth);
std::string TreeChildrenToJson(const std::vector<TreeNode>& children, bool with_ok_attributes);

}  // namespace pdc::emulator
