// PardotSource: the graph's source for Pardot runs: pages of prospects, one batch per page, until
// every id range is pulled or the run is told to stop. With one range the source node pulls
// itself; with several (parallel_pulls), each range pulls on a thread of its own into a bounded
// queue, and all of them share the governor's five slots. Pages of one range come out in id
// order, so each range's checkpoint is monotonic. A page that fails stops the run with the
// matching exit code (3 daily limit, 4 authentication, 5 fault).
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_set>
#include <vector>

#include "pipeline/batch.h"
#include "pipeline/pardot/puller.h"
#include "pipeline/run_control.h"
#include "pipeline/run_progress.h"

namespace pdc {

struct Config;

// One id range of a pull: ids above after_id and, when before_id is set, below it.
struct PullRange {
  long long after_id = 0;
  long long before_id = 0;  // 0: no upper bound (new prospects land in the last range)
};

// Splits the ids the business unit holds now into `count` ranges of equal width (one request
// for the lowest id, one for the highest). An empty unit gives one open range.
Result<std::vector<PullRange>> SplitIdSpace(pardot::Session& session,
                                            const pardot::PullOptions& options, int count);

// The checkpoint of a pull as JSON, and back ({"ranges":[{"after_id":N,"before_id":M},...]};
// the older {"after_id":N} reads as one open range).
std::string RangesJson(const std::vector<PullRange>& ranges);
std::vector<PullRange> RangesFromJson(const std::string& json);

// The members of the static lists a run reads (pipeline/pardot/list_membership.h): list id and
// the ids of the prospects on it.
using ListMembers = std::vector<std::pair<long long, std::unordered_set<long long>>>;

// Reads the members of `lists`; a failure stops the run through `control` with the matching exit
// code and returns nullopt.
std::optional<ListMembers> PullLists(pardot::Session& session, int api_version,
                                     const std::vector<long long>& lists, RunControl& control);

class PardotSource final : public BatchSource {
 public:
  // Every prospect pulled carries `list_<id>` for each list of `lists` ("1" or empty).
  // `progress`, when given, hears of every page, of the end of the pull and, when its line is
  // live, of each range's count (v3/v4; a request a range).
  PardotSource(pardot::Session& session, pardot::PullOptions options, std::vector<PullRange> ranges,
               RunControl& control, const ListMembers* lists = nullptr,
               RunProgress* progress = nullptr);
  ~PardotSource() override;

  BatchPtr Next() override;

 private:
  struct Page {
    std::size_t range;
    pardot::ProspectPage prospects;
  };
  // Pulls range `index` to its end (or until the run stops), handing pages to `deliver`.
  void Pull(std::size_t index, const std::function<bool(Page)>& deliver);
  // The puller of range `index`, its count told to the progress line.
  std::unique_ptr<pardot::ProspectPuller> StartRange(std::size_t index);
  BatchPtr BatchOf(Page page);
  // The end of the pull: null for the graph, and the progress line told.
  BatchPtr End();
  // Tells, once per field, which optional fields a puller left out of the pull.
  void NoteDropped(const pardot::ProspectPuller& puller);

  pardot::Session& session_;
  const pardot::PullOptions options_;
  const std::vector<PullRange> ranges_;
  RunControl& control_;
  const ListMembers* lists_;
  std::vector<FieldId> list_fields_;  // list_<id> of each of lists_
  RunProgress* const progress_;
  std::uint64_t seq_ = 0;
  std::size_t next_range_ = 0;  // single-threaded mode: the range being pulled
  std::unique_ptr<pardot::ProspectPuller> current_;

  // Several ranges: their threads and the queue between them and Next.
  std::mutex mutex_;
  std::condition_variable has_page_, has_room_;
  std::deque<Page> pages_;
  std::size_t running_ = 0;
  bool closing_ = false;
  std::vector<std::thread> threads_;
  std::vector<std::string> dropped_;  // fields already told about
};

// The pull a config asks for: its API version and filter, and for v5 every readable standard
// field plus the fields the rules and dedupe read (a custom field the rules name may be missing
// from the account: it is optional).
pardot::PullOptions PullOptionsFor(const Config& config);

// The exit code for a request that did not succeed.
int ExitCodeOf(const pardot::Classified& outcome, bool auth_failed);

}  // namespace pdc
