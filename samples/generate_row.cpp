// Rendering one row of an entity: every field as someone typed it this time. The entity's first
// row uses its preferred spellings and formats; duplicate rows drift from them and draw fresh
// noise (case, spacing, junk values, format changes) independently.
#include <string>

#include "samples/generate_internal.h"

namespace pdc::generate {
namespace {

constexpr std::string_view kJunkStates[] = {"N/A", "-", "--", "Other", "n/a"};

}  // namespace

void ProspectGenerator::State::Scuff(std::string& value, double upper, double lower,
                                     double spacing) {
  if (value.empty()) return;
  const double casing = rng.Unit();
  if (casing < upper + lower) {
    scratch.clear();
    AppendCase(value, casing < upper, scratch);
    value.swap(scratch);
  }
  if (rng.Chance(spacing)) AddSpacingNoise(rng, value);
}

void ProspectGenerator::State::RenderNames(const Entity& e, bool first_row, Row& row) {
  size_t first_spelling = e.first_spelling;
  size_t last_spelling = e.last_spelling;
  if (!first_row) {
    if (e.culture->latin_script) {
      first_spelling = Drift(first_spelling, CountAlternatives(e.first->spellings), false, 0.88);
      last_spelling = Drift(last_spelling, CountAlternatives(e.last->spellings), false, 0.88);
    } else if (rng.Chance(0.12)) {
      // Typed in the other script this time.
      first_spelling = first_spelling == 0 ? 1 : 0;
      last_spelling = last_spelling == 0 ? 1 : 0;
    }
  }
  row.first_name = e.first_override.empty() ? Alternative(e.first->spellings, first_spelling)
                                            : std::string_view(e.first_override);
  row.last_name = e.last_override.empty() ? Alternative(e.last->spellings, last_spelling)
                                          : std::string_view(e.last_override);
  const double shape = rng.Unit();
  if (shape < 0.004) {
    row.first_name.append(" ").append(row.last_name);  // full name in one field
    row.last_name.clear();
  } else if (shape < 0.007) {
    row.first_name.resize(1);  // an initial ("J."), ASCII first letters only
    if (static_cast<unsigned char>(row.first_name[0]) < 0x80) {
      row.first_name += '.';
    } else {
      row.first_name = Alternative(e.first->spellings, first_spelling);
    }
  } else if (shape < 0.012 && !first_row) {
    row.first_name.swap(row.last_name);  // swapped fields
  }
  for (std::string* name : {&row.first_name, &row.last_name}) {
    const double dirt = rng.Unit();
    if (dirt < 0.008) {
      *name = rng.Pick(JunkNames());
    } else if (dirt < 0.02) {
      name->clear();
    } else {
      Scuff(*name, 0.025, 0.025, 0.03);
    }
  }
  row.salutation.clear();
  if (!e.salutation.empty() && (first_row || rng.Chance(0.7))) row.salutation = e.salutation;
}

void ProspectGenerator::State::RenderCompany(const Entity& e, bool first_row, std::string& out) {
  out.clear();
  if (rng.Chance(first_row ? 0.05 : 0.1)) return;
  const Company& c = e.company;
  const Region& region = *c.region;
  if (c.known != nullptr) {
    out = Alternative(c.known->name.spellings, first_row || rng.Chance(0.8) ? 0 : rng.Below(4));
  } else if (c.native && (first_row || rng.Chance(0.85))) {
    const LegalForm& form = *region.native_form;
    const std::string_view stem = Alternative(c.stem->spellings, 0);
    if (form.prefix) {
      out.append(form.spellings);
      if (!form.attached) out += ' ';
      const bool quoted = !form.attached && rng.Chance(0.5);  // ООО «Ромашка»
      out.append(quoted ? "«" : "").append(stem).append(quoted ? "»" : "");
    } else {
      out.append(stem).append(form.attached ? "" : " ").append(form.spellings);
    }
    return;
  } else {
    const bool latin = c.region->cultures[0].culture->latin_script;
    auto word = [&](const NameEntry& entry) {
      return latin
                 ? Alternative(entry.spellings, first_row || rng.Chance(0.85)
                                                    ? 0
                                                    : rng.Below(CountAlternatives(entry.spellings)))
                 : LatinSpelling(entry);
    };
    if (!c.city_prefix.empty() && (first_row || rng.Chance(0.7))) {
      out.append(c.city_prefix).append(" ");
    }
    out.append(word(*c.stem));
    if (c.partner != nullptr) {
      const bool ampersand = first_row ? true : rng.Chance(0.6);
      out.append(ampersand ? " & " : region.english ? " and " : " + ");
      out.append(word(*c.partner));
    }
    if (c.descriptor != nullptr) out.append(" ").append(word(*c.descriptor));
  }
  if (c.form != nullptr) {
    int spelling = e.form_spelling;
    if (!first_row && rng.Chance(0.5)) {
      spelling = static_cast<int>(rng.Below(CountAlternatives(c.form->spellings) + 1)) - 1;
    }
    if (spelling >= 0) {
      const std::string_view form = Alternative(c.form->spellings, static_cast<size_t>(spelling));
      if (c.form->prefix) {
        InsertText(out, 0, std::string(form) + " ");
      } else {
        if (!form.starts_with(',')) out += ' ';
        out += form;
      }
    }
  }
  if (region.english && rng.Chance(0.03)) InsertText(out, 0, rng.Chance(0.7) ? "The " : "the ");
  Scuff(out, 0.03, 0.02, 0.02);
}

void ProspectGenerator::State::RenderPhone(const Entity& e, bool first_row, std::string& out) {
  out.clear();
  if (!e.junk_phone.empty()) {
    out = e.junk_phone;
    return;
  }
  if (e.phone.plan == nullptr) return;
  PhoneFormat format = e.phone_format;
  if (!first_row && rng.Chance(0.5)) {
    format = static_cast<PhoneFormat>(rng.Weighted(kPhoneFormatWeights));
  }
  if (rng.Chance(0.004)) out += '\'';  // spreadsheet text marker left in the export
  FormatPhone(e.phone, format, out);
  if (!e.extension.empty()) {
    static constexpr std::string_view kStyles[] = {" ext. ", " x", " ext ", " x ", " #", " Ext."};
    out.append(rng.Pick(kStyles)).append(e.extension);
  }
  if (rng.Chance(0.01)) out += ' ';
}

void ProspectGenerator::State::RenderPlace(const Entity& e, bool first_row, Row& row) {
  const Region& region = *e.region;
  row.country.clear();
  if (first_row ? e.show_country : rng.Chance(0.85)) {
    const size_t count = CountAlternatives(region.country_spellings);
    row.country =
        Alternative(region.country_spellings, Drift(e.country_spelling, count, first_row, 0.6));
    Scuff(row.country, 0.03, 0.04, 0.015);
  }

  row.state.clear();
  const std::string_view state = e.city->state;
  if (first_row ? e.show_state : rng.Chance(region.states.empty() ? 0.05 : 0.85)) {
    if (!region.states.empty()) {
      for (std::string_view entry : region.states) {
        if (entry.starts_with(state) && entry.size() > state.size() && entry[state.size()] == '|') {
          row.state =
              Alternative(entry, Drift(e.state_spelling, CountAlternatives(entry), first_row, 0.6));
          break;
        }
      }
      if (rng.Chance(0.03)) Scuff(row.state, 0, 1, 0);
    } else if (!state.empty()) {
      row.state = Alternative(state, rng.Below(CountAlternatives(state)));
    }
  }
  if (rng.Chance(0.003)) row.state = rng.Pick(kJunkStates);

  row.city.clear();
  if (first_row ? e.show_city : rng.Chance(0.75)) {
    row.city =
        Alternative(e.city->spellings,
                    Drift(e.city_spelling, CountAlternatives(e.city->spellings), first_row, 0.7));
    Scuff(row.city, 0.02, 0.03, 0.01);
  }
}

void ProspectGenerator::State::RenderWebsite(const Entity& e, bool first_row, std::string& out) {
  out.clear();
  if (!(first_row ? e.show_website : rng.Chance(0.45))) return;
  const std::string& domain = e.company.domain;
  switch (Drift(e.website_style, kWebsiteStyles, first_row, 0.5)) {
    case 0:
      out.append("www.").append(domain);
      break;
    case 1:
      out.append("https://www.").append(domain).append("/");
      break;
    case 2:
      out.append("http://").append(domain);
      break;
    case 3:
      out.append(domain);
      break;
    case 4:
      out.append("https://").append(domain);
      break;
    case 5:
      out.append("http://www.").append(domain).append("/");
      break;
    case 6:
      AppendCase(domain, true, out);
      break;
    case 7: {
      static constexpr std::string_view kPaths[] = {"/about?x=1", "/contact", "/en-us/",
                                                    "/index.html", "/?utm_source=linkedin"};
      out.append(rng.Chance(0.5) ? "http://" : "https://").append(domain).append(rng.Pick(kPaths));
      break;
    }
    default:
      out.append("WWW.");
      AppendCase(domain, true, out);
      break;
  }
}

void ProspectGenerator::State::RenderRow(const Entity& e, bool first_row, Row& row) {
  RenderNames(e, first_row, row);
  std::string display;
  if (!row.first_name.empty() || !row.last_name.empty()) {
    display = row.last_name.empty() || rng.Chance(0.8)
                  ? row.first_name + (row.last_name.empty() ? "" : " ") + row.last_name
                  : "\"" + row.last_name + ", " + row.first_name + "\"";
  }
  RenderEmail(rng, e.email, e.shared_email, display, row.email);
  RenderCompany(e, first_row, row.company);
  row.job_title.clear();
  if (!e.title.empty() && (first_row || rng.Chance(0.85))) {
    row.job_title =
        Alternative(e.title, Drift(e.title_spelling, CountAlternatives(e.title), first_row, 0.6));
    Scuff(row.job_title, 0.01, 0.03, 0.01);
  }
  RenderPhone(e, first_row, row.phone);
  RenderPlace(e, first_row, row);
  RenderWebsite(e, first_row, row.website);
  row.crm_lead_fid = e.crm_lead;
  row.crm_contact_fid = e.crm_contact;
  row.opted_out = e.opted_out;
  row.is_do_not_email = e.do_not_email;
  const double score = rng.Unit();
  row.score = score < 0.35   ? 0
              : score < 0.99 ? rng.Between(1, rng.Between(1, 400))
                             : -rng.Between(1, 30);
}

}  // namespace pdc::generate
