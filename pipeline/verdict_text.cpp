#include "pipeline/verdict_text.h"

#include <cstdio>

#include "pipeline/json_text.h"

namespace pdc {
namespace {

using dedupe::MatchField;

std::string Score(double score) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", score);
  return text;
}

std::string Quoted(const std::string& key) { return key.empty() ? "blank" : "\"" + key + "\""; }

}  // namespace

std::string VetoText(const dedupe::Verdict& verdict) {
  if (verdict.veto.empty()) return "";
  std::string why;
  if (verdict.veto == "country") {
    why = "the countries differ, and neither the email keys nor the phones are equal";
  } else if (verdict.veto == "crm") {
    why =
        "one email address synced to different CRM records, kept apart by "
        "shared_email: keep_distinct_crm";
  }
  return std::string(verdict.veto) + (why.empty() ? "" : " (" + why + ")");
}

std::string HeldGroup(const dedupe::Verdict& verdict, const dedupe::DecisionRule& rule) {
  if (!verdict.match) return "";
  if (verdict.group < 0) return "crm_record";
  const auto g = static_cast<std::size_t>(verdict.group);
  return g < rule.groups().size() ? rule.groups()[g].label : "group " + std::to_string(g + 1);
}

std::string VerdictSummary(const dedupe::Verdict& verdict, const dedupe::DecisionRule& rule) {
  if (verdict.match && verdict.identity == "crm") {
    return "match: one CRM lead or contact id (crm_record)";
  }
  if (verdict.match) return "match by " + HeldGroup(verdict, rule);
  if (!verdict.veto.empty()) {
    return "no match: veto " + VetoText(verdict);
  }
  return "no match: no group held";
}

std::vector<std::string> VerdictLines(const dedupe::Verdict& verdict,
                                      const dedupe::DecisionRule& rule, const dedupe::MatchKeys& a,
                                      const dedupe::MatchKeys& b) {
  std::vector<std::string> lines{VerdictSummary(verdict, rule)};
  for (std::size_t i = 0; i < dedupe::kMatchFields; ++i) {
    if ((verdict.compared & (1u << i)) == 0) continue;
    const auto field = static_cast<MatchField>(i);
    const dedupe::FieldComparison& c = verdict.fields[i];
    const std::string basis =
        c.basis == dedupe::Basis::kNone ? "" : std::string(dedupe::BasisName(c.basis)) + ", ";
    lines.push_back(std::string(dedupe::MatchFieldName(field)) + ": " +
                    std::string(dedupe::LevelName(c.level)) + " (" + basis + "score " +
                    Score(c.score) + "): " + Quoted(a[field]) + " / " + Quoted(b[field]));
  }
  if (verdict.namesakes) {
    char line[200];
    if (*verdict.namesakes < 0) {
      std::snprintf(line, sizeof line,
                    "rare_name: not counted (a run counts every prospect's names)");
    } else {
      std::string scope;
      if (verdict.namesakes_group >= 0) {
        const dedupe::MatchGroup& g = rule.groups().at(verdict.namesakes_group);
        if (g.has_company) {
          scope += " at the company";
        } else if (g.has_city) {
          scope += " in the city";
        }
        if (g.has_title) scope += " with the title";
      }
      std::snprintf(line, sizeof line,
                    "rare_name: %.3g namesakes expected by chance%s (last name carried by %.0f / "
                    "%.0f prospects)",
                    *verdict.namesakes, scope.c_str(), static_cast<double>(a.names.last),
                    static_cast<double>(b.names.last));
    }
    lines.push_back(line);
  }
  return lines;
}

void AppendVerdictJson(std::string& out, const dedupe::Verdict& verdict,
                       const dedupe::DecisionRule& rule) {
  out += "\"fields\":[";
  bool first = true;
  for (std::size_t i = 0; i < dedupe::kMatchFields; ++i) {
    if ((verdict.compared & (1u << i)) == 0) continue;
    const dedupe::FieldComparison& c = verdict.fields[i];
    out += first ? "{\"field\":" : ",{\"field\":";
    first = false;
    AppendJsonString(out, dedupe::MatchFieldName(static_cast<MatchField>(i)));
    out += ",\"level\":";
    AppendJsonString(out, dedupe::LevelName(c.level));
    out += ",\"basis\":";
    AppendJsonString(out, dedupe::BasisName(c.basis));
    char score[32];
    std::snprintf(score, sizeof score, "%.4g", c.score);
    out += ",\"score\":";
    out += score;
    out += "}";
  }
  out += "],\"namesakes\":";
  if (verdict.namesakes && *verdict.namesakes >= 0) {
    char namesakes[32];
    std::snprintf(namesakes, sizeof namesakes, "%.4g", *verdict.namesakes);
    out += namesakes;
  } else {
    out += "null";
  }
  out += ",\"veto\":";
  if (verdict.veto.empty()) {
    out += "null";
  } else {
    AppendJsonString(out, verdict.veto);
  }
  out += ",\"identity\":";
  if (verdict.identity.empty()) {
    out += "null";
  } else {
    AppendJsonString(out, verdict.identity);
  }
  out += ",\"group\":";
  if (const std::string group = HeldGroup(verdict, rule); group.empty()) {
    out += "null";
  } else {
    AppendJsonString(out, group);
  }
  out += verdict.match ? ",\"match\":true" : ",\"match\":false";
}

}  // namespace pdc
