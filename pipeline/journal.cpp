#include "pipeline/journal.h"

#include <sqlite3.h>

#include <boost/json.hpp>

#include "pipeline/json_text.h"

namespace pdc {
namespace {

constexpr const char* kSchema = R"sql(
PRAGMA journal_mode = WAL;
PRAGMA synchronous = FULL;
CREATE TABLE IF NOT EXISTS runs (
  run_id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  undo_of TEXT NOT NULL DEFAULT '',
  mode TEXT NOT NULL,
  config_path TEXT NOT NULL,
  config_hash TEXT NOT NULL,
  source TEXT NOT NULL,
  business_unit_id TEXT NOT NULL,
  api_version INTEGER NOT NULL,
  state TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL DEFAULT '',
  exit_code INTEGER NOT NULL DEFAULT -1,
  summary TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE IF NOT EXISTS operations (
  run_id TEXT NOT NULL REFERENCES runs(run_id),
  op_id INTEGER NOT NULL,
  prospect_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  fields TEXT NOT NULL,
  state TEXT NOT NULL,
  error TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (run_id, op_id)
);
CREATE INDEX IF NOT EXISTS operations_by_state ON operations(run_id, state);
CREATE TABLE IF NOT EXISTS checkpoints (
  run_id TEXT PRIMARY KEY REFERENCES runs(run_id),
  cursor TEXT NOT NULL,
  records_pulled INTEGER NOT NULL,
  saved_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE IF NOT EXISTS export_marks (
  business_unit_id TEXT NOT NULL,
  target TEXT NOT NULL,
  object TEXT NOT NULL,
  mark TEXT NOT NULL,
  saved_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  PRIMARY KEY (business_unit_id, target, object)
);
CREATE TABLE IF NOT EXISTS api_usage (
  business_unit_id TEXT NOT NULL,
  day TEXT NOT NULL,
  requests INTEGER NOT NULL,
  PRIMARY KEY (business_unit_id, day)
);
)sql";

// One prepared statement, finalised on scope exit.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
    rc_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr);
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  bool ok() const { return rc_ == SQLITE_OK; }
  Statement& Bind(int i, const std::string& text) {
    sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& Bind(int i, std::int64_t n) {
    sqlite3_bind_int64(stmt_, i, n);
    return *this;
  }
  // SQLITE_ROW, SQLITE_DONE or an error.
  int Step() { return sqlite3_step(stmt_); }
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::string Text(int column) const {
    const auto* p = sqlite3_column_text(stmt_, column);
    return p ? std::string(reinterpret_cast<const char*>(p),
                           static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
             : std::string();
  }
  std::int64_t Int(int column) const { return sqlite3_column_int64(stmt_, column); }
  Status Error(const std::string& what) const {
    return Status::Io("journal: " + what + ": " + sqlite3_errmsg(db_));
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  int rc_;
};

std::optional<OpState> ParseState(const std::string& name) {
  for (OpState s : {OpState::kPlanned, OpState::kSent, OpState::kConfirmed, OpState::kFailed,
                    OpState::kUnknown}) {
    if (name == OpStateName(s)) return s;
  }
  return std::nullopt;
}

std::string FieldsJson(const std::vector<FieldWrite>& fields) {
  std::string out = "[";
  for (std::size_t i = 0; i < fields.size(); ++i) {
    out += i ? ",{\"field\":" : "{\"field\":";
    AppendJsonString(out, fields[i].field);
    out += ",\"before\":";
    AppendJsonValue(out, fields[i].before);
    out += ",\"after\":";
    AppendJsonValue(out, fields[i].after);
    out += '}';
  }
  return out + "]";
}

Value ValueOfJson(const boost::json::value& v) {
  if (v.is_null()) return Value::Null();
  if (v.is_string()) return Value::Text(std::string(v.as_string()));
  if (v.is_array()) {
    std::vector<std::string> items;
    for (const auto& item : v.as_array()) {
      items.push_back(item.is_string() ? std::string(item.as_string())
                                       : boost::json::serialize(item));
    }
    return Value::List(std::move(items));
  }
  return Value::Json(boost::json::serialize(v));
}

std::vector<FieldWrite> ParseFields(const std::string& text) {
  std::vector<FieldWrite> fields;
  boost::json::error_code ec;
  const auto doc = boost::json::parse(text, ec);
  if (ec || !doc.is_array()) return fields;
  for (const auto& item : doc.as_array()) {
    if (!item.is_object()) continue;
    const auto& o = item.as_object();
    FieldWrite w;
    if (const auto* f = o.if_contains("field"); f && f->is_string())
      w.field = std::string(f->as_string());
    if (const auto* b = o.if_contains("before")) w.before = ValueOfJson(*b);
    if (const auto* a = o.if_contains("after")) w.after = ValueOfJson(*a);
    fields.push_back(std::move(w));
  }
  return fields;
}

RunRow RowOf(const Statement& s) {
  RunRow r;
  r.run_id = s.Text(0);
  r.kind = s.Text(1);
  r.undo_of = s.Text(2);
  r.mode = s.Text(3);
  r.config_path = s.Text(4);
  r.config_hash = s.Text(5);
  r.source = s.Text(6);
  r.business_unit_id = s.Text(7);
  r.api_version = static_cast<int>(s.Int(8));
  r.state = s.Text(9);
  r.started_at = s.Text(10);
  r.finished_at = s.Text(11);
  r.exit_code = static_cast<int>(s.Int(12));
  r.summary_json = s.Text(13);
  return r;
}

constexpr const char* kRunColumns =
    "run_id, kind, undo_of, mode, config_path, config_hash, source, business_unit_id, "
    "api_version, state, started_at, finished_at, exit_code, summary";

}  // namespace

Result<std::unique_ptr<Journal>> Journal::Open(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                      nullptr) != SQLITE_OK) {
    std::string why = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Status::Io("cannot open the journal " + path + ": " + why);
  }
  sqlite3_busy_timeout(db, 10000);
  std::unique_ptr<Journal> journal(new Journal(db));
  if (Status st = journal->Exec(kSchema); !st.ok()) {
    return Status::Io("cannot open the journal " + path + ": " + st.message());
  }
  return journal;
}

Journal::~Journal() { sqlite3_close(db_); }

Status Journal::Exec(const std::string& sql) {
  char* error = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    const std::string why = error ? error : "unknown error";
    sqlite3_free(error);
    return Status::Io("journal: " + why);
  }
  return Status::Ok();
}

Status Journal::BeginRun(const RunRow& r) {
  std::lock_guard lock(mutex_);
  Statement s(db_, (std::string("INSERT INTO runs (") + kRunColumns +
                    ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                       .c_str());
  s.Bind(1, r.run_id).Bind(2, r.kind).Bind(3, r.undo_of).Bind(4, r.mode).Bind(5, r.config_path);
  s.Bind(6, r.config_hash).Bind(7, r.source).Bind(8, r.business_unit_id);
  s.Bind(9, static_cast<std::int64_t>(r.api_version)).Bind(10, r.state).Bind(11, r.started_at);
  s.Bind(12, r.finished_at).Bind(13, static_cast<std::int64_t>(r.exit_code));
  s.Bind(14, r.summary_json.empty() ? std::string("{}") : r.summary_json);
  if (s.Step() != SQLITE_DONE) return s.Error("cannot record run " + r.run_id);
  return Status::Ok();
}

Status Journal::FinishRun(const std::string& run_id, const std::string& state, int exit_code,
                          const std::string& summary_json) {
  std::lock_guard lock(mutex_);
  Statement s(db_,
              "UPDATE runs SET state = ?, exit_code = ?, summary = ?, "
              "finished_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE run_id = ?");
  s.Bind(1, state)
      .Bind(2, static_cast<std::int64_t>(exit_code))
      .Bind(3, summary_json)
      .Bind(4, run_id);
  if (s.Step() != SQLITE_DONE) return s.Error("cannot finish run " + run_id);
  return Status::Ok();
}

Result<std::vector<RunRow>> Journal::Runs() {
  std::lock_guard lock(mutex_);
  Statement s(db_, (std::string("SELECT ") + kRunColumns + " FROM runs ORDER BY rowid").c_str());
  std::vector<RunRow> rows;
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) rows.push_back(RowOf(s));
  if (rc != SQLITE_DONE) return s.Error("cannot list runs");
  return rows;
}

Result<std::optional<RunRow>> Journal::FindRun(const std::string& run_id) {
  std::lock_guard lock(mutex_);
  Statement s(db_, (std::string("SELECT ") + kRunColumns + " FROM runs WHERE run_id = ?").c_str());
  s.Bind(1, run_id);
  const int rc = s.Step();
  if (rc == SQLITE_ROW) return std::optional<RunRow>(RowOf(s));
  if (rc != SQLITE_DONE) return s.Error("cannot read run " + run_id);
  return std::optional<RunRow>();
}

Status Journal::Plan(const std::string& run_id, const std::vector<Operation>& operations) {
  std::lock_guard lock(mutex_);
  if (Status st = Exec("BEGIN IMMEDIATE"); !st.ok()) return st;
  Statement s(db_,
              "INSERT INTO operations (run_id, op_id, prospect_id, kind, fields, state) "
              "VALUES (?,?,?,?,?,?)");
  for (const Operation& op : operations) {
    s.Bind(1, run_id).Bind(2, op.op_id).Bind(3, op.prospect_id).Bind(4, op.kind);
    s.Bind(5, FieldsJson(op.fields)).Bind(6, std::string(OpStateName(OpState::kPlanned)));
    if (s.Step() != SQLITE_DONE) {
      const Status error = s.Error("cannot plan operation " + std::to_string(op.op_id));
      Exec("ROLLBACK");
      return error;
    }
    s.Reset();
  }
  return Exec("COMMIT");
}

Status Journal::SetState(const std::string& run_id, const std::vector<std::int64_t>& op_ids,
                         OpState state, const std::string& error) {
  std::lock_guard lock(mutex_);
  if (Status st = Exec("BEGIN IMMEDIATE"); !st.ok()) return st;
  Statement s(db_, "UPDATE operations SET state = ?, error = ? WHERE run_id = ? AND op_id = ?");
  for (std::int64_t id : op_ids) {
    s.Bind(1, std::string(OpStateName(state))).Bind(2, error).Bind(3, run_id).Bind(4, id);
    if (s.Step() != SQLITE_DONE) {
      const Status failure = s.Error("cannot update operation " + std::to_string(id));
      Exec("ROLLBACK");
      return failure;
    }
    s.Reset();
  }
  return Exec("COMMIT");
}

Result<std::vector<Operation>> Journal::Operations(const std::string& run_id,
                                                   std::optional<OpState> state) {
  std::lock_guard lock(mutex_);
  Statement s(db_, state ? "SELECT op_id, prospect_id, kind, fields, state, error FROM operations "
                           "WHERE run_id = ? AND state = ? ORDER BY op_id"
                         : "SELECT op_id, prospect_id, kind, fields, state, error FROM operations "
                           "WHERE run_id = ? ORDER BY op_id");
  s.Bind(1, run_id);
  if (state) s.Bind(2, std::string(OpStateName(*state)));
  std::vector<Operation> ops;
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) {
    Operation op;
    op.op_id = s.Int(0);
    op.prospect_id = s.Text(1);
    op.kind = s.Text(2);
    op.fields = ParseFields(s.Text(3));
    op.state = ParseState(s.Text(4)).value_or(OpState::kUnknown);
    op.error = s.Text(5);
    ops.push_back(std::move(op));
  }
  if (rc != SQLITE_DONE) return s.Error("cannot read operations of " + run_id);
  return ops;
}

Status Journal::SaveCheckpoint(const std::string& run_id, const std::string& cursor_json,
                               std::int64_t records_pulled) {
  std::lock_guard lock(mutex_);
  Statement s(db_,
              "INSERT INTO checkpoints (run_id, cursor, records_pulled) VALUES (?,?,?) "
              "ON CONFLICT(run_id) DO UPDATE SET cursor = excluded.cursor, "
              "records_pulled = excluded.records_pulled, "
              "saved_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')");
  s.Bind(1, run_id).Bind(2, cursor_json).Bind(3, records_pulled);
  if (s.Step() != SQLITE_DONE) return s.Error("cannot save the checkpoint of " + run_id);
  return Status::Ok();
}

Result<std::optional<std::string>> Journal::Checkpoint(const std::string& run_id) {
  std::lock_guard lock(mutex_);
  Statement s(db_, "SELECT cursor FROM checkpoints WHERE run_id = ?");
  s.Bind(1, run_id);
  const int rc = s.Step();
  if (rc == SQLITE_ROW) return std::optional<std::string>(s.Text(0));
  if (rc != SQLITE_DONE) return s.Error("cannot read the checkpoint of " + run_id);
  return std::optional<std::string>();
}

Status Journal::SaveMark(const std::string& business_unit_id, const std::string& target,
                         const std::string& object, const std::string& mark_json) {
  std::lock_guard lock(mutex_);
  Statement s(db_,
              "INSERT INTO export_marks (business_unit_id, target, object, mark) VALUES (?,?,?,?) "
              "ON CONFLICT(business_unit_id, target, object) DO UPDATE SET mark = excluded.mark, "
              "saved_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')");
  s.Bind(1, business_unit_id).Bind(2, target).Bind(3, object).Bind(4, mark_json);
  if (s.Step() != SQLITE_DONE) return s.Error("cannot save the export mark of " + object);
  return Status::Ok();
}

Result<std::optional<std::string>> Journal::Mark(const std::string& business_unit_id,
                                                 const std::string& target,
                                                 const std::string& object) {
  std::lock_guard lock(mutex_);
  Statement s(db_,
              "SELECT mark FROM export_marks WHERE business_unit_id = ? AND target = ? AND "
              "object = ?");
  s.Bind(1, business_unit_id).Bind(2, target).Bind(3, object);
  const int rc = s.Step();
  if (rc == SQLITE_ROW) return std::optional<std::string>(s.Text(0));
  if (rc != SQLITE_DONE) return s.Error("cannot read the export mark of " + object);
  return std::optional<std::string>();
}

Status Journal::AddUsage(const std::string& business_unit_id, const std::string& day,
                         std::int64_t n) {
  std::lock_guard lock(mutex_);
  Statement s(
      db_,
      "INSERT INTO api_usage (business_unit_id, day, requests) VALUES (?,?,?) "
      "ON CONFLICT(business_unit_id, day) DO UPDATE SET requests = requests + excluded.requests");
  s.Bind(1, business_unit_id).Bind(2, day).Bind(3, n);
  if (s.Step() != SQLITE_DONE) return s.Error("cannot record API usage");
  return Status::Ok();
}

Result<std::int64_t> Journal::Usage(const std::string& business_unit_id, const std::string& day) {
  std::lock_guard lock(mutex_);
  Statement s(db_, "SELECT requests FROM api_usage WHERE business_unit_id = ? AND day = ?");
  s.Bind(1, business_unit_id).Bind(2, day);
  const int rc = s.Step();
  if (rc == SQLITE_ROW) return s.Int(0);
  if (rc != SQLITE_DONE) return s.Error("cannot read API usage");
  return std::int64_t{0};
}

}  // namespace pdc
