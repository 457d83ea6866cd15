#include "rules/dedupe/metaphone.h"

#include <initializer_list>
#include <limits>

#include "rules/match_key.h"
#include "rules/utf8.h"

namespace pdc::dedupe {
namespace {

// One encoding pass. The word is upper-case letters and spaces; positions past its end read as
// spaces, as in the published algorithm, so "JOSE" at the end of the input is a whole word.
class Encoder {
 public:
  Encoder(std::string_view word, std::size_t max_length)
      : w_(word),
        n_(static_cast<int>(word.size())),
        last_(n_ - 1),
        max_(max_length == 0 ? std::numeric_limits<std::size_t>::max() : max_length) {}

  MetaphoneCodes Run();

 private:
  char At(int i) const { return i < 0 ? '\0' : i < n_ ? w_[static_cast<std::size_t>(i)] : ' '; }
  bool IsVowel(int i) const {
    if (i < 0 || i >= n_) return false;
    const char c = At(i);
    return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U' || c == 'Y';
  }
  // True when one of `options` starts at `start` (all options have the same length).
  bool Has(int start, std::initializer_list<std::string_view> options) const {
    if (start < 0) return false;
    for (std::string_view option : options) {
      bool equal = true;
      for (std::size_t k = 0; k < option.size() && equal; ++k) {
        equal = At(start + static_cast<int>(k)) == option[k];
      }
      if (equal) return true;
    }
    return false;
  }
  void Add(std::string_view both) { Add(both, both); }
  void Add(std::string_view primary, std::string_view alternate) {
    primary_ += primary;
    alternate_ += alternate;
  }
  bool SlavoGermanic() const {
    return w_.find('W') != std::string_view::npos || w_.find('K') != std::string_view::npos ||
           w_.find("CZ") != std::string_view::npos || w_.find("WITZ") != std::string_view::npos;
  }
  bool Germanic() const { return Has(0, {"VAN ", "VON "}) || Has(0, {"SCH"}); }

  int C(int i);
  int D(int i);
  int G(int i);
  int J(int i);
  int L(int i);
  int R(int i);
  int S(int i);
  int T(int i);
  int W(int i);
  int X(int i);
  int Z(int i);

  std::string_view w_;
  int n_;
  int last_;
  std::size_t max_;
  bool slavo_germanic_ = false;
  std::string primary_;
  std::string alternate_;
};

MetaphoneCodes Encoder::Run() {
  slavo_germanic_ = SlavoGermanic();
  int i = 0;
  // Silent first letters: GN, KN, PN, WR, PS.
  if (Has(0, {"GN", "KN", "PN", "WR", "PS"})) i = 1;
  // An initial X sounds like Z (Xavier): S.
  if (At(0) == 'X') {
    Add("S");
    i = 1;
  }
  while ((primary_.size() < max_ || alternate_.size() < max_) && i < n_) {
    switch (At(i)) {
      case 'A':
      case 'E':
      case 'I':
      case 'O':
      case 'U':
      case 'Y':
        // Vowels count only at the start of the word.
        if (i == 0) Add("A");
        ++i;
        break;
      case 'B':
        Add("P");
        i += At(i + 1) == 'B' ? 2 : 1;
        break;
      case 'C':
        i = C(i);
        break;
      case 'D':
        i = D(i);
        break;
      case 'F':
        Add("F");
        i += At(i + 1) == 'F' ? 2 : 1;
        break;
      case 'G':
        i = G(i);
        break;
      case 'H':
        // Sounded only between vowels or at the start before a vowel.
        if ((i == 0 || IsVowel(i - 1)) && IsVowel(i + 1)) {
          Add("H");
          i += 2;
        } else {
          ++i;
        }
        break;
      case 'J':
        i = J(i);
        break;
      case 'K':
        Add("K");
        i += At(i + 1) == 'K' ? 2 : 1;
        break;
      case 'L':
        i = L(i);
        break;
      case 'M':
        // "-UMB" at the end or before "ER" (dumb, thumber) has a silent B.
        if ((Has(i - 1, {"UMB"}) && (i + 1 == last_ || Has(i + 2, {"ER"}))) || At(i + 1) == 'M') {
          i += 2;
        } else {
          ++i;
        }
        Add("M");
        break;
      case 'N':
        Add("N");
        i += At(i + 1) == 'N' ? 2 : 1;
        break;
      case 'P':
        if (At(i + 1) == 'H') {
          Add("F");
          i += 2;
          break;
        }
        // Campbell, raspberry: the B after P is not sounded apart.
        i += Has(i + 1, {"P", "B"}) ? 2 : 1;
        Add("P");
        break;
      case 'Q':
        Add("K");
        i += At(i + 1) == 'Q' ? 2 : 1;
        break;
      case 'R':
        i = R(i);
        break;
      case 'S':
        i = S(i);
        break;
      case 'T':
        i = T(i);
        break;
      case 'V':
        Add("F");
        i += At(i + 1) == 'V' ? 2 : 1;
        break;
      case 'W':
        i = W(i);
        break;
      case 'X':
        i = X(i);
        break;
      case 'Z':
        i = Z(i);
        break;
      default:
        ++i;
        break;
    }
  }
  if (primary_.size() > max_) primary_.resize(max_);
  if (alternate_.size() > max_) alternate_.resize(max_);
  return {std::move(primary_), std::move(alternate_)};
}

int Encoder::C(int i) {
  // Germanic "-ACH-" (Bach, Macher) but not "-ACHI-"/"-ACHE-" (Pachinko, Achebe).
  if (i > 1 && !IsVowel(i - 2) && Has(i - 1, {"ACH"}) && At(i + 2) != 'I' &&
      (At(i + 2) != 'E' || Has(i - 2, {"BACHER", "MACHER"}))) {
    Add("K");
    return i + 2;
  }
  if (i == 0 && Has(0, {"CAESAR"})) {
    Add("S");
    return i + 2;
  }
  if (Has(i, {"CHIA"})) {  // Italian: Chianti
    Add("K");
    return i + 2;
  }
  if (Has(i, {"CH"})) {
    if (i > 0 && Has(i, {"CHAE"})) {  // Michael
      Add("K", "X");
      return i + 2;
    }
    // Greek roots at the start: Chorus, Character, Charisma, Chemistry (not Chore).
    if (i == 0 && (Has(i + 1, {"HARAC", "HARIS"}) || Has(i + 1, {"HOR", "HYM", "HIA", "HEM"})) &&
        !Has(0, {"CHORE"})) {
      Add("K");
      return i + 2;
    }
    if (Germanic() || Has(i - 2, {"ORCHES", "ARCHIT", "ORCHID"}) || Has(i + 2, {"T", "S"}) ||
        ((Has(i - 1, {"A", "O", "U", "E"}) || i == 0) &&
         Has(i + 2, {"L", "R", "N", "M", "B", "H", "F", "V", "W", " "}))) {
      Add("K");
    } else if (i > 0) {
      if (Has(0, {"MC"})) {
        Add("K");
      } else {
        Add("X", "K");
      }
    } else {
      Add("X");
    }
    return i + 2;
  }
  if (Has(i, {"CZ"}) && !Has(i - 2, {"WICZ"})) {  // Czerny
    Add("S", "X");
    return i + 2;
  }
  if (Has(i + 1, {"CIA"})) {  // Focaccia
    Add("X");
    return i + 3;
  }
  // Double C, but not McClellan.
  if (Has(i, {"CC"}) && !(i == 1 && At(0) == 'M')) {
    if (Has(i + 2, {"I", "E", "H"}) && !Has(i + 2, {"HU"})) {
      // Accident, accede, succeed: KS; bacci, bertucci: X.
      if ((i == 1 && At(i - 1) == 'A') || Has(i - 1, {"UCCEE", "UCCES"})) {
        Add("KS");
      } else {
        Add("X");
      }
      return i + 3;
    }
    Add("K");  // Pierce's rule
    return i + 2;
  }
  if (Has(i, {"CK", "CG", "CQ"})) {
    Add("K");
    return i + 2;
  }
  if (Has(i, {"CI", "CE", "CY"})) {
    if (Has(i, {"CIO", "CIE", "CIA"})) {  // Italian
      Add("S", "X");
    } else {
      Add("S");
    }
    return i + 2;
  }
  Add("K");
  if (Has(i + 1, {" C", " Q", " G"})) return i + 3;  // Mac Caffrey, Mac Gregor
  if (Has(i + 1, {"C", "K", "Q"}) && !Has(i + 1, {"CE", "CI"})) return i + 2;
  return i + 1;
}

int Encoder::D(int i) {
  if (Has(i, {"DG"})) {
    if (Has(i + 2, {"I", "E", "Y"})) {  // Edge
      Add("J");
      return i + 3;
    }
    Add("TK");  // Edgar
    return i + 2;
  }
  Add("T");
  return Has(i, {"DT", "DD"}) ? i + 2 : i + 1;
}

int Encoder::G(int i) {
  if (At(i + 1) == 'H') {
    if (i > 0 && !IsVowel(i - 1)) {
      Add("K");
      return i + 2;
    }
    if (i == 0) {  // Ghislane, Ghiradelli
      Add(At(i + 2) == 'I' ? "J" : "K");
      return i + 2;
    }
    // Silent after B, H or D two or three back (Hugh, bough, broughton).
    if ((i > 1 && Has(i - 2, {"B", "H", "D"})) || (i > 2 && Has(i - 3, {"B", "H", "D"})) ||
        (i > 3 && Has(i - 4, {"B", "H"}))) {
      return i + 2;
    }
    // Laugh, McLaughlin, cough, rough, tough: F.
    if (i > 2 && At(i - 1) == 'U' && Has(i - 3, {"C", "G", "L", "R", "T"})) {
      Add("F");
    } else if (i > 0 && At(i - 1) != 'I') {
      Add("K");
    }
    return i + 2;
  }
  if (At(i + 1) == 'N') {
    if (i == 1 && IsVowel(0) && !slavo_germanic_) {
      Add("KN", "N");
    } else if (!Has(i + 2, {"EY"}) && At(i + 1) != 'Y' && !slavo_germanic_) {
      Add("N", "KN");
    } else {
      Add("KN");
    }
    return i + 2;
  }
  if (Has(i + 1, {"LI"}) && !slavo_germanic_) {  // Tagliaro
    Add("KL", "L");
    return i + 2;
  }
  // -GES-, -GEP-, -GEL-, -GIE- at the start (Gerald, Gibson).
  if (i == 0 && (At(i + 1) == 'Y' ||
                 Has(i + 1, {"ES", "EP", "EB", "EL", "EY", "IB", "IL", "IN", "IE", "EI", "ER"}))) {
    Add("K", "J");
    return i + 2;
  }
  // -GER-, -GY- (but not danger, ranger, manger, nor after E or I, nor -RGY-/-OGY-).
  if ((Has(i + 1, {"ER"}) || At(i + 1) == 'Y') && !Has(0, {"DANGER", "RANGER", "MANGER"}) &&
      !Has(i - 1, {"E", "I"}) && !Has(i - 1, {"RGY", "OGY"})) {
    Add("K", "J");
    return i + 2;
  }
  // Italian: biaggi.
  if (Has(i + 1, {"E", "I", "Y"}) || Has(i - 1, {"AGGI", "OGGI"})) {
    if (Germanic() || Has(i + 1, {"ET"})) {
      Add("K");
    } else if (Has(i + 1, {"IER "})) {
      Add("J");
    } else {
      Add("J", "K");
    }
    return i + 2;
  }
  Add("K");
  return At(i + 1) == 'G' ? i + 2 : i + 1;
}

int Encoder::J(int i) {
  // Spanish: Jose, San Jacinto.
  if (Has(i, {"JOSE"}) || Has(0, {"SAN "})) {
    if ((i == 0 && At(i + 4) == ' ') || Has(0, {"SAN "})) {
      Add("H");
    } else {
      Add("J", "H");
    }
    return i + 1;
  }
  if (i == 0 && !Has(i, {"JOSE"})) {
    Add("J", "A");  // Yankelovich, Jankelowicz
  } else if (IsVowel(i - 1) && !slavo_germanic_ && (At(i + 1) == 'A' || At(i + 1) == 'O')) {
    Add("J", "H");  // Spanish pronunciation of e.g. bajador
  } else if (i == last_) {
    Add("J", "");
  } else if (!Has(i + 1, {"L", "T", "K", "S", "N", "M", "B", "Z"}) &&
             !Has(i - 1, {"S", "K", "L"})) {
    Add("J");
  }
  return At(i + 1) == 'J' ? i + 2 : i + 1;
}

int Encoder::L(int i) {
  if (At(i + 1) == 'L') {
    // Spanish: cabrillo, gallegos.
    if ((i == n_ - 3 && Has(i - 1, {"ILLO", "ILLA", "ALLE"})) ||
        ((Has(last_ - 1, {"AS", "OS"}) || Has(last_, {"A", "O"})) && Has(i - 1, {"ALLE"}))) {
      Add("L", "");
      return i + 2;
    }
    Add("L");
    return i + 2;
  }
  Add("L");
  return i + 1;
}

int Encoder::R(int i) {
  // French: Rogier (silent final R after IE), but not Meier, Maier.
  if (i == last_ && !slavo_germanic_ && Has(i - 2, {"IE"}) && !Has(i - 4, {"ME", "MA"})) {
    Add("", "R");
  } else {
    Add("R");
  }
  return At(i + 1) == 'R' ? i + 2 : i + 1;
}

int Encoder::S(int i) {
  if (Has(i - 1, {"ISL", "YSL"})) return i + 1;  // Island, isle, carlysle: silent
  if (i == 0 && Has(i, {"SUGAR"})) {
    Add("X", "S");
    return i + 1;
  }
  if (Has(i, {"SH"})) {
    // Germanic: Rudesheim, Flushing-like -HOLM.
    Add(Has(i + 1, {"HEIM", "HOEK", "HOLM", "HOLZ"}) ? "S" : "X");
    return i + 2;
  }
  if (Has(i, {"SIO", "SIA"}) || Has(i, {"SIAN"})) {  // Italian and Armenian
    if (!slavo_germanic_) {
      Add("S", "X");
    } else {
      Add("S");
    }
    return i + 3;
  }
  // German and anglicised: Smith ~ Schmidt, Snider ~ Schneider; also -SZ- (Hungarian).
  if ((i == 0 && Has(i + 1, {"M", "N", "L", "W"})) || Has(i + 1, {"Z"})) {
    Add("S", "X");
    return Has(i + 1, {"Z"}) ? i + 2 : i + 1;
  }
  if (Has(i, {"SC"})) {
    if (At(i + 2) == 'H') {
      // Dutch: school, schooner, schenker.
      if (Has(i + 3, {"OO", "ER", "EN", "UY", "ED", "EM"})) {
        if (Has(i + 3, {"ER", "EN"})) {
          Add("X", "SK");  // Schlesinger's rule
        } else {
          Add("SK");
        }
        return i + 3;
      }
      if (i == 0 && !IsVowel(3) && At(3) != 'W') {
        Add("X", "S");  // Schmidt
      } else {
        Add("X");
      }
      return i + 3;
    }
    Add(Has(i + 2, {"I", "E", "Y"}) ? "S" : "SK");
    return i + 3;
  }
  // French: Resnais, Artois (silent final S).
  if (i == last_ && Has(i - 2, {"AI", "OI"})) {
    Add("", "S");
  } else {
    Add("S");
  }
  return Has(i + 1, {"S", "Z"}) ? i + 2 : i + 1;
}

int Encoder::T(int i) {
  if (Has(i, {"TION"})) {
    Add("X");
    return i + 3;
  }
  if (Has(i, {"TIA", "TCH"})) {
    Add("X");
    return i + 3;
  }
  if (Has(i, {"TH"}) || Has(i, {"TTH"})) {
    // Thomas, Thames; Germanic names.
    if (Has(i + 2, {"OM", "AM"}) || Germanic()) {
      Add("T");
    } else {
      Add("0", "T");
    }
    return i + 2;
  }
  Add("T");
  return Has(i + 1, {"T", "D"}) ? i + 2 : i + 1;
}

int Encoder::W(int i) {
  if (Has(i, {"WR"})) {  // Wright
    Add("R");
    return i + 2;
  }
  if (i == 0 && (IsVowel(i + 1) || Has(i, {"WH"}))) {
    // Wasserman ~ Vasserman; Uomo ~ Womo.
    if (IsVowel(i + 1)) {
      Add("A", "F");
    } else {
      Add("A");
    }
  }
  // Arnow ~ Arnoff; Polish -ewski/-owski.
  if ((i == last_ && IsVowel(i - 1)) || Has(i - 1, {"EWSKI", "EWSKY", "OWSKI", "OWSKY"}) ||
      Has(0, {"SCH"})) {
    Add("", "F");
    return i + 1;
  }
  if (Has(i, {"WICZ", "WITZ"})) {  // Polish: Filipowicz
    Add("TS", "FX");
    return i + 4;
  }
  return i + 1;
}

int Encoder::X(int i) {
  // French: Breaux (silent final X).
  if (!(i == last_ && (Has(i - 3, {"IAU", "EAU"}) || Has(i - 2, {"AU", "OU"})))) Add("KS");
  return Has(i + 1, {"C", "X"}) ? i + 2 : i + 1;
}

int Encoder::Z(int i) {
  if (At(i + 1) == 'H') {  // Chinese pinyin: Zhao
    Add("J");
    return i + 2;
  }
  if (Has(i + 1, {"ZO", "ZI", "ZA"}) || (slavo_germanic_ && i > 0 && At(i - 1) != 'T')) {
    Add("S", "TS");
  } else {
    Add("S");
  }
  return At(i + 1) == 'Z' ? i + 2 : i + 1;
}

// Upper-case letters of a match key, with single spaces between words.
std::string Letters(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  for (char c : key) {
    if (c >= 'a' && c <= 'z') {
      out += static_cast<char>(c - 'a' + 'A');
    } else if (c >= 'A' && c <= 'Z') {
      out += c;
    } else if (c == ' ' && !out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

MetaphoneCodes DoubleMetaphone(std::string_view word, std::size_t max_length) {
  const std::string letters = utf8::IsAscii(word) ? Letters(word) : Letters(Fold(word));
  return Encoder(letters, max_length).Run();
}

bool MetaphoneMatch(const MetaphoneCodes& a, const MetaphoneCodes& b) {
  if (a.primary.empty() && a.alternate.empty()) return false;
  if (b.primary.empty() && b.alternate.empty()) return false;
  return (!a.primary.empty() && (a.primary == b.primary || a.primary == b.alternate)) ||
         (!a.alternate.empty() && (a.alternate == b.primary || a.alternate == b.alternate));
}

}  // namespace pdc::dedupe
