// pardot-clean: the command line. Parses arguments and dispatches to pipeline/commands.h.
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "pipeline/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"pardot-clean: clean, enrich and deduplicate Pardot prospects"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "pardot-clean 0.1.0");
  pdc::CommonOptions common;
  auto add_common = [&](CLI::App* command) {
    command->add_flag("--json", common.json, "print a machine-readable summary on stdout");
    command->add_flag("-q,--quiet", common.quiet, "no progress and no human summary");
    command->add_flag("-v,--verbose", common.verbose,
                      "the final count and each stage's time on stderr, terminal or not");
  };

  std::string config;
  auto* validate = app.add_subcommand("validate", "check a config; exit 2 on errors");
  validate->add_option("CONFIG", config, "the YAML config")->required();
  add_common(validate);

  auto* test = app.add_subcommand("test", "run the config's rule tests; exit 1 on a failure");
  test->add_option("CONFIG", config, "the YAML config")->required();
  add_common(test);

  pdc::RunOptions run_options;
  auto* run = app.add_subcommand("run", "clean prospects (a dry run unless --apply)");
  run->add_option("CONFIG", run_options.config, "the YAML config")->required();
  run->add_flag("--apply", run_options.apply,
                "write the changes (Pardot sinks); files are always written");
  run->add_option("--input", run_options.input, "read prospects from FILE.csv or FILE.jsonl");
  run->add_option("--output", run_options.output,
                  "write cleaned prospects to FILE.csv or FILE.jsonl");
  run->add_option("--report", run_options.reports,
                  "write a report: FILE.json, FILE.csv or FILE.html (repeatable)");
  run->add_option("--threads", run_options.threads, "worker threads (default: one per core)")
      ->check(CLI::Range(1, 1024));
  run->add_option("--journal", run_options.journal,
                  "the journal of Pardot runs (default ./pardot-clean.db)");
  add_common(run);

  std::string run_id;
  auto* resume = app.add_subcommand(
      "resume", "continue a run or export stopped by a limit, a fault or a kill");
  resume->add_option("RUN_ID", run_id, "the run to continue (see `pardot-clean runs`)")->required();
  resume->add_option("--journal", run_options.journal, "the journal (default ./pardot-clean.db)");
  resume->add_option("--report", run_options.reports,
                     "write a report: FILE.json, FILE.csv or FILE.html (repeatable)");
  add_common(resume);

  bool undo_apply = false;
  auto* undo =
      app.add_subcommand("undo", "write back the before-images of a run (dry unless --apply)");
  undo->add_option("RUN_ID", run_id, "the run to undo (see `pardot-clean runs`)")->required();
  undo->add_flag("--apply", undo_apply, "write the restored values");
  undo->add_option("--journal", run_options.journal, "the journal (default ./pardot-clean.db)");
  undo->add_option("--report", run_options.reports,
                   "write a report: FILE.json, FILE.csv or FILE.html (repeatable)");
  add_common(undo);

  pdc::ExportOptions export_options;
  auto* export_command = app.add_subcommand(
      "export", "copy prospects and visitor activities into SQLite, CSV or JSONL, incrementally");
  export_command->add_option("CONFIG", export_options.config, "the YAML config (its Pardot source)")
      ->required();
  export_command
      ->add_option("--to", export_options.to,
                   "FILE.sqlite (the state, upserted), or FILE.csv / FILE.jsonl (one file per "
                   "object beside it, appended)")
      ->required();
  export_command->add_flag("--clean", export_options.clean,
                           "put the prospects through the config's rules first");
  export_command
      ->add_option("--objects", export_options.objects,
                   "prospects and/or visitor_activities (default both)")
      ->delimiter(',');
  export_command->add_option("--journal", export_options.journal,
                             "the journal: runs, marks and budget (default ./pardot-clean.db)");
  add_common(export_command);

  std::string plan_config;
  auto* plan = app.add_subcommand(
      "plan", "the requests and time a Pardot run would need, against the budget");
  plan->add_option("CONFIG", plan_config, "the YAML config")->required();
  plan->add_option("--journal", run_options.journal, "the journal (default ./pardot-clean.db)");
  add_common(plan);

  pdc::ExplainOptions explain_options;
  auto* explain = app.add_subcommand("explain", "why two prospects match or not");
  explain->add_option("CONFIG", explain_options.config, "the YAML config")->required();
  explain->add_option("ID_A", explain_options.id_a, "a prospect id")->required();
  explain->add_option("ID_B", explain_options.id_b, "another prospect id")->required();
  explain->add_option("--input", explain_options.input,
                      "read the prospects from FILE.csv or FILE.jsonl");
  explain->add_option("--journal", explain_options.journal,
                      "Pardot sources: the journal that counts the reads (default "
                      "./pardot-clean.db)");
  add_common(explain);

  std::string journal_path = "pardot-clean.db";
  auto* runs = app.add_subcommand("runs", "list the runs recorded in the journal");
  runs->add_option("--journal", journal_path, "the journal (default ./pardot-clean.db)");
  add_common(runs);

  std::optional<std::string> rule_name;
  auto* rules = app.add_subcommand("rules", "list the rules, or describe one with its options");
  rules->add_option("NAME", rule_name, "a rule name");
  std::optional<std::string> rules_config;
  rules->add_option("--config", rules_config,
                    "also list the rules of the plugins this config loads");
  bool markdown = false;
  rules->add_flag("--markdown", markdown, "print the reference of every rule as Markdown");
  add_common(rules);

  auto* schema = app.add_subcommand(
      "schema", "print the JSON Schema (draft-07) of the config, for editors that check configs");
  std::optional<std::string> schema_config;
  schema->add_option("--config", schema_config,
                     "also describe the rules of the plugins this config loads");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return pdc::kExitUsage;
  }

  try {
    if (*validate) return pdc::ValidateCommand(config, common);
    if (*test) return pdc::TestCommand(config, common);
    if (*run) return pdc::RunCommand(run_options, common);
    if (*resume) return pdc::ResumeCommand(run_id, run_options, common);
    if (*undo) return pdc::UndoCommand(run_id, undo_apply, run_options, common);
    if (*export_command) return pdc::ExportCommand(export_options, common);
    if (*plan) return pdc::PlanCommand(plan_config, run_options, common);
    if (*explain) return pdc::ExplainCommand(explain_options, common);
    if (*rules && markdown) {
      std::cout << pdc::RulesMarkdown();
      return pdc::kExitOk;
    }
    if (*rules) return pdc::RulesCommand(rule_name, rules_config, common);
    if (*runs) return pdc::RunsCommand(journal_path, common);
    if (*schema) return pdc::SchemaCommand(schema_config);
  } catch (const std::exception& e) {
    std::cerr << "pardot-clean: " << e.what() << '\n';
    return pdc::kExitFault;
  }
  return pdc::kExitUsage;
}
