// Micro-benchmarks for the built-in rules, one record at a time on one thread.
//   build/bench/rules_bench --benchmark_min_time=0.5
#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>
#include <vector>

#include "rules/config.h"

namespace pdc {
namespace {

std::shared_ptr<Config> Chain(const std::string& rules) {
  auto loaded = LoadConfigFromString("version: 1\nrules:\n" + rules, "bench.yaml",
                                     RuleRegistry::WithBuiltins());
  if (!loaded.config) throw std::runtime_error(loaded.errors.at(0).str());
  return loaded.config;
}

// Applies `rules` to records whose `field` cycles through `inputs`; reports items/s.
void RunRule(benchmark::State& state, const std::string& rules, const char* field,
             const std::vector<std::string>& inputs) {
  const auto config = Chain(rules);
  const FieldId id = InternField(field);
  std::size_t i = 0;
  for (auto _ : state) {
    Record record;
    record.Load(id, Value::Text(inputs[i++ % inputs.size()]));
    config->rules.Apply(record);
    benchmark::DoNotOptimize(record);
  }
  state.SetItemsProcessed(state.iterations());
}

// Applies `rules` to records of several fields, cycling through `rows` (one value per field).
void RunRecords(benchmark::State& state, const std::string& rules,
                const std::vector<const char*>& fields,
                const std::vector<std::vector<std::string>>& rows) {
  const auto config = Chain(rules);
  std::vector<FieldId> ids;
  for (const char* f : fields) ids.push_back(InternField(f));
  std::size_t i = 0;
  for (auto _ : state) {
    Record record;
    const auto& row = rows[i++ % rows.size()];
    for (std::size_t f = 0; f < ids.size(); ++f) record.Load(ids[f], Value::Text(row[f]));
    config->rules.Apply(record);
    benchmark::DoNotOptimize(record);
  }
  state.SetItemsProcessed(state.iterations());
}

const std::vector<std::string> kAsciiNames = {"MARY-ANN", "o'brien",      "Smith", "  john  ",
                                              "mcdonald", "van der berg", "Lee",   "GARCIA"};
const std::vector<std::string> kUnicodeNames = {"ÉMILE", "zoë müller", "ПЕТРОВ",
                                                "νίκος", "王小明",     "JOSÉ PEÑA"};
const std::vector<std::string> kEmails = {
    "Mary@Example.COM ", "mailto:j.doe@acme.io", "Jane Doe <JANE@corp.co.uk>",
    "bob@gmail.com",     "bad..dots@x.com",      "josé@bücher.de"};

void BM_TextAscii(benchmark::State& s) {
  RunRule(s, "  - text: { fields: [f] }\n", "f", kAsciiNames);
}
void BM_TextUnicode(benchmark::State& s) {
  RunRule(s, "  - text: { fields: [f] }\n", "f", kUnicodeNames);
}
void BM_NameCaseAscii(benchmark::State& s) {
  RunRule(s, "  - name_case: { fields: [f] }\n", "f", kAsciiNames);
}
void BM_NameCaseUnicode(benchmark::State& s) {
  RunRule(s, "  - name_case: { fields: [f] }\n", "f", kUnicodeNames);
}
void BM_Email(benchmark::State& s) { RunRule(s, "  - email: { field: f }\n", "f", kEmails); }
void BM_EmailDerived(benchmark::State& s) {
  RunRule(s, "  - email: { field: f, key_to: k, secondary_key_to: k2, class_to: c, typos: true }\n",
          "f", kEmails);
}
void BM_CompanyFromEmail(benchmark::State& s) {
  RunRule(s, "  - company_from_email: { field: f, company_to: c }\n", "f", kEmails);
}
void BM_RegexReplace(benchmark::State& s) {
  RunRule(s,
          "  - regex_replace: { fields: [f], pattern: '\\s+x(\\d+)$', replacement: ' ext. $1' }\n",
          "f", {"+1 415 555 0132 x22", "020 7946 0958", "+49 30 901820"});
}
void BM_Map(benchmark::State& s) {
  RunRule(s,
          "  - map: { fields: [f], case_insensitive: true, values: { usa: US, uk: GB, deutschland: "
          "DE } }\n",
          "f", {"USA", "Deutschland", "France", "uk"});
}

void BM_Name(benchmark::State& s) {
  RunRecords(s, "  - name: {}\n", {"first_name", "last_name"},
             {{"MARY-ANN", "O'BRIEN"}, {"Dr. Jane", "Doe, PhD"}, {"", "Smith, John"},
              {"José", "Peña"}, {"test", "n/a"}, {"john", "mcdonald"}, {"王", "小明"}});
}
void BM_FoldAscii(benchmark::State& s) {
  RunRule(s, "  - fold: { field: f, to: k }\n", "f", kAsciiNames);
}
void BM_FoldUnicode(benchmark::State& s) {
  RunRule(s, "  - fold: { field: f, to: k }\n", "f", kUnicodeNames);
}
void BM_Phone(benchmark::State& s) {
  RunRecords(s, "  - phone: {}\n", {"phone", "country"},
             {{"+1 415 736 0132 x22", "US"}, {"020 7946 0958", "GB"}, {"030 901820", "DE"},
              {"06 71 28 39 40", "FR"}, {"(11) 96123-4708", "BR"}});
}

// Every number new, as in a first run over real prospects: the cache cannot help.
void BM_PhoneUnique(benchmark::State& state) {
  const auto config = Chain("  - phone: {}\n");
  const FieldId phone = InternField("phone"), country = InternField("country");
  const char* const formats[] = {"(415) 7%02d-%04d", "+44 20 79%02d %04d", "030 9%02d%04d"};
  const char* const regions[] = {"US", "GB", "DE"};
  char text[32];
  long n = 0;
  for (auto _ : state) {
    const int k = static_cast<int>(n % 3);
    std::snprintf(text, sizeof text, formats[k], static_cast<int>((n / 3) % 90 + 10),
                  static_cast<int>((n / 270) % 10000));
    ++n;
    Record record;
    record.Load(phone, Value::Text(text));
    record.Load(country, Value::Text(regions[k]));
    config->rules.Apply(record);
    benchmark::DoNotOptimize(record);
  }
  state.SetItemsProcessed(state.iterations());
}

BENCHMARK(BM_TextAscii);
BENCHMARK(BM_TextUnicode);
BENCHMARK(BM_NameCaseAscii);
BENCHMARK(BM_NameCaseUnicode);
BENCHMARK(BM_Email);
BENCHMARK(BM_EmailDerived);
BENCHMARK(BM_CompanyFromEmail);
BENCHMARK(BM_RegexReplace);
BENCHMARK(BM_Map);
BENCHMARK(BM_Name);
BENCHMARK(BM_FoldAscii);
BENCHMARK(BM_FoldUnicode);
BENCHMARK(BM_Phone);
BENCHMARK(BM_PhoneUnique);

}  // namespace
}  // namespace pdc

BENCHMARK_MAIN();
