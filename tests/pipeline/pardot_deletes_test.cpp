// Deletes of dedupe losers, end to end: PardotWrites plans them (one delete operation with the
// before-image of every field read, no update), ProspectWriter sends them against the emulator in
// v4 and v5 and classifies the answers, VerifyUnknown settles them by a read, and `undo` brings
// the prospects back through v5 do/undelete, refusing when Pardot restores another prospect.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>

#include "pipeline/commands.h"
#include "pipeline/pardot_writes.h"
#include "tests/emulator/test_client.h"
#include "tests/pipeline/file_fixture.h"

namespace pdc {
namespace {

namespace json = boost::json;
using emulator::testing::EmulatorProcess;
using emulator::testing::HttpClient;

constexpr const char* kUnit = EmulatorProcess::kDefaultUnit;

// A transport for tests that must not touch the network: every request fails to connect.
class NoNetwork final : public pardot::Transport {
 public:
  pardot::Response Send(const pardot::Request&) override {
    ++sent;
    pardot::Response r;
    r.error = pardot::TransportError::kConnect;
    r.error_text = "no network in this test";
    return r;
  }
  int sent = 0;
};

Record Prospect(const std::string& id, const std::map<std::string, std::string>& values) {
  Record record;
  record.set_id(id);
  for (const auto& [field, value] : values) {
    record.Load(InternField(field), value.empty() ? Value() : Value::Text(value));
  }
  return record;
}

const FieldWrite* FieldOf(const Operation& op, const std::string& field) {
  for (const FieldWrite& w : op.fields) {
    if (w.field == field) return &w;
  }
  return nullptr;
}

class DeletesTest : public FileFixture {
 protected:
  void OpenJournal(int version) {
    auto opened = Journal::Open(Path("journal.db"));
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    journal_ = std::move(*opened);
    RunRow run;
    run.run_id = "r1";
    run.mode = "apply";
    run.config_path = Path("c.yaml");
    run.config_hash = "h";
    run.source = "pardot";
    run.business_unit_id = kUnit;
    run.api_version = version;
    run.started_at = "2026-11-26T10:00:00Z";
    ASSERT_TRUE(journal_->BeginRun(run).ok());
  }
  // A session to `base_url` (the emulator, or nowhere with NoNetwork).
  void Connect(int version, const std::string& base_url,
               std::shared_ptr<pardot::Transport> transport) {
    pardot::SessionOptions options;
    options.base_url = base_url;
    options.business_unit_id = kUnit;
    options.credentials.access_token = "tok";
    pardot::GovernorOptions limits;
    limits.backoff_base = std::chrono::milliseconds(1);
    session_ = std::make_unique<pardot::Session>(options, std::move(transport),
                                                 std::make_shared<pardot::Governor>(limits));
    writer_ = std::make_unique<pardot::ProspectWriter>(*session_, version);
    writes_ = std::make_unique<PardotWrites>(*journal_, "r1", version, *writer_, control_);
  }
  // Plans the batch, sends every write batch, settles them.
  void Apply(const Batch& batch) {
    std::vector<WriteBatch> ready = writes_->Plan(batch);
    for (WriteBatch& b : writes_->Flush()) ready.push_back(std::move(b));
    for (WriteBatch& b : ready) writes_->Settle(writes_->Send(std::move(b)));
  }
  std::vector<Operation> Journaled(const std::string& run_id = "r1") {
    auto ops = journal_->Operations(run_id);
    EXPECT_TRUE(ops.ok());
    return ops.ok() ? *ops : std::vector<Operation>{};
  }

  std::unique_ptr<Journal> journal_;
  std::unique_ptr<pardot::Session> session_;
  std::unique_ptr<pardot::ProspectWriter> writer_;
  std::unique_ptr<PardotWrites> writes_;
  RunControl control_;
};

// A survivor (index 0) with a cleaned company, a loser (index 1) that rules also changed and
// that dedupe deletes, and a record nobody touched (index 2).
Batch SurvivorAndLoser(const std::string& survivor, const std::string& loser,
                       const std::string& bystander) {
  Batch batch;
  batch.records.push_back(Prospect(
      survivor, {{"email", "kim@example.com"}, {"first_name", "Kim"}, {"company", "acme inc"}}));
  batch.records.push_back(Prospect(loser, {{"email", "Kim@Example.com"},
                                           {"first_name", "KIM"},
                                           {"last_name", "Lee"},
                                           {"company", ""}}));
  batch.records.push_back(Prospect(bystander, {{"email", "other@example.com"}}));
  batch.records[0].Set(InternField("company"), Value::Text("Acme Inc"), 0);
  batch.records[1].Set(InternField("first_name"), Value::Text("Kim"), 0);
  batch.records[1].Set(InternField("seniority"), Value::Text("senior"), 0);  // derived
  batch.changes = {{0, InternField("company")}, {1, InternField("first_name")}};
  batch.deletes = {1};
  batch.max_id = std::stoll(bystander);
  return batch;
}

TEST_F(DeletesTest, PlanMakesOneDeleteWithTheBeforeImageAndNoUpdateForTheLoser) {
  OpenJournal(4);
  auto offline = std::make_shared<NoNetwork>();
  Connect(4, "http://127.0.0.1:1", offline);
  std::vector<WriteBatch> ready = writes_->Plan(SurvivorAndLoser("11", "12", "13"));
  EXPECT_TRUE(ready.empty());  // neither sort of write batch is full yet
  ready = writes_->Flush();
  ASSERT_EQ(ready.size(), 2u);  // an update batch and a delete batch: never mixed
  ASSERT_EQ(ready[0].operations.size(), 1u);
  ASSERT_EQ(ready[1].operations.size(), 1u);
  EXPECT_EQ(ready[0].operations[0].kind, "update");
  EXPECT_EQ(ready[0].operations[0].prospect_id, "11");
  EXPECT_EQ(ready[1].operations[0].kind, "delete");
  EXPECT_EQ(offline->sent, 0);

  const std::vector<Operation> journaled = Journaled();
  ASSERT_EQ(journaled.size(), 2u);  // journaled at planning, before anything is sent
  const Operation* del = nullptr;
  for (const Operation& op : journaled) {
    EXPECT_EQ(op.state, OpState::kPlanned);
    EXPECT_TRUE(op.kind == "delete" || op.prospect_id == "11") << op.prospect_id;
    if (op.kind == "delete") del = &op;
  }
  ASSERT_NE(del, nullptr);
  EXPECT_EQ(del->prospect_id, "12");
  // Every field read from Pardot, with the value read (not the cleaned one); nothing derived.
  ASSERT_EQ(del->fields.size(), 4u);
  EXPECT_EQ(FieldOf(*del, "first_name")->before.text(), "KIM");
  EXPECT_EQ(FieldOf(*del, "email")->before.text(), "Kim@Example.com");
  EXPECT_TRUE(FieldOf(*del, "company")->before.is_null());
  EXPECT_EQ(FieldOf(*del, "seniority"), nullptr);
  for (const FieldWrite& w : del->fields) EXPECT_TRUE(w.after.is_null()) << w.field;
  EXPECT_EQ(writes_->totals().planned, 2);
}

TEST_F(DeletesTest, DeletesFillWriteBatchesOfTenApartFromUpdates) {
  OpenJournal(4);
  Connect(4, "http://127.0.0.1:1", std::make_shared<NoNetwork>());
  Batch batch;
  for (int i = 0; i < 25; ++i) {
    batch.records.push_back(Prospect(std::to_string(100 + i), {{"email", "a@example.com"}}));
    batch.deletes.push_back(static_cast<std::uint32_t>(i));
  }
  const std::vector<WriteBatch> ready = writes_->Plan(batch);
  ASSERT_EQ(ready.size(), 2u);
  for (const WriteBatch& b : ready) {
    EXPECT_EQ(b.operations.size(), 10u);
    for (const Operation& op : b.operations) EXPECT_EQ(op.kind, "delete");
  }
  const std::vector<WriteBatch> rest = writes_->Flush();
  ASSERT_EQ(rest.size(), 1u);
  EXPECT_EQ(rest[0].operations.size(), 5u);
}

// The emulator, seeded; its state read back over loopback.
class EmulatedDeletesTest : public DeletesTest {
 protected:
  void Start(int version, const std::string& prospects_json) {
    std::vector<std::string> args = {"--token", "tok"};
    if (version == 4) args.push_back("--ampsea");
    emulator_ = std::make_unique<EmulatorProcess>(args);
    const auto seeded =
        HttpClient(emulator_->url())
            .Post("/_emulator/prospects", prospects_json, {{"Content-Type", "application/json"}});
    ASSERT_EQ(seeded.status, 200) << seeded.body;
    OpenJournal(version);
    Connect(version, emulator_->url(), pardot::MakeCurlTransport(5));
    WriteConfig(version);
  }
  void WriteConfig(int version) {
    Write("c.yaml", "version: 1\nsource:\n  pardot:\n    api_version: " + std::to_string(version) +
                        "\n    base_url: \"" + emulator_->url() +
                        "\"\n    business_unit_id: " + kUnit +
                        "\n    auth: { access_token: tok }\n    edition: growth\n"
                        "rules:\n  - text: { fields: [company] }\n");
  }
  json::object Get(const std::string& path) {
    return json::parse(HttpClient(emulator_->url()).Get(path).body).as_object();
  }
  // id -> the prospect as /_emulator/state shows it.
  std::map<long long, json::object> State() {
    std::map<long long, json::object> state;
    const json::object doc = Get("/_emulator/state");
    for (const auto& p : doc.at("units").at(0).at("prospects").as_array()) {
      state[p.at("id").as_int64()] = p.as_object();
    }
    return state;
  }
  bool Deleted(long long id) { return State().at(id).at("deleted").as_bool(); }
  std::string ValueOf(long long id, const std::string& field) {
    const std::map<long long, json::object> state = State();
    const auto* v = state.at(id).at("values").as_object().if_contains(field);
    return v && v->is_string() ? std::string(v->as_string()) : "";
  }
  long long Requests(const std::string& endpoint) {
    const json::object stats = Get("/_emulator/stats");
    const auto* n = stats.at("by_endpoint").as_object().if_contains(endpoint);
    return n ? n->as_int64() : 0;
  }
  // Undoes run r1 with --apply; returns the exit code.
  int Undo() {
    RunOptions options;
    options.journal = Path("journal.db");
    options.reports = {Path("undo.json")};
    journal_.reset();  // the command opens the journal itself
    const int code = UndoCommand("r1", /*apply=*/true, options, CommonOptions{false, true});
    auto reopened = Journal::Open(Path("journal.db"));
    EXPECT_TRUE(reopened.ok());
    if (reopened.ok()) journal_ = std::move(*reopened);
    return code;
  }
  json::object UndoReport() { return json::parse(Slurp(Path("undo.json"))).as_object(); }
  std::string UndoRunId() {
    auto runs = journal_->Runs();
    return runs.ok() && runs->size() == 2 ? (*runs)[1].run_id : "";
  }

  std::unique_ptr<EmulatorProcess> emulator_;
};

constexpr const char* kThree = R"([
  {"id":11,"email":"kim@example.com","first_name":"Kim","company":"acme inc"},
  {"id":12,"email":"Kim@Example.com","first_name":"KIM","last_name":"Lee",
   "last_activity_at":"2026-01-02 10:00:00"},
  {"id":13,"email":"other@example.com"}])";

TEST_F(EmulatedDeletesTest, V4DeletesOneRequestEachAndUndoRestoresThem) {
  Start(4, kThree);
  Apply(SurvivorAndLoser("11", "12", "13"));
  ASSERT_FALSE(control_.stopped()) << control_.why();
  EXPECT_TRUE(Deleted(12));
  EXPECT_FALSE(Deleted(11));
  EXPECT_EQ(ValueOf(11, "company"), "Acme Inc");
  EXPECT_EQ(ValueOf(12, "first_name"), "KIM");  // the loser was deleted, not updated first
  EXPECT_EQ(Requests("v4 prospect delete"), 1);
  EXPECT_EQ(Requests("v4 prospect batchUpdate"), 1);
  EXPECT_EQ(writes_->totals().confirmed, 2);
  EXPECT_EQ(writes_->totals().deleted, 1);
  EXPECT_EQ(writes_->totals().already_gone, 0);
  for (const Operation& op : Journaled()) EXPECT_EQ(op.state, OpState::kConfirmed) << op.op_id;

  ASSERT_EQ(Undo(), kExitOk);
  EXPECT_FALSE(Deleted(12));
  EXPECT_EQ(ValueOf(12, "first_name"), "KIM");
  EXPECT_EQ(ValueOf(12, "last_name"), "Lee");
  EXPECT_EQ(ValueOf(12, "email"), "Kim@Example.com");
  EXPECT_EQ(ValueOf(11, "company"), "acme inc");
  // v4 has no undelete: the same session sent v5's, with its token and business unit.
  EXPECT_EQ(Requests("v5 POST prospects/do/undelete"), 1);
  const std::vector<Operation> undo = Journaled(UndoRunId());
  ASSERT_EQ(undo.size(), 2u);
  EXPECT_EQ(undo[0].kind, "undelete");  // restores go first
  EXPECT_EQ(undo[0].prospect_id, "12");
  EXPECT_EQ(undo[0].state, OpState::kConfirmed);
  EXPECT_EQ(undo[1].prospect_id, "11");
  EXPECT_EQ(undo[1].state, OpState::kConfirmed);
  EXPECT_EQ(UndoReport().at("writes").at("restored").as_int64(), 1);
}

TEST_F(EmulatedDeletesTest, V5DeletesAndUndoRestores) {
  Start(5, R"([{"id":21,"email":"v5@example.com","first_name":"Vee"},
               {"id":22,"email":"keep@example.com"}])");
  Batch batch;
  batch.records.push_back(Prospect("21", {{"email", "v5@example.com"}, {"first_name", "Vee"}}));
  batch.records.push_back(Prospect("22", {{"email", "keep@example.com"}}));
  batch.deletes = {0};
  Apply(batch);
  ASSERT_FALSE(control_.stopped()) << control_.why();
  EXPECT_TRUE(Deleted(21));
  EXPECT_FALSE(Deleted(22));
  EXPECT_EQ(Requests("v5 DELETE prospects/{id}"), 1);
  EXPECT_EQ(writes_->totals().deleted, 1);

  ASSERT_EQ(Undo(), kExitOk);
  EXPECT_FALSE(Deleted(21));
  EXPECT_EQ(ValueOf(21, "first_name"), "Vee");
  EXPECT_EQ(Requests("v5 POST prospects/do/undelete"), 1);
}

TEST_F(EmulatedDeletesTest, AProspectAlreadyGoneIsConfirmedWithANoteAndNotRestored) {
  Start(5, R"([{"id":31,"email":"gone@example.com","deleted":true},
               {"id":32,"email":"here@example.com"}])");
  Batch batch;
  batch.records.push_back(Prospect("31", {{"email", "gone@example.com"}}));
  batch.records.push_back(Prospect("32", {{"email", "here@example.com"}}));
  batch.records.push_back(Prospect("33", {{"email", "never@example.com"}}));
  batch.deletes = {0, 2};
  Apply(batch);
  ASSERT_FALSE(control_.stopped()) << control_.why();
  EXPECT_EQ(writes_->totals().confirmed, 2);
  EXPECT_EQ(writes_->totals().already_gone, 2);
  EXPECT_EQ(writes_->totals().deleted, 0);
  EXPECT_EQ(writes_->totals().failed, 0);
  for (const Operation& op : Journaled()) {
    EXPECT_EQ(op.state, OpState::kConfirmed);
    EXPECT_TRUE(WasAlreadyGone(op)) << op.error;
    EXPECT_NE(op.error.find("109"), std::string::npos) << op.error;
  }

  ASSERT_EQ(Undo(), kExitOk);
  EXPECT_TRUE(Deleted(31));  // the run did not delete it: undo leaves it in the recycle bin
  EXPECT_EQ(Requests("v5 POST prospects/do/undelete"), 0);
  const auto rejected = UndoReport().at("rejected").as_array();
  ASSERT_EQ(rejected.size(), 2u);
  EXPECT_NE(std::string(rejected[0].at("reason").as_string()).find("already gone"),
            std::string::npos);
}

TEST_F(EmulatedDeletesTest, V4DeleteOfARecycledProspectIsAlreadyGone) {
  Start(4, R"([{"id":41,"email":"bin@example.com","deleted":true}])");
  Batch batch;
  batch.records.push_back(Prospect("41", {{"email", "bin@example.com"}}));
  batch.deletes = {0};
  Apply(batch);
  EXPECT_EQ(writes_->totals().already_gone, 1);
  const std::vector<Operation> ops = Journaled();
  ASSERT_EQ(ops.size(), 1u);
  EXPECT_TRUE(WasAlreadyGone(ops[0]));
  EXPECT_NE(ops[0].error.find("132"), std::string::npos) << ops[0].error;
}

TEST_F(EmulatedDeletesTest, UndoRefusesWhenPardotRestoresAnotherProspectWithTheEmail) {
  // 52 shares 51's address and has later activity: Pardot's undelete picks it.
  Start(4, R"([{"id":51,"email":"twin@example.com","first_name":"Old",
                "last_activity_at":"2026-01-01 10:00:00"},
               {"id":52,"email":"twin@example.com","first_name":"New",
                "last_activity_at":"2026-03-01 10:00:00"}])");
  Batch batch;
  batch.records.push_back(Prospect("51", {{"email", "twin@example.com"}}));
  batch.deletes = {0};
  Apply(batch);
  ASSERT_TRUE(Deleted(51));
  const auto gone =
      HttpClient(emulator_->url())
          .Send("POST", "/api/prospect/version/4/do/delete/id/52", "",
                {{"Authorization", "Bearer tok"}, {"Pardot-Business-Unit-Id", kUnit}});
  ASSERT_EQ(gone.status, 204);  // deleted by someone else after the run

  ASSERT_EQ(Undo(), kExitOk);
  EXPECT_TRUE(Deleted(51));
  EXPECT_FALSE(Deleted(52));
  const std::vector<Operation> undo = Journaled(UndoRunId());
  ASSERT_EQ(undo.size(), 1u);
  EXPECT_EQ(undo[0].state, OpState::kFailed);
  EXPECT_NE(undo[0].error.find("restored prospect 52 instead"), std::string::npos) << undo[0].error;
  const json::object report = UndoReport();
  EXPECT_EQ(report.at("writes").at("failed").as_int64(), 1);
  EXPECT_EQ(report.at("writes").at("restored").as_int64(), 0);
  ASSERT_EQ(report.at("rejected").as_array().size(), 1u);
  EXPECT_EQ(report.at("rejected").at(0).at("id").as_string(), "51");
}

TEST_F(EmulatedDeletesTest, UndoLeavesAProspectActiveAgainAlone) {
  Start(5, R"([{"id":61,"email":"back@example.com"}])");
  Batch batch;
  batch.records.push_back(Prospect("61", {{"email", "back@example.com"}}));
  batch.deletes = {0};
  Apply(batch);
  ASSERT_TRUE(Deleted(61));
  const auto restored =
      HttpClient(emulator_->url())
          .Post("/api/v5/objects/prospects/do/undelete", R"({"matchEmail":"back@example.com"})",
                {{"Authorization", "Bearer tok"},
                 {"Pardot-Business-Unit-Id", kUnit},
                 {"Content-Type", "application/json"}});
  ASSERT_EQ(restored.status, 200) << restored.body;

  ASSERT_EQ(Undo(), kExitOk);
  EXPECT_FALSE(Deleted(61));
  EXPECT_EQ(Requests("v5 POST prospects/do/undelete"), 1);  // the test's own, no other
  const auto rejected = UndoReport().at("rejected").as_array();
  ASSERT_EQ(rejected.size(), 1u);
  EXPECT_NE(std::string(rejected[0].at("reason").as_string()).find("active again"),
            std::string::npos);
}

TEST_F(EmulatedDeletesTest, AnUnsettledDeleteIsVerifiedByARead) {
  Start(5, R"([{"id":71,"email":"landed@example.com"},{"id":72,"email":"lost@example.com"}])");
  // As after a crash between sending and settling: both journaled as sent; only 71's delete
  // reached Pardot.
  std::vector<Operation> ops(2);
  for (int i = 0; i < 2; ++i) {
    ops[i].op_id = i + 1;
    ops[i].prospect_id = std::to_string(71 + i);
    ops[i].kind = "delete";
    ops[i].fields = {
        {"email", Value::Text(i ? "lost@example.com" : "landed@example.com"), Value()}};
  }
  ASSERT_TRUE(journal_->Plan("r1", ops).ok());
  ASSERT_TRUE(journal_->SetState("r1", {1, 2}, OpState::kSent).ok());
  const auto deleted =
      HttpClient(emulator_->url())
          .Delete("/api/v5/objects/prospects/71",
                  {{"Authorization", "Bearer tok"}, {"Pardot-Business-Unit-Id", kUnit}});
  ASSERT_EQ(deleted.status, 204);

  writes_->VerifyUnknown();
  ASSERT_FALSE(control_.stopped()) << control_.why();
  EXPECT_EQ(Requests("v5 DELETE prospects/{id}"), 2);  // the test's, and 72's resend
  EXPECT_EQ(Requests("v5 GET prospects/{id}"), 2);     // one read each
  EXPECT_TRUE(Deleted(72));
  EXPECT_EQ(writes_->totals().deleted, 2);
  for (const Operation& op : Journaled()) {
    EXPECT_EQ(op.state, OpState::kConfirmed);
    EXPECT_TRUE(op.error.empty()) << op.error;
  }
}

TEST_F(EmulatedDeletesTest, AnUnsettledUndeleteIsVerifiedButNeverSentAgain) {
  Start(4, R"([{"id":81,"email":"up@example.com"},
               {"id":82,"email":"down@example.com","deleted":true}])");
  std::vector<Operation> ops(2);
  for (int i = 0; i < 2; ++i) {
    ops[i].op_id = i + 1;
    ops[i].prospect_id = std::to_string(81 + i);
    ops[i].kind = "undelete";
    ops[i].fields = {{"email", Value(), Value::Text(i ? "down@example.com" : "up@example.com")}};
  }
  ASSERT_TRUE(journal_->Plan("r1", ops).ok());
  ASSERT_TRUE(journal_->SetState("r1", {1, 2}, OpState::kUnknown).ok());

  writes_->VerifyUnknown();
  ASSERT_FALSE(control_.stopped()) << control_.why();
  EXPECT_EQ(Requests("v4 prospect read"), 2);
  EXPECT_EQ(Requests("v5 POST prospects/do/undelete"), 0);
  EXPECT_TRUE(Deleted(82));
  const std::vector<Operation> settled = Journaled();
  ASSERT_EQ(settled.size(), 2u);
  EXPECT_EQ(settled[0].state, OpState::kConfirmed);  // 81 is active: it landed
  EXPECT_EQ(settled[1].state, OpState::kFailed);
  EXPECT_NE(settled[1].error.find("still deleted"), std::string::npos) << settled[1].error;
  EXPECT_EQ(writes_->totals().restored, 1);
  EXPECT_EQ(writes_->totals().failed, 1);
}

}  // namespace
}  // namespace pdc
