// ProspectWriter: sends planned updates to Pardot, only the changed fields, by prospect id
// (never by email: with shared emails an email does not name one prospect).
//   v3: do/batchUpdate with prospects={"prospects":{"<id>":{...}}}   (errors keyed by id)
//   v4: do/batchUpdate with prospects={"prospects":[{"id":N,...}]}   (errors keyed by index)
//   v5: PATCH /api/v5/objects/prospects/<id> with a JSON body, one request per prospect
// Payloads go in URL-encoded POST bodies. Thread-safe (each call is independent).
#pragma once

#include <vector>

#include "pipeline/pardot/operation.h"
#include "pipeline/pardot/session.h"
#include "rules/record.h"

namespace pdc::pardot {

inline constexpr std::size_t kMaxBatch = 50;

struct WriteOutcome {
  std::int64_t op_id = 0;
  OpState state = OpState::kConfirmed;  // confirmed, failed (the record's error) or unknown
  std::string error;
};

class ProspectWriter {
 public:
  ProspectWriter(Session& session, int api_version) : session_(session), version_(api_version) {}

  struct BatchResult {
    std::vector<WriteOutcome> outcomes;  // one per operation, in order
    Classified call;                     // the call's own outcome (kOk when it was answered)
    bool auth_failed = false;
  };
  // At most kMaxBatch operations. When the call itself fails (daily limit, auth, fatal), no
  // outcome is kConfirmed: operations stay as they were unless the effect is unknown.
  BatchResult Send(const std::vector<Operation>& operations);

  // Reads the prospect back to settle an operation whose outcome is unknown: true when every
  // field holds the value that was to be written.
  Result<bool> Verify(const Operation& operation);
  // The prospect's current values of the operation's fields (for undo conflict checks; v5 reads
  // only `fields`, v3/v4 the whole prospect). NotFound when Pardot refuses the prospect itself
  // (an unknown id), Io when the call failed.
  Result<Record> Read(const std::string& prospect_id, const std::vector<std::string>& fields);

 private:
  BatchResult SendBatch(const std::vector<Operation>& operations);
  BatchResult SendV5(const std::vector<Operation>& operations);

  Session& session_;
  int version_;
};

}  // namespace pdc::pardot
