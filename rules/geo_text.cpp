#include "rules/geo_text.h"

#include <tbb/enumerable_thread_specific.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>
#include <system_error>

#include "rules/data_files.h"
#include "rules/unicode_text.h"
#include "rules/utf8.h"

namespace pdc::geo {
namespace {

// Punctuation or a symbol (general category P* or S*).
bool IsPunctuationOrSymbol(char32_t c) {
  if (c < 0x80) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
           (c >= '{' && c <= '~');
  }
  const auto mask = U_GET_GC_MASK(static_cast<UChar32>(c));
  return (mask & (U_GC_P_MASK | U_GC_S_MASK)) != 0;
}

bool IsOpening(char32_t c) {
  return c == '(' || c == '[' || c == '{' ||
         (c >= 0x80 && u_charType(static_cast<UChar32>(c)) == U_START_PUNCTUATION);
}
bool IsClosing(char32_t c) {
  return c == ')' || c == ']' || c == '}' ||
         (c >= 0x80 && u_charType(static_cast<UChar32>(c)) == U_END_PUNCTUATION);
}

// The code point that ends at `end` in valid UTF-8 `s`, and where it starts.
char32_t Previous(std::string_view s, std::size_t end, std::size_t& start) {
  start = end - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  std::size_t i = start;
  return utf8::Next(s, i);
}

// Strips punctuation and symbols at both ends of `s`; a bracket goes only with its partner at
// the other end, so "Congo (Kinshasa)" keeps its parenthesis.
std::string_view StripSurrounding(std::string_view s) {
  while (!s.empty()) {
    std::size_t next = 0;
    const char32_t first = utf8::Next(s, next);
    std::size_t last_start = 0;
    const char32_t last = Previous(s, s.size(), last_start);
    if (IsOpening(first) && IsClosing(last) && last_start >= next) {
      s = s.substr(next, last_start - next);
    } else if (IsPunctuationOrSymbol(first) && !IsOpening(first) && !IsClosing(first)) {
      s.remove_prefix(next);
    } else if (IsPunctuationOrSymbol(last) && !IsOpening(last) && !IsClosing(last)) {
      s = s.substr(0, last_start);
    } else {
      break;
    }
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  }
  return s;
}

icu::Transliterator* LatinAscii() {
  // Transliterators keep state while they run, so each thread has its own (0.1 ms to create).
  static tbb::enumerable_thread_specific<std::unique_ptr<icu::Transliterator>> per_thread;
  std::unique_ptr<icu::Transliterator>& t = per_thread.local();
  if (!t) {
    UErrorCode status = U_ZERO_ERROR;
    t.reset(icu::Transliterator::createInstance("Latin-ASCII", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) t.reset();
  }
  return t.get();
}

// Lower-case Cyrillic and Greek letters indistinguishable from a Latin one, and that letter.
constexpr std::pair<char32_t, char> kHomoglyphs[] = {
    {0x0430, 'a'}, {0x0435, 'e'}, {0x043E, 'o'}, {0x0440, 'p'}, {0x0441, 'c'},
    {0x0443, 'y'}, {0x0445, 'x'}, {0x0455, 's'}, {0x0456, 'i'}, {0x0458, 'j'},
    {0x04BB, 'h'}, {0x03B1, 'a'}, {0x03B5, 'e'}, {0x03B9, 'i'}, {0x03BA, 'k'},
    {0x03BD, 'v'}, {0x03BF, 'o'}, {0x03C1, 'p'}, {0x03C4, 't'}, {0x03C5, 'u'}};

char Homoglyph(char32_t c) {
  for (const auto& [from, to] : kHomoglyphs) {
    if (from == c) return to;
  }
  return 0;
}

// A Latin name typed partly on a Cyrillic or Greek keyboard layout ("Gеrmany" with a Cyrillic
// е) has those letters replaced by the Latin ones they look like. Only a key that also holds
// ASCII letters is touched, so a name wholly in Cyrillic or Greek stays as it is.
std::string UnmixScripts(std::string_view key) {
  const bool has_latin = std::any_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  });
  if (!has_latin) return std::string(key);
  std::string out;
  out.reserve(key.size());
  for (std::size_t i = 0; i < key.size();) {
    const std::size_t start = i;
    const char32_t c = utf8::Next(key, i);
    if (const char latin = Homoglyph(c); latin != 0) {
      out += latin;
    } else {
      out.append(key.substr(start, i - start));
    }
  }
  return out;
}

// A small reader for the iso-codes tables: one object holding arrays of flat objects whose
// members are strings.
class JsonReader {
 public:
  explicit JsonReader(std::string_view text) : s_(text) {}

  bool ReadTable(std::string_view table, std::vector<IsoRecord>& out) {
    if (!Expect('{')) return false;
    bool found = false;
    while (true) {
      std::string key;
      if (!String(key) || !Expect(':')) return false;
      if (!Expect('[')) return false;
      if (!Peek(']')) {
        do {
          IsoRecord record;
          if (!Object(record)) return false;
          if (key == table) out.push_back(std::move(record));
        } while (Take(','));
      }
      if (!Expect(']')) return false;
      found = found || key == table;
      if (!Take(',')) break;
    }
    return Expect('}') && found;
  }

 private:
  void Space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t'))
      ++i_;
  }
  bool Peek(char c) {
    Space();
    return i_ < s_.size() && s_[i_] == c;
  }
  bool Take(char c) {
    if (!Peek(c)) return false;
    ++i_;
    return true;
  }
  bool Expect(char c) { return Take(c); }

  bool Object(IsoRecord& record) {
    if (!Expect('{')) return false;
    if (Take('}')) return true;
    do {
      std::string key, value;
      if (!String(key) || !Expect(':') || !String(value)) return false;
      record[std::move(key)] = std::move(value);
    } while (Take(','));
    return Expect('}');
  }

  bool Hex4(char32_t& c) {
    if (i_ + 4 > s_.size()) return false;
    c = 0;
    for (int k = 0; k < 4; ++k) {
      const char h = s_[i_++];
      c <<= 4;
      if (h >= '0' && h <= '9') {
        c |= static_cast<char32_t>(h - '0');
      } else if (h >= 'a' && h <= 'f') {
        c |= static_cast<char32_t>(h - 'a' + 10);
      } else if (h >= 'A' && h <= 'F') {
        c |= static_cast<char32_t>(h - 'A' + 10);
      } else {
        return false;
      }
    }
    return true;
  }

  bool String(std::string& out) {
    if (!Expect('"')) return false;
    while (i_ < s_.size()) {
      const char c = s_[i_++];
      if (c == '"') return true;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (i_ >= s_.size()) return false;
      const char e = s_[i_++];
      switch (e) {
        case 'n':
          out += '\n';
          break;
        case 't':
          out += '\t';
          break;
        case 'r':
          out += '\r';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'u': {
          char32_t cp = 0;
          if (!Hex4(cp)) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF && i_ + 1 < s_.size() && s_[i_] == '\\' &&
              s_[i_ + 1] == 'u') {
            i_ += 2;
            char32_t low = 0;
            if (!Hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
          utf8::Append(out, cp);
          break;
        }
        default:
          out += e;  // \" \\ \/
      }
    }
    return false;
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

std::uint32_t Word(const std::string& data, std::size_t at, bool swap) {
  std::uint32_t w = 0;
  std::memcpy(&w, data.data() + at, 4);
  if (swap) {
    w = ((w & 0xFF) << 24) | ((w & 0xFF00) << 8) | ((w >> 8) & 0xFF00) | (w >> 24);
  }
  return w;
}

// The (original, translation) pairs of one gettext .mo file; empty when it is not one.
void ReadMo(const std::filesystem::path& path,
            std::vector<std::pair<std::string, std::string>>& out) {
  std::ifstream in(path, std::ios::binary);
  const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (data.size() < 20) return;
  const std::uint32_t magic = Word(data, 0, false);
  bool swap = false;
  if (magic == 0xde120495u) {
    swap = true;
  } else if (magic != 0x950412deu) {
    return;
  }
  const std::size_t count = Word(data, 8, swap);
  const std::size_t originals = Word(data, 12, swap);
  const std::size_t translations = Word(data, 16, swap);
  auto text = [&](std::size_t table, std::size_t n, std::string_view& result) {
    const std::size_t entry = table + 8 * n;
    if (entry + 8 > data.size() || entry < table) return false;
    const std::size_t length = Word(data, entry, swap);
    const std::size_t offset = Word(data, entry + 4, swap);
    if (offset > data.size() || length > data.size() - offset) return false;
    result = std::string_view(data).substr(offset, length);
    result = result.substr(0, result.find('\0'));  // plural forms: the first
    return true;
  };
  for (std::size_t n = 0; n < count; ++n) {
    std::string_view original, translation;
    if (!text(originals, n, original) || !text(translations, n, translation)) return;
    if (original.empty() || translation.empty() || !utf8::IsValid(translation)) continue;
    out.emplace_back(original, translation);
  }
}

}  // namespace

std::string CleanPlaceName(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  bool space = false;
  for (std::size_t i = 0; i < raw.size();) {
    const std::size_t start = i;
    const char32_t c = utf8::Next(raw, i);
    if (IsWhiteSpace(c)) {
      space = !out.empty();
      continue;
    }
    if (IsInvisible(c)) continue;
    if (space) out += ' ';
    space = false;
    out.append(raw.substr(start, i - start));
  }
  std::string_view s = StripSurrounding(out);
  if (s.size() > 4 && (s[0] == 't' || s[0] == 'T') && (s[1] == 'h' || s[1] == 'H') &&
      (s[2] == 'e' || s[2] == 'E') && s[3] == ' ') {
    s.remove_prefix(4);
  }
  return std::string(s);
}

std::string CaseKey(std::string_view clean) {
  std::string out;
  if (utf8::IsAscii(clean)) {
    out.reserve(clean.size());
    for (const char c : clean) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* fold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) return std::string(clean);
  const icu::UnicodeString folded =
      fold->normalize(icu::UnicodeString::fromUTF8(
                          icu::StringPiece(clean.data(), static_cast<int32_t>(clean.size()))),
                      status);
  if (U_FAILURE(status)) return std::string(clean);
  folded.toUTF8String(out);
  return out;
}

std::string AsciiKey(std::string_view case_key) {
  std::string ascii;
  if (utf8::IsAscii(case_key)) {
    ascii.assign(case_key);
  } else {
    icu::Transliterator* t = LatinAscii();
    if (t == nullptr) return {};
    const std::string latin = UnmixScripts(case_key);
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(latin.data(), static_cast<int32_t>(latin.size())));
    t->transliterate(u);
    u.toUTF8String(ascii);
  }
  std::string out;
  out.reserve(ascii.size());
  bool space = false;
  for (const char c : ascii) {
    if (static_cast<unsigned char>(c) >= 0x80) return {};
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
      if (space && !out.empty()) out += ' ';
      space = false;
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    } else if (c != '.' && c != '\'') {
      space = true;
    }
  }
  return out;
}

std::filesystem::path IsoCodesDirectory() {
  if (const char* dir = std::getenv("PARDOT_CLEAN_ISO_CODES"); dir != nullptr && *dir != '\0') {
    return dir;
  }
  return "/usr/share/iso-codes/json";
}

std::vector<IsoRecord> ReadIsoCodesTable(const std::filesystem::path& path,
                                         std::string_view table) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw DataError(path.string() +
                    ": cannot open the iso-codes table (install the Debian package iso-codes, "
                    "or set PARDOT_CLEAN_ISO_CODES to its json directory)");
  }
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<IsoRecord> records;
  if (!JsonReader(text).ReadTable(table, records) || records.empty()) {
    throw DataError(path.string() + ": not an iso-codes table with a \"" + std::string(table) +
                    "\" array");
  }
  const std::string version = DebianPackageVersion("iso-codes");
  NoteDataSource({"iso-codes " + path.filename().string(), version.empty() ? "unknown" : version,
                  path.string(), "LGPL-2.1", records.size()});
  return records;
}

std::vector<std::pair<std::string, std::string>> ReadTranslations(std::string_view domain) {
  std::vector<std::pair<std::string, std::string>> out;
  const std::filesystem::path locale_dir =
      IsoCodesDirectory().parent_path().parent_path() / "locale";
  std::error_code error;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(locale_dir, error)) {
    std::filesystem::path mo = entry.path() / "LC_MESSAGES" / (std::string(domain) + ".mo");
    if (std::filesystem::is_regular_file(mo, error)) files.push_back(std::move(mo));
  }
  std::sort(files.begin(), files.end());  // a stable order, whatever the directory's
  for (const auto& file : files) ReadMo(file, out);
  return out;
}

std::string JoinCandidates(std::vector<std::string> codes, bool more) {
  std::sort(codes.begin(), codes.end());
  std::string out;
  for (const std::string& code : codes) {
    if (!out.empty()) out += ", ";
    out += code;
  }
  if (more) out += ", ...";
  return out;
}

}  // namespace pdc::geo
