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
  for (std::size_t i = 0; i < records.size(); ++i) PassKeys(found->keys[i], domains, {}, keys[i]);

  using Keys = std::vector<std::string>;
  EXPECT_EQ(keys[0][0].keys, Keys{"rsmith@acme.com"});
  EXPECT_EQ(keys[0][2].keys, Keys{"acme.com|r|SM0"});
  EXPECT_EQ(keys[0][2].secondary, "boston");
  EXPECT_TRUE(keys[2][2].keys.empty()) << "free mail never blocks";
  EXPECT_EQ(keys[0][6].keys, Keys{"003A"});
  EXPECT_TRUE(keys[1][6].keys.empty());
  auto share = [](const Keys& x, const Keys& y) {
    return std::any_of(x.begin(), x.end(), [&](const std::string& k) {
      return std::find(y.begin(), y.end(), k) != y.end();
    });
  };
  for (std::uint32_t a = 0; a < records.size(); ++a) {
    for (std::uint32_t b = a + 1; b < records.size(); ++b) {
      std::uint32_t shared = 0;
      for (std::size_t p = 0; p < kBlockingPasses; ++p) {
        if (share(keys[a][p].keys, keys[b][p].keys)) shared |= 1u << p;
      }
      std::uint32_t paired = 0;
      for (const CandidatePair& pair : found->blocking.pairs) {
        if (pair.first == a && pair.second == b) paired = pair.passes;
      }
      EXPECT_EQ(paired, shared) << "records " << a << " and " << b;
    }
  }
  EXPECT_TRUE(share(keys[1][2].keys, keys[0][2].keys)) << "Smyth sounds like Smith";
  EXPECT_FALSE(share(keys[2][4].keys, keys[0][4].keys)) << "name_city takes the whole first name";
}

TEST(EngineTest, TheRareNamePassKeysNamesByTitleWhereATitleGroupNeedsIt) {
  LoadEmailData(kEmailClasses);
  const DomainFactsCache domains(kEmailClasses);
  std::vector<MatchKeys> keys;
  for (const char* title : {"engineer", "engineer", "engineer", "founder", "founder"}) {
    MatchKeys k;
    k[MatchField::kFirstName] = "john";
    k[MatchField::kLastName] = "smith";
    k[MatchField::kTitle] = title;
    k[MatchField::kCountry] = "US";
    keys.push_back(k);
  }
  CountNames(keys);
  PassKeySet founder, engineer;
  // Three other John Smiths expected (five carriers, less the pair), none a founder: 3 × 0.5 / 3
  // = 0.5 with the title.
  PassKeys(keys[3], domains, {0, 0.5}, founder);
  PassKeys(keys[0], domains, {0, 0.5}, engineer);
  using Keys = std::vector<std::string>;
  const auto rare = static_cast<std::size_t>(
      std::find(BlockingPassNames().begin(), BlockingPassNames().end(), "rare_name") -
      BlockingPassNames().begin());
  EXPECT_EQ(founder[rare].keys, Keys{"john|SM0|US|founder"});
  EXPECT_TRUE(engineer[rare].keys.empty()) << "one other engineer: 3 × 1 / 3 expected";
  PassKeys(keys[3], domains, {3, 0.5}, founder);
  EXPECT_EQ(founder[rare].keys, (Keys{"john|SM0|US", "john|SM0|US|founder"}));
}

TEST(EngineTest, EmptyInputHasNoClusters) {
  auto found = FindDuplicates(std::span<const Record>(), DedupeOptions{});
  ASSERT_TRUE(found.ok());
  EXPECT_TRUE(found->clustering.clusters.empty());
}

// Two prospects of one person at one employer, with personal mailboxes and no phone: only the
// company and name passes can pair them.
std::vector<Record> AtOneEmployer(std::pair<const char*, const char*> one,
                                  std::pair<const char*, const char*> other) {
  std::vector<Record> records;
  records.push_back(Prospect("1", {{"first_name", one.first},
                                   {"last_name", one.second},
                                   {"company", "Vistula Logistics"},
                                   {"job_title", "CFO"},
                                   {"email", "first@gmail.com"}}));
  records.push_back(Prospect("2", {{"first_name", other.first},
                                   {"last_name", other.second},
                                   {"company", "Vistula Logistics"},
                                   {"job_title", "CFO"},
                                   {"email", "second@gmail.com"}}));
  // A colleague with another name, never paired with them.
  records.push_back(Prospect("3", {{"first_name", "Piotr"},
                                   {"last_name", "Zielinski"},
                                   {"company", "Vistula Logistics"},
                                   {"job_title", "CFO"},
                                   {"email", "third@gmail.com"}}));
  return records;
}

std::size_t ClustersOfTwo(const std::vector<Record>& records) {
  auto found = FindDuplicates(records, DedupeOptions{});
  EXPECT_TRUE(found.ok()) << found.status().message();
  if (!found.ok()) return 0;
  std::size_t n = 0;
  for (const Cluster& c : found->clustering.clusters) {
    n += c.members == std::vector<std::uint32_t>{0, 1};
  }
  return n;
}

TEST(EngineTest, SwappedNamesAreBlockedAndMatched) {
  EXPECT_EQ(ClustersOfTwo(AtOneEmployer({"Anna", "Kowalczyk"}, {"Kowalczyk", "Anna"})), 1u);
  EXPECT_EQ(ClustersOfTwo(AtOneEmployer({"Anna", "Kowalczyk"}, {"Kowalczyk", "Maria"})), 0u);
}

TEST(EngineTest, ATypoInTheLastNameIsBlockedOnTheFirstName) {
  EXPECT_EQ(ClustersOfTwo(AtOneEmployer({"Marek", "Nowakowski"}, {"Marek", "Nowakowksi"})), 1u);
}

TEST(EngineTest, ANicknameIsBlockedAsItsFormalName) {
  EXPECT_EQ(ClustersOfTwo(AtOneEmployer({"Mandy", "Brooks"}, {"Amanda", "Brooks"})), 1u);
  EXPECT_EQ(ClustersOfTwo(AtOneEmployer({"Mandy", "Brooks"}, {"Alice", "Brooks"})), 0u);
}

TEST(EngineTest, APhoneWrittenNationallyIsBlockedWithItsE164Form) {
  std::vector<Record> records;
  records.push_back(Prospect("1", {{"first_name", "Markus"},
                                   {"last_name", "Lange"},
                                   {"company", "Schneider"},
                                   {"phone", "+41218902077"}}));
  records.push_back(Prospect("2", {{"first_name", "Markus"},
                                   {"last_name", "Lange"},
                                   {"company", "Bodensee"},
                                   {"phone", "021 890 20 77"}}));
  auto found = FindDuplicates(records, DedupeOptions{});
  ASSERT_TRUE(found.ok()) << found.status().message();
  ASSERT_EQ(found->clustering.clusters.size(), 1u);
  EXPECT_EQ(found->clustering.clusters[0].members, (std::vector<std::uint32_t>{0, 1}));
}

TEST(EngineTest, AWholeNameInTheFirstNameGivesItsLastWordToTheBlankLastName) {
  const FieldId email_key = InternField("email_key");
  const MatchKeys whole =
      BuildMatchKeys(Prospect("1", {{"first_name", "Ashley Bailey"}}), email_key);
  EXPECT_EQ(whole[MatchField::kFirstName], "ashley");
  EXPECT_EQ(whole[MatchField::kLastName], "bailey");
  const MatchKeys both =
      BuildMatchKeys(Prospect("2", {{"first_name", "Hao Ran"}, {"last_name", "Li"}}), email_key);
  EXPECT_EQ(both[MatchField::kFirstName], "hao ran") << "a last name is there: left alone";
  EXPECT_EQ(both[MatchField::kLastName], "li");
}

TEST(EngineTest, MatchKeysTellNamesTypedInAnotherScript) {
  const FieldId email_key = InternField("email_key");
  EXPECT_TRUE(
      BuildMatchKeys(Prospect("1", {{"first_name", "陽子"}, {"last_name", "佐々木"}}), email_key)
          .other_script);
  EXPECT_TRUE(
      BuildMatchKeys(Prospect("2", {{"first_name", "Yoko"}, {"last_name", "Сасаки"}}), email_key)
          .other_script);
  const MatchKeys latin =
      BuildMatchKeys(Prospect("3", {{"first_name", "Zoë"}, {"last_name", "O’Brien"}}), email_key);
  EXPECT_FALSE(latin.other_script) << "diacritics and punctuation are Latin or common";
  EXPECT_EQ(latin[MatchField::kLastName], "obrien");
}

TEST(EngineTest, ABlankNameIsReadFromTheEmailsUserName) {
  const FieldId email_key = InternField("email_key");
  auto keys = [&](const char* first, const char* last, const char* email) {
    const MatchKeys k = BuildMatchKeys(
        Prospect("1", {{"first_name", first}, {"last_name", last}, {"email", email}}), email_key);
    return std::pair{k[MatchField::kFirstName], k[MatchField::kLastName]};
  };
  using Names = std::pair<std::string, std::string>;
  EXPECT_EQ(keys("", "Kirkbridge", "Grace.Kirkbridge62@gmail.com"), (Names{"grace", "kirkbridge"}));
  EXPECT_EQ(keys("", "Kirkbridge", "kirkbridge_grace@acme.com"), (Names{"grace", "kirkbridge"}));
  EXPECT_EQ(keys("Maximilian", "", "maximilian.schwarz+news@freenet.de"),
            (Names{"maximilian", "schwarz"}));
  EXPECT_EQ(keys("", "Kirkbridge", "gracekirkbridge@acme.com"), (Names{"grace", "kirkbridge"}));
  EXPECT_EQ(keys("", "Kirkbridge", "g.kirkbridge@acme.com"), (Names{"", "kirkbridge"}))
      << "an initial is not a name";
  EXPECT_EQ(keys("", "Kirkbridge", "grace.holt@acme.com"), (Names{"", "kirkbridge"}))
      << "the user name is someone else's";
  EXPECT_EQ(keys("", "Sales", "info.sales@acme.com"), (Names{"", "sales"})) << "a role mailbox";
  EXPECT_EQ(keys("Ann", "Lee", "bob.lee@acme.com"), (Names{"ann", "lee"}))
      << "names that are there are never replaced";
}

TEST(EngineTest, RareNamesFindAPersonWhoChangedEverythingButTheName) {
  std::vector<Record> records;
  for (int i = 0; i < 300; ++i) {
    const std::string n = std::to_string(i);
    records.push_back(Prospect("p" + n, {{"first_name", i % 2 ? "John" : "Mary"},
                                         {"last_name", "Smith"},
                                         {"email", ("js" + n + "@corp" + n + ".com").c_str()},
                                         {"country", "US"}}));
  }
  records.push_back(Prospect("t1", {{"first_name", "Thaddeus"},
                                    {"last_name", "Quibblesworth"},
                                    {"email", "tq@acme.com"},
                                    {"country", "US"}}));
  records.push_back(Prospect("t2", {{"first_name", "Thaddeus"},
                                    {"last_name", "Quibblesworth"},
                                    {"email", "thaddeus@globex.com"},
                                    {"country", "US"}}));
  DedupeOptions options;
  auto plain = FindDuplicates(records, options);
  ASSERT_TRUE(plain.ok());
  EXPECT_TRUE(plain->matches.empty()) << "the standard rule has nothing to go on";
  auto rule = DecisionRule::Parse({{{{"first_name", std::nullopt},
                                     {"last_name", std::nullopt},
                                     {"city?", std::nullopt},
                                     {"rare_name", 0.05}}}},
                                  false);
  ASSERT_TRUE(rule.ok());
  options.decision = std::move(*rule);
  auto found = FindDuplicates(records, options);
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->matches.size(), 1u) << "not the 150 John Smiths";
  EXPECT_EQ(records[found->matches[0].first].id(), "t1");
  EXPECT_EQ(records[found->matches[0].second].id(), "t2");
  EXPECT_EQ(found->matches[0].passes, 1u << 5) << "paired by the rare_name pass alone";
}

}  // namespace
}  // namespace pdc::dedupe
