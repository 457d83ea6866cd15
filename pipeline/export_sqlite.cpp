// The SQLite export target: one connection in WAL mode, synchronous FULL (a page is on disk when
// Write returns, before the export saves the cursor that skips it), one transaction of upserts
// per page through statements prepared once.
#include <sqlite3.h>

#include <algorithm>
#include <cctype>

#include "pipeline/export_rows.h"
#include "pipeline/json_text.h"

namespace pdc {
namespace {

struct TableColumn {
  std::string name;
  std::string type;  // INTEGER | TEXT, as declared (and as PRAGMA table_info gives it back)
};

// A table of the export database: its first column is the primary key.
struct Table {
  std::string name;
  std::vector<TableColumn> columns;
  std::vector<std::string> indexed;
};

Table ObjectTable(ExportObject object) {
  const ExportSchema& schema = SchemaOf(object);
  Table table{std::string(ExportObjectName(object)), {}, {}};
  for (const ExportColumn& c : schema.typed) {
    table.columns.push_back({c.name, c.type == ColumnType::kText ? "TEXT" : "INTEGER"});
  }
  table.columns.push_back({schema.extra, "TEXT"});
  table.columns.push_back({std::string(kExportedAtColumn), "TEXT"});
  if (object == ExportObject::kProspects) {
    table.indexed = {"email", "created_at", "updated_at"};
  } else {
    table.indexed = {"prospect_id", "created_at", "type"};
  }
  return table;
}

Table RunsTable() {
  return {"export_runs",
          {{"run_id", "TEXT"},
           {"started_at", "TEXT"},
           {"finished_at", "TEXT"},
           {"business_unit_id", "TEXT"},
           {"api_version", "INTEGER"},
           {"state", "TEXT"},
           {"prospects", "INTEGER"},
           {"visitor_activities", "INTEGER"},
           {"requests", "INTEGER"}},
          {}};
}

std::string CreateSql(const Table& table) {
  std::string sql = "CREATE TABLE IF NOT EXISTS " + table.name + " (";
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    if (i > 0) sql += ", ";
    sql += table.columns[i].name + " " + table.columns[i].type;
    if (i == 0) sql += " PRIMARY KEY";
  }
  sql += ");\n";
  for (const std::string& column : table.indexed) {
    sql += "CREATE INDEX IF NOT EXISTS " + table.name + "_by_" + column + " ON " + table.name +
           "(" + column + ");\n";
  }
  return sql;
}

// Every column is replaced: the record as fetched last is the current one.
std::string UpsertSql(const Table& table) {
  std::string names, params, updates;
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    const std::string& name = table.columns[i].name;
    names += (i > 0 ? ", " : "") + name;
    params += i > 0 ? ", ?" : "?";
    if (i > 0) updates += (i > 1 ? ", " : "") + name + " = excluded." + name;
  }
  return "INSERT INTO " + table.name + " (" + names + ") VALUES (" + params + ") ON CONFLICT(" +
         table.columns[0].name + ") DO UPDATE SET " + updates;
}

bool SameType(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::toupper(static_cast<unsigned char>(x)) ==
           std::toupper(static_cast<unsigned char>(y));
  });
}

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct StatementFinalizer {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using StatementPtr = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

class SqliteExport final : public ExportTarget {
 public:
  SqliteExport(std::string path, sqlite3* db) : path_(std::move(path)), db_(db) {}

  // Refuses a database whose export tables have other columns, then creates what is missing.
  Status Start();
  Status Write(ExportObject object, const std::vector<Record>& records) override;
  Status RecordRun(const ExportRunRow& run) override;
  std::vector<std::string> Files() const override { return {path_}; }

 private:
  struct ObjectWriter {
    explicit ObjectWriter(ExportObject object) : splitter(SchemaOf(object)) {}
    ExportRowSplitter splitter;
    StatementPtr upsert;
  };

  Status CheckShape(const Table& table);
  Status Exec(const char* sql, const std::string& what);
  Result<StatementPtr> Prepare(const std::string& sql);
  Status Error(const std::string& what) const {
    return Status::Io("export " + path_ + ": " + what + ": " + sqlite3_errmsg(db_.get()));
  }
  Status WriteRows(ObjectWriter& writer, const std::vector<Record>& records);

  const std::string path_;
  std::unique_ptr<sqlite3, DbCloser> db_;  // declared before the statements: closed after them
  ObjectWriter prospects_{ExportObject::kProspects};
  ObjectWriter activities_{ExportObject::kVisitorActivities};
  StatementPtr run_upsert_;
  std::string json_, list_;  // the JSON column and a list cell, reused row to row
};

Status SqliteExport::CheckShape(const Table& table) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db_.get(), "SELECT name, type, pk FROM pragma_table_info(?1)", -1, &raw,
                         nullptr) != SQLITE_OK) {
    return Error("cannot read its tables");
  }
  StatementPtr info(raw);
  sqlite3_bind_text(raw, 1, table.name.c_str(), -1, SQLITE_STATIC);
  std::size_t i = 0;
  int rc;
  while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
    const auto* name = reinterpret_cast<const char*>(sqlite3_column_text(raw, 0));
    const auto* type = reinterpret_cast<const char*>(sqlite3_column_text(raw, 1));
    const bool key = sqlite3_column_int(raw, 2) != 0;
    const std::string found = std::string(name ? name : "") + " " + (type ? type : "");
    if (i >= table.columns.size() || table.columns[i].name != (name ? name : "") ||
        !SameType(table.columns[i].type, type ? type : "") || key != (i == 0)) {
      const std::string expected =
          i < table.columns.size()
              ? table.columns[i].name + " " + table.columns[i].type + (i == 0 ? " PRIMARY KEY" : "")
              : "no more columns";
      return Status::InvalidArgument(
          "export " + path_ + ": the database has a table " + table.name +
          " that is not an export's (column " + std::to_string(i + 1) + " is " + found +
          (key ? " PRIMARY KEY" : "") + ", expected " + expected + "); not writing to it");
    }
    ++i;
  }
  if (rc != SQLITE_DONE) return Error("cannot read its tables");
  if (i != 0 && i != table.columns.size()) {
    return Status::InvalidArgument("export " + path_ + ": the database has a table " + table.name +
                                   " that is not an export's (" + std::to_string(i) +
                                   " columns, expected " + std::to_string(table.columns.size()) +
                                   "); not writing to it");
  }
  return Status::Ok();
}

Status SqliteExport::Exec(const char* sql, const std::string& what) {
  if (sqlite3_exec(db_.get(), sql, nullptr, nullptr, nullptr) != SQLITE_OK) return Error(what);
  return Status::Ok();
}

Result<StatementPtr> SqliteExport::Prepare(const std::string& sql) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v3(db_.get(), sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &raw, nullptr) !=
      SQLITE_OK) {
    sqlite3_finalize(raw);
    return Error("cannot prepare its statements");
  }
  return StatementPtr(raw);
}

Status SqliteExport::Start() {
  const Table tables[] = {ObjectTable(ExportObject::kProspects),
                          ObjectTable(ExportObject::kVisitorActivities), RunsTable()};
  // Checked before anything is written: even the switch to WAL changes a file.
  for (const Table& table : tables) {
    if (Status st = CheckShape(table); !st.ok()) return st;
  }
  // A page of activities with scattered prospect ids dirties a leaf of that index per row; a
  // longer WAL (64 MB of 4 KB pages rather than 4 MB) lets a checkpoint write each such leaf once
  // for many pages, which made a million scattered rows about a third faster.
  std::string schema =
      "PRAGMA journal_mode = WAL;\n"
      "PRAGMA synchronous = FULL;\n"
      "PRAGMA wal_autocheckpoint = 16384;\n";
  for (const Table& table : tables) schema += CreateSql(table);
  if (Status st = Exec(schema.c_str(), "cannot create its tables"); !st.ok()) return st;
  ObjectWriter* writers[] = {&prospects_, &activities_};
  for (int i = 0; i < 2; ++i) {
    auto upsert = Prepare(UpsertSql(tables[i]));
    if (!upsert.ok()) return upsert.status();
    writers[i]->upsert = std::move(*upsert);
  }
  auto runs = Prepare(UpsertSql(tables[2]));
  if (!runs.ok()) return runs.status();
  run_upsert_ = std::move(*runs);
  return Status::Ok();
}

Status SqliteExport::Write(ExportObject object, const std::vector<Record>& records) {
  ObjectWriter& writer = object == ExportObject::kProspects ? prospects_ : activities_;
  if (Status st = Exec("BEGIN IMMEDIATE", "cannot start a transaction"); !st.ok()) return st;
  Status written = WriteRows(writer, records);
  sqlite3_reset(writer.upsert.get());
  if (written.ok()) written = Exec("COMMIT", "cannot commit a page");
  if (!written.ok()) sqlite3_exec(db_.get(), "ROLLBACK", nullptr, nullptr, nullptr);
  return written;
}

Status SqliteExport::WriteRows(ObjectWriter& writer, const std::vector<Record>& records) {
  sqlite3_stmt* s = writer.upsert.get();
  const std::string now = ExportTime();
  for (const Record& record : records) {
    if (Status st = writer.splitter.Split(record); !st.ok()) return st;
    const std::vector<ExportCell>& cells = writer.splitter.cells();
    int param = 1;
    for (const ExportCell& cell : cells) {
      switch (cell.kind) {
        case ExportCell::Kind::kNull:
          sqlite3_bind_null(s, param);
          break;
        case ExportCell::Kind::kNumber:
          sqlite3_bind_int64(s, param, cell.number);
          break;
        case ExportCell::Kind::kText:
          sqlite3_bind_text(s, param, cell.text.data(), static_cast<int>(cell.text.size()),
                            SQLITE_STATIC);
          break;
        case ExportCell::Kind::kList:
          list_.clear();
          AppendJsonValue(list_, *cell.list);
          sqlite3_bind_text(s, param, list_.data(), static_cast<int>(list_.size()),
                            SQLITE_TRANSIENT);
          break;
      }
      ++param;
    }
    json_.clear();
    AppendJsonFields(json_, writer.splitter.others());
    sqlite3_bind_text(s, param++, json_.data(), static_cast<int>(json_.size()), SQLITE_STATIC);
    sqlite3_bind_text(s, param, now.data(), static_cast<int>(now.size()), SQLITE_STATIC);
    if (sqlite3_step(s) != SQLITE_DONE) return Error("cannot write record " + record.label());
    sqlite3_reset(s);
  }
  return Status::Ok();
}

Status SqliteExport::RecordRun(const ExportRunRow& run) {
  sqlite3_stmt* s = run_upsert_.get();
  int param = 1;
  for (const std::string* text :
       {&run.run_id, &run.started_at, &run.finished_at, &run.business_unit_id}) {
    sqlite3_bind_text(s, param++, text->data(), static_cast<int>(text->size()), SQLITE_STATIC);
  }
  sqlite3_bind_int64(s, param++, run.api_version);
  sqlite3_bind_text(s, param++, run.state.data(), static_cast<int>(run.state.size()),
                    SQLITE_STATIC);
  for (long long n : {run.prospects, run.visitor_activities, run.requests}) {
    sqlite3_bind_int64(s, param++, n);
  }
  const int rc = sqlite3_step(s);
  sqlite3_reset(s);
  if (rc != SQLITE_DONE) return Error("cannot record export run " + run.run_id);
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<ExportTarget>> OpenSqliteExport(const std::string& path) {
  // No mutex: a target is used by one thread (export_target.h).
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                      nullptr) != SQLITE_OK) {
    const std::string why = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Status::Io("cannot open the export database " + path + ": " + why);
  }
  sqlite3_busy_timeout(db, 10000);
  auto target = std::make_unique<SqliteExport>(path, db);
  if (Status st = target->Start(); !st.ok()) return st;
  return std::unique_ptr<ExportTarget>(std::move(target));
}

}  // namespace pdc
