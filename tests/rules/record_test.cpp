// Record: encoding for spill files round-trips everything a later stage reads.
#include "rules/record.h"

#include <gtest/gtest.h>

namespace pdc {
namespace {

TEST(RecordEncodingTest, RoundTripsFieldsWhatWasReadAndTheLog) {
  Record r(42);
  r.set_id("1000007");
  r.Load(InternField("first_name"), Value::Text("  ann "));
  r.Load(InternField("tags"), Value::List({"a", "", "b;c"}));
  r.Load(InternField("score"), Value::Json("12"));
  r.Load(InternField("empty"), Value::Null());
  r.Set(InternField("first_name"), Value::Text("Ann"), 3);
  r.Set(InternField("legal_form"), Value::Text("GmbH"), 4);
  r.AddFlag(InternField("email"), 5, "email.invalid", "no @");
  std::string bytes;
  r.Encode(bytes);
  Record other(1);
  other.set_id("x");
  other.Encode(bytes);  // a second record after the first

  std::string_view in = bytes;
  const auto back = Record::Decode(in);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->id(), "1000007");
  EXPECT_EQ(back->line(), 42u);
  ASSERT_EQ(back->fields().size(), r.fields().size());
  for (std::size_t i = 0; i < r.fields().size(); ++i) {
    EXPECT_EQ(back->fields()[i].id, r.fields()[i].id);
    EXPECT_EQ(back->fields()[i].value, r.fields()[i].value);
  }
  EXPECT_EQ(back->Original(InternField("first_name")), Value::Text("  ann "));
  EXPECT_TRUE(back->WasRead(InternField("empty")));
  EXPECT_FALSE(back->WasRead(InternField("legal_form")));
  ASSERT_TRUE(back->has_log());
  EXPECT_EQ(back->log()->touches.size(), 2u);
  EXPECT_EQ(back->log()->touches[1].rule, 4);
  ASSERT_EQ(back->log()->flags.size(), 1u);
  EXPECT_EQ(back->log()->flags[0].message, "no @");

  const auto second = Record::Decode(in);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->id(), "x");
  EXPECT_FALSE(second->has_log());
  EXPECT_TRUE(in.empty());
}

TEST(RecordEncodingTest, TruncatedBytesAreNoRecord) {
  Record r;
  r.set_id("1");
  r.Load(InternField("city"), Value::Text("Lyon"));
  r.Set(InternField("city"), Value::Text("LYON"), 0);
  std::string bytes;
  r.Encode(bytes);
  for (std::size_t cut = 0; cut < bytes.size(); ++cut) {
    std::string_view in(bytes.data(), cut);
    EXPECT_FALSE(Record::Decode(in)) << cut;
    EXPECT_EQ(in.size(), cut) << "nothing consumed on failure";
  }
}

}  // namespace
}  // namespace pdc
