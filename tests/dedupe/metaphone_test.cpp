#include "rules/dedupe/metaphone.h"

#include <gtest/gtest.h>

#include <string>

namespace pdc::dedupe {
namespace {

// Primary and alternate code of a word, joined by '/'.
std::string Codes(std::string_view word, std::size_t max_length = 4) {
  const MetaphoneCodes codes = DoubleMetaphone(word, max_length);
  return codes.primary + "/" + codes.alternate;
}

TEST(DoubleMetaphoneTest, PhilipsExamples) {
  // Smith and Schmidt share XMT: the example Philips gives for the alternate code.
  EXPECT_EQ(Codes("smith"), "SM0/XMT");
  EXPECT_EQ(Codes("schmidt"), "XMT/SMT");
  EXPECT_TRUE(MetaphoneMatch(DoubleMetaphone("smith"), DoubleMetaphone("schmidt")));
  EXPECT_EQ(Codes("snider"), "SNTR/XNTR");
  EXPECT_EQ(Codes("schneider"), "XNTR/SNTR");
}

TEST(DoubleMetaphoneTest, WellKnownNames) {
  EXPECT_EQ(Codes("jose"), "HS/HS");     // Spanish J as a whole word
  EXPECT_EQ(Codes("xavier"), "SF/SFR");  // initial X; French silent final R
  EXPECT_EQ(Codes("caesar"), "SSR/SSR");
  EXPECT_EQ(Codes("thomas"), "TMS/TMS");  // TH before OM is T
  // The P of -MPS- is sounded in Philips' rules (only PH and PB/PP are special), so Thompson is
  // TMPS, not the TMSN sometimes quoted.
  EXPECT_EQ(Codes("thompson"), "TMPS/TMPS");
  EXPECT_EQ(Codes("knight"), "NT/NT");  // silent initial K, silent GH
  EXPECT_EQ(Codes("wright"), "RT/RT");
  EXPECT_EQ(Codes("michael"), "MKL/MXL");
  EXPECT_EQ(Codes("czerny"), "SRN/XRN");
  EXPECT_EQ(Codes("bach"), "PK/PK");
  EXPECT_EQ(Codes("edge"), "AJ/AJ");
  EXPECT_EQ(Codes("edgar"), "ATKR/ATKR");
  EXPECT_EQ(Codes("zhao"), "J/J");
  EXPECT_EQ(Codes("gallegos"), "KLKS/KKS");  // Spanish LL
  EXPECT_EQ(Codes("dumb"), "TM/TM");
  EXPECT_EQ(Codes("campbell"), "KMPL/KMPL");
  EXPECT_EQ(Codes("philips"), "FLPS/FLPS");
  EXPECT_EQ(Codes("laugh"), "LF/LF");
  EXPECT_EQ(Codes("arnow"), "ARN/ARNF");
  EXPECT_EQ(Codes("filipowicz"), "FLPT/FLPF");
  EXPECT_EQ(Codes("jankelowicz"), "JNKL/ANKL");
  EXPECT_EQ(Codes("mcclellan"), "MKLL/MKLL");  // Mc: the second C goes with the first
  // Italian -CIA- (and -CIO-, -CIE-) has an alternate X: Garcia is KRS or KRX.
  EXPECT_EQ(Codes("garcia"), "KRS/KRX");
  EXPECT_EQ(Codes("psychology"), "SXLJ/SKLK");
}

TEST(DoubleMetaphoneTest, SoundAlikesMatch) {
  EXPECT_TRUE(MetaphoneMatch(DoubleMetaphone("catherine"), DoubleMetaphone("katherine")));
  EXPECT_TRUE(MetaphoneMatch(DoubleMetaphone("stephen"), DoubleMetaphone("steven")));
  EXPECT_TRUE(MetaphoneMatch(DoubleMetaphone("phillips"), DoubleMetaphone("filips")));
  EXPECT_FALSE(MetaphoneMatch(DoubleMetaphone("smith"), DoubleMetaphone("jones")));
}

TEST(DoubleMetaphoneTest, MaxLength) {
  EXPECT_EQ(Codes("washington"), "AXNK/FXNK");
  EXPECT_EQ(Codes("washington", 0), "AXNKTN/FXNKTN");
  EXPECT_EQ(Codes("washington", 2), "AX/FX");
}

TEST(DoubleMetaphoneTest, CaseAndSpacesAndDigits) {
  EXPECT_EQ(Codes("SMITH"), Codes("smith"));
  EXPECT_EQ(Codes("  smith  "), Codes("smith"));
  EXPECT_EQ(Codes("smith2"), Codes("smith"));
  // "VAN " at the start makes the name Germanic: CH is K.
  EXPECT_EQ(DoubleMetaphone("van richter", 0).primary, "FNRKTR");
}

TEST(DoubleMetaphoneTest, NonAsciiIsFoldedFirst) {
  EXPECT_EQ(Codes("Müller"), Codes("muller"));
  EXPECT_EQ(Codes("José"), Codes("jose"));
  EXPECT_EQ(Codes("Ñúñez"), Codes("nunez"));
}

TEST(DoubleMetaphoneTest, EmptyAndJunk) {
  EXPECT_EQ(Codes(""), "/");
  EXPECT_EQ(Codes("1234"), "/");
  EXPECT_EQ(Codes("\xff\xfe"), "/");  // invalid UTF-8 folds to nothing
  EXPECT_FALSE(MetaphoneMatch(DoubleMetaphone(""), DoubleMetaphone("")));
  // Every letter alone encodes without reading past the end.
  for (char c = 'a'; c <= 'z'; ++c) {
    const std::string word(1, c);
    const MetaphoneCodes codes = DoubleMetaphone(word);
    EXPECT_LE(codes.primary.size(), 4u) << word;
  }
}

}  // namespace
}  // namespace pdc::dedupe
