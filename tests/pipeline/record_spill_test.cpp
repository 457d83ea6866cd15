// RecordSpill: records leave memory for a scratch file and come back whole, by index or by
// batch, with the batch's own data kept.
#include "pipeline/record_spill.h"

#include <gtest/gtest.h>

#include <thread>

namespace pdc {
namespace {

BatchPtr MakeBatch(std::uint64_t seq, int first, int count) {
  auto batch = std::make_shared<Batch>();
  batch->seq = seq;
  batch->max_id = first + count - 1;
  batch->rejected.push_back({static_cast<std::uint64_t>(first), "bad row", "x"});
  for (int i = first; i < first + count; ++i) {
    Record r(static_cast<std::uint64_t>(i));
    r.set_id(std::to_string(i));
    r.Load(InternField("city"), Value::Text("city " + std::to_string(i)));
    r.Set(InternField("city"), Value::Text("CITY " + std::to_string(i)), 1);
    batch->records.push_back(std::move(r));
  }
  return batch;
}

TEST(RecordSpillTest, RecordsComeBackByIndexAndByBatch) {
  RecordSpill spill;
  BatchPtr a = MakeBatch(0, 100, 3);
  BatchPtr b = MakeBatch(1, 200, 2);
  ASSERT_TRUE(spill.Add(*a, RecordSpill::Encode(*a)).ok());
  ASSERT_TRUE(spill.Add(*b, RecordSpill::Encode(*b)).ok());
  EXPECT_TRUE(a->records.empty());
  EXPECT_EQ(spill.records(), 5u);
  EXPECT_EQ(spill.batches(), 2u);

  // Reads from several threads at once.
  std::vector<std::string> cities(5);
  std::vector<std::thread> readers;
  for (std::uint32_t i = 0; i < 5; ++i) {
    readers.emplace_back([&, i] { cities[i] = spill.Read(i)->Get(InternField("city")).text(); });
  }
  for (auto& t : readers) t.join();
  EXPECT_EQ(cities[0], "CITY 100");
  EXPECT_EQ(cities[4], "CITY 201");
  EXPECT_EQ(spill.Read(3)->Original(InternField("city")), Value::Text("city 200"));
  EXPECT_FALSE(spill.Read(5).ok());

  auto second = spill.TakeBatch(1);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ((*second)->seq, 1u);
  EXPECT_EQ((*second)->max_id, 201);
  ASSERT_EQ((*second)->rejected.size(), 1u);
  ASSERT_EQ((*second)->records.size(), 2u);
  EXPECT_EQ((*second)->records[1].id(), "201");
  EXPECT_FALSE(spill.TakeBatch(1).ok()) << "a batch is taken once";
  EXPECT_EQ((*spill.TakeBatch(0))->records.size(), 3u);
}

TEST(RecordSpillTest, RefusesBytesOfAnotherBatch) {
  RecordSpill spill;
  BatchPtr a = MakeBatch(0, 1, 3);
  BatchPtr b = MakeBatch(1, 10, 2);
  EXPECT_FALSE(spill.Add(*a, RecordSpill::Encode(*b)).ok());
  EXPECT_EQ(a->records.size(), 3u) << "nothing taken";
}

}  // namespace
}  // namespace pdc
