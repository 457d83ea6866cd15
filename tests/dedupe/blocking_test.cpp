#include "rules/dedupe/blocking.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace pdc::dedupe {
namespace {

using Pairs = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

BlockingPass MakePass(std::string name,
                      const std::vector<std::pair<std::uint32_t, std::string>>& keys,
                      std::size_t cap = kDefaultBlockCap, std::size_t max_shared = 0) {
  BlockingPass pass;
  pass.name = std::move(name);
  pass.cap = cap;
  pass.max_shared = max_shared;
  for (const auto& [record, key] : keys) pass.keys.Add(record, key);
  return pass;
}

BlockingResult Block(const std::vector<BlockingPass>& passes, const BlockingOptions& options = {}) {
  auto result = GenerateCandidates(passes, options);
  EXPECT_TRUE(result.ok()) << result.status().message();
  return std::move(result.value());
}

Pairs PairsOf(const BlockingResult& result) {
  Pairs out;
  for (const CandidatePair& p : result.pairs) out.emplace_back(p.first, p.second);
  return out;
}

TEST(BlockingTest, EmptyInputGivesNothing) {
  BlockingResult none = Block({});
  EXPECT_TRUE(none.pairs.empty());
  EXPECT_TRUE(none.passes.empty());
  EXPECT_EQ(none.largest_block, 0u);

  std::vector<BlockingPass> passes;
  passes.push_back(MakePass("email", {}));
  BlockingResult empty = Block(passes);
  EXPECT_TRUE(empty.pairs.empty());
  ASSERT_EQ(empty.passes.size(), 1u);
  EXPECT_EQ(empty.passes[0].name, "email");
  EXPECT_EQ(empty.passes[0].entries, 0u);
}

TEST(BlockingTest, RecordsSharingAKeyArePairedOnce) {
  std::vector<BlockingPass> passes;
  passes.push_back(
      MakePass("email", {{0, "a@x.com"}, {1, "b@x.com"}, {2, "a@x.com"}, {3, "a@x.com"}, {4, ""}}));
  BlockingResult result = Block(passes);
  EXPECT_EQ(PairsOf(result), (Pairs{{0, 2}, {0, 3}, {2, 3}}));
  for (const CandidatePair& p : result.pairs) EXPECT_EQ(p.passes, 1u);
  const PassStats& stats = result.passes[0];
  EXPECT_EQ(stats.entries, 4u);  // the empty key adds nothing
  EXPECT_EQ(stats.blocks, 1u);   // "b@x.com" alone is no block
  EXPECT_EQ(stats.largest_block, 3u);
  EXPECT_EQ(stats.pairs, 3u);
  EXPECT_EQ(stats.only_pairs, 3u);
  EXPECT_EQ(result.largest_block, 3u);
  EXPECT_TRUE(result.skipped.empty());
}

TEST(BlockingTest, PairsCarryTheBitmaskOfTheirPasses) {
  std::vector<BlockingPass> passes;
  passes.push_back(MakePass("email", {{0, "e1"}, {1, "e1"}, {2, "e2"}, {5, "e2"}}));
  passes.push_back(MakePass("phone", {{1, "p1"}, {0, "p1"}, {3, "p2"}, {4, "p2"}}));
  passes.push_back(MakePass("name", {{0, "n"}, {1, "n"}, {4, "n"}}));
  BlockingResult result = Block(passes);
  const std::vector<CandidatePair> expected = {
      {0, 1, 0b111}, {0, 4, 0b100}, {1, 4, 0b100}, {2, 5, 0b001}, {3, 4, 0b010}};
  EXPECT_EQ(result.pairs, expected);
  EXPECT_EQ(result.passes[0].pairs, 2u);
  EXPECT_EQ(result.passes[0].only_pairs, 1u);
  EXPECT_EQ(result.passes[1].pairs, 2u);
  EXPECT_EQ(result.passes[1].only_pairs, 1u);
  EXPECT_EQ(result.passes[2].pairs, 3u);
  EXPECT_EQ(result.passes[2].only_pairs, 2u);
}

TEST(BlockingTest, OverCapBlockWithoutSecondaryIsSkippedAndReported) {
  std::vector<std::pair<std::uint32_t, std::string>> keys;
  for (std::uint32_t r = 0; r < 5; ++r) keys.emplace_back(r, "acme.com|j|SM0");
  keys.emplace_back(10, "small");
  keys.emplace_back(11, "small");
  std::vector<BlockingPass> passes;
  passes.push_back(MakePass("domain", keys, /*cap=*/4));
  BlockingResult result = Block(passes);
  EXPECT_EQ(PairsOf(result), (Pairs{{10, 11}}));
  ASSERT_EQ(result.skipped.size(), 1u);
  const SkippedBlock& s = result.skipped[0];
  EXPECT_EQ(s.pass, 0u);
  EXPECT_EQ(s.pass_name, "domain");
  EXPECT_EQ(s.key, "acme.com|j|SM0");
  EXPECT_EQ(s.secondary, "");
  EXPECT_EQ(s.size, 5u);
  EXPECT_EQ(s.reason, SkipReason::kOverCap);
  EXPECT_EQ(SkipReasonName(s.reason), "over_cap");
  EXPECT_EQ(result.passes[0].skipped_blocks, 1u);
  EXPECT_EQ(result.passes[0].skipped_records, 5u);
  EXPECT_EQ(result.largest_block, 2u);
}

TEST(BlockingTest, BlockAtTheCapIsCompared) {
  std::vector<std::pair<std::uint32_t, std::string>> keys;
  for (std::uint32_t r = 0; r < 4; ++r) keys.emplace_back(r, "k");
  std::vector<BlockingPass> passes;
  passes.push_back(MakePass("p", keys, /*cap=*/4));
  BlockingResult result = Block(passes);
  EXPECT_EQ(result.pairs.size(), 6u);
  EXPECT_TRUE(result.skipped.empty());
}

TEST(BlockingTest, OverCapBlockIsSplitOnTheSecondaryKey) {
  BlockingPass pass;
  pass.name = "company";
  pass.cap = 3;
  // Key "acme|j|SM0" holds 9 records: secondary "boston" x2, "paris" x4, none x2, "oslo" x1.
  pass.keys.Add(0, "acme|j|SM0", "boston");
  pass.keys.Add(1, "acme|j|SM0", "paris");
  pass.keys.Add(2, "acme|j|SM0", "boston");
  pass.keys.Add(3, "acme|j|SM0", "paris");
  pass.keys.Add(4, "acme|j|SM0", "paris");
  pass.keys.Add(5, "acme|j|SM0", "paris");
  pass.keys.Add(6, "acme|j|SM0");
  pass.keys.Add(7, "acme|j|SM0");
  pass.keys.Add(8, "acme|j|SM0", "oslo");
  pass.keys.Add(9, "other", "x");
  pass.keys.Add(10, "other", "y");  // under the cap: the secondary is not used
  std::vector<BlockingPass> passes;
  passes.push_back(std::move(pass));
  BlockingResult result = Block(passes);
  // boston {0,2}, no secondary {6,7}, other {9,10}; paris (4 > 3) is skipped; oslo is alone.
  EXPECT_EQ(PairsOf(result), (Pairs{{0, 2}, {6, 7}, {9, 10}}));
  ASSERT_EQ(result.skipped.size(), 1u);
  EXPECT_EQ(result.skipped[0].key, "acme|j|SM0");
  EXPECT_EQ(result.skipped[0].secondary, "paris");
  EXPECT_EQ(result.skipped[0].size, 4u);
  EXPECT_EQ(result.skipped[0].reason, SkipReason::kSubBlockOverCap);
  EXPECT_EQ(result.passes[0].split_blocks, 1u);
  EXPECT_EQ(result.passes[0].blocks, 3u);
  EXPECT_EQ(result.passes[0].largest_block, 2u);
}

TEST(BlockingTest, SwitchboardNumbersAreDroppedAndReported) {
  std::vector<std::pair<std::uint32_t, std::string>> keys = {
      {0, "+14155550100"}, {1, "+14155550100"},  {2, "+14155550100"},
      {3, "+14155550100"}, {4, "+14155550199"},  {5, "+14155550199"},
      {6, "+14155550199"}, {7, "+442071234567"}, {8, "+442071234567"}};
  std::vector<BlockingPass> passes;
  passes.push_back(MakePass("phone", keys, kDefaultBlockCap, kDefaultSwitchboardLimit));
  BlockingResult result = Block(passes);
  EXPECT_EQ(PairsOf(result), (Pairs{{4, 5}, {4, 6}, {5, 6}, {7, 8}}));
  ASSERT_EQ(result.skipped.size(), 1u);
  EXPECT_EQ(result.skipped[0].key, "+14155550100");
  EXPECT_EQ(result.skipped[0].size, 4u);
  EXPECT_EQ(result.skipped[0].reason, SkipReason::kSharedKey);
  EXPECT_EQ(SkipReasonName(SkipReason::kSharedKey), "shared_key");

  // Configurable: a limit of 4 keeps the first number.
  passes[0].max_shared = 4;
  EXPECT_EQ(Block(passes).pairs.size(), 10u);
}

TEST(BlockingTest, RepeatedEntriesNeverPairARecordWithItself) {
  std::vector<BlockingPass> passes;
  // Record 0 twice under "a" counts once; record 1 under two keys joins both blocks.
  passes.push_back(
      MakePass("p", {{0, "a"}, {0, "a"}, {1, "a"}, {1, "b"}, {2, "b"}, {3, "c"}, {3, "c"}}));
  BlockingResult result = Block(passes);
  EXPECT_EQ(PairsOf(result), (Pairs{{0, 1}, {1, 2}}));
  EXPECT_EQ(result.passes[0].largest_block, 2u);

  // Repeats do not make a key look shared by more records than it is.
  passes[0].max_shared = 2;
  EXPECT_TRUE(Block(passes).skipped.empty());
}

std::uint64_t ConstantHash(std::string_view) { return 42; }

TEST(BlockingTest, HashCollisionsNeverMergeBlocks) {
  BlockingPass pass;
  pass.name = "p";
  pass.cap = 2;
  pass.keys.Add(0, "x");
  pass.keys.Add(1, "y");
  pass.keys.Add(2, "x");
  pass.keys.Add(3, "y");
  pass.keys.Add(4, "z", "s1");
  pass.keys.Add(5, "z", "s2");
  pass.keys.Add(6, "z", "s1");
  std::vector<BlockingPass> passes;
  passes.push_back(std::move(pass));
  BlockingOptions colliding;
  colliding.key_hash = ConstantHash;
  BlockingResult a = Block(passes);
  BlockingResult b = Block(passes, colliding);
  EXPECT_EQ(PairsOf(a), (Pairs{{0, 2}, {1, 3}, {4, 6}}));
  EXPECT_EQ(a.pairs, b.pairs);
  EXPECT_EQ(b.passes[0].blocks, 3u);
  EXPECT_EQ(b.passes[0].split_blocks, 1u);
}

TEST(BlockingTest, KeysAreBytesUnicodeAndInvalidUtf8Included) {
  std::vector<BlockingPass> passes;
  passes.push_back(MakePass("p", {{0, "zoë"},
                                  {1, "zoe"},
                                  {2, "zoë"},
                                  {3, "\xff\xfe"},
                                  {4, "\xff\xfe"},
                                  {5, std::string("a\0b", 3)},
                                  {6, std::string("a\0c", 3)}}));
  EXPECT_EQ(PairsOf(Block(passes)), (Pairs{{0, 2}, {3, 4}}));
}

TEST(BlockingTest, InvalidConfigurationsAreRefused) {
  std::vector<BlockingPass> passes;
  passes.push_back(MakePass("p", {{0, "a"}, {1, "a"}}, /*cap=*/1));
  auto bad_cap = GenerateCandidates(passes);
  ASSERT_FALSE(bad_cap.ok());
  EXPECT_EQ(bad_cap.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(bad_cap.status().message().find("'p'"), std::string::npos);

  std::vector<BlockingPass> many(kMaxPasses + 1);
  EXPECT_FALSE(GenerateCandidates(many).ok());
  many.pop_back();
  EXPECT_TRUE(GenerateCandidates(many).ok());
}

TEST(BlockingTest, PairBudgetFailsBeforeAllocating) {
  std::vector<std::pair<std::uint32_t, std::string>> keys;
  for (std::uint32_t r = 0; r < 10; ++r) keys.emplace_back(r, "k");
  std::vector<BlockingPass> passes;
  passes.push_back(MakePass("name", keys));
  BlockingOptions options;
  options.max_pairs = 44;
  auto over = GenerateCandidates(passes, options);
  ASSERT_FALSE(over.ok());
  EXPECT_NE(over.status().message().find("45 pairs"), std::string::npos);
  EXPECT_NE(over.status().message().find("largest block 10"), std::string::npos);
  options.max_pairs = 45;
  EXPECT_TRUE(GenerateCandidates(passes, options).ok());
}

TEST(BlockingTest, AppendMovesEntriesAndKeepsKeys) {
  BlockingKeys a, b;
  a.Add(0, "one", "s");
  b.Add(1, "two", "t");
  b.Add(2, "one");
  a.Append(std::move(b));
  EXPECT_TRUE(b.empty());
  ASSERT_EQ(a.size(), 3u);
  EXPECT_EQ(a.Key(a.entries()[1]), "two");
  EXPECT_EQ(a.Secondary(a.entries()[1]), "t");
  EXPECT_EQ(a.Key(a.entries()[2]), "one");
  EXPECT_EQ(a.Secondary(a.entries()[0]), "s");

  BlockingKeys empty;
  empty.Append(std::move(a));
  EXPECT_EQ(empty.size(), 3u);
  EXPECT_EQ(empty.Key(empty.entries()[0]), "one");
}

// The slow, obvious definition of the result, for random inputs.
struct RandomEntry {
  std::uint32_t record;
  std::string key;
  std::string secondary;
};
using Skip = std::tuple<std::uint32_t, std::string, std::string, SkipReason>;
struct Reference {
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> pairs;
  std::set<Skip> skipped;
};

void PairAll(const std::set<std::uint32_t>& records, std::uint32_t pass, Reference& ref) {
  for (std::uint32_t a : records) {
    for (std::uint32_t b : records) {
      if (a < b) ref.pairs[{a, b}] |= 1u << pass;
    }
  }
}

Reference BruteForce(const std::vector<std::vector<RandomEntry>>& keys, std::size_t cap,
                     std::size_t max_shared) {
  Reference ref;
  for (std::uint32_t p = 0; p < keys.size(); ++p) {
    std::map<std::string, std::map<std::string, std::set<std::uint32_t>>> blocks;
    for (const RandomEntry& e : keys[p]) blocks[e.key][e.secondary].insert(e.record);
    for (const auto& [key, by_secondary] : blocks) {
      std::set<std::uint32_t> records;
      bool any_secondary = false;
      for (const auto& [secondary, members] : by_secondary) {
        records.insert(members.begin(), members.end());
        any_secondary = any_secondary || !secondary.empty();
      }
      if (records.size() < 2) continue;
      if (p == 0 && records.size() > max_shared) {
        ref.skipped.insert({p, key, "", SkipReason::kSharedKey});
      } else if (records.size() <= cap) {
        PairAll(records, p, ref);
      } else if (!any_secondary) {
        ref.skipped.insert({p, key, "", SkipReason::kOverCap});
      } else {
        for (const auto& [secondary, members] : by_secondary) {
          if (members.size() > cap) {
            ref.skipped.insert({p, key, secondary, SkipReason::kSubBlockOverCap});
          } else {
            PairAll(members, p, ref);
          }
        }
      }
    }
  }
  return ref;
}

TEST(BlockingTest, MatchesBruteForceWhateverTheInputOrder) {
  std::mt19937 rng(7);
  const std::size_t kPasses = 3, kCap = 5, kShared = 3;
  // Blocks of about 5.6, 4.5 and 15 records: every guard fires, and most blocks are compared.
  const unsigned kKeySpace[kPasses] = {1600, 2000, 600};
  std::vector<std::vector<RandomEntry>> keys(kPasses);
  // 12,000 records: enough entries per pass for the bucketed sort.
  for (std::uint32_t r = 0; r < 12000; ++r) {
    for (std::uint32_t p = 0; p < kPasses; ++p) {
      if (rng() % 4 == 0) continue;  // no key for this pass
      std::string key = "k" + std::to_string(rng() % kKeySpace[p]);
      // Pass 2 splits on a secondary key; a fifth of its records have none.
      const unsigned s = rng() % 5;
      std::string secondary = p == 2 && s > 0 ? "s" + std::to_string(s % 2) : "";
      keys[p].push_back({r, std::move(key), std::move(secondary)});
    }
  }
  const Reference ref = BruteForce(keys, kCap, kShared);
  std::set<SkipReason> reasons;
  for (const Skip& s : ref.skipped) reasons.insert(std::get<3>(s));
  ASSERT_EQ(reasons.size(), 3u) << "the input should exercise every guard";
  ASSERT_GT(ref.pairs.size(), 8000u);

  BlockingResult first;
  for (int round = 0; round < 3; ++round) {
    std::vector<BlockingPass> passes(kPasses);
    for (std::size_t p = 0; p < kPasses; ++p) {
      passes[p].name = "p" + std::to_string(p);
      passes[p].cap = kCap;
      passes[p].max_shared = p == 0 ? kShared : 0;
      for (const RandomEntry& e : keys[p]) passes[p].keys.Add(e.record, e.key, e.secondary);
    }
    BlockingResult result = Block(passes);
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> got;
    for (const CandidatePair& c : result.pairs) got[{c.first, c.second}] = c.passes;
    EXPECT_EQ(got, ref.pairs);
    std::set<Skip> skipped;
    for (const SkippedBlock& s : result.skipped) {
      skipped.insert({s.pass, s.key, s.secondary, s.reason});
    }
    EXPECT_EQ(skipped, ref.skipped);
    EXPECT_TRUE(std::is_sorted(result.pairs.begin(), result.pairs.end(),
                               [](const CandidatePair& a, const CandidatePair& b) {
                                 return std::pair(a.first, a.second) < std::pair(b.first, b.second);
                               }));
    if (round == 0) {
      first = std::move(result);
    } else {
      EXPECT_EQ(result.pairs, first.pairs);
      ASSERT_EQ(result.skipped.size(), first.skipped.size());
      for (std::size_t i = 0; i < result.skipped.size(); ++i) {
        EXPECT_EQ(result.skipped[i].pass, first.skipped[i].pass);
        EXPECT_EQ(result.skipped[i].key, first.skipped[i].key);
        EXPECT_EQ(result.skipped[i].secondary, first.skipped[i].secondary);
      }
      for (std::size_t p = 0; p < kPasses; ++p) {
        EXPECT_EQ(result.passes[p].pairs, first.passes[p].pairs);
        EXPECT_EQ(result.passes[p].blocks, first.passes[p].blocks);
      }
    }
    for (auto& pass_keys : keys) std::shuffle(pass_keys.begin(), pass_keys.end(), rng);
  }

  // A hash that collides all the time (keys of one length share it) changes nothing.
  std::vector<BlockingPass> passes(kPasses);
  for (std::size_t p = 0; p < kPasses; ++p) {
    passes[p].cap = kCap;
    passes[p].max_shared = p == 0 ? kShared : 0;
    for (const RandomEntry& e : keys[p]) passes[p].keys.Add(e.record, e.key, e.secondary);
  }
  BlockingOptions weak;
  weak.key_hash = [](std::string_view key) { return std::uint64_t{key.size()}; };
  EXPECT_EQ(Block(passes, weak).pairs, first.pairs);
}

// 200,000 records, three passes with known block shapes (see the comments for the arithmetic).
TEST(BlockingTest, TwoHundredThousandRecords) {
  constexpr std::uint32_t kRecords = 200000;
  std::vector<BlockingPass> passes(3);
  passes[0].name = "email";
  passes[1].name = "phone";
  passes[1].max_shared = kDefaultSwitchboardLimit;
  passes[2].name = "name";
  for (auto& pass : passes) pass.keys.Reserve(kRecords, kRecords * 12);
  for (std::uint32_t i = 0; i < kRecords; ++i) {
    // email: pairs (2k, 2k+1): 100,000 pairs.
    passes[0].keys.Add(i, "e" + std::to_string(i / 2) + "@example.com");
    // phone: triples below 150,000 (150,000 pairs); above, 10 numbers of 5,000 records each,
    // dropped as switchboards.
    passes[1].keys.Add(
        i, i < 150000 ? "+1" + std::to_string(1000000 + i / 3) : "+1800" + std::to_string(i % 10));
    // name: 1,500 records under one key, split by i % 3 into 3 sub-blocks of 500 (3 x 124,750
    // pairs); the others in 19,850 blocks of 10 (19,850 x 45 = 893,250 pairs).
    if (i < 1500) {
      passes[2].keys.Add(i, "acme|j|SM0", "city" + std::to_string(i % 3));
    } else {
      passes[2].keys.Add(i, "n" + std::to_string(i % 19850));
    }
  }
  BlockingResult result = Block(passes);
  EXPECT_EQ(result.passes[0].pairs, 100000u);
  EXPECT_EQ(result.passes[1].pairs, 150000u);
  EXPECT_EQ(result.passes[2].pairs, 374250u + 893250u);
  // Email and phone agree on (2k, 2k+1) when both fall in one triple: 50,000 of the 75,000
  // email pairs below 150,000. No other overlaps (name blocks hold records 3 or 19,850 apart).
  EXPECT_EQ(result.pairs.size(), 100000u + 150000u + 1267500u - 50000u);
  EXPECT_EQ(result.passes[0].only_pairs, 50000u);
  EXPECT_EQ(result.largest_block, 500u);
  EXPECT_EQ(result.passes[0].largest_block, 2u);
  EXPECT_EQ(result.passes[1].largest_block, 3u);
  EXPECT_EQ(result.passes[2].largest_block, 500u);
  EXPECT_EQ(result.passes[2].split_blocks, 1u);
  ASSERT_EQ(result.skipped.size(), 10u);
  for (const SkippedBlock& s : result.skipped) {
    EXPECT_EQ(s.pass_name, "phone");
    EXPECT_EQ(s.size, 5000u);
    EXPECT_EQ(s.reason, SkipReason::kSharedKey);
  }
  EXPECT_EQ(result.skipped.front().key, "+18000");
  EXPECT_EQ(result.skipped.back().key, "+18009");
  EXPECT_EQ(result.pairs.front(), (CandidatePair{0, 1, 0b011}));
  EXPECT_EQ(result.pairs[1], (CandidatePair{0, 2, 0b010}));
}

// ---- Keys for the name passes ------------------------------------------------------------------

bool IsFreeMail(std::string_view domain) {
  return domain == "gmail.com" || domain == "yahoo.com" || domain == "mailinator.com";
}

TEST(BlockingKeysTest, DomainNameKeyRefusesFreeAndDisposableDomains) {
  std::string key = "stale";
  EXPECT_TRUE(DomainNameKey("salesforce.com", "john", "JNS", IsFreeMail, key));
  EXPECT_EQ(key, "salesforce.com|j|JNS");
  EXPECT_FALSE(DomainNameKey("gmail.com", "john", "JNS", IsFreeMail, key));
  EXPECT_EQ(key, "");
  EXPECT_FALSE(DomainNameKey("mailinator.com", "john", "JNS", IsFreeMail, key));
  // Missing parts give no key rather than a catch-all block.
  EXPECT_FALSE(DomainNameKey("", "john", "JNS", IsFreeMail, key));
  EXPECT_FALSE(DomainNameKey("acme.com", "  ", "JNS", IsFreeMail, key));
  EXPECT_FALSE(DomainNameKey("acme.com", "john", "", IsFreeMail, key));
  EXPECT_TRUE(DomainNameKey(
      "acme.com", " j", "JNS", [](std::string_view) { return false; }, key));
  EXPECT_EQ(key, "acme.com|j|JNS");
}

TEST(BlockingKeysTest, CompanyNameKeyTakesFiveCharactersWithoutSpaces) {
  std::string key;
  EXPECT_TRUE(CompanyNameKey("acme corp", "jane", "SM0", key));
  EXPECT_EQ(key, "acmec|j|SM0");
  EXPECT_TRUE(CompanyNameKey("ibm", "jane", "SM0", key));
  EXPECT_EQ(key, "ibm|j|SM0");
  EXPECT_TRUE(CompanyNameKey("mü ller gmbh", "élodie", "MLR", key));
  EXPECT_EQ(key, "mülle|é|MLR");
  EXPECT_TRUE(CompanyNameKey("acme corp", "jane", "SM0", key, 2));
  EXPECT_EQ(key, "ac|j|SM0");
  EXPECT_FALSE(CompanyNameKey("   ", "jane", "SM0", key));
  EXPECT_EQ(key, "");
  EXPECT_FALSE(CompanyNameKey("acme", "", "SM0", key));
  EXPECT_FALSE(CompanyNameKey("acme", "jane", "", key));
  EXPECT_FALSE(CompanyNameKey("acme", "jane", "SM0", key, 0));
}

TEST(BlockingKeysTest, FirstInitialIsOneCharacterEvenOnInvalidUtf8) {
  EXPECT_EQ(FirstInitial("john"), "j");
  EXPECT_EQ(FirstInitial("  élodie"), "é");
  EXPECT_EQ(FirstInitial("王小明"), "王");
  EXPECT_EQ(FirstInitial("😀x"), "😀");
  EXPECT_EQ(FirstInitial(""), "");
  EXPECT_EQ(FirstInitial("   "), "");
  EXPECT_EQ(FirstInitial("\xff\xfe"), "\xff");
  EXPECT_EQ(FirstInitial("\xc3"), "\xc3");       // truncated sequence
  EXPECT_EQ(FirstInitial("\xe4\xb8x"), "\xe4");  // bad continuation
  std::string key;
  EXPECT_TRUE(JoinKey("a", "b", "c", key));
  EXPECT_EQ(key, "a|b|c");
  EXPECT_FALSE(JoinKey("a", "", "c", key));
  EXPECT_EQ(key, "");
}

}  // namespace
}  // namespace pdc::dedupe
