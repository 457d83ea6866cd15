// End-to-end: the real pardot-generate binary. Determinism, output shape, ground truth, the
// duplicate and shared-email rates, and the realism properties downstream tests rely on.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "tests/e2e/process.h"

namespace pdc::e2e {
namespace {

using Record = std::vector<std::string>;

constexpr size_t kColumns = 19;
constexpr const char* kHeader =
    "id,email,first_name,last_name,salutation,company,job_title,phone,country,state,city,"
    "website,crm_lead_fid,crm_contact_fid,opted_out,is_do_not_email,score,created_at,updated_at";

// RFC 4180 reader (quoted fields may hold commas, quotes and line breaks). Returns false on a
// malformed quote.
bool ParseCsv(const std::string& text, std::vector<Record>& records) {
  Record record;
  std::string field;
  bool quoted = false;
  bool was_quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      if (!field.empty() || was_quoted) return false;
      quoted = was_quoted = true;
    } else if (c == ',') {
      record.push_back(std::move(field));
      field.clear();
      was_quoted = false;
    } else if (c == '\n') {
      record.push_back(std::move(field));
      field.clear();
      was_quoted = false;
      records.push_back(std::move(record));
      record.clear();
    } else {
      if (was_quoted) return false;
      field += c;
    }
  }
  return !quoted && field.empty() && record.empty();
}

std::string Folded(std::string text) {
  const auto space = [](char c) { return c == ' ' || c == '\t'; };
  while (!text.empty() && space(text.back())) text.pop_back();
  text.erase(0, std::find_if_not(text.begin(), text.end(), space) - text.begin());
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

class GenerateTest : public ::testing::Test {
 protected:
  Output Generate(const std::string& args) { return Shell(GenerateBinary() + " " + args, dir_); }

  // Generates `args` into out.csv (+ truth.csv) and parses both.
  void Load(const std::string& args, std::vector<Record>& rows, std::vector<Record>& truth) {
    const Output r = Generate(args + " --output out.csv --truth truth.csv");
    ASSERT_EQ(r.code, 0) << r.err;
    ASSERT_TRUE(ParseCsv(ReadFile(dir_ / "out.csv"), rows));
    ASSERT_TRUE(ParseCsv(ReadFile(dir_ / "truth.csv"), truth));
  }

  TempDir dir_;
};

TEST_F(GenerateTest, SameArgumentsSameBytesOtherSeedOtherBytes) {
  for (const std::string format : {"csv", "jsonl"}) {
    const std::string args = "--count 3000 --seed 7 --format " + format;
    const Output a = Generate(args);
    const Output b = Generate(args + " --output file.out");
    const Output c = Generate("--count 3000 --seed 8 --format " + format);
    ASSERT_EQ(a.code, 0) << a.err;
    ASSERT_EQ(b.code, 0) << b.err;
    EXPECT_EQ(a.out, ReadFile(dir_ / "file.out")) << format;
    EXPECT_NE(a.out, c.out) << format;
  }
}

TEST_F(GenerateTest, HeaderRowCountIdsAndValueShapes) {
  std::vector<Record> rows, truth;
  Load("--count 500 --seed 3 --start-id 42", rows, truth);
  ASSERT_EQ(rows.size(), 501u);
  std::string header;
  for (const std::string& name : rows[0]) header += (header.empty() ? "" : ",") + name;
  EXPECT_EQ(header, kHeader);
  for (size_t i = 1; i < rows.size(); ++i) {
    const Record& row = rows[i];
    ASSERT_EQ(row.size(), kColumns) << "row " << i;
    EXPECT_EQ(row[0], std::to_string(41 + i));
    EXPECT_TRUE(row[14] == "true" || row[14] == "false") << row[14];
    EXPECT_TRUE(row[15] == "true" || row[15] == "false") << row[15];
    EXPECT_FALSE(row[16].empty());
    EXPECT_EQ(row[16].find_first_not_of("-0123456789"), std::string::npos) << row[16];
    for (const std::string* crm : {&row[12], &row[13]}) {
      EXPECT_TRUE(crm->empty() || crm->size() == 18) << *crm;
    }
    EXPECT_TRUE(row[12].empty() || row[12].starts_with("00Q")) << row[12];
    EXPECT_TRUE(row[13].empty() || row[13].starts_with("003")) << row[13];
    for (const std::string* time : {&row[17], &row[18]}) {
      ASSERT_EQ(time->size(), 19u) << *time;
      EXPECT_EQ((*time)[4], '-');
      EXPECT_EQ((*time)[10], ' ');
      EXPECT_EQ((*time)[13], ':');
      EXPECT_GE(*time, "2019-01-01 00:00:00");
      EXPECT_LE(*time, "2026-12-31 23:59:59");
    }
    EXPECT_GE(row[18], row[17]) << "updated_at before created_at in row " << i;
  }
}

TEST_F(GenerateTest, TruthCoversEveryIdAndDuplicateShareFollowsTheOption) {
  for (const double duplicates : {0.15, 0.3}) {
    std::vector<Record> rows, truth;
    Load("--count 20000 --seed 11 --duplicates " + std::to_string(duplicates), rows, truth);
    ASSERT_EQ(rows.size(), 20001u);
    ASSERT_EQ(truth.size(), 20001u);
    EXPECT_EQ(truth[0], (Record{"id", "entity_id"}));
    std::map<std::string, int> rows_per_entity;
    for (size_t i = 1; i < truth.size(); ++i) {
      ASSERT_EQ(truth[i].size(), 2u);
      EXPECT_EQ(truth[i][0], rows[i][0]);
      // An entity is named by its first row, which precedes its duplicates.
      EXPECT_LE(std::stoll(truth[i][1]), std::stoll(truth[i][0]));
      ++rows_per_entity[truth[i][1]];
    }
    for (const auto& [entity, count] : rows_per_entity) {
      ASSERT_GE(std::stoll(entity), 1000001);
    }
    const double n = 20000;
    // --duplicates is the share of rows that are extra rows of an earlier entity.
    const double extra = (n - static_cast<double>(rows_per_entity.size())) / n;
    EXPECT_NEAR(extra, duplicates, 0.03);
    int in_groups = 0;
    for (const auto& [entity, count] : rows_per_entity) in_groups += count > 1 ? count : 0;
    const double grouped = in_groups / n;  // also counts each group's first row
    EXPECT_GT(grouped, extra);
    EXPECT_LT(grouped, 2.2 * extra);
  }

  std::vector<Record> rows, truth;
  Load("--count 2000 --seed 11 --duplicates 0", rows, truth);
  for (size_t i = 1; i < truth.size(); ++i) EXPECT_EQ(truth[i][0], truth[i][1]);
}

// For each duplicate row: does its email equal (trimmed, case-folded) the entity's first row's?
std::pair<int, int> SharedAndDifferentEmails(const std::vector<Record>& rows,
                                             const std::vector<Record>& truth) {
  std::map<std::string, std::string> first_email;
  int shared = 0, different = 0;
  for (size_t i = 1; i < rows.size(); ++i) {
    const std::string email = Folded(rows[i][1]);
    const auto [it, inserted] = first_email.emplace(truth[i][1], email);
    if (!inserted) ++(it->second == email ? shared : different);
  }
  return {shared, different};
}

// A personal mailbox belongs to one person: namesakes get jsmith84 where jsmith is taken, and
// jsmith8412 where jsmith84 is taken too. Only role mailboxes (info@, sales@) are shared by
// colleagues. (100,000 rows: the second collision is rare.)
TEST_F(GenerateTest, NoTwoPeopleShareAPersonalMailbox) {
  std::vector<Record> rows, truth;
  Load("--count 100000 --seed 23", rows, truth);
  const std::set<std::string> roles = {"info",    "sales",  "contact", "office", "hello",
                                       "marketing", "admin", "support", "billing", "hr",
                                       "team",    "enquiries", "kontakt"};
  std::map<std::string, std::string> owner;  // mailbox -> entity
  int checked = 0;
  for (size_t i = 1; i < rows.size(); ++i) {
    std::string email = Folded(rows[i][1]);
    if (email.rfind("mailto:", 0) == 0) email.erase(0, 7);
    const auto at = email.rfind('@');
    if (at == std::string::npos || at == 0) continue;
    std::string local = email.substr(0, at);
    const std::string domain = email.substr(at + 1);
    local = local.substr(0, local.find('+'));
    if (roles.count(local)) continue;
    if (domain == "gmail.com" || domain == "googlemail.com") {
      local.erase(std::remove(local.begin(), local.end(), '.'), local.end());
    }
    const std::string mailbox = local + "@" + (domain == "googlemail.com" ? "gmail.com" : domain);
    const auto [it, fresh] = owner.emplace(mailbox, truth[i][1]);
    if (!fresh) {
      EXPECT_EQ(it->second, truth[i][1]) << mailbox << " on row " << rows[i][0];
    }
    ++checked;
  }
  EXPECT_GT(checked, 75000);
}

TEST_F(GenerateTest, SomeDuplicatesShareTheEmailAndSomeDoNot) {
  std::vector<Record> rows, truth;
  Load("--count 20000 --seed 5", rows, truth);
  const auto [shared, different] = SharedAndDifferentEmails(rows, truth);
  EXPECT_GT(shared, 0);
  EXPECT_GT(different, 0);
  // Default --shared-email 0.4; noise on the first row can break a few matches.
  const double share = static_cast<double>(shared) / (shared + different);
  EXPECT_NEAR(share, 0.4, 0.08);

  rows.clear();
  truth.clear();
  Load("--count 5000 --seed 5 --shared-email 0", rows, truth);
  const auto none = SharedAndDifferentEmails(rows, truth);
  EXPECT_EQ(none.first, 0);

  rows.clear();
  truth.clear();
  Load("--count 5000 --seed 5 --shared-email 1", rows, truth);
  const auto all = SharedAndDifferentEmails(rows, truth);
  EXPECT_GT(all.first, 9 * all.second);
}

TEST_F(GenerateTest, JsonlLinesHaveTheExpectedShape) {
  const Output r = Generate("--count 2000 --seed 4 --format jsonl");
  ASSERT_EQ(r.code, 0) << r.err;
  size_t lines = 0, nulls = 0;
  for (size_t begin = 0; begin < r.out.size();) {
    const size_t end = r.out.find('\n', begin);
    ASSERT_NE(end, std::string::npos) << "last line not terminated";
    const std::string line = r.out.substr(begin, end - begin);
    begin = end + 1;
    ++lines;
    ASSERT_TRUE(line.starts_with("{\"id\":" + std::to_string(1000000 + lines) + ",\"email\":"))
        << line;
    EXPECT_EQ(line.back(), '}') << line;
    const size_t score = line.find("\"score\":");
    ASSERT_NE(score, std::string::npos) << line;
    const char first = line[score + 8];
    EXPECT_TRUE(first == '-' || (first >= '0' && first <= '9')) << line;
    EXPECT_TRUE(line.find("\"opted_out\":true") != std::string::npos ||
                line.find("\"opted_out\":false") != std::string::npos)
        << line;
    EXPECT_EQ(line.find('\t'), std::string::npos) << "raw control character: " << line;
    nulls += line.find(":null") != std::string::npos;
  }
  EXPECT_EQ(lines, 2000u);
  EXPECT_GT(nulls, 0u);
}

TEST_F(GenerateTest, PhonesAreMostlyDistinct) {
  std::vector<Record> rows, truth;
  Load("--count 10000 --seed 2", rows, truth);
  std::set<std::string> distinct;
  size_t filled = 0;
  for (size_t i = 1; i < rows.size(); ++i) {
    if (rows[i][7].empty()) continue;
    ++filled;
    distinct.insert(rows[i][7]);
  }
  EXPECT_GT(filled, 6000u);
  EXPECT_LT(filled, 9500u);
  EXPECT_GE(static_cast<double>(distinct.size()) / static_cast<double>(filled), 0.9);
}

TEST_F(GenerateTest, DirtIsPresentButMostRowsAreClean) {
  std::vector<Record> rows, truth;
  Load("--count 20000 --seed 13", rows, truth);
  const std::string raw = ReadFile(dir_ / "out.csv");
  EXPECT_EQ(raw.find('\r'), std::string::npos);
  EXPECT_NE(raw.find("\"\""), std::string::npos) << "no embedded quotes were written";
  int mailto = 0, display_name = 0, plus = 0, upper_or_space = 0, non_ascii_names = 0, nbsp = 0,
      junk_phone = 0, lead = 0, contact = 0;
  for (size_t i = 1; i < rows.size(); ++i) {
    const Record& row = rows[i];
    const std::string& email = row[1];
    mailto += Folded(email).starts_with("mailto:");
    display_name += email.find(" <") != std::string::npos;
    plus += email.find('+') != std::string::npos;
    upper_or_space += Folded(email) != email;
    for (const std::string* name : {&row[2], &row[3]}) {
      non_ascii_names += std::any_of(name->begin(), name->end(),
                                     [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
      nbsp += name->find("\xC2\xA0") != std::string::npos;
    }
    junk_phone += row[7] == "0000000" || row[7] == "1234567";
    lead += !row[12].empty();
    contact += !row[13].empty();
  }
  EXPECT_GT(mailto, 0);
  EXPECT_GT(display_name, 0);
  EXPECT_GT(plus, 0);
  EXPECT_GT(non_ascii_names, 1000);
  EXPECT_GT(nbsp, 0);
  EXPECT_GT(junk_phone, 0);
  EXPECT_GT(lead, 0);
  EXPECT_GT(contact, 0);
  EXPECT_GT(upper_or_space, 0);
  EXPECT_LT(upper_or_space, 20000 / 5) << "emails should mostly be clean";
}

// samples/README.md documents the command that made samples/prospects.csv; it must still do so.
TEST_F(GenerateTest, CommittedSampleMatchesItsDocumentedCommand) {
  const Output r = Generate("--count 1000 --seed 42 --output prospects.csv");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(ReadFile(dir_ / "prospects.csv") ==
              ReadFile(std::string(PDC_SOURCE_DIR) + "/samples/prospects.csv"))
      << "regenerate samples/prospects.csv with the command in samples/README.md";
}

TEST_F(GenerateTest, UsageErrorsExitWithTwo) {
  for (const std::string args :
       {"", "--count", "--count abc", "--count 10 --bogus", "--count 10 --format xml",
        "--count 10 --duplicates 1.5", "--count 10 --shared-email -0.1", "--seed 3",
        "--count 10 --start-id 0"}) {
    const Output r = Generate(args);
    EXPECT_EQ(r.code, 2) << "args: " << args;
    EXPECT_FALSE(r.err.empty()) << "args: " << args;
    EXPECT_TRUE(r.out.empty()) << "args: " << args;
  }
  const Output help = Generate("--help");
  EXPECT_EQ(help.code, 0);
  EXPECT_NE(help.out.find("--shared-email"), std::string::npos) << help.out;
}

}  // namespace
}  // namespace pdc::e2e
