// text: sanitises free text: invisible characters out, every kind of space to one plain space,
// NFC, trimmed. The first rule of most chains, so later rules can rely on plain spaces.
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule.h"
#include "rules/unicode_text.h"
#include "rules/utf8.h"

namespace pdc {
namespace {

constexpr OptionSpec kOptions[] = {
    {"fields", OptionType::kFields, "[]", false,
     "the fields to clean; empty means every field but id"},
    {"nfc", OptionType::kBool, "true", false, "normalise to Unicode NFC"},
    {"ascii_punctuation", OptionType::kBool, "false", false,
     "turn typographic quotes, dashes and the ellipsis into ASCII"},
};

// The ASCII stand-in for a typographic quote, dash or ellipsis; empty for anything else.
std::string_view AsciiPunctuation(char32_t c) {
  switch (c) {
    case U'\u2018':
    case U'\u2019':
    case U'\u201A':
    case U'\u201B':
      return "'";
    case U'\u201C':
    case U'\u201D':
    case U'\u201E':
    case U'\u201F':
      return "\"";
    case U'\u2010':
    case U'\u2011':
    case U'\u2012':
    case U'\u2013':
    case U'\u2014':
    case U'\u2015':
      return "-";
    case U'\u2026':
      return "...";
    default:
      return {};
  }
}

// Returns `in` when it is well-formed UTF-8; otherwise repairs a copy into `scratch` (each
// ill-formed sequence becomes U+FFFD) and returns that, so that utf8::Next can read it.
std::string_view WellFormed(std::string_view in, std::string& scratch) {
  if (utf8::IsValid(in)) return in;
  scratch.assign(in);
  utf8::Repair(scratch);
  return scratch;
}

// True when ASCII `s` is already clean: no controls, no space at either end, no two in a row.
bool AsciiIsClean(std::string_view s) {
  if (s.empty()) return true;
  if (s.front() == ' ' || s.back() == ' ') return false;
  char prev = 0;
  for (const char ch : s) {
    const auto b = static_cast<unsigned char>(ch);
    if (b < 0x20 || b == 0x7F || (ch == ' ' && prev == ' ')) return false;
    prev = ch;
  }
  return true;
}

// Immutable once built; Apply is safe from many threads (the NFC instance is shared and const).
class TextRule final : public Rule {
 public:
  explicit TextRule(const Options& o)
      : fields_(o.Fields("fields")),
        nfc_(o.Bool("nfc") ? NfcInstance() : nullptr),
        ascii_punctuation_(o.Bool("ascii_punctuation")) {}

  void Apply(Record& record) const override {
    auto clean = [this](std::string_view in, std::string& out) { return Clean(in, out); };
    if (!fields_.empty()) {
      for (const FieldId field : fields_) RewriteTexts(record, field, index(), clean);
      return;
    }
    const FieldId id = IdField();
    // By index: a Set replaces a value in place and never adds a field that exists.
    for (std::size_t i = 0; i < record.fields().size(); ++i) {
      const Field& f = record.fields()[i];
      if (f.id != id) RewriteValue(record, f.id, f.value, index(), clean);
    }
  }

 private:
  static const icu::Normalizer2* NfcInstance() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) {
      throw std::runtime_error(std::string("ICU NFC data unavailable: ") + u_errorName(status));
    }
    return nfc;  // a process-wide singleton, safe to use from any thread
  }

  // Fills `out` and returns true when `in` changes.
  bool Clean(std::string_view in, std::string& out) const {
    const bool ascii = utf8::IsAscii(in);
    if (ascii && AsciiIsClean(in)) return false;
    std::string repaired;
    std::string_view text = ascii ? in : WellFormed(in, repaired);
    std::string sanitized;
    if (ascii || NeedsSanitising(text)) {
      Sanitise(text, sanitized);
      text = sanitized;
    }
    std::string normalised;
    if (!ascii && nfc_ != nullptr) {
      UErrorCode status = U_ZERO_ERROR;
      if (!nfc_->isNormalizedUTF8(text, status) && U_SUCCESS(status)) {
        icu::StringByteSink<std::string> sink(&normalised, static_cast<int32_t>(text.size()));
        nfc_->normalizeUTF8(0, text, sink, nullptr, status);
        if (U_SUCCESS(status)) text = normalised;
      }
    }
    if (text == in) return false;
    out.assign(text);
    return true;
  }

  // Whether Sanitise would change well-formed `s`.
  bool NeedsSanitising(std::string_view s) const {
    bool after_space = true;  // a space at the very start is one too many
    for (std::size_t i = 0; i < s.size();) {
      const char32_t c = utf8::Next(s, i);
      if (c == ' ') {
        if (after_space) return true;
        after_space = true;
      } else if (IsWhiteSpace(c) || IsInvisible(c) ||
                 (ascii_punctuation_ && !AsciiPunctuation(c).empty())) {
        return true;
      } else {
        after_space = false;
      }
    }
    return after_space && !s.empty();
  }

  // White space to one space, invisible characters dropped, punctuation mapped, ends trimmed.
  void Sanitise(std::string_view s, std::string& out) const {
    out.reserve(s.size());
    bool space_pending = false;
    for (std::size_t i = 0; i < s.size();) {
      const char32_t c = utf8::Next(s, i);
      if (IsWhiteSpace(c)) {
        space_pending = !out.empty();
        continue;
      }
      if (IsInvisible(c)) continue;
      if (space_pending) out += ' ';
      space_pending = false;
      const std::string_view ascii = ascii_punctuation_ ? AsciiPunctuation(c) : std::string_view();
      if (!ascii.empty()) {
        out += ascii;
      } else {
        utf8::Append(out, c);
      }
    }
  }

  std::vector<FieldId> fields_;
  const icu::Normalizer2* nfc_;  // null when NFC is off
  bool ascii_punctuation_;
};

std::unique_ptr<Rule> MakeTextRule(const Options& o) { return std::make_unique<TextRule>(o); }

}  // namespace

const RuleSpec& TextRuleSpec() {
  static const RuleSpec spec{
      "text",
      1,
      "sanitise text: invisible characters out, spaces collapsed, NFC, trimmed",
      "For each text of each field in `fields` (every field but `id` when the list is empty; "
      "list items one by one; null and JSON literals untouched): every Unicode White_Space "
      "character (tab, line feed, carriage return, no-break space, U+2000..U+200A, U+3000, ...) "
      "becomes a space, so multi-line text becomes one line; control (Cc) and format (Cf) "
      "characters are removed (soft hyphen, zero-width space and joiners, byte-order mark, "
      "bidi marks, embeddings and isolates); with `nfc` the text is normalised to NFC; leading "
      "and trailing spaces are trimmed and runs of spaces collapse to one. With "
      "`ascii_punctuation`, typographic quotes (U+2018..U+201B, U+201C..U+201F) become ' and \", "
      "hyphens and dashes (U+2010..U+2015) become -, and the ellipsis U+2026 becomes '...'. "
      "Ill-formed UTF-8 is repaired to U+FFFD.",
      kOptions,
      MakeTextRule};
  return spec;
}

}  // namespace pdc
