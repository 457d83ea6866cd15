#include "tests/emulator/v34_xml.h"

#include <cctype>
#include <cstdlib>

namespace pdc::emulator {
namespace {

bool IsNameChar(char c) {
  const auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '_' || c == '-' || c == '.' || c == ':' || u >= 0x80;
}

void AppendUtf8(std::string& out, unsigned long code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  std::optional<XmlElement> Document() {
    SkipMisc();
    if (!At("<")) return std::nullopt;
    auto root = Element();
    if (!root) return std::nullopt;
    SkipMisc();
    if (pos_ != text_.size()) return std::nullopt;
    return root;
  }

 private:
  bool At(std::string_view s) const { return text_.substr(pos_).starts_with(s); }

  void SkipSpace() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }

  // Whitespace, comments and processing instructions (the XML declaration among them).
  void SkipMisc() {
    for (;;) {
      SkipSpace();
      const char* close = At("<!--") ? "-->" : At("<?") ? "?>" : nullptr;
      if (close == nullptr) return;
      const auto end = text_.find(close, pos_);
      pos_ = end == std::string_view::npos ? text_.size() : end + std::string_view(close).size();
    }
  }

  std::string Name() {
    const std::size_t start = pos_;
    while (pos_ < text_.size() && IsNameChar(text_[pos_])) ++pos_;
    return std::string(text_.substr(start, pos_ - start));
  }

  // Decodes text up to (not including) the first `stop` character; false on a bad reference.
  bool Text(char stop, std::string& out) {
    while (pos_ < text_.size() && text_[pos_] != stop) {
      if (text_[pos_] != '&') {
        out += text_[pos_++];
        continue;
      }
      const auto semi = text_.find(';', pos_);
      if (semi == std::string_view::npos) return false;
      const std::string_view ref = text_.substr(pos_ + 1, semi - pos_ - 1);
      pos_ = semi + 1;
      if (ref == "amp")
        out += '&';
      else if (ref == "lt")
        out += '<';
      else if (ref == "gt")
        out += '>';
      else if (ref == "quot")
        out += '"';
      else if (ref == "apos")
        out += '\'';
      else if (ref.starts_with("#")) {
        const bool hex = ref.starts_with("#x");
        const std::string digits(ref.substr(hex ? 2 : 1));
        char* end = nullptr;
        const unsigned long code = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
        if (digits.empty() || *end != '\0' || code == 0 || code > 0x10FFFF) return false;
        AppendUtf8(out, code);
      } else {
        return false;
      }
    }
    return true;
  }

  // Nesting deeper than this is refused rather than recursed into.
  static constexpr int kMaxDepth = 32;

  std::optional<XmlElement> Element() {
    if (depth_ >= kMaxDepth) return std::nullopt;
    ++depth_;
    auto element = ElementBody();
    --depth_;
    return element;
  }

  std::optional<XmlElement> ElementBody() {
    ++pos_;  // '<'
    XmlElement element;
    element.name = Name();
    if (element.name.empty()) return std::nullopt;
    for (;;) {
      SkipSpace();
      if (At("/>")) {
        pos_ += 2;
        return element;
      }
      if (At(">")) break;
      std::string attribute = Name();
      SkipSpace();
      if (attribute.empty() || !At("=")) return std::nullopt;
      ++pos_;
      SkipSpace();
      if (pos_ >= text_.size() || (text_[pos_] != '"' && text_[pos_] != '\'')) return std::nullopt;
      const char quote = text_[pos_++];
      std::string value;
      if (!Text(quote, value) || pos_ >= text_.size()) return std::nullopt;
      ++pos_;
      element.attributes.emplace_back(std::move(attribute), std::move(value));
    }
    ++pos_;  // '>'
    for (;;) {
      if (!Text('<', element.text) || pos_ >= text_.size()) return std::nullopt;
      if (At("<![CDATA[")) {
        const auto end = text_.find("]]>", pos_);
        if (end == std::string_view::npos) return std::nullopt;
        element.text.append(text_.substr(pos_ + 9, end - pos_ - 9));
        pos_ = end + 3;
      } else if (At("<!--")) {
        const auto end = text_.find("-->", pos_);
        if (end == std::string_view::npos) return std::nullopt;
        pos_ = end + 3;
      } else if (At("</")) {
        pos_ += 2;
        if (Name() != element.name) return std::nullopt;
        SkipSpace();
        if (!At(">")) return std::nullopt;
        ++pos_;
        return element;
      } else {
        auto child = Element();
        if (!child) return std::nullopt;
        element.children.push_back(std::move(*child));
      }
    }
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  int depth_ = 0;
};

}  // namespace

const std::string* XmlElement::Attribute(std::string_view attribute) const {
  for (const auto& [key, value] : attributes) {
    if (key == attribute) return &value;
  }
  return nullptr;
}

std::optional<XmlElement> ParseXml(std::string_view text) { return Reader(text).Document(); }

}  // namespace pdc::emulator
