#include "rules/dedupe/engine.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

namespace pdc::dedupe {
namespace {

Record Prospect(const std::string& id,
                std::initializer_list<std::pair<const char*, const char*>> fields) {
  Record r;
  r.set_id(id);
  r.Load(InternField("id"), Value::Text(id));
  for (const auto& [name, value] : fields) r.Load(InternField(name), Value::Text(value));
  return r;
}

TEST(EngineTest, FindsTheSamePersonUnderTwoSpellingsAndLeavesOthersAlone) {
  std::vector<Record> records;
  records.push_back(Prospect("1", {{"first_name", "Robert"},
                                   {"last_name", "Smith"},
                                   {"email", "bob.smith@acme.com"},
                                   {"phone", "+14155550132"},
                                   {"company", "Acme"},
                                   {"created_at", "2020-01-01 00:00:00"}}));
  records.push_back(Prospect("2", {{"first_name", "Bob"},
                                   {"last_name", "SMITH"},
                                   {"email", "Bob.Smith@ACME.com"},
                                   {"created_at", "2021-01-01 00:00:00"}}));
  records.push_back(Prospect("3", {{"first_name", "Jane"},
                                   {"last_name", "Doe"},
                                   {"email", "jane@globex.com"},
                                   {"phone", "+14155550132"}}));
  records.push_back(Prospect("4", {{"first_name", "Zoë"},
                                   {"last_name", "Müller"},
                                   {"company", "Bäckerei"},
                                   {"email", "zoe@gmail.com"}}));
  records.push_back(Prospect("5", {{"first_name", "Zoe"},
                                   {"last_name", "Mueller"},
                                   {"company", "Baeckerei"},
                                   {"email", "zoe.mueller@gmail.com"},
                                   {"created_at", "2019-05-05 00:00:00"}}));
  auto found = FindDuplicates(records, DedupeOptions{});
  ASSERT_TRUE(found.ok()) << found.status().message();
  ASSERT_EQ(found->clustering.clusters.size(), 1u);
  const Cluster& cluster = found->clustering.clusters[0];
  EXPECT_EQ(cluster.id, "1") << "the earliest-created member names the cluster";
  EXPECT_EQ(cluster.members, (std::vector<std::uint32_t>{0, 1}));
  // The shared phone paired 1 and 3, and the decision kept them apart.
  EXPECT_GE(found->blocking.pairs.size(), 2u);
  EXPECT_EQ(found->keys[1][MatchField::kEmail], "bob.smith@acme.com");
  EXPECT_EQ(found->keys[3][MatchField::kLastName], "muller");
}

// PassKeys is what FindDuplicates blocks on: two records share pass p's key exactly when the
// candidate pair carries bit p.
TEST(EngineTest, PassKeysAreTheKeysTheEngineBlocksOn) {
  std::vector<Record> records;
  records.push_back(Prospect("1", {{"first_name", "Robert"},
                                   {"last_name", "Smith"},
                                   {"email", "rsmith@acme.com"},
                                   {"company", "Acme Corp"},
                                   {"city", "Boston"},
                                   {"crm_contact_fid", "003A"}}));
  records.push_back(Prospect("2", {{"first_name", "Rob"},
                                   {"last_name", "Smyth"},
                                   {"email", "robert.smith@acme.com"},
                                   {"company", "Acme Corporation"},
                                   {"city", "Boston"}}));
  records.push_back(Prospect("3", {{"first_name", "Rita"},
                                   {"last_name", "Smith"},
                                   {"email", "rita.smith@gmail.com"},
                                   {"city", "Boston"}}));
  auto found = FindDuplicates(records, DedupeOptions{});
  ASSERT_TRUE(found.ok()) << found.status().message();
  LoadEmailData(kEmailClasses);
  const DomainFactsCache domains(kEmailClasses);
  std::vector<PassKeySet> keys(records.size());
  for (std::size_t i = 0; i < records.size(); ++i) PassKeys(found->keys[i], domains, keys[i]);

  EXPECT_EQ(keys[0][0].key, "rsmith@acme.com");
  EXPECT_EQ(keys[0][2].key, "acme.com|r|SM0");
  EXPECT_EQ(keys[0][2].secondary, "boston");
  EXPECT_EQ(keys[2][2].key, "") << "free mail never blocks";
  EXPECT_EQ(keys[0][5].key, "003A");
  EXPECT_EQ(keys[1][5].key, "");
  for (std::uint32_t a = 0; a < records.size(); ++a) {
    for (std::uint32_t b = a + 1; b < records.size(); ++b) {
      std::uint32_t shared = 0;
      for (std::size_t p = 0; p < kBlockingPasses; ++p) {
        if (!keys[a][p].key.empty() && keys[a][p].key == keys[b][p].key) shared |= 1u << p;
      }
      std::uint32_t paired = 0;
      for (const CandidatePair& pair : found->blocking.pairs) {
        if (pair.first == a && pair.second == b) paired = pair.passes;
      }
      EXPECT_EQ(paired, shared) << "records " << a << " and " << b;
    }
  }
  EXPECT_EQ(keys[1][2].key, keys[0][2].key) << "Smyth sounds like Smith";
  EXPECT_NE(keys[2][4].key, keys[0][4].key) << "name_city takes the whole first name";
}

TEST(EngineTest, EmptyInputHasNoClusters) {
  auto found = FindDuplicates(std::span<const Record>(), DedupeOptions{});
  ASSERT_TRUE(found.ok());
  EXPECT_TRUE(found->clustering.clusters.empty());
}

}  // namespace
}  // namespace pdc::dedupe
