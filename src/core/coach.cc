#include "core/coach.h"

namespace nextcall {

CoachReport coach_call(const Transcript& t, Date call_date, const CoachOptionsCore& opt) {
  CoachReport r;
  r.warnings = t.warnings;
  r.voicemail = is_voicemail(t);
  r.figures = talk_figures(t);
  if (r.voicemail) {
    r.findings = check_voicemail(t, opt);
    return r;
  }
  auto add = [&r](std::vector<Finding> v) {
    for (auto& f : v) r.findings.push_back(std::move(f));
  };
  add(check_opening(t, opt));
  add(check_walk_through(t));
  r.close = analyse_close(t);
  add(check_close(t, r.close));
  r.memory = extract_memory(t, call_date);
  r.memory.rung_agreed = r.close.rung_agreed;
  r.memory.ladder = r.close.ladder;
  return r;
}

}  // namespace nextcall
