// Finding the prospect a v3/v4 identifier names, and the create/update/upsert core shared by
// the single operations and the batch rows (pardot-api.md §1.4, §6.1).
#pragma once

#include <string>
#include <vector>

#include "tests/emulator/v34_call.h"

namespace pdc::emulator {

enum class V34Op { kRead, kCreate, kUpdate, kUpsert, kDelete, kAssign, kUnassign };

// `<id_field>/<id_value>` of a path, or the identifier of a batch row.
struct IdRef {
  std::string field;  // "id", "email" or "fid"
  std::string value;
};

// Whether `field` may identify a prospect in `op` for the call's version:
//   v3: id, email everywhere (create: email only);
//   v4: id and fid; email only for read, create and upsert (create: email only).
// Unknown field names → 2 (Invalid action). A field that the version does not offer for the
// operation (v3 fid, v4 update/delete/assign by email) → 22 "Unsupported feature in this
// version": UNCONFIRMED, the docs only list which paths exist.
V34Failure CheckIdField(const V34Call& call, V34Op op, const std::string& field);

// The prospects `ref` names, checked with CheckIdField first.
//  id: non-integer → 16, unknown → 3; fid: malformed → 77, unknown → 92; either in the recycle
//  bin → 132 unless `allow_deleted`.
//  email: malformed or no match → 4; recycle-bin prospects never match (§4.4). v3 returns
//  the one match; v4 every match (read/email returns all sharers).
struct Lookup {
  std::vector<Prospect*> prospects;
  V34Failure failure;
};
Lookup FindProspects(V34Call& call, V34Op op, const IdRef& ref, bool allow_deleted);

// create, update or upsert of the prospect `ref` names, with the field writes in `params`
// (ParseWrites). On success returns the prospect written.
//  create: `ref` is the email (4 when malformed); v3 refuses an address a live prospect has
//    (9; recycle-bin prospects do not count, as they do not match a read by email); v4 always
//    creates and takes an optional `fid` param (77 when malformed). An `email` param is
//    ignored: the path names the address.
//  update: by id or email (v3) / id or fid (v4); through the email form the email cannot
//    change (its `email` param is ignored, §1.4). v3 refuses an email another prospect has (9).
//  upsert v3: email → update the match or create; id → update (un-deleting), else fall back to
//    the `email` param (update its match or create), else 14.
//  upsert v4: email → always create; id → update (un-deleting), else create when an `email`
//    param is given (UNCONFIRMED, §6.1), else 14; fid → update, else create with the
//    email+fid pair, else 92.
//  v4 `fid` param on a prospect whose fid differs → 81; on one without a fid it is recorded.
struct WriteOutcome {
  Prospect* prospect = nullptr;
  V34Failure failure;
};
WriteOutcome RunWrite(V34Call& call, V34Op op, const IdRef& ref, const Params& params);

}  // namespace pdc::emulator
