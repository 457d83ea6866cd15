#include "rules/dedupe/blocking.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <bit>
#include <cstddef>
#include <functional>
#include <limits>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>

#include "rules/utf8.h"

namespace pdc::dedupe {

// ---- BlockingKeys ------------------------------------------------------------------------------

void BlockingKeys::Add(std::uint32_t record, std::string_view key, std::string_view secondary) {
  if (key.empty()) return;
  const std::size_t offset = arena_.size();
  if (offset + key.size() + secondary.size() > std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("blocking keys: more than 4 GiB of key bytes in one pass");
  }
  arena_.append(key);
  arena_.append(secondary);
  entries_.push_back({record, static_cast<std::uint32_t>(offset),
                      static_cast<std::uint32_t>(key.size()),
                      static_cast<std::uint32_t>(secondary.size())});
}

void BlockingKeys::Append(BlockingKeys&& other) {
  if (entries_.empty()) {
    *this = std::move(other);
    other = BlockingKeys();
    return;
  }
  const std::size_t shift = arena_.size();
  if (shift + other.arena_.size() > std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("blocking keys: more than 4 GiB of key bytes in one pass");
  }
  arena_.append(other.arena_);
  entries_.reserve(entries_.size() + other.entries_.size());
  for (Entry e : other.entries_) {
    e.offset += static_cast<std::uint32_t>(shift);
    entries_.push_back(e);
  }
  other = BlockingKeys();
}

void BlockingKeys::Reserve(std::size_t entries, std::size_t key_bytes) {
  entries_.reserve(entries);
  arena_.reserve(key_bytes);
}

std::string_view SkipReasonName(SkipReason reason) {
  switch (reason) {
    case SkipReason::kOverCap:
      return "over_cap";
    case SkipReason::kSubBlockOverCap:
      return "sub_block_over_cap";
    case SkipReason::kSharedKey:
      return "shared_key";
  }
  return "unknown";
}

namespace {

using KeyHash = std::uint64_t (*)(std::string_view);

std::uint64_t DefaultKeyHash(std::string_view key) {
  return static_cast<std::uint64_t>(std::hash<std::string_view>{}(key));
}

// One entry of a pass while grouping: sorted by (hash, record), so equal keys are adjacent and
// the records of a block come out in ascending order, ready to pair.
struct Item {
  std::uint64_t hash;
  std::uint32_t record;
  std::uint32_t entry;
};
// A function object rather than a function so the sorts inline it.
struct ByHashThenRecord {
  bool operator()(const Item& a, const Item& b) const {
    return a.hash != b.hash ? a.hash < b.hash : a.record < b.record;
  }
};

// Sorts items by (hash, record): a counting pass scatters them into 2,048 buckets by the top
// bits of the hash, and each bucket (a few hundred items at 1,000,000 records, cache-resident)
// is sorted on its own, in parallel; cheaper than a parallel quicksort of all items, whose
// partitions stream the whole array through the cache at every level.
void SortItems(std::vector<Item>& items) {
  constexpr int kBits = 11;
  constexpr std::size_t kBuckets = std::size_t{1} << kBits;
  if (items.size() < 4 * kBuckets) {
    std::sort(items.begin(), items.end(), ByHashThenRecord{});
    return;
  }
  std::vector<std::size_t> start(kBuckets + 1, 0);
  for (const Item& it : items) ++start[(it.hash >> (64 - kBits)) + 1];
  for (std::size_t b = 0; b < kBuckets; ++b) start[b + 1] += start[b];
  std::vector<Item> sorted(items.size());
  std::vector<std::size_t> cursor(start.begin(), start.end() - 1);
  for (const Item& it : items) sorted[cursor[it.hash >> (64 - kBits)]++] = it;
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, kBuckets, 16), [&](auto range) {
    for (std::size_t b = range.begin(); b < range.end(); ++b) {
      std::sort(sorted.begin() + static_cast<std::ptrdiff_t>(start[b]),
                sorted.begin() + static_cast<std::ptrdiff_t>(start[b + 1]), ByHashThenRecord{});
    }
  });
  items.swap(sorted);
}

struct Block {
  std::size_t begin;  // into PassPlan::records
  std::size_t size;
};

// What one pass will compare: the records of its blocks laid end to end.
struct PassPlan {
  std::vector<std::uint32_t> records;
  std::vector<Block> blocks;
  std::vector<SkippedBlock> skipped;
  PassStats stats;
  std::size_t pair_count = 0;  // sum of n(n-1)/2, repeats across blocks included
};

std::size_t PairsIn(std::size_t n) { return n * (n - 1) / 2; }

// Groups the items by key. Items with one hash are nearly always one key; when they are not (a
// collision), the run is re-sorted by the key bytes so that unequal keys never share a block.
// Calls emit(first, last, key) for each key held by two or more items, in ascending record
// order.
template <typename KeyOf, typename Emit>
void ForEachKeyGroup(std::vector<Item>& items, KeyOf key_of, Emit emit) {
  std::size_t i = 0;
  while (i < items.size()) {
    std::size_t end = i + 1;
    while (end < items.size() && items[end].hash == items[i].hash) ++end;
    if (end - i == 1) {  // most keys are unique: no block, and no need to read the key bytes
      i = end;
      continue;
    }
    const std::string_view first_key = key_of(items[i]);
    bool one_key = true;
    for (std::size_t k = i + 1; k < end && one_key; ++k) one_key = key_of(items[k]) == first_key;
    if (!one_key) {
      std::sort(items.begin() + i, items.begin() + end, [&](const Item& a, const Item& b) {
        const std::string_view ka = key_of(a), kb = key_of(b);
        return ka != kb ? ka < kb : a.record < b.record;
      });
    }
    std::size_t g = i;
    while (g < end) {
      const std::string_view key = key_of(items[g]);
      std::size_t g_end = g + 1;
      while (g_end < end && key_of(items[g_end]) == key) ++g_end;
      emit(g, g_end, key);
      g = g_end;
    }
    i = end;
  }
}

// Counts the distinct records of items [first, last), which are sorted by record.
std::size_t DistinctRecords(const std::vector<Item>& items, std::size_t first, std::size_t last) {
  std::size_t n = 0;
  for (std::size_t k = first; k < last; ++k) {
    n += k == first || items[k].record != items[k - 1].record;
  }
  return n;
}

class PassPlanner {
 public:
  PassPlanner(const BlockingPass& pass, std::uint32_t index, KeyHash hash)
      : pass_(pass), index_(index), hash_(hash) {}

  PassPlan Plan() {
    const auto& entries = pass_.keys.entries();
    plan_.stats.name = pass_.name;
    plan_.stats.entries = entries.size();
    std::vector<Item> items(entries.size());
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, entries.size(), 4096), [&](auto range) {
      for (std::size_t k = range.begin(); k < range.end(); ++k) {
        items[k] = {hash_(pass_.keys.Key(entries[k])), entries[k].record,
                    static_cast<std::uint32_t>(k)};
      }
    });
    SortItems(items);
    ForEachKeyGroup(
        items, [&](const Item& it) { return pass_.keys.Key(entries[it.entry]); },
        [&](std::size_t first, std::size_t last, std::string_view key) {
          OnBlock(items, first, last, key);
        });
    std::sort(plan_.skipped.begin(), plan_.skipped.end(), [](const auto& a, const auto& b) {
      return std::tie(a.key, a.secondary) < std::tie(b.key, b.secondary);
    });
    plan_.stats.skipped_blocks = plan_.skipped.size();
    return std::move(plan_);
  }

 private:
  void OnBlock(const std::vector<Item>& items, std::size_t first, std::size_t last,
               std::string_view key) {
    const std::size_t n = DistinctRecords(items, first, last);
    if (n < 2) return;
    if (pass_.max_shared > 0 && n > pass_.max_shared) {
      Skip(key, {}, n, SkipReason::kSharedKey);
    } else if (n <= pass_.cap) {
      Compare(items, first, last);
    } else if (!HasSecondary(items, first, last)) {
      Skip(key, {}, n, SkipReason::kOverCap);
    } else {
      ++plan_.stats.split_blocks;
      Split(items, first, last, key);
    }
  }

  bool HasSecondary(const std::vector<Item>& items, std::size_t first, std::size_t last) const {
    const auto& entries = pass_.keys.entries();
    for (std::size_t k = first; k < last; ++k) {
      if (entries[items[k].entry].secondary_size > 0) return true;
    }
    return false;
  }

  // Regroups one over-cap block by secondary key; records without one form their own sub-block.
  void Split(const std::vector<Item>& items, std::size_t first, std::size_t last,
             std::string_view key) {
    const auto& entries = pass_.keys.entries();
    sub_.clear();
    for (std::size_t k = first; k < last; ++k) {
      sub_.push_back(
          {hash_(pass_.keys.Secondary(entries[items[k].entry])), items[k].record, items[k].entry});
    }
    std::sort(sub_.begin(), sub_.end(), ByHashThenRecord{});
    ForEachKeyGroup(
        sub_, [&](const Item& it) { return pass_.keys.Secondary(entries[it.entry]); },
        [&](std::size_t s_first, std::size_t s_last, std::string_view secondary) {
          const std::size_t n = DistinctRecords(sub_, s_first, s_last);
          if (n < 2) return;
          if (n > pass_.cap) {
            Skip(key, secondary, n, SkipReason::kSubBlockOverCap);
          } else {
            Compare(sub_, s_first, s_last);
          }
        });
  }

  void Compare(const std::vector<Item>& items, std::size_t first, std::size_t last) {
    const std::size_t begin = plan_.records.size();
    for (std::size_t k = first; k < last; ++k) {
      if (k == first || items[k].record != items[k - 1].record) {
        plan_.records.push_back(items[k].record);
      }
    }
    const std::size_t n = plan_.records.size() - begin;
    plan_.blocks.push_back({begin, n});
    plan_.pair_count += PairsIn(n);
    ++plan_.stats.blocks;
    plan_.stats.largest_block = std::max(plan_.stats.largest_block, n);
  }

  void Skip(std::string_view key, std::string_view secondary, std::size_t n, SkipReason why) {
    plan_.skipped.push_back({index_, pass_.name, std::string(key), std::string(secondary), n, why});
    plan_.stats.skipped_records += n;
  }

  const BlockingPass& pass_;
  std::uint32_t index_;
  KeyHash hash_;
  PassPlan plan_;
  std::vector<Item> sub_;  // reused by Split
};

// The union of the passes' pairs, grouped by their first record (a counting sort, so no global
// sort of all pairs): each record's bucket holds (second << 5 | pass) for every pair it starts,
// and is sorted and folded on its own, in parallel. Memory: 8 bytes per pair per pass, about 30
// bytes per record of offsets and counts, then the 12-byte result pairs.
std::vector<CandidatePair> UnionOfPasses(std::vector<PassPlan>& plans) {
  std::uint32_t max_record = 0;
  bool any = false;
  for (const PassPlan& plan : plans) {
    for (const std::uint32_t r : plan.records) max_record = std::max(max_record, r);
    any = any || !plan.records.empty();
  }
  if (!any) return {};
  const std::size_t records = std::size_t{max_record} + 1;

  // Bucket starts: record r[x] of a sorted block of n starts n-1-x pairs.
  std::vector<std::size_t> start(records + 1, 0);
  for (const PassPlan& plan : plans) {
    for (const Block& block : plan.blocks) {
      for (std::size_t x = 0; x < block.size; ++x) {
        start[plan.records[block.begin + x] + 1] += block.size - 1 - x;
      }
    }
  }
  for (std::size_t r = 0; r < records; ++r) start[r + 1] += start[r];

  std::vector<std::uint64_t> buckets(start.back());
  {
    std::vector<std::size_t> cursor(start.begin(), start.end() - 1);
    for (std::size_t p = 0; p < plans.size(); ++p) {
      const PassPlan& plan = plans[p];
      for (const Block& block : plan.blocks) {
        const std::uint32_t* r = plan.records.data() + block.begin;
        for (std::size_t x = 0; x + 1 < block.size; ++x) {
          std::size_t& at = cursor[r[x]];
          for (std::size_t y = x + 1; y < block.size; ++y) {
            buckets[at++] = (std::uint64_t{r[y]} << 5) | p;
          }
        }
      }
      std::vector<std::uint32_t>().swap(plans[p].records);  // no longer needed
      std::vector<Block>().swap(plans[p].blocks);
    }
  }

  // Sort each bucket and fold repeats of a second record into one (second << 32 | passes),
  // written at the bucket's front; `kept` counts them.
  std::vector<std::uint32_t> kept(records, 0);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, records, 1024), [&](auto range) {
    for (std::size_t r = range.begin(); r < range.end(); ++r) {
      std::uint64_t* first = buckets.data() + start[r];
      std::uint64_t* last = buckets.data() + start[r + 1];
      if (first == last) continue;
      std::sort(first, last);
      std::uint64_t* out = first;
      std::uint64_t second = first[0] >> 5;
      std::uint32_t mask = 0;
      for (std::uint64_t* it = first; it != last; ++it) {
        if ((*it >> 5) != second) {
          *out++ = (second << 32) | mask;
          second = *it >> 5;
          mask = 0;
        }
        mask |= std::uint32_t{1} << (*it & 31);
      }
      *out++ = (second << 32) | mask;
      kept[r] = static_cast<std::uint32_t>(out - first);
    }
  });

  std::vector<std::size_t> at(records + 1, 0);
  for (std::size_t r = 0; r < records; ++r) at[r + 1] = at[r] + kept[r];
  std::vector<CandidatePair> pairs(at.back());
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, records, 1024), [&](auto range) {
    for (std::size_t r = range.begin(); r < range.end(); ++r) {
      for (std::uint32_t k = 0; k < kept[r]; ++k) {
        const std::uint64_t v = buckets[start[r] + k];
        pairs[at[r] + k] = {static_cast<std::uint32_t>(r), static_cast<std::uint32_t>(v >> 32),
                            static_cast<std::uint32_t>(v)};
      }
    }
  });
  return pairs;
}

}  // namespace

Result<BlockingResult> GenerateCandidates(const std::vector<BlockingPass>& passes,
                                          const BlockingOptions& options) {
  if (passes.size() > kMaxPasses) {
    std::string why = "blocking: at most 32 passes, got ";
    why += std::to_string(passes.size());
    return Status::InvalidArgument(std::move(why));
  }
  for (const BlockingPass& pass : passes) {
    if (pass.cap < 2) {
      std::string why = "blocking pass '";
      why += pass.name;
      why += "': cap must be at least 2";
      return Status::InvalidArgument(std::move(why));
    }
  }
  const KeyHash hash = options.key_hash != nullptr ? options.key_hash : DefaultKeyHash;

  std::vector<PassPlan> plans(passes.size());
  tbb::parallel_for(std::size_t{0}, passes.size(), [&](std::size_t p) {
    plans[p] = PassPlanner(passes[p], static_cast<std::uint32_t>(p), hash).Plan();
  });

  std::size_t total = 0;
  for (const PassPlan& plan : plans) total += plan.pair_count;
  if (options.max_pairs > 0 && total > options.max_pairs) {
    std::string why = "blocking: the passes would produce ";
    why += std::to_string(total);
    why += " pairs, over the limit of ";
    why += std::to_string(options.max_pairs);
    why += " (";
    for (std::size_t p = 0; p < plans.size(); ++p) {
      if (p > 0) why += ", ";
      why += passes[p].name;
      why += ": ";
      why += std::to_string(plans[p].pair_count);
      why += " pairs, largest block ";
      why += std::to_string(plans[p].stats.largest_block);
    }
    why += "); lower the caps";
    return Status::InvalidArgument(std::move(why));
  }

  BlockingResult result;
  result.pairs = UnionOfPasses(plans);
  for (PassPlan& plan : plans) {
    result.passes.push_back(std::move(plan.stats));
    result.largest_block = std::max(result.largest_block, result.passes.back().largest_block);
    for (SkippedBlock& s : plan.skipped) result.skipped.push_back(std::move(s));
  }
  for (const CandidatePair& pair : result.pairs) {
    for (std::uint32_t mask = pair.passes; mask != 0; mask &= mask - 1) {
      ++result.passes[static_cast<std::size_t>(std::countr_zero(mask))].pairs;
    }
    if ((pair.passes & (pair.passes - 1)) == 0) {
      ++result.passes[static_cast<std::size_t>(std::countr_zero(pair.passes))].only_pairs;
    }
  }
  return result;
}

// ---- Keys for the name passes ------------------------------------------------------------------

std::string_view FirstInitial(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && text[i] == ' ') ++i;
  if (i == text.size()) return {};
  const auto lead = static_cast<unsigned char>(text[i]);
  const std::size_t n = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  if (n > 1 && i + n <= text.size() && utf8::IsValid(text.substr(i, n))) return text.substr(i, n);
  return text.substr(i, 1);
}

bool JoinKey(std::string_view a, std::string_view b, std::string_view c, std::string& out) {
  out.clear();
  if (a.empty() || b.empty() || c.empty()) return false;
  out.reserve(a.size() + b.size() + c.size() + 2);
  out.append(a);
  out.push_back('|');
  out.append(b);
  out.push_back('|');
  out.append(c);
  return true;
}

bool CompanyNameKey(std::string_view company_key, std::string_view first_folded,
                    std::string_view phonetic_last, std::string& out, std::size_t prefix_chars) {
  out.clear();
  const std::string_view initial = FirstInitial(first_folded);
  if (initial.empty() || phonetic_last.empty()) return false;
  // The first `prefix_chars` code points, spaces left out ("acme corp" -> "acmec"): a code point
  // starts at every byte that is not a continuation byte (10xxxxxx).
  std::size_t chars = 0;
  for (const char c : company_key) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      if (chars == prefix_chars) break;
      if (c == ' ') continue;
      ++chars;
    }
    out.push_back(c);
  }
  if (out.empty()) return false;
  out.push_back('|');
  out.append(initial);
  out.push_back('|');
  out.append(phonetic_last);
  return true;
}

}  // namespace pdc::dedupe
