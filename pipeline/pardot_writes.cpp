#include "pipeline/pardot_writes.h"

#include <algorithm>

#include "pipeline/commands.h"
#include "pipeline/pardot/field_map.h"
#include "pipeline/pardot/list_membership.h"
#include "pipeline/pardot_source.h"

namespace pdc {
namespace {

// v5 writes are one request each; a write batch of ten keeps five senders busy without
// holding many records per sender.
constexpr std::size_t kV5WritesPerBatch = 10;

std::vector<std::int64_t> IdsOf(const std::vector<Operation>& ops) {
  std::vector<std::int64_t> ids;
  ids.reserve(ops.size());
  for (const Operation& op : ops) ids.push_back(op.op_id);
  return ids;
}

}  // namespace

PardotWrites::PardotWrites(Journal& journal, std::string run_id, int api_version,
                           pardot::ProspectWriter& writer, RunControl& control,
                           std::int64_t first_op_id, std::vector<PullRange> ranges)
    : journal_(journal),
      run_id_(std::move(run_id)),
      api_version_(api_version),
      writer_(writer),
      control_(control),
      next_op_id_(first_op_id),
      ranges_(std::move(ranges)) {}

std::size_t PardotWrites::BatchSize(bool single_request) const {
  return api_version_ == 5 || single_request ? kV5WritesPerBatch : pardot::kMaxBatch;
}

std::vector<WriteBatch> PardotWrites::Split(std::vector<Operation> operations) const {
  // A write batch holds one sort of operation: a v3/v4 batchUpdate cannot carry deletes, and a
  // batch of one-request operations is kept as small as v5's so that five senders share them.
  std::vector<WriteBatch> batches;
  bool single = false;
  for (Operation& op : operations) {
    if (batches.empty() || op.single_request() != single ||
        batches.back().operations.size() == BatchSize(single)) {
      single = op.single_request();
      batches.emplace_back();
    }
    batches.back().operations.push_back(std::move(op));
  }
  return batches;
}

std::vector<Operation> PardotWrites::TakeFull(std::vector<Operation>& carry, bool single) {
  const std::size_t size = BatchSize(single);
  const std::size_t full = carry.size() / size * size;
  std::vector<Operation> ready(
      std::make_move_iterator(carry.begin()),
      std::make_move_iterator(carry.begin() + static_cast<std::ptrdiff_t>(full)));
  carry.erase(carry.begin(), carry.begin() + static_cast<std::ptrdiff_t>(full));
  return ready;
}

Operation PardotWrites::DeleteOf(const Record& record) {
  Operation op;
  op.op_id = next_op_id_++;
  op.prospect_id = record.id();
  op.kind = "delete";
  for (const Field& field : record.fields()) {
    if (!record.WasRead(field.id)) continue;  // a derived field: nothing Pardot holds
    op.fields.push_back({FieldName(field.id), record.Original(field.id), Value()});
  }
  return op;
}

std::vector<WriteBatch> PardotWrites::Plan(const Batch& batch) {
  std::vector<Operation> ops, deletes;
  for (const std::uint32_t index : batch.deletes) deletes.push_back(DeleteOf(batch.records[index]));
  std::uint32_t current = UINT32_MAX;  // the record whose update is ops[update]
  std::size_t update = 0;
  for (const FieldChange& change : batch.changes) {
    // A record to delete gets its delete only: updating it first would be a wasted request.
    if (std::binary_search(batch.deletes.begin(), batch.deletes.end(), change.record)) continue;
    const Record& record = batch.records[change.record];
    const std::string& field = FieldName(change.field);
    if (pardot::IsReadOnlyField(field, api_version_)) {
      ++totals_.read_only_skipped;
      continue;
    }
    // A field Pardot did not return is no field of this account: a derived field a rule
    // created (legal_form, seniority, an email key). Sending it would get the update refused.
    if (!record.WasRead(change.field)) {
      ++totals_.not_in_pardot_skipped;
      continue;
    }
    FieldWrite write{field, record.Original(change.field), record.Get(change.field)};
    auto operation = [&] {
      Operation op;
      op.op_id = next_op_id_++;
      op.prospect_id = record.id();
      ops.push_back(std::move(op));
      return &ops.back();
    };
    if (pardot::ListIdOf(field)) {
      // A list membership: "1" or empty as the pull gave it (list_membership.h).
      const auto member = pardot::IsMember(write.after);
      if (!member) {
        ++totals_.invalid_skipped;
        refusals_.emplace_back(record.id(), field + ": \"" + write.after.text() +
                                                "\" is no list membership (1 or empty); not sent");
        continue;
      }
      if (*member == pardot::IsMember(write.before).value_or(false)) continue;
      write.after = pardot::MemberValue(*member);
      if (api_version_ == 5) {  // v5 writes each membership through an object of its own
        operation()->fields.push_back(std::move(write));
        continue;
      }
    }
    if (change.record != current) {
      current = change.record;
      operation();
      update = ops.size() - 1;
    }
    ops[update].fields.push_back(std::move(write));
  }
  if (!ops.empty() || !deletes.empty()) {
    std::vector<Operation> all = ops;
    all.insert(all.end(), deletes.begin(), deletes.end());
    if (Status st = journal_.Plan(run_id_, all); !st.ok()) {
      control_.Stop(kExitFault, st.message());
      return {};
    }
    totals_.planned += static_cast<long long>(all.size());
    if (progress_ != nullptr) progress_->WritesPlanned(all.size());
  }
  // Everything of this range up to this batch is journaled: a resume pulls only what comes
  // after it.
  if (batch.range < ranges_.size()) {
    ranges_[batch.range].after_id = std::max(ranges_[batch.range].after_id, batch.max_id);
  }
  if (Status st = journal_.SaveCheckpoint(run_id_, RangesJson(ranges_),
                                          static_cast<std::int64_t>(batch.records.size()));
      !st.ok()) {
    control_.Stop(kExitFault, st.message());
    return {};
  }
  if (control_.stopped()) return {};  // journaled: `resume` sends them
  // Only full write batches go now; the rest waits for the next source batch (or Flush).
  for (Operation& op : ops) carry_.push_back(std::move(op));
  for (Operation& op : deletes) delete_carry_.push_back(std::move(op));
  std::vector<WriteBatch> ready = Split(TakeFull(carry_, /*single=*/false));
  for (WriteBatch& b : Split(TakeFull(delete_carry_, /*single=*/true)))
    ready.push_back(std::move(b));
  return ready;
}

std::vector<WriteBatch> PardotWrites::Flush() {
  if (control_.stopped()) return {};
  std::vector<Operation> rest = std::move(carry_);
  carry_.clear();
  for (Operation& op : delete_carry_) rest.push_back(std::move(op));
  delete_carry_.clear();
  return Split(std::move(rest));
}

void PardotWrites::ReportRefusals(const std::vector<ReportWriter*>& reports) const {
  for (const auto& [id, reason] : refusals_) {
    for (auto* report : reports) report->RejectedByPardot(id, reason);
  }
}

WriteResult PardotWrites::Send(WriteBatch batch) {
  WriteResult result{std::move(batch), {}};
  if (control_.stopped()) return result;  // nothing sent: the operations stay planned
  const auto ids = IdsOf(result.batch.operations);
  if (Status st = journal_.SetState(run_id_, ids, OpState::kSent); !st.ok()) {
    control_.Stop(kExitFault, st.message());
    return result;
  }
  result.result = writer_.Send(result.batch.operations);
  return result;
}

void PardotWrites::Settle(const WriteResult& result) {
  const auto& outcomes = result.result.outcomes;
  std::vector<std::int64_t> confirmed, unknown, unsent;
  for (std::size_t i = 0; i < result.batch.operations.size(); ++i) {
    const Operation& op = result.batch.operations[i];
    const pardot::WriteOutcome* outcome = nullptr;
    for (const auto& o : outcomes) {
      if (o.op_id == op.op_id) outcome = &o;
    }
    if (outcome == nullptr) {
      unsent.push_back(op.op_id);
    } else if (outcome->state == OpState::kConfirmed) {
      CountConfirmed(op, !outcome->error.empty());
      if (outcome->error.empty()) {
        confirmed.push_back(op.op_id);
      } else {  // a delete of a prospect already gone: the note stays with the operation
        ++totals_.confirmed;
        journal_.SetState(run_id_, {op.op_id}, OpState::kConfirmed, outcome->error);
      }
    } else if (outcome->state == OpState::kUnknown) {
      unknown.push_back(op.op_id);
    } else {
      ++totals_.failed;
      journal_.SetState(run_id_, {op.op_id}, OpState::kFailed, outcome->error);
      refusals_.emplace_back(op.prospect_id, outcome->error);
    }
  }
  totals_.confirmed += static_cast<long long>(confirmed.size());
  totals_.unknown += static_cast<long long>(unknown.size());
  Status st = journal_.SetState(run_id_, confirmed, OpState::kConfirmed);
  if (st.ok()) st = journal_.SetState(run_id_, unknown, OpState::kUnknown);
  if (st.ok()) st = journal_.SetState(run_id_, unsent, OpState::kPlanned);
  if (!st.ok()) control_.Stop(kExitFault, st.message());
  if (progress_ != nullptr) progress_->Written(result.batch.operations.size() - unsent.size());
  // A call that failed as a whole (the daily limit, authentication, a fault) stops the run; its
  // operations are planned again for `resume`. Unknown outcomes do not stop it: they are
  // verified at the end.
  const pardot::Classified& call = result.result.call;
  if (call.outcome != pardot::Outcome::kOk && !unsent.empty()) {
    control_.Stop(ExitCodeOf(call, result.result.auth_failed),
                  pardot::Describe("writing prospects", call));
  }
}

void PardotWrites::CountConfirmed(const Operation& op, bool already_gone) {
  if (op.kind == "delete") ++(already_gone ? totals_.already_gone : totals_.deleted);
  if (op.kind == "undelete") ++totals_.restored;
}

void PardotWrites::SendPlanned(std::vector<Operation> operations) {
  if (progress_ != nullptr) progress_->WritesPlanned(operations.size());
  for (WriteBatch& batch : Split(std::move(operations))) {
    if (control_.stopped()) return;
    Settle(Send(std::move(batch)));
  }
}

void PardotWrites::VerifyUnknown() {
  auto unknown = journal_.Operations(run_id_, OpState::kUnknown);
  auto sent = journal_.Operations(run_id_, OpState::kSent);  // a crash between send and settle
  if (!unknown.ok() || !sent.ok()) {
    control_.Stop(kExitFault, (!unknown.ok() ? unknown.status() : sent.status()).message());
    return;
  }
  std::vector<Operation> resend;
  for (auto* list : {&*unknown, &*sent}) {
    for (Operation& op : *list) {
      if (control_.stopped()) return;
      auto landed = writer_.Verify(op);
      if (!landed.ok()) {
        control_.Stop(kExitFault, landed.status().message());
        return;
      }
      if (*landed) {
        journal_.SetState(run_id_, {op.op_id}, OpState::kConfirmed);
        ++totals_.confirmed;
        CountConfirmed(op, /*already_gone=*/false);
        if (totals_.unknown > 0) --totals_.unknown;
      } else if (op.kind == "undelete") {
        // Not sent again: an undelete that landed on another prospect sharing the email would,
        // sent again, restore yet another one.
        const std::string why =
            "not restored: the undelete's outcome is unknown and the prospect is still deleted";
        journal_.SetState(run_id_, {op.op_id}, OpState::kFailed, why);
        refusals_.emplace_back(op.prospect_id, why);
        ++totals_.failed;
        if (totals_.unknown > 0) --totals_.unknown;
      } else {
        resend.push_back(std::move(op));
      }
    }
  }
  SendPlanned(std::move(resend));
}

}  // namespace pdc
