#include "rules/match_key.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <stdexcept>
#include <unordered_map>
#include <vector>

#include "rules/text_hash.h"

namespace pdc {
namespace {

bool IsAscii(std::string_view s) {
  for (const char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Appends the key characters of ASCII-or-not `s` to the empty `out`: [a-z0-9] runs, upper case
// lowered, separated by single spaces where `s` has white space; other punctuation is dropped
// without splitting a word ("O'Brien" -> "obrien"); non-ASCII characters are dropped and counted.
void AppendKeyChars(std::string_view s, std::string& out, std::size_t* residue) {
  bool pending_space = false;
  for (const char raw : s) {
    const auto c = static_cast<unsigned char>(raw);
    if (c >= 0x80) {
      if (residue != nullptr && (c & 0xC0) != 0x80) ++*residue;  // count lead bytes only
      continue;
    }
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      pending_space = !out.empty();
      continue;
    }
    char k;
    if (c >= 'A' && c <= 'Z') {
      k = static_cast<char>(c - 'A' + 'a');
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      k = static_cast<char>(c);
    } else {
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += k;
  }
}

// One thread's ICU state: created on first non-ASCII input, never shared.
class Folder {
 public:
  Folder() {
    UErrorCode status = U_ZERO_ERROR;
    casefold_ = icu::Normalizer2::getNFKCCasefoldInstance(status);
    translit_.reset(
        icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
    if (U_FAILURE(status) || translit_ == nullptr) {
      throw std::runtime_error(std::string("ICU transliterator unavailable: ") +
                               u_errorName(status));
    }
  }

  // The ASCII form (before the key filter) of non-ASCII `text`, cached.
  const std::string& Latin(std::string_view text) {
    if (auto it = cache_.find(text); it != cache_.end()) return it->second;
    if (cache_.size() >= kCacheLimit) cache_.clear();
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString folded = casefold_->normalize(u, status);
    if (U_FAILURE(status)) folded = u;
    translit_->transliterate(folded);
    std::string latin;
    folded.toUTF8String(latin);
    return cache_.emplace(std::string(text), std::move(latin)).first->second;
  }

 private:
  static constexpr std::size_t kCacheLimit = 1 << 16;
  const icu::Normalizer2* casefold_ = nullptr;
  std::unique_ptr<icu::Transliterator> translit_;
  std::unordered_map<std::string, std::string, TextHash, std::equal_to<>> cache_;
};

Folder& ThreadFolder() {
  thread_local Folder folder;
  return folder;
}

}  // namespace

void AppendFold(std::string_view text, std::string& out, FoldStats* stats) {
  std::size_t* residue = stats != nullptr ? &stats->residue : nullptr;
  std::string key;
  AppendKeyChars(IsAscii(text) ? text : std::string_view(ThreadFolder().Latin(text)), key, residue);
  out += key;
}

std::string Fold(std::string_view text, FoldStats* stats) {
  std::string out;
  AppendFold(text, out, stats);
  return out;
}

std::string Fingerprint(std::string_view text, FoldStats* stats) {
  const std::string folded = Fold(text, stats);
  std::vector<std::string_view> tokens;
  std::string_view rest = folded;
  while (!rest.empty()) {
    const auto space = rest.find(' ');
    tokens.push_back(rest.substr(0, space));
    if (space == std::string_view::npos) break;
    rest.remove_prefix(space + 1);
  }
  std::sort(tokens.begin(), tokens.end());
  tokens.erase(std::unique(tokens.begin(), tokens.end()), tokens.end());
  std::string out;
  for (const auto token : tokens) {
    if (!out.empty()) out += ' ';
    out += token;
  }
  return out;
}

std::string NgramKey(std::string_view text, FoldStats* stats) {
  std::string compact = Fold(text, stats);
  compact.erase(std::remove(compact.begin(), compact.end(), ' '), compact.end());
  std::vector<std::string_view> grams;
  for (std::size_t i = 0; i + 2 <= compact.size(); ++i) grams.emplace_back(&compact[i], 2);
  std::sort(grams.begin(), grams.end());
  grams.erase(std::unique(grams.begin(), grams.end()), grams.end());
  std::string out;
  for (const auto gram : grams) out += gram;
  return out;
}

}  // namespace pdc
