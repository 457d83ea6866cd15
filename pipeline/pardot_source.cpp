#include "pipeline/pardot_source.h"

#include <algorithm>
#include <boost/json.hpp>
#include <iostream>
#include <optional>

#include "pipeline/commands.h"
#include "pipeline/pardot/field_map.h"
#include "pipeline/pardot/list_membership.h"
#include "rules/config.h"
#include "rules/dedupe/settings.h"

namespace pdc {

// The fields a v5 pull asks for: every readable standard field and the custom fields the rules
// read or the config sends output to (rules' default derived fields are not asked for; their
// changes stay out of updates).
namespace {

std::vector<std::string> V5Fields(const Config& config) {
  std::vector<std::string> fields = pardot::ProspectPuller::DefaultV5Fields();
  std::vector<std::string> wanted;
  for (FieldId id : config.rules.pull_fields()) wanted.push_back(FieldName(id));
  // Dedupe compares and merges the whole record, and flags losers in a field of the account.
  if (config.dedupe_settings) {
    for (const char* name :
         {"crm_lead_fid", "crm_contact_fid", "created_at", "updated_at", "last_activity_at"}) {
      wanted.emplace_back(name);
    }
    if (!config.dedupe_settings->flag_field.empty()) {
      wanted.push_back(config.dedupe_settings->flag_field);
    }
  }
  for (const std::string& name : wanted) {
    if (pardot::ListIdOf(name)) continue;  // memberships are read on their own (PullLists)
    if (std::find(fields.begin(), fields.end(), name) == fields.end()) fields.push_back(name);
  }
  return fields;
}

}  // namespace

pardot::PullOptions PullOptionsFor(const Config& config) {
  pardot::PullOptions pull;
  pull.api_version = config.pardot_source->api_version;
  pull.updated_after = config.pardot_source->updated_after;
  pull.v5_fields = V5Fields(config);
  // A custom field the rules read or write may not exist in this account (v3/v4 answers just
  // leave it out); the dedupe flag field must exist.
  for (FieldId id : config.rules.pull_fields()) {
    const std::string& name = FieldName(id);
    if (pardot::IsStandardField(name) || pardot::ListIdOf(name)) continue;
    if (config.dedupe_settings && name == config.dedupe_settings->flag_field) continue;
    pull.v5_optional_fields.push_back(name);
  }
  return pull;
}

int ExitCodeOf(const pardot::Classified& outcome, bool auth_failed) {
  if (auth_failed || outcome.outcome == pardot::Outcome::kRefresh) return kExitAuth;
  if (outcome.outcome == pardot::Outcome::kStopForToday) return kExitDailyLimit;
  return kExitFault;
}

Result<std::vector<PullRange>> SplitIdSpace(pardot::Session& session,
                                            const pardot::PullOptions& options, int count) {
  auto edge = [&](bool highest) -> Result<long long> {
    pardot::Request request;
    if (options.api_version == 5) {
      request.url = std::string("/api/v5/objects/prospects?fields=id&limit=1&orderBy=id%20") +
                    (highest ? "DESC" : "ASC");
    } else {
      request.url = "/api/prospect/version/" + std::to_string(options.api_version) +
                    "/do/query?format=json&output=bulk&limit=1&sort_by=id&sort_order=" +
                    (highest ? "descending" : "ascending");
    }
    const auto sent = session.Send(request);
    if (sent.classified.outcome != pardot::Outcome::kOk) {
      return Status::Io(pardot::Describe("finding the id range", sent.classified));
    }
    auto page = options.api_version == 5 ? pardot::DecodeV5Page(sent.response)
                                         : pardot::DecodeV34Query(sent.response.body);
    if (!page.ok()) return page.status();
    return page->max_id;  // 0 when the unit has no prospects
  };
  auto lowest = edge(false);
  if (!lowest.ok()) return lowest.status();
  auto highest = edge(true);
  if (!highest.ok()) return highest.status();
  std::vector<PullRange> ranges;
  const long long low = std::max(*lowest - 1, options.after_id);
  if (count <= 1 || *highest <= low + count) return std::vector<PullRange>{{low, 0}};
  const long long width = (*highest - low + count - 1) / count;
  for (int i = 0; i < count; ++i) {
    const long long after = low + i * width;
    ranges.push_back({after, i + 1 == count ? 0 : after + width + 1});
  }
  return ranges;
}

std::string RangesJson(const std::vector<PullRange>& ranges) {
  std::string out = "{\"ranges\":[";
  for (std::size_t i = 0; i < ranges.size(); ++i) {
    out += (i ? ",{\"after_id\":" : "{\"after_id\":") + std::to_string(ranges[i].after_id) +
           ",\"before_id\":" + std::to_string(ranges[i].before_id) + "}";
  }
  return out + "]}";
}

std::vector<PullRange> RangesFromJson(const std::string& text) {
  boost::json::error_code ec;
  const auto doc = boost::json::parse(text, ec);
  if (ec || !doc.is_object()) return {{0, 0}};
  const auto& o = doc.as_object();
  auto number = [](const boost::json::value* v) { return v && v->is_int64() ? v->as_int64() : 0; };
  if (const auto* list = o.if_contains("ranges"); list && list->is_array()) {
    std::vector<PullRange> ranges;
    for (const auto& r : list->as_array()) {
      if (!r.is_object()) continue;
      ranges.push_back({number(r.as_object().if_contains("after_id")),
                        number(r.as_object().if_contains("before_id"))});
    }
    if (!ranges.empty()) return ranges;
  }
  return {{number(o.if_contains("after_id")), 0}};
}

std::optional<ListMembers> PullLists(pardot::Session& session, int api_version,
                                     const std::vector<long long>& lists, RunControl& control) {
  ListMembers members;
  for (const long long list : lists) {
    auto pulled = pardot::PullListMembers(session, api_version, list);
    if (pulled.outcome.outcome != pardot::Outcome::kOk) {
      control.Stop(ExitCodeOf(pulled.outcome, pulled.auth_failed), pulled.error);
      return std::nullopt;
    }
    members.emplace_back(list, std::move(pulled.members));
  }
  return members;
}

PardotSource::PardotSource(pardot::Session& session, pardot::PullOptions options,
                           std::vector<PullRange> ranges, RunControl& control,
                           const ListMembers* lists, RunProgress* progress)
    : session_(session),
      options_(std::move(options)),
      ranges_(std::move(ranges)),
      control_(control),
      lists_(lists),
      progress_(progress) {
  if (lists_ != nullptr) {
    for (const auto& [list, members] : *lists_) {
      list_fields_.push_back(InternField(pardot::ListField(list)));
    }
  }
  if (progress_ != nullptr) progress_->PullBegins(ranges_.size());
  if (ranges_.size() <= 1) return;
  running_ = ranges_.size();
  for (std::size_t i = 0; i < ranges_.size(); ++i) {
    threads_.emplace_back([this, i] {
      Pull(i, [this](Page page) {
        std::unique_lock lock(mutex_);
        has_room_.wait(lock, [&] { return closing_ || pages_.size() < 2 * ranges_.size(); });
        if (closing_) return false;
        pages_.push_back(std::move(page));
        has_page_.notify_one();
        return true;
      });
      std::lock_guard lock(mutex_);
      --running_;
      has_page_.notify_all();
    });
  }
}

PardotSource::~PardotSource() {
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
  }
  has_room_.notify_all();
  for (auto& t : threads_) t.join();
}

std::unique_ptr<pardot::ProspectPuller> PardotSource::StartRange(std::size_t index) {
  pardot::PullOptions options = options_;
  options.after_id = ranges_[index].after_id;
  options.before_id = ranges_[index].before_id;
  auto puller = std::make_unique<pardot::ProspectPuller>(session_, options);
  if (progress_ != nullptr && progress_->live()) {
    if (const auto count = puller->CountAhead()) {
      progress_->PullCounted(static_cast<std::uint64_t>(*count));
    }
  }
  return puller;
}

void PardotSource::Pull(std::size_t index, const std::function<bool(Page)>& deliver) {
  const auto puller = StartRange(index);
  while (!control_.stopped() && !puller->done()) {
    auto page = puller->Next();
    if (page.outcome.outcome != pardot::Outcome::kOk) {
      control_.Stop(ExitCodeOf(page.outcome, page.auth_failed),
                    pardot::Describe("pulling prospects", page.outcome));
      return;
    }
    NoteDropped(*puller);
    if (page.prospects.records.empty()) continue;  // the empty end of a sequence
    if (!deliver({index, std::move(page.prospects)})) return;
  }
}

void PardotSource::NoteDropped(const pardot::ProspectPuller& puller) {
  if (puller.dropped_fields().empty()) return;
  std::lock_guard lock(mutex_);
  for (const std::string& field : puller.dropped_fields()) {
    if (std::find(dropped_.begin(), dropped_.end(), field) != dropped_.end()) continue;
    dropped_.push_back(field);
    const std::string note = "pardot-clean: the business unit has no field " + field +
                             "; the pull leaves it out, and values the rules give it stay out "
                             "of updates";
    if (progress_ != nullptr) {
      progress_->Note(note);  // not into the middle of the live line
    } else {
      std::cerr << note << '\n';
    }
  }
}

BatchPtr PardotSource::BatchOf(Page page) {
  auto batch = std::make_shared<Batch>();
  batch->seq = seq_++;
  batch->range = page.range;
  batch->max_id = page.prospects.max_id;
  batch->records = std::move(page.prospects.records);
  if (lists_ != nullptr && !lists_->empty()) {
    for (Record& record : batch->records) {
      const long long id = std::stoll(record.id());
      for (std::size_t i = 0; i < lists_->size(); ++i) {
        record.Load(list_fields_[i], pardot::MemberValue((*lists_)[i].second.contains(id)));
      }
    }
  }
  if (progress_ != nullptr) progress_->Pulled(batch->records.size());
  return batch;
}

BatchPtr PardotSource::End() {
  if (progress_ != nullptr) progress_->PullEnds();
  return nullptr;
}

BatchPtr PardotSource::Next() {
  if (ranges_.size() <= 1) {
    // One range: pulled right here, page by page, as the graph asks for them.
    std::optional<Page> got;
    while (!got && next_range_ < ranges_.size() && !control_.stopped()) {
      if (!current_) current_ = StartRange(next_range_);
      if (current_->done()) {
        current_.reset();
        ++next_range_;
        continue;
      }
      auto page = current_->Next();
      if (page.outcome.outcome != pardot::Outcome::kOk) {
        control_.Stop(ExitCodeOf(page.outcome, page.auth_failed),
                      pardot::Describe("pulling prospects", page.outcome));
        return End();
      }
      NoteDropped(*current_);
      if (!page.prospects.records.empty()) got = Page{next_range_, std::move(page.prospects)};
    }
    return got ? BatchOf(std::move(*got)) : End();
  }
  std::unique_lock lock(mutex_);
  has_page_.wait(lock, [&] { return !pages_.empty() || running_ == 0 || control_.stopped(); });
  if (pages_.empty() || control_.stopped()) {
    lock.unlock();
    return End();
  }
  Page page = std::move(pages_.front());
  pages_.pop_front();
  has_room_.notify_one();
  lock.unlock();
  return BatchOf(std::move(page));
}

}  // namespace pdc
