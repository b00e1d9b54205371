#include "app/reasons.h"

#include <algorithm>

#include "core/civil_time.h"
#include "core/linter.h"
#include "core/model_text.h"

namespace nextcall {
namespace {

const Linter& default_linter() {
  static const std::unique_ptr<Linter> kLinter = [] {
    auto rules = parse_lint_rules(default_lint_rules_text(), "default rules");
    return std::move(Linter::compile(*rules).value());
  }();
  return *kLinter;
}

Status apply(const ReasonInput& in, Date today, Reason* r) {
  if (in.text) {
    std::string t = *in.text;
    // Accept the whole sentence too: "The reason I'm calling is ...".
    for (const char* prefix : {"The reason I'm calling is ", "the reason I'm calling is ",
                               "The reason I am calling is "})
      if (t.rfind(prefix, 0) == 0) t = t.substr(std::string(prefix).size());
    while (!t.empty() && (t.back() == '.' || t.back() == ' ')) t.pop_back();
    if (t.empty()) return Status::InvalidArgument("text: fill in \"The reason I'm calling is ___\"");
    r->text = t;
  }
  if (in.category) {
    auto c = parse_reason_category(*in.category);
    if (!c) return Status::InvalidArgument("category: '" + *in.category + "' is not one of " + names_of_reason_categories());
    r->category = *c;
  }
  if (in.expires) {
    if (in.expires->empty() || *in.expires == "never") {
      r->expires_on.reset();
    } else {
      auto d = parse_relative_date(*in.expires, today);
      if (!d) return Status::InvalidArgument("expires: '" + *in.expires + "' is not a date");
      r->expires_on = d;
    }
  }
  if (in.industries) r->industries = *in.industries;
  if (in.stages) {
    for (const auto& s : *in.stages)
      if (!parse_stage(s)) return Status::InvalidArgument("stages: '" + s + "' is not prospect or customer");
    r->stages = *in.stages;
  }
  if (in.roles) {
    for (const auto& s : *in.roles)
      if (!parse_role(s)) return Status::InvalidArgument("roles: '" + s + "' is not one of " + names_of_roles());
    r->roles = *in.roles;
  }
  if (in.hot_buttons) r->hot_buttons = *in.hot_buttons;
  if (in.objections) r->objections = *in.objections;
  return Status::Ok();
}

}  // namespace

std::string describe_problems(const std::vector<ReasonProblem>& problems) {
  std::string out = "the listener may not find this valuable:";
  for (const auto& p : problems) out += "\n  - " + p.message + " (" + p.rule + "); try: " + p.rewrite;
  out += "\n  Rewrite it, or keep it anyway with --force.";
  return out;
}

Result<std::vector<ReasonProblem>> check_reason_text(const std::string& text) {
  return check_reason(text, default_linter());
}

Result<ReasonResult> add_reason(Store& store, const Actor& actor, const ReasonInput& in, Date today,
                                Instant now) {
  ReasonResult out;
  Reason& r = out.reason;
  r.workspace_id = actor.workspace.id;
  r.author_id = actor.rep.id;
  r.author_name = actor.rep.name;
  r.created_at = now;
  if (!in.text) return Status::InvalidArgument("text: fill in \"The reason I'm calling is ___\"");
  NEXTCALL_RETURN_IF_ERROR(apply(in, today, &r));
  out.problems = check_reason(r.text, default_linter());
  if (!out.problems.empty() && !in.force) return Status::InvalidArgument(describe_problems(out.problems));
  r.forced = !out.problems.empty();
  auto id = store.add_reason(r);
  if (!id.ok()) return id.status();
  r.id = *id;
  return out;
}

Result<ReasonResult> edit_reason(Store& store, const Actor& actor, Id id, const ReasonInput& in, Date today) {
  auto current = store.get_reason(actor.workspace.id, id);
  if (!current.ok()) return current.status();
  ReasonResult out;
  out.reason = *current;
  NEXTCALL_RETURN_IF_ERROR(apply(in, today, &out.reason));
  if (in.text) {
    out.problems = check_reason(out.reason.text, default_linter());
    if (!out.problems.empty() && !in.force) return Status::InvalidArgument(describe_problems(out.problems));
    out.reason.forced = !out.problems.empty();
  }
  NEXTCALL_RETURN_IF_ERROR(store.update_reason(out.reason));
  return out;
}

namespace {

Result<Reason> set_retired(Store& store, const Actor& actor, Id id, bool retired) {
  auto r = store.get_reason(actor.workspace.id, id);
  if (!r.ok()) return r;
  const bool manager = actor.rep.role == UserRole::kManager || actor.rep.role == UserRole::kAdmin;
  const bool author = r->author_id && *r->author_id == actor.rep.id;
  if (!manager && !author)
    return Status::PermissionDenied("reason #" + std::to_string(id) + " is " +
                                    (r->author_name.empty() ? "the team's" : r->author_name + "'s") +
                                    ": only its author or a manager can " + (retired ? "retire" : "restore") +
                                    " it");
  if (r->retired == retired) return r;
  r->retired = retired;
  NEXTCALL_RETURN_IF_ERROR(store.update_reason(*r));
  return r;
}

}  // namespace

Result<Reason> retire_reason(Store& store, const Actor& actor, Id id) {
  return set_retired(store, actor, id, true);
}

Result<Reason> restore_reason(Store& store, const Actor& actor, Id id) {
  return set_retired(store, actor, id, false);
}

Result<ReasonReport> reasons_report(Store& store, const Actor& actor) {
  ReasonReport report;
  auto reasons = store.list_reasons(actor.workspace.id);
  if (!reasons.ok()) return reasons.status();
  report.reasons = *reasons;
  auto attempts = store.list_attempts(actor.workspace.id, {});
  if (!attempts.ok()) return attempts.status();
  std::stable_sort(attempts->begin(), attempts->end(), [](const Attempt& a, const Attempt& b) {
    return a.contact_id != b.contact_id ? a.contact_id < b.contact_id : a.at < b.at;
  });
  auto settings = store.get_settings(actor.workspace.id);
  if (!settings.ok()) return settings.status();
  report.stats = reason_stats(*attempts, report.reasons, *settings);
  return report;
}

}  // namespace nextcall
