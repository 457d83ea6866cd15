#include "rules/dedupe/clusters.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <utility>

namespace pdc::dedupe {

DisjointSets::DisjointSets(std::uint32_t size) : parent_(size), size_(size, 1) {
  std::iota(parent_.begin(), parent_.end(), std::uint32_t{0});
}

std::uint32_t DisjointSets::Find(std::uint32_t x) {
  std::uint32_t root = x;
  while (parent_[root] != root) root = parent_[root];
  // Full path compression: every node on the way now points at the root.
  while (parent_[x] != root) {
    const std::uint32_t next = parent_[x];
    parent_[x] = root;
    x = next;
  }
  return root;
}

bool DisjointSets::Union(std::uint32_t a, std::uint32_t b) {
  a = Find(a);
  b = Find(b);
  if (a == b) return false;
  // Union by size keeps trees shallow; equal sizes keep the smaller index as the root, which
  // makes the structure independent of argument order for a single union.
  if (size_[a] < size_[b] || (size_[a] == size_[b] && b < a)) std::swap(a, b);
  parent_[b] = a;
  size_[a] += size_[b];
  return true;
}

namespace {

bool AllDigits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int Sign(int v) { return (v > 0) - (v < 0); }

}  // namespace

int CompareProspectIds(std::string_view a, std::string_view b) {
  // Three ranks: all-digit ids, other ids, "".
  const int rank_a = a.empty() ? 2 : AllDigits(a) ? 0 : 1;
  const int rank_b = b.empty() ? 2 : AllDigits(b) ? 0 : 1;
  if (rank_a != rank_b) return rank_a < rank_b ? -1 : 1;
  if (rank_a == 0) {
    a.remove_prefix(std::min(a.find_first_not_of('0'), a.size()));
    b.remove_prefix(std::min(b.find_first_not_of('0'), b.size()));
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  }
  return Sign(a.compare(b));
}

bool MemberBefore(const MemberKey& a, std::uint32_t a_index, const MemberKey& b,
                  std::uint32_t b_index) {
  if (a.created_at != b.created_at) {
    if (a.created_at.empty()) return false;
    if (b.created_at.empty()) return true;
    return a.created_at < b.created_at;
  }
  const int ids = CompareProspectIds(a.prospect_id, b.prospect_id);
  if (ids != 0) return ids < 0;
  return a_index < b_index;
}

Result<Clustering> BuildClusters(DisjointSets& sets, std::span<const MemberKey> keys,
                                 const ClusterOptions& options) {
  if (keys.size() != sets.size()) {
    std::string why = "clusters: ";
    why += std::to_string(keys.size());
    why += " member keys for ";
    why += std::to_string(sets.size());
    why += " records";
    return Status::InvalidArgument(std::move(why));
  }
  if (options.max_size < 2) {
    return Status::InvalidArgument("clusters: max_size must be at least 2");
  }
  constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
  Clustering result;
  std::vector<std::uint32_t> cluster_of_root(sets.size(), kNone);
  for (std::uint32_t x = 0; x < sets.size(); ++x) {
    const std::uint32_t root = sets.Find(x);
    const std::uint32_t size = sets.SetSize(root);
    if (size < 2) continue;
    if (cluster_of_root[root] == kNone) {
      cluster_of_root[root] = static_cast<std::uint32_t>(result.clusters.size());
      result.clusters.emplace_back().members.reserve(size);
    }
    result.clusters[cluster_of_root[root]].members.push_back(x);
  }
  const auto before = [&](std::uint32_t a, std::uint32_t b) {
    return MemberBefore(keys[a], a, keys[b], b);
  };
  for (Cluster& cluster : result.clusters) {
    std::sort(cluster.members.begin(), cluster.members.end(), before);
    cluster.anchor = cluster.members.front();
    cluster.id = std::string(keys[cluster.anchor].prospect_id);
    const std::size_t size = cluster.members.size();
    cluster.review = size > options.max_size;
    result.largest = std::max(result.largest, size);
    if (cluster.review) {
      ++result.review;
    } else {
      ++result.merged;
      result.records_merged += size;
    }
  }
  std::sort(result.clusters.begin(), result.clusters.end(),
            [&](const Cluster& a, const Cluster& b) { return before(a.anchor, b.anchor); });
  return result;
}

Result<Clustering> ClusterPairs(std::span<const RecordPair> pairs, std::span<const MemberKey> keys,
                                const ClusterOptions& options) {
  if (keys.size() > std::numeric_limits<std::uint32_t>::max()) {
    return Status::InvalidArgument("clusters: more than 2^32 - 1 records");
  }
  DisjointSets sets(static_cast<std::uint32_t>(keys.size()));
  for (const RecordPair& pair : pairs) {
    if (pair.first >= sets.size() || pair.second >= sets.size()) {
      std::string why = "clusters: the pair (";
      why += std::to_string(pair.first);
      why += ", ";
      why += std::to_string(pair.second);
      why += ") names a record past ";
      why += std::to_string(sets.size());
      return Status::InvalidArgument(std::move(why));
    }
    sets.Union(pair.first, pair.second);
  }
  return BuildClusters(sets, keys, options);
}

}  // namespace pdc::dedupe
