// Clustering: from matched pairs to groups of duplicates. Union-find joins the pairs into
// connected components; each component of two or more records is a cluster. A cluster larger
// than the size guard (default 25, matching-reference §D.5) is not merged: one loose chain of
// matches (a shared assistant, a generic name at one company) can join many distinct people, so
// such clusters are listed for review with all their members instead.
//
// Cluster ids are stable across runs: the id is the prospect id of the earliest-created member
// (ties: the smallest prospect id), so adding newer records to a cluster never renames it, unlike
// "the smallest id" naming.
//
// Costs: DisjointSets is two uint32 per record; Find and Union are amortised near O(1) (path
// compression and union by size). BuildClusters is O(n) over the records plus a sort of each
// cluster's members and of the clusters, and allocates only for the clusters it returns.
// Measured (bench/dedupe_bench_blocking.cpp): 1,000,000 records, 80,000 pairs, in about 0.1 s.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "rules/status.h"

namespace pdc::dedupe {

inline constexpr std::size_t kDefaultMaxClusterSize = 25;

// Union-find over record indices 0..size-1. Indices must be below size(). Not thread-safe: Find
// compresses paths, so even lookups write.
class DisjointSets {
 public:
  explicit DisjointSets(std::uint32_t size);

  std::uint32_t size() const { return static_cast<std::uint32_t>(parent_.size()); }
  // The representative of x's set.
  std::uint32_t Find(std::uint32_t x);
  // Joins the sets of a and b; true when they were apart.
  bool Union(std::uint32_t a, std::uint32_t b);
  // How many records share x's set.
  std::uint32_t SetSize(std::uint32_t x) { return size_[Find(x)]; }

 private:
  std::vector<std::uint32_t> parent_;
  std::vector<std::uint32_t> size_;  // valid at representatives only
};

// A matched pair of record indices (any order).
struct RecordPair {
  std::uint32_t first;
  std::uint32_t second;
};

// What orders the records of a cluster, one per record index. The views must outlive the call.
struct MemberKey {
  // ISO 8601 in one format for all records (e.g. "2021-03-04T05:06:07Z" or Pardot's
  // "2021-03-04 05:06:07"), so that byte order is time order; "" (unknown) counts as latest.
  std::string_view created_at;
  // The prospect id. All-digit ids compare as numbers (9 < 10), then other ids in byte order,
  // then "" (a record not yet in Pardot).
  std::string_view prospect_id;
};

// True when record a comes before record b: earlier created_at, then smaller prospect id, then
// smaller record index. A strict weak order.
bool MemberBefore(const MemberKey& a, std::uint32_t a_index, const MemberKey& b,
                  std::uint32_t b_index);

// The order of prospect ids described above: <0, 0 or >0.
int CompareProspectIds(std::string_view a, std::string_view b);

struct Cluster {
  std::uint32_t anchor = 0;            // record index of the member the id comes from
  std::string id;                      // the anchor's prospect id ("" when it has none)
  std::vector<std::uint32_t> members;  // by MemberBefore, so members[0] == anchor
  bool review = false;                 // over the size guard: not merged, listed for review
};

struct ClusterOptions {
  std::size_t max_size = kDefaultMaxClusterSize;  // larger clusters go to review; at least 2
};

struct Clustering {
  std::vector<Cluster> clusters;   // by MemberBefore of their anchors: oldest first
  std::size_t merged = 0;          // clusters to merge (size within the guard)
  std::size_t review = 0;          // clusters sent to review
  std::size_t records_merged = 0;  // records in the clusters to merge
  std::size_t largest = 0;         // size of the largest cluster, reviewed ones included
};

// The clusters of `sets`. `keys` has one entry per record (keys.size() == sets.size()), else
// InvalidArgument; also when max_size < 2. The result depends only on the partition and the
// keys, never on the order the unions were made in.
Result<Clustering> BuildClusters(DisjointSets& sets, std::span<const MemberKey> keys,
                                 const ClusterOptions& options = {});

// Unions `pairs` over keys.size() records, then BuildClusters. InvalidArgument when a pair
// names a record past the keys.
Result<Clustering> ClusterPairs(std::span<const RecordPair> pairs, std::span<const MemberKey> keys,
                                const ClusterOptions& options = {});

}  // namespace pdc::dedupe
