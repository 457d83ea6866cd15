#include "rules/dedupe/clusters.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace pdc::dedupe {
namespace {

using Members = std::vector<std::uint32_t>;

// Keys where created_at and prospect id both follow the record index (the common case).
std::vector<MemberKey> InOrder(std::size_t n, std::vector<std::string>& storage) {
  storage.clear();
  storage.reserve(2 * n);
  std::vector<MemberKey> keys;
  for (std::size_t i = 0; i < n; ++i) {
    char stamp[32];
    std::snprintf(stamp, sizeof stamp, "2020-01-01 00:%02zu:%02zu", (i / 60) % 60, i % 60);
    storage.emplace_back(stamp);
    storage.push_back(std::to_string(1000 + i));
  }
  for (std::size_t i = 0; i < n; ++i) keys.push_back({storage[2 * i], storage[2 * i + 1]});
  return keys;
}

Clustering Group(const std::vector<RecordPair>& pairs, const std::vector<MemberKey>& keys,
                 const ClusterOptions& options = {}) {
  auto result = ClusterPairs(pairs, keys, options);
  EXPECT_TRUE(result.ok()) << result.status().message();
  return std::move(result.value());
}

TEST(DisjointSetsTest, ChainJoinsEveryRecord) {
  DisjointSets sets(6);
  for (std::uint32_t i = 0; i + 1 < 5; ++i) EXPECT_TRUE(sets.Union(i, i + 1));
  for (std::uint32_t i = 0; i < 5; ++i) EXPECT_EQ(sets.Find(i), sets.Find(0));
  EXPECT_EQ(sets.SetSize(3), 5u);
  EXPECT_NE(sets.Find(5), sets.Find(0));
  EXPECT_EQ(sets.SetSize(5), 1u);
  EXPECT_FALSE(sets.Union(4, 0));  // already together
  EXPECT_TRUE(sets.Union(5, 2));
  EXPECT_EQ(sets.SetSize(0), 6u);
}

TEST(DisjointSetsTest, StarAndLongChainStayCorrect) {
  DisjointSets star(10);
  for (std::uint32_t i = 1; i < 10; ++i) star.Union(0, i);
  for (std::uint32_t i = 1; i < 10; ++i) EXPECT_EQ(star.Find(i), star.Find(0));
  EXPECT_EQ(star.SetSize(9), 10u);

  // A chain built from its far end, the worst order for a naive union-find.
  constexpr std::uint32_t kN = 200000;
  DisjointSets chain(kN);
  for (std::uint32_t i = kN - 1; i > 0; --i) chain.Union(i, i - 1);
  EXPECT_EQ(chain.SetSize(0), kN);
  EXPECT_EQ(chain.Find(kN - 1), chain.Find(0));

  DisjointSets none(0);
  EXPECT_EQ(none.size(), 0u);
}

TEST(ClustersTest, SingletonsAreNoClusters) {
  std::vector<std::string> storage;
  auto keys = InOrder(5, storage);
  Clustering result = Group({}, keys);
  EXPECT_TRUE(result.clusters.empty());
  EXPECT_EQ(result.largest, 0u);

  Clustering empty = Group({}, {});
  EXPECT_TRUE(empty.clusters.empty());
}

TEST(ClustersTest, ChainsAndStarsBecomeOneClusterEach) {
  std::vector<std::string> storage;
  auto keys = InOrder(12, storage);
  // Chain 3-7-1-9, star around 10 with 2, 5, 11; 0, 4, 6, 8 alone.
  Clustering result = Group({{3, 7}, {7, 1}, {9, 1}, {10, 2}, {5, 10}, {10, 11}}, keys);
  ASSERT_EQ(result.clusters.size(), 2u);
  EXPECT_EQ(result.clusters[0].members, (Members{1, 3, 7, 9}));
  EXPECT_EQ(result.clusters[0].anchor, 1u);
  EXPECT_EQ(result.clusters[0].id, "1001");
  EXPECT_EQ(result.clusters[1].members, (Members{2, 5, 10, 11}));
  EXPECT_EQ(result.clusters[1].id, "1002");
  EXPECT_EQ(result.merged, 2u);
  EXPECT_EQ(result.review, 0u);
  EXPECT_EQ(result.records_merged, 8u);
  EXPECT_EQ(result.largest, 4u);
}

TEST(ClustersTest, IdIsTheEarliestCreatedMemberThenTheSmallestProspectId) {
  std::vector<MemberKey> keys = {
      {"2022-05-01T10:00:00Z", "500"},  // 0
      {"2021-01-01T09:00:00Z", "900"},  // 1: earliest
      {"", "1"},                        // 2: unknown created_at counts as latest
      {"2023-01-01T00:00:00Z", "10"},   // 3: same time as 4, id 10 > 9
      {"2023-01-01T00:00:00Z", "9"},    // 4
      {"2023-01-01T00:00:00Z", ""},     // 5: no id sorts after every id
  };
  Clustering result = Group({{0, 2}, {2, 1}, {3, 4}, {4, 5}}, keys);
  ASSERT_EQ(result.clusters.size(), 2u);
  EXPECT_EQ(result.clusters[0].id, "900");
  EXPECT_EQ(result.clusters[0].members, (Members{1, 0, 2}));
  EXPECT_EQ(result.clusters[1].id, "9");
  EXPECT_EQ(result.clusters[1].members, (Members{4, 3, 5}));
}

TEST(ClustersTest, IdIsStableWhenNewerRecordsJoin) {
  std::vector<MemberKey> keys = {{"2020-02-02", "77"}, {"2020-03-03", "12"}, {"2024-01-01", "3"}};
  EXPECT_EQ(Group({{0, 1}}, keys).clusters[0].id, "77");
  EXPECT_EQ(Group({{0, 1}, {1, 2}}, keys).clusters[0].id, "77");
}

TEST(ClustersTest, SizeGuardSendsLargeClustersToReview) {
  std::vector<std::string> storage;
  auto keys = InOrder(60, storage);
  std::vector<RecordPair> pairs;
  for (std::uint32_t i = 1; i < 25; ++i) pairs.push_back({0, i});    // 25 records: merged
  for (std::uint32_t i = 26; i < 52; ++i) pairs.push_back({i, 25});  // 27 records: review
  Clustering result = Group(pairs, keys);
  ASSERT_EQ(result.clusters.size(), 2u);
  EXPECT_FALSE(result.clusters[0].review);
  EXPECT_EQ(result.clusters[0].members.size(), 25u);
  EXPECT_TRUE(result.clusters[1].review);
  EXPECT_EQ(result.clusters[1].members.size(), 27u);  // listed in full for the reviewer
  EXPECT_EQ(result.clusters[1].id, "1025");
  EXPECT_EQ(result.merged, 1u);
  EXPECT_EQ(result.review, 1u);
  EXPECT_EQ(result.records_merged, 25u);
  EXPECT_EQ(result.largest, 27u);

  ClusterOptions tight;
  tight.max_size = 24;
  Clustering both = Group(pairs, keys, tight);
  EXPECT_TRUE(both.clusters[0].review);
  EXPECT_EQ(both.review, 2u);
  EXPECT_EQ(both.merged, 0u);
}

TEST(ClustersTest, ResultDoesNotDependOnPairOrder) {
  std::mt19937 rng(11);
  constexpr std::uint32_t kN = 5000;
  std::vector<std::string> storage;
  auto keys = InOrder(kN, storage);
  // Shuffle the keys' meaning too: created_at no longer follows the index.
  std::shuffle(keys.begin(), keys.end(), rng);
  std::vector<RecordPair> pairs;
  for (int i = 0; i < 3000; ++i)
    pairs.push_back(
        {static_cast<std::uint32_t>(rng() % kN), static_cast<std::uint32_t>(rng() % kN)});
  Clustering first = Group(pairs, keys);
  ASSERT_FALSE(first.clusters.empty());
  for (int round = 0; round < 3; ++round) {
    std::shuffle(pairs.begin(), pairs.end(), rng);
    for (RecordPair& p : pairs) {
      if (rng() % 2) std::swap(p.first, p.second);
    }
    Clustering again = Group(pairs, keys);
    ASSERT_EQ(again.clusters.size(), first.clusters.size());
    for (std::size_t c = 0; c < again.clusters.size(); ++c) {
      EXPECT_EQ(again.clusters[c].members, first.clusters[c].members);
      EXPECT_EQ(again.clusters[c].id, first.clusters[c].id);
      EXPECT_EQ(again.clusters[c].review, first.clusters[c].review);
    }
  }
  // Every cluster's anchor comes before its other members, and clusters oldest first.
  for (const auto& c : first.clusters) {
    for (std::uint32_t m : c.members) {
      EXPECT_FALSE(MemberBefore(keys[m], m, keys[c.anchor], c.anchor));
    }
  }
  for (std::size_t c = 1; c < first.clusters.size(); ++c) {
    const std::uint32_t a = first.clusters[c - 1].anchor, b = first.clusters[c].anchor;
    EXPECT_TRUE(MemberBefore(keys[a], a, keys[b], b));
  }
}

TEST(ClustersTest, ProspectIdsCompareAsNumbersFirst) {
  EXPECT_LT(CompareProspectIds("9", "10"), 0);
  EXPECT_GT(CompareProspectIds("10", "9"), 0);
  EXPECT_EQ(CompareProspectIds("007", "7"), 0);
  EXPECT_EQ(CompareProspectIds("0", "000"), 0);
  EXPECT_LT(CompareProspectIds("99999999999999999999999", "100000000000000000000000"), 0);
  // All-digit ids, then others in byte order, then none: a strict weak order.
  EXPECT_LT(CompareProspectIds("10", "1a"), 0);
  EXPECT_GT(CompareProspectIds("1a", "9"), 0);
  EXPECT_LT(CompareProspectIds("abc", "abd"), 0);
  EXPECT_LT(CompareProspectIds("zzz", ""), 0);
  EXPECT_EQ(CompareProspectIds("", ""), 0);
  EXPECT_LT(CompareProspectIds("\xff", ""), 0);  // invalid UTF-8 is just bytes
  EXPECT_LT(CompareProspectIds("ébc", "\xff"), 0);
}

TEST(ClustersTest, InvalidInputsAreRefused) {
  std::vector<std::string> storage;
  auto keys = InOrder(3, storage);
  auto past = ClusterPairs(std::vector<RecordPair>{{0, 3}}, keys);
  ASSERT_FALSE(past.ok());
  EXPECT_EQ(past.status().code(), Status::Code::kInvalidArgument);

  DisjointSets sets(4);
  EXPECT_FALSE(BuildClusters(sets, keys).ok());  // 3 keys for 4 records

  ClusterOptions bad;
  bad.max_size = 1;
  EXPECT_FALSE(ClusterPairs(std::vector<RecordPair>{{0, 1}}, keys, bad).ok());
}

TEST(ClustersTest, BuildClustersAcceptsUnionsMadeByTheCaller) {
  std::vector<std::string> storage;
  auto keys = InOrder(4, storage);
  DisjointSets sets(4);
  sets.Union(3, 2);
  auto result = BuildClusters(sets, keys);
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result->clusters.size(), 1u);
  EXPECT_EQ(result->clusters[0].members, (Members{2, 3}));
  EXPECT_EQ(result->clusters[0].anchor, 2u);
}

}  // namespace
}  // namespace pdc::dedupe
