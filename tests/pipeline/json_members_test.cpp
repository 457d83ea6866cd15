#include "pipeline/json_members.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string_view>
#include <vector>

namespace pdc {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<std::string_view> Literals(std::string_view object) {
  std::vector<std::string_view> values{"stale"};
  MemberLiterals(object, values);
  return values;
}

TEST(MemberLiteralsTest, CutsEachValueAsWritten) {
  EXPECT_THAT(Literals(R"({"a":1,"b":-2.50e+3,"c":true,"d":null,"e":"s"})"),
              ElementsAre("1", "-2.50e+3", "true", "null", "\"s\""));
}

TEST(MemberLiteralsTest, KeepsNestingAndSpacingButNotSurroundingSpace) {
  EXPECT_THAT(Literals(" { \"o\" : { \"x\": [1, {\"y\": []}] } ,\t\"a\" : [ 1 , 2 ] } "),
              ElementsAre("{ \"x\": [1, {\"y\": []}] }", "[ 1 , 2 ]"));
}

TEST(MemberLiteralsTest, StringsMayHoldQuotesBackslashesAndBrackets) {
  EXPECT_THAT(Literals(R"({"k\"ey":"a\"b","b":"c\\","c":{"s":"}]\\\"{"},"d":7})"),
              ElementsAre(R"("a\"b")", R"("c\\")", R"({"s":"}]\\\"{"})", "7"));
}

TEST(MemberLiteralsTest, EmptyObject) {
  EXPECT_THAT(Literals("{}"), IsEmpty());
  EXPECT_THAT(Literals("  { }  "), IsEmpty());
}

}  // namespace
}  // namespace pdc
