// Blocking: which prospect pairs are worth comparing. Each pass groups records by one key (the
// canonical email key, the E.164 phone, "domain|f|PHONETIC", ...); records sharing a key form a
// block and every pair inside a block is a candidate. The candidate set is the union over all
// passes, each pair carrying the bitmask of the passes that produced it, so `explain` can say
// why two prospects were compared at all.
//
// Guards (matching-reference §D.3): a block larger than its pass's cap (default 1,000) is split
// on the records' secondary keys, and any (sub-)block still over the cap is skipped; a pass with
// a `max_shared` limit drops keys held by more records than that (switchboard phone numbers).
// Every block left out is listed in the result, never dropped silently.
//
// Input: one BlockingKeys column per pass, a flat arena of (record, key, secondary key)
// entries. Records are uint32 indices chosen by the caller (usually the position in the record
// vector); a record without a key for a pass is simply not added to that column.
//
// Output order is deterministic and independent of the order entries were added: pairs sorted
// by (first, second), skipped blocks by (pass, key, secondary).
//
// Costs: per pass, a bucketed parallel sort of 16-byte entries (O(n log n)), then the pairs,
// unioned by a counting sort on their first record (no global sort of pairs). A block of
// n records yields n(n-1)/2 pairs, so the pair count is the sum of squares of block sizes. With
// the default cap, the worst case is every key shared by exactly 1,000 records: ~500 pairs per
// record per pass (5·10^8 pairs, ~10 GB, for 1,000,000 records and one such pass). Realistic
// prospect keys are nearly unique (email, phone) or small (domain + initial + phonetic name), and
// stay in the low millions of pairs; BlockingOptions::max_pairs turns the worst case into an
// error before any pair is allocated. Memory while running: the entries (16 bytes each plus the
// key bytes), 8 bytes per pair per pass, ~30 bytes per record, and 12 bytes per distinct pair in
// the result. Measured (bench/dedupe_bench_blocking.cpp): 1,000,000 prospects, 4 passes, 3.4
// million pairs, largest block 312, in about 0.3 s on 2 cores.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "rules/status.h"

namespace pdc::dedupe {

inline constexpr std::size_t kDefaultBlockCap = 1000;
// The phone pass: a number shared by more prospects than this is a switchboard, not a person.
inline constexpr std::size_t kDefaultSwitchboardLimit = 3;
// Pass bitmasks are 32 bits wide.
inline constexpr std::size_t kMaxPasses = 32;

// The keys of one pass: entries (record, key, secondary key) in a byte arena. Adding is O(key
// length), amortised, and allocates only when the arena or the entry vector grows (use Reserve).
// A record should have at most one entry per pass; a record added twice under one key counts
// once, and under two keys it joins both blocks (never paired with itself).
// Not thread-safe to mutate; fill one column per thread and Append them, or one pass per thread.
class BlockingKeys {
 public:
  struct Entry {
    std::uint32_t record;
    std::uint32_t offset;          // key bytes start here in the arena, the secondary follows
    std::uint32_t key_size;        // never 0
    std::uint32_t secondary_size;  // 0: no secondary key
  };

  // Adds `record` under `key`; an empty key adds nothing (the record has no key for this pass).
  // `secondary` is the key that splits an over-cap block; records without one (empty) form one
  // sub-block of their own. Throws std::length_error past 4 GiB of key bytes.
  void Add(std::uint32_t record, std::string_view key, std::string_view secondary = {});
  // Moves in every entry of `other` (a per-thread chunk), leaving it empty.
  void Append(BlockingKeys&& other);
  void Reserve(std::size_t entries, std::size_t key_bytes);

  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  const std::vector<Entry>& entries() const { return entries_; }
  std::string_view Key(const Entry& e) const { return {arena_.data() + e.offset, e.key_size}; }
  std::string_view Secondary(const Entry& e) const {
    return {arena_.data() + e.offset + e.key_size, e.secondary_size};
  }

 private:
  std::string arena_;
  std::vector<Entry> entries_;
};

// One blocking pass: its name (for reports and `explain`), its keys and its guards.
struct BlockingPass {
  std::string name;
  BlockingKeys keys;
  std::size_t cap = kDefaultBlockCap;  // largest block compared; at least 2
  std::size_t max_shared = 0;          // > 0: keys held by more records are dropped (phones)
};

struct BlockingOptions {
  // > 0: fail, before allocating pairs, when the passes together would produce more pairs than
  // this (counted per pass, before the union).
  std::size_t max_pairs = 0;
  // The 64-bit key hash; null means the built-in one. Equal hashes never merge blocks (the key
  // bytes are compared), so a test may pass a constant function to force collisions.
  std::uint64_t (*key_hash)(std::string_view key) = nullptr;
};

// A candidate pair: record indices first < second, and bit p set for each pass p that paired
// them.
struct CandidatePair {
  std::uint32_t first;
  std::uint32_t second;
  std::uint32_t passes;
  friend bool operator==(const CandidatePair&, const CandidatePair&) = default;
};

enum class SkipReason {
  kOverCap,          // over the cap and the pass has no secondary keys to split it
  kSubBlockOverCap,  // a sub-block of a split block is still over the cap
  kSharedKey,        // held by more records than the pass's max_shared (a switchboard)
};
std::string_view SkipReasonName(SkipReason reason);  // "over_cap", "sub_block_over_cap", ...

// A block that was not compared, for the dry-run report.
struct SkippedBlock {
  std::uint32_t pass;  // index into the passes
  std::string pass_name;
  std::string key;
  std::string secondary;  // the sub-block's secondary key (kSubBlockOverCap), else ""
  std::size_t size;       // records in the (sub-)block
  SkipReason reason;
};

struct PassStats {
  std::string name;
  std::size_t entries = 0;       // records with a key
  std::size_t blocks = 0;        // blocks (and sub-blocks) of two or more records compared
  std::size_t split_blocks = 0;  // over-cap blocks split on the secondary key
  std::size_t skipped_blocks = 0;
  std::size_t skipped_records = 0;  // records in skipped blocks (each counted once per block)
  std::size_t largest_block = 0;    // largest block compared
  std::size_t pairs = 0;            // distinct pairs this pass produced
  std::size_t only_pairs = 0;       // pairs no other pass produced
};

struct BlockingResult {
  std::vector<CandidatePair> pairs;   // sorted by (first, second), each pair once
  std::vector<PassStats> passes;      // in pass order
  std::vector<SkippedBlock> skipped;  // sorted by (pass, key, secondary)
  std::size_t largest_block = 0;      // largest block compared over all passes
};

// Runs every pass and unions the pairs. Fails (InvalidArgument) on more than kMaxPasses passes,
// a cap below 2, or a pair count over options.max_pairs. Runs the passes and the sorts on TBB;
// safe to call from several threads at once (it only reads the passes).
Result<BlockingResult> GenerateCandidates(const std::vector<BlockingPass>& passes,
                                          const BlockingOptions& options = {});

// ---- Keys for the name passes (B3, B4) ---------------------------------------------------------

// Appends "domain|f|PHONETIC" to `out` (after clearing it) and returns true, where f is the
// first character of the folded first name (leading spaces skipped). Returns false with `out`
// empty when any part is missing or `refuse(domain)` is true: free, disposable and role domains
// must never block, or every "j smith" at gmail.com would share a block. `domain` should be the
// registrable domain, lower case; `first_folded` the Fold()ed first name; `phonetic_last` the
// Double Metaphone of the last name. Allocation-free once `out` has capacity.
template <typename RefuseDomain>
bool DomainNameKey(std::string_view domain, std::string_view first_folded,
                   std::string_view phonetic_last, RefuseDomain&& refuse, std::string& out);

// Appends "prefix|f|PHONETIC" to `out` (after clearing it), where prefix is the first
// `prefix_chars` code points of the company key, spaces left out ("acme corp" -> "acmec";
// ZoomInfo's "first 5 characters of company"); false with `out` empty when any part is missing.
bool CompanyNameKey(std::string_view company_key, std::string_view first_folded,
                    std::string_view phonetic_last, std::string& out, std::size_t prefix_chars = 5);

// The first character (one UTF-8 sequence, or one byte when the text is not valid UTF-8) of
// `text` after leading spaces; "" when there is none.
std::string_view FirstInitial(std::string_view text);

// Joins "a|b|c" into `out` (cleared first); false with `out` empty when a part is empty.
bool JoinKey(std::string_view a, std::string_view b, std::string_view c, std::string& out);

template <typename RefuseDomain>
bool DomainNameKey(std::string_view domain, std::string_view first_folded,
                   std::string_view phonetic_last, RefuseDomain&& refuse, std::string& out) {
  out.clear();
  if (domain.empty() || refuse(domain)) return false;
  return JoinKey(domain, FirstInitial(first_folded), phonetic_last, out);
}

}  // namespace pdc::dedupe
