#include "app/lint_files.h"

#include <fstream>
#include <istream>

#include "io/lint_rules_file.h"

namespace nextcall {
namespace {

TextKind kind_from_name(const std::string& name) {
  std::string n = name;
  for (char& c : n) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (n.find("voicemail") != std::string::npos || n.find("vm") == 0) return TextKind::kVoicemail;
  if (n.find("note") != std::string::npos) return TextKind::kNote;
  if (n.find("mail") != std::string::npos || n.ends_with(".eml")) return TextKind::kEmail;
  return TextKind::kScript;
}

// Streams `in` through the linter in chunks that end on a line break (a phrase spanning
// lines is kept whole by carrying the last lines over), so memory stays bounded.
void lint_stream(const Linter& linter, std::istream& in, const std::string& name, TextKind kind,
                 const VoicemailBudget& budget, LintSummary* sum,
                 const std::function<void(const FileFinding&)>& on_finding) {
  constexpr std::size_t kChunk = 8 << 20;    // 8 MiB
  constexpr std::size_t kCarry = 1024;       // longest phrase plus the "after" context
  std::string buf;
  std::string whole_voicemail;
  int line_base = 0;  // lines before buf
  std::size_t reported_to = 0;  // offsets in buf below this were reported already
  std::vector<char> block(kChunk);
  bool eof = false;
  while (!eof) {
    in.read(block.data(), static_cast<std::streamsize>(block.size()));
    std::size_t got = static_cast<std::size_t>(in.gcount());
    eof = got < block.size();
    buf.append(block.data(), got);
    sum->bytes += static_cast<long long>(got);
    if (kind == TextKind::kVoicemail && whole_voicemail.size() < (1 << 20)) whole_voicemail.append(block.data(), got);
    // Scan up to the last line break (or everything at the end of input).
    std::size_t scan_to = buf.size();
    if (!eof) {
      std::size_t nl = buf.rfind('\n');
      if (nl == std::string::npos || nl < kCarry) continue;  // a very long line: read more
      scan_to = nl + 1;
    }
    std::string_view view(buf.data(), scan_to);
    for (LintFinding& f : linter.lint(view, kind)) {
      if (f.offset < reported_to) continue;
      f.line += line_base;
      ++sum->findings;
      on_finding({name, f});
    }
    if (eof) break;
    // Keep the tail for context and phrases that continue past the cut.
    std::size_t keep_from = scan_to > kCarry ? scan_to - kCarry : 0;
    std::size_t line_start = buf.rfind('\n', keep_from);
    keep_from = line_start == std::string::npos ? 0 : line_start + 1;
    int dropped_lines = 0;
    for (std::size_t i = 0; i < keep_from; ++i) dropped_lines += buf[i] == '\n';
    line_base += dropped_lines;
    reported_to = scan_to - keep_from;
    buf.erase(0, keep_from);
  }
  if (kind == TextKind::kVoicemail)
    for (LintFinding& f : linter.check_voicemail(whole_voicemail, budget)) {
      ++sum->findings;
      on_finding({name, f});
    }
}

}  // namespace

Result<LintSummary> lint_files(const LintOptions& o, std::istream& stdin_stream,
                               const std::function<void(const FileFinding&)>& on_finding) {
  auto rules = load_lint_rules(o.rules_path);
  if (!rules.ok()) return rules.status();
  auto linter = Linter::compile(*rules);
  if (!linter.ok()) return linter.status();
  LintSummary sum;
  std::vector<std::string> files = o.files.empty() ? std::vector<std::string>{"-"} : o.files;
  for (const std::string& file : files) {
    TextKind kind = o.kind.value_or(file == "-" ? TextKind::kScript : kind_from_name(file));
    ++sum.files;
    if (file == "-") {
      lint_stream(**linter, stdin_stream, "<stdin>", kind, o.budget, &sum, on_finding);
      continue;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) return Status::Io(file + ": cannot read the file");
    lint_stream(**linter, in, file, kind, o.budget, &sum, on_finding);
  }
  return sum;
}

Result<std::string> lint_phrases(const std::string& rules_path) {
  auto rules = load_lint_rules(rules_path);
  if (!rules.ok()) return rules.status();
  std::string out;
  for (const LintRule& r : *rules)
    for (const std::string& p : r.phrases) out += p + "\n";
  return out;
}

}  // namespace nextcall
