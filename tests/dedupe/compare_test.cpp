#include "rules/dedupe/compare.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "rules/match_key.h"

namespace pdc::dedupe {
namespace {

TEST(JaroWinklerTest, WinklerExamples) {
  EXPECT_NEAR(JaroWinkler("MARTHA", "MARHTA"), 0.961, 0.0005);
  EXPECT_NEAR(JaroWinkler("DWAYNE", "DUANE"), 0.840, 0.0005);
  EXPECT_NEAR(JaroWinkler("DIXON", "DICKSONX"), 0.813, 0.0005);
  EXPECT_NEAR(Jaro("MARTHA", "MARHTA"), 0.944, 0.0005);
  EXPECT_NEAR(Jaro("DIXON", "DICKSONX"), 0.767, 0.0005);
}

TEST(JaroWinklerTest, SymmetricAndBounded) {
  EXPECT_DOUBLE_EQ(JaroWinkler("jon", "john"), JaroWinkler("john", "jon"));
  EXPECT_DOUBLE_EQ(JaroWinkler("same", "same"), 1.0);
  EXPECT_DOUBLE_EQ(JaroWinkler("abc", "xyz"), 0.0);
  // The prefix bonus stops at four characters.
  const double j = Jaro("abcdefgh", "abcdefhg");
  EXPECT_NEAR(JaroWinkler("abcdefgh", "abcdefhg"), j + 4 * 0.1 * (1 - j), 1e-12);
}

TEST(JaroWinklerTest, NoBoostBelowThreshold) {
  // Jaro("ab", "ac") = 2/3 < 0.7: Winkler leaves it alone despite the shared prefix.
  EXPECT_NEAR(JaroWinkler("ab", "ac"), 2.0 / 3.0, 1e-12);
}

TEST(JaroWinklerTest, EmptyStrings) {
  EXPECT_DOUBLE_EQ(JaroWinkler("", ""), 1.0);
  EXPECT_DOUBLE_EQ(JaroWinkler("", "a"), 0.0);
  EXPECT_DOUBLE_EQ(JaroWinkler("a", ""), 0.0);
}

TEST(JaroWinklerTest, CodePointsNotBytes) {
  // ë is two bytes but one code point: "zoë" vs "zoe" is one differing character of three.
  EXPECT_NEAR(JaroWinkler("zoë", "zoe"), JaroWinkler("zox", "zoe"), 1e-12);
  EXPECT_DOUBLE_EQ(JaroWinkler("Νίκος", "Νίκος"), 1.0);
  EXPECT_NEAR(JaroWinkler("王小明", "王小"), JaroWinkler("abc", "ab"), 1e-12);
}

TEST(JaroWinklerTest, InvalidUtf8DoesNotCrash) {
  const std::string bad = "\xff\xc3(\xe2\x82";
  const double s = JaroWinkler(bad, "abc");
  EXPECT_GE(s, 0.0);
  EXPECT_LE(s, 1.0);
  EXPECT_DOUBLE_EQ(JaroWinkler(bad, bad), 1.0);
  EXPECT_EQ(DamerauLevenshtein(bad, ""), 5u);  // five bytes, each read as U+FFFD
}

TEST(JaroWinklerTest, LongStringsUseTheHeapAndAgree) {
  const std::string a(200, 'a');
  std::string b = a;
  b[150] = 'b';
  EXPECT_DOUBLE_EQ(JaroWinkler(a, a), 1.0);
  EXPECT_GT(JaroWinkler(a, b), 0.99);
  std::string wide;
  for (int i = 0; i < 100; ++i) wide += "é";
  EXPECT_DOUBLE_EQ(JaroWinkler(wide, wide), 1.0);
}

TEST(DamerauLevenshteinTest, KnownDistances) {
  EXPECT_EQ(DamerauLevenshtein("kitten", "sitting"), 3u);
  EXPECT_EQ(DamerauLevenshtein("abcdef", "abdcef"), 1u);  // one transposition
  EXPECT_EQ(DamerauLevenshtein("martha", "marhta"), 1u);
  EXPECT_EQ(DamerauLevenshtein("", "abc"), 3u);
  EXPECT_EQ(DamerauLevenshtein("abc", ""), 3u);
  EXPECT_EQ(DamerauLevenshtein("", ""), 0u);
  EXPECT_EQ(DamerauLevenshtein("same", "same"), 0u);
}

TEST(DamerauLevenshteinTest, OptimalStringAlignmentVariant) {
  // OSA never edits a transposed pair again: 3 here, where the unrestricted distance is 2.
  EXPECT_EQ(DamerauLevenshtein("CA", "ABC"), 3u);
}

TEST(DamerauLevenshteinTest, CodePoints) {
  EXPECT_EQ(DamerauLevenshtein("müller", "muller"), 1u);
  EXPECT_EQ(DamerauLevenshtein("Παπαδόπουλος", "Παπαδοπουλος"), 1u);
}

TEST(DamerauLevenshteinTest, LongStrings) {
  const std::string a(300, 'x');
  const std::string b(298, 'x');
  EXPECT_EQ(DamerauLevenshtein(a, b), 2u);
  EXPECT_NEAR(DamerauLevenshteinSimilarity(a, b), 1.0 - 2.0 / 300.0, 1e-12);
}

TEST(DamerauLevenshteinTest, Similarity) {
  EXPECT_DOUBLE_EQ(DamerauLevenshteinSimilarity("", ""), 1.0);
  EXPECT_DOUBLE_EQ(DamerauLevenshteinSimilarity("abc", ""), 0.0);
  EXPECT_NEAR(DamerauLevenshteinSimilarity("kitten", "sitting"), 1.0 - 3.0 / 7.0, 1e-12);
  EXPECT_NEAR(DamerauLevenshteinSimilarity("martha", "marhta"), 1.0 - 1.0 / 6.0, 1e-12);
}

TEST(NicknameTest, ShortFormAndFormal) {
  EXPECT_TRUE(NicknameEquivalent("bob", "robert"));
  EXPECT_TRUE(NicknameEquivalent("robert", "bob"));
  EXPECT_TRUE(NicknameEquivalent("liz", "elizabeth"));
  EXPECT_TRUE(NicknameEquivalent("bill", "william"));
  EXPECT_TRUE(NicknameEquivalent("kate", "katherine"));
  EXPECT_TRUE(NicknameEquivalent("kate", "catherine"));
}

TEST(NicknameTest, ShortFormsOfMoreCulturesAndScripts) {
  EXPECT_TRUE(NicknameEquivalent("mandy", "amanda"));
  EXPECT_TRUE(NicknameEquivalent("henk", "hendrik"));
  EXPECT_TRUE(NicknameEquivalent("kasia", "katarzyna"));
  // Cyrillic short forms are listed in their script; their folded key meets the formal name.
  EXPECT_TRUE(NicknameEquivalent(Fold("Ваня"), Fold("Иван")));
  EXPECT_TRUE(NicknameEquivalent("vanya", Fold("Иван")));
  EXPECT_FALSE(NicknameEquivalent("mandy", "amelia"));
}

TEST(NicknameTest, FormalNameIsTheBlockingKeyOfAShortForm) {
  EXPECT_EQ(FormalName("bob"), "robert");
  EXPECT_EQ(FormalName("robert"), "robert");
  EXPECT_EQ(FormalName("mandy"), "amanda");
  EXPECT_EQ(FormalName("zoltan"), "zoltan") << "a name the table does not list is its own key";
  EXPECT_EQ(FormalName(""), "");
}

TEST(NicknameTest, ShortFormsOfOneFormalName) {
  EXPECT_TRUE(NicknameEquivalent("bob", "rob"));
  EXPECT_TRUE(NicknameEquivalent("liz", "beth"));
}

TEST(NicknameTest, FormalNamesSharingAShortFormAreNotEquivalent) {
  EXPECT_FALSE(NicknameEquivalent("catherine", "katherine"));
  EXPECT_FALSE(NicknameEquivalent("christopher", "christine"));
  EXPECT_FALSE(NicknameEquivalent("alexander", "alexandra"));
  // Not transitive: Chris is close to both.
  EXPECT_TRUE(NicknameEquivalent("chris", "christopher"));
  EXPECT_TRUE(NicknameEquivalent("chris", "christine"));
}

TEST(NicknameTest, UnrelatedAndUnknown) {
  EXPECT_FALSE(NicknameEquivalent("bob", "william"));
  EXPECT_FALSE(NicknameEquivalent("zyx", "robert"));
  EXPECT_TRUE(NicknameEquivalent("zyx", "zyx"));  // equal names are always equivalent
  EXPECT_FALSE(NicknameEquivalent("", ""));
  EXPECT_FALSE(NicknameEquivalent("", "bob"));
}

TEST(NicknameTest, FoldedNonAsciiForms) {
  // The file lists Toño under Antonio; keys are folded, so it is "tono".
  EXPECT_TRUE(NicknameEquivalent("tono", "antonio"));
  EXPECT_FALSE(NicknameEquivalent("toño", "antonio"));  // callers pass folded keys
}

TEST(NicknameTest, LoadsFromTheDataDirectory) {
  EXPECT_NO_THROW(LoadNicknames());
  EXPECT_NO_THROW(LoadNicknames());
}

TEST(NicknameTest, ConcurrentLookups) {
  std::vector<std::thread> threads;
  std::vector<int> hits(8, 0);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([t, &hits] {
      for (int i = 0; i < 1000; ++i) hits[t] += NicknameEquivalent("bill", "william") ? 1 : 0;
    });
  }
  for (auto& thread : threads) thread.join();
  for (int h : hits) EXPECT_EQ(h, 1000);
}

TEST(InitialsTest, InitialAgainstFullName) {
  EXPECT_TRUE(InitialsCompatible("j", "john"));
  EXPECT_TRUE(InitialsCompatible("john", "j"));
  EXPECT_TRUE(InitialsCompatible("j", "john robert"));
  EXPECT_TRUE(InitialsCompatible("j r", "john robert"));
  EXPECT_TRUE(InitialsCompatible("J.R.", "John Robert"));
  EXPECT_TRUE(InitialsCompatible("john r", "john robert"));
  EXPECT_TRUE(InitialsCompatible("jean-p", "jean-pierre"));
}

TEST(InitialsTest, RunTogetherInitials) {
  // "J.R." folds to "jr".
  EXPECT_TRUE(InitialsCompatible("jr", "john robert"));
  EXPECT_FALSE(InitialsCompatible("jr", "john"));
  EXPECT_FALSE(InitialsCompatible("jr", "john william"));
}

TEST(InitialsTest, Incompatible) {
  EXPECT_FALSE(InitialsCompatible("j", "kate"));
  EXPECT_FALSE(InitialsCompatible("john", "jane"));
  EXPECT_FALSE(InitialsCompatible("j r", "john william"));
  EXPECT_FALSE(InitialsCompatible("john", "john robert"));  // no initial used
  EXPECT_FALSE(InitialsCompatible("", "john"));
  EXPECT_FALSE(InitialsCompatible(" . ", "john"));
}

TEST(AcronymTest, CompanyAcronyms) {
  EXPECT_TRUE(AcronymMatch("ibm", "international business machines"));
  EXPECT_TRUE(AcronymMatch("international business machines corporation", "ibm"));
  EXPECT_TRUE(AcronymMatch("amd", "advanced micro devices inc"));
  EXPECT_TRUE(AcronymMatch("ibm corp", "international business machines"));
  EXPECT_TRUE(AcronymMatch("i b m", "international business machines"));
  EXPECT_TRUE(AcronymMatch("boa", "bank of america"));  // stop word kept
  EXPECT_TRUE(AcronymMatch("ba", "bank of america"));   // stop word left out
  EXPECT_TRUE(AcronymMatch("pwc", "price waterhouse coopers"));
}

TEST(AcronymTest, NotAcronyms) {
  EXPECT_FALSE(AcronymMatch("ibm", "international business"));
  EXPECT_FALSE(AcronymMatch("ibm", "ibm"));  // equality is not an acronym
  EXPECT_FALSE(AcronymMatch("acme", "acme corporation"));
  EXPECT_FALSE(AcronymMatch("i", "international"));
  EXPECT_FALSE(AcronymMatch("ibm", "i b m"));
  EXPECT_FALSE(AcronymMatch("", "international business machines"));
  EXPECT_FALSE(AcronymMatch("ibm", ""));
  EXPECT_FALSE(AcronymMatch("international business machines", "intel business machines"));
}

TEST(PhoneSectionTest, SalesforceWeights) {
  EXPECT_DOUBLE_EQ(PhoneSectionScore("+14155550132", "+14155550132"), 1.0);
  // Last four differ: 0.1 + 0.5 + 0.3.
  EXPECT_NEAR(PhoneSectionScore("+14155550132", "+14155559999"), 0.9, 1e-12);
  // Area code only: 0.1 + 0.5.
  EXPECT_NEAR(PhoneSectionScore("+14155550132", "+14156660000"), 0.6, 1e-12);
  // Country only.
  EXPECT_NEAR(PhoneSectionScore("+14155550132", "+12126660000"), 0.1, 1e-12);
  // Different country, same national number: 0.9.
  EXPECT_NEAR(PhoneSectionScore("+14155550132", "+74155550132"), 0.9, 1e-12);
}

TEST(PhoneSectionTest, CountryCodeLengths) {
  // +49 (two digits) and +353 (three) are split off before the national number.
  EXPECT_NEAR(PhoneSectionScore("+4930901820", "+4930901999"), 0.9, 1e-12);
  EXPECT_NEAR(PhoneSectionScore("+35312345678", "+35312345000"), 0.9, 1e-12);
  EXPECT_NEAR(PhoneSectionScore("+4930901820", "+35330901820"), 0.9, 1e-12);
}

TEST(PhoneSectionTest, MissingCountryCodeIsUnknownNotDifferent) {
  EXPECT_DOUBLE_EQ(PhoneSectionScore("+14155550132", "4155550132"), 1.0);
  EXPECT_NEAR(PhoneSectionScore("+14155550132", "4155559999"), 0.5 / 0.9 + 0.3 / 0.9, 1e-12);
}

TEST(PhoneCompareTest, ANationalNumberWithItsTrunkZeroIsTheSameNumber) {
  const Thresholds t{0.8, 0.8};
  const FieldComparison ch = Compare(ComparatorKind::kPhone, "0218902077", "+41218902077", t);
  EXPECT_EQ(ch.level, Level::kStrong);
  EXPECT_EQ(ch.basis, Basis::kPhoneNational);
  EXPECT_EQ(Compare(ComparatorKind::kPhone, "+491718738120", "01718738120", t).level,
            Level::kStrong);
  // Italian numbers keep their 0 after the country code: equal national numbers already.
  EXPECT_EQ(Compare(ComparatorKind::kPhone, "+390111713861", "0111713861", t).level,
            Level::kStrong);
  EXPECT_EQ(Compare(ComparatorKind::kPhone, "0218902077", "+41218909999", t).level,
            Level::kDifferent);
  EXPECT_EQ(Compare(ComparatorKind::kPhone, "0218902077", "+4218902077", t).level,
            Level::kDifferent)
      << "a trunk 0 is only read off a number without a country code";
}

TEST(PhoneSectionTest, ShortNumbersAndJunk) {
  // No area section on either side: the rest is scaled up.
  EXPECT_NEAR(PhoneSectionScore("5550132", "5559999"), 0.3 / 0.4, 1e-12);
  EXPECT_DOUBLE_EQ(PhoneSectionScore("", ""), 0.0);
  EXPECT_DOUBLE_EQ(PhoneSectionScore("+1 (415) 555-0132", "+14155550132"), 1.0);
  const std::string many(100, '9');
  EXPECT_GE(PhoneSectionScore(many, "+" + many), 0.0);
}

TEST(CompareTest, MissingOnEitherSide) {
  for (ComparatorKind kind :
       {ComparatorKind::kExact, ComparatorKind::kName, ComparatorKind::kJaroWinkler,
        ComparatorKind::kLevenshtein, ComparatorKind::kMetaphone, ComparatorKind::kCompany,
        ComparatorKind::kPhone, ComparatorKind::kEmail}) {
    EXPECT_EQ(Compare(kind, "", "x").level, Level::kMissing) << ComparatorName(kind);
    EXPECT_EQ(Compare(kind, "x", "").level, Level::kMissing) << ComparatorName(kind);
    EXPECT_EQ(Compare(kind, "", "").level, Level::kMissing) << ComparatorName(kind);
    EXPECT_EQ(Compare(kind, "", "x").score, 0.0);
  }
  EXPECT_EQ(Compare(ComparatorKind::kPhone, "+", "+14155550132").level, Level::kMissing);
}

TEST(CompareTest, ExactAndEmail) {
  const FieldComparison same = Compare(ComparatorKind::kEmail, "jo@acme.com", "jo@acme.com");
  EXPECT_EQ(same.level, Level::kExact);
  EXPECT_EQ(same.score, 1.0);
  EXPECT_EQ(same.basis, Basis::kEqual);
  const FieldComparison other = Compare(ComparatorKind::kEmail, "jo@acme.com", "jo@acme.org");
  EXPECT_EQ(other.level, Level::kDifferent);
  EXPECT_EQ(other.score, 0.0);
  EXPECT_EQ(Compare(ComparatorKind::kExact, "a", "b").level, Level::kDifferent);
}

TEST(CompareTest, FirstNames) {
  const Thresholds first{0.92, 0.85};
  EXPECT_EQ(Compare(ComparatorKind::kName, "john", "john", first).level, Level::kExact);
  const FieldComparison nick = Compare(ComparatorKind::kName, "bob", "robert", first);
  EXPECT_EQ(nick.level, Level::kStrong);
  EXPECT_EQ(nick.basis, Basis::kNickname);
  EXPECT_EQ(nick.score, 1.0);
  const FieldComparison initial = Compare(ComparatorKind::kName, "j", "john", first);
  EXPECT_EQ(initial.level, Level::kStrong);
  EXPECT_EQ(initial.basis, Basis::kInitials);
  const FieldComparison typo = Compare(ComparatorKind::kName, "jonathan", "jonathon", first);
  EXPECT_EQ(typo.level, Level::kStrong);
  EXPECT_EQ(typo.basis, Basis::kJaroWinkler);
  const FieldComparison dwayne = Compare(ComparatorKind::kName, "dwayne", "duane", first);
  EXPECT_EQ(dwayne.level, Level::kDifferent);  // 0.84 < 0.85
  EXPECT_NEAR(dwayne.score, 0.84, 0.0005);
  EXPECT_EQ(Compare(ComparatorKind::kName, "dwayne", "duane", {0.92, 0.80}).level, Level::kWeak);
}

TEST(CompareTest, ThresholdsDecideTheLevel) {
  // JW("martha", "marhta") = 0.961.
  EXPECT_EQ(Compare(ComparatorKind::kJaroWinkler, "martha", "marhta", {0.95, 0.9}).level,
            Level::kStrong);
  EXPECT_EQ(Compare(ComparatorKind::kJaroWinkler, "martha", "marhta", {0.97, 0.9}).level,
            Level::kWeak);
  EXPECT_EQ(Compare(ComparatorKind::kJaroWinkler, "martha", "marhta", {0.99, 0.97}).level,
            Level::kDifferent);
  const FieldComparison edit = Compare(ComparatorKind::kLevenshtein, "martha", "marhta");
  EXPECT_EQ(edit.basis, Basis::kEditDistance);
  EXPECT_NEAR(edit.score, 5.0 / 6.0, 1e-12);
  EXPECT_EQ(edit.level, Level::kDifferent);
}

TEST(CompareTest, Metaphone) {
  const FieldComparison primary = Compare(ComparatorKind::kMetaphone, "smyth", "smith");
  EXPECT_EQ(primary.level, Level::kStrong);
  EXPECT_EQ(primary.score, 1.0);
  EXPECT_EQ(primary.basis, Basis::kPhonetic);
  const FieldComparison alternate = Compare(ComparatorKind::kMetaphone, "smith", "schmidt");
  EXPECT_EQ(alternate.level, Level::kWeak);
  EXPECT_EQ(alternate.score, 0.9);
  EXPECT_EQ(Compare(ComparatorKind::kMetaphone, "smith", "jones").level, Level::kDifferent);
}

TEST(CompareTest, Company) {
  const FieldComparison acronym =
      Compare(ComparatorKind::kCompany, "ibm", "international business machines", {0.9, 0.7});
  EXPECT_EQ(acronym.level, Level::kStrong);
  EXPECT_EQ(acronym.basis, Basis::kAcronym);
  const FieldComparison close = Compare(ComparatorKind::kCompany, "acme", "acme labs", {0.9, 0.7});
  EXPECT_EQ(close.basis, Basis::kJaroWinkler);
  EXPECT_NE(close.level, Level::kDifferent);
  EXPECT_EQ(Compare(ComparatorKind::kCompany, "acme", "globex", {0.9, 0.7}).level,
            Level::kDifferent);
}

TEST(CompareTest, Phone) {
  EXPECT_EQ(Compare(ComparatorKind::kPhone, "+14155550132", "+14155550132").level, Level::kExact);
  const FieldComparison no_country = Compare(ComparatorKind::kPhone, "+14155550132", "4155550132");
  EXPECT_EQ(no_country.level, Level::kStrong);
  EXPECT_EQ(no_country.basis, Basis::kPhoneNational);
  const FieldComparison other_country =
      Compare(ComparatorKind::kPhone, "+14155550132", "+74155550132", {0.92, 0.8});
  EXPECT_EQ(other_country.level, Level::kWeak);
  EXPECT_EQ(other_country.basis, Basis::kPhoneNational);
  const FieldComparison extension =
      Compare(ComparatorKind::kPhone, "+14155550132", "+14155550199", {0.92, 0.8});
  EXPECT_EQ(extension.level, Level::kWeak);
  EXPECT_EQ(extension.basis, Basis::kPhoneSections);
  EXPECT_EQ(Compare(ComparatorKind::kPhone, "+14155550132", "+14156660000", {0.92, 0.8}).level,
            Level::kDifferent);
}

TEST(CompareTest, NamesRoundTrip) {
  for (ComparatorKind kind :
       {ComparatorKind::kExact, ComparatorKind::kName, ComparatorKind::kJaroWinkler,
        ComparatorKind::kLevenshtein, ComparatorKind::kMetaphone, ComparatorKind::kCompany,
        ComparatorKind::kPhone, ComparatorKind::kEmail}) {
    EXPECT_EQ(ParseComparatorKind(ComparatorName(kind)), kind);
  }
  EXPECT_EQ(ParseComparatorKind("soundex"), std::nullopt);
  EXPECT_EQ(LevelName(Level::kWeak), "weak");
  EXPECT_EQ(BasisName(Basis::kAcronym), "acronym");
}

TEST(CompareTest, UnicodeAndInvalidInput) {
  EXPECT_EQ(Compare(ComparatorKind::kJaroWinkler, "zoë", "zoë").level, Level::kExact);
  const FieldComparison bad = Compare(ComparatorKind::kName, "\xff\xfe", "john");
  EXPECT_EQ(bad.level, Level::kDifferent);
  EXPECT_EQ(Compare(ComparatorKind::kMetaphone, "\xff", "\xff").level, Level::kExact);
  EXPECT_EQ(Compare(ComparatorKind::kMetaphone, "\xff", "\xfe").level, Level::kDifferent);
  EXPECT_EQ(Compare(ComparatorKind::kCompany, "\xff \xfe", "\xff").level, Level::kDifferent);
}

// Full-matrix OSA over bytes, as a reference for the rolling-row implementation.
std::size_t ReferenceOsa(const std::string& a, const std::string& b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

std::string RandomWord(std::mt19937& rng, std::size_t max_length, std::string_view alphabet) {
  std::uniform_int_distribution<std::size_t> length(0, max_length);
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::string out(length(rng), ' ');
  for (char& c : out) c = alphabet[pick(rng)];
  return out;
}

TEST(RandomizedTest, OsaAgreesWithTheFullMatrix) {
  std::mt19937 rng(42);
  for (int round = 0; round < 3000; ++round) {
    // Small alphabets make transpositions and repeats common; lengths cross the stack limit.
    const std::string a = RandomWord(rng, round % 10 == 0 ? 90 : 12, "abc");
    const std::string b = RandomWord(rng, round % 10 == 0 ? 90 : 12, "abc");
    ASSERT_EQ(DamerauLevenshtein(a, b), ReferenceOsa(a, b)) << a << " / " << b;
    ASSERT_EQ(DamerauLevenshtein(a, b), DamerauLevenshtein(b, a));
  }
}

TEST(RandomizedTest, AnyBytesStayInBounds) {
  std::mt19937 rng(7);
  std::string alphabet = "ab .-+19";
  alphabet += "\xc3\xa9\xe2\x82\xac\xff\x80";  // pieces of é and €, and stray bytes
  for (int round = 0; round < 3000; ++round) {
    const std::string a = RandomWord(rng, 80, alphabet);
    const std::string b = RandomWord(rng, 80, alphabet);
    const double jw = JaroWinkler(a, b);
    ASSERT_GE(jw, 0.0);
    ASSERT_LE(jw, 1.0 + 1e-12);
    const double dl = DamerauLevenshteinSimilarity(a, b);
    ASSERT_GE(dl, 0.0);
    ASSERT_LE(dl, 1.0);
    for (ComparatorKind kind : {ComparatorKind::kName, ComparatorKind::kMetaphone,
                                ComparatorKind::kCompany, ComparatorKind::kPhone}) {
      const FieldComparison c = Compare(kind, a, b);
      ASSERT_GE(c.score, 0.0);
      ASSERT_LE(c.score, 1.0 + 1e-12);
      if (a.empty() || b.empty()) {
        ASSERT_EQ(c.level, Level::kMissing);
      }
      if (c.level == Level::kMissing) {
        ASSERT_EQ(c.score, 0.0);
      }
    }
  }
}

}  // namespace
}  // namespace pdc::dedupe
