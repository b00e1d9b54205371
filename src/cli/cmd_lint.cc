// `nextcall lint [FILE…|-]`: weak phrasing in scripts, voicemails, notes and e-mails.
// Exit status: 0 clean, 1 findings, 2 a usage or input error.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "app/lint_files.h"
#include "cli/json_output.h"
#include "cli/runtime.h"

namespace nextcall::cli {
namespace {

struct LintArgs {
  LintOptions options;
  std::string kind;
  bool print_phrases = false;
};

Status run_lint(Runtime& rt, LintArgs& a) {
  if (a.print_phrases) {
    auto phrases = lint_phrases(a.options.rules_path);
    if (!phrases.ok()) return Status(Code::kInvalidArgument, phrases.status().message());
    rt.out() << *phrases;
    return Status::Ok();
  }
  if (!a.kind.empty()) {
    TextKind k;
    if (!parse_text_kind(a.kind, &k)) return Status::InvalidArgument("--kind: script|voicemail|note|email");
    a.options.kind = k;
  }
  nlohmann::json findings = nlohmann::json::array();
  // Findings are gathered in a buffer and written in large blocks: a big corpus has
  // hundreds of thousands of them.
  std::string buffer;
  auto flush = [&] {
    rt.out().write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    buffer.clear();
  };
  auto sum = lint_files(a.options, std::cin, [&](const FileFinding& f) {
    if (rt.json()) {
      findings.push_back({{"file", f.file},
                          {"line", f.finding.line},
                          {"column", f.finding.column},
                          {"rule", f.finding.rule},
                          {"words", f.finding.words},
                          {"why", f.finding.why},
                          {"instead", f.finding.instead}});
      return;
    }
    buffer += f.file;
    buffer += ':';
    buffer += std::to_string(f.finding.line);
    buffer += ':';
    buffer += std::to_string(f.finding.column);
    buffer += ": ";
    buffer += f.finding.rule;
    buffer += ": \"";
    buffer += f.finding.words;
    buffer += "\" — ";
    buffer += f.finding.why;
    buffer += " Instead: ";
    buffer += f.finding.instead;
    buffer += '\n';
    if (buffer.size() > (1 << 20)) flush();
  });
  flush();
  if (!sum.ok()) return Status(Code::kInvalidArgument, sum.status().message());
  if (rt.json()) print_json(rt, {{"files", sum->files}, {"findings", findings}});
  rt.set_exit_code(sum->findings > 0 ? 1 : 0);
  return Status::Ok();
}

}  // namespace

void install_lint(CLI::App& cmd, Runtime& rt) {
  auto a = std::make_shared<LintArgs>();
  cmd.add_option("files", a->options.files, "Files to read; - or none for standard input");
  cmd.add_option("--rules", a->options.rules_path, "A team rule file, added to the defaults (docs/linter.md)");
  cmd.add_option("--kind", a->kind, "script|voicemail|note|email (default: from the file name, else script)");
  cmd.add_option("--rate", a->options.budget.words_per_minute, "Voicemail speaking rate, words a minute")
      ->default_val(150);
  cmd.add_option("--seconds", a->options.budget.seconds, "Voicemail budget in seconds")->default_val(10);
  cmd.add_flag("--print-phrases", a->print_phrases, "Print the plain phrases of the rules and exit");
  cmd.footer("Exit status: 0 when clean, 1 with findings, 2 on a usage or input error.");
  cmd.callback([&rt, a] { rt.finish(run_lint(rt, *a)); });
}

}  // namespace nextcall::cli
