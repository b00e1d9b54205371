// `nextcall coach FILE`: coach one call (transcript or WAV), print the findings, the figures
// and the memory; with --apply (and --contact) write the memory to the contact.
#include <CLI/CLI.hpp>
#include <charconv>
#include <chrono>
#include <iostream>
#include <memory>

#include "app/coach_call.h"
#include "cli/runtime.h"
#include "core/civil_time.h"
#include "io/coach_report_html.h"
#include "io/coach_report_json.h"
#include "io/coach_report_text.h"

namespace nextcall::cli {
namespace {

struct CoachCliOptions {
  std::string file;
  std::string contact;
  std::string format;
  std::string input_format;
  std::string rep_speaker;
  std::string rep_channel = "left";
  std::string date;
  bool apply = false;
};

Result<Id> find_contact(Store& store, Id ws, const std::string& key) {
  if (!key.empty() && key.find_first_not_of("0123456789") == std::string::npos) {
    Id id = 0;
    auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), id);
    if (ec != std::errc() || end != key.data() + key.size())
      return Status::NotFound("no contact with id " + key);
    auto c = store.get_contact(ws, id);
    if (!c.ok()) return c.status();
    return c->id;
  }
  Filter f;
  f.text = key;
  auto all = store.list_contacts(ws, f);
  if (!all.ok()) return all.status();
  if (all->empty()) return Status::NotFound("no contact matches '" + key + "'");
  if (all->size() > 1)
    return Status::InvalidArgument("'" + key + "' matches " + std::to_string(all->size()) +
                                   " contacts; give the contact's id");
  return all->front().id;
}

Status run_coach(Runtime& rt, const CoachCliOptions& o) {
  CoachOptions opt;
  opt.path = o.file;
  opt.format = o.input_format;
  opt.rep_speaker = o.rep_speaker;
  opt.rep_channel = o.rep_channel;
  if (o.date.empty()) {
    opt.call_date = std::chrono::floor<std::chrono::days>(rt.now());
  } else {
    auto d = parse_date(o.date);
    if (!d) return Status::InvalidArgument("--date '" + o.date + "': use YYYY-MM-DD");
    opt.call_date = *d;
  }
  if (o.apply && o.contact.empty())
    return Status::InvalidArgument("--apply needs --contact to know whose memory to write");
  Store* store = nullptr;
  Id ws = 0, contact = 0;
  if (!o.contact.empty()) {
    auto s = rt.store();
    if (!s.ok()) return s.status();
    store = *s;
    auto actor = rt.actor();
    if (!actor.ok()) return actor.status();
    ws = actor->workspace.id;
    auto users = store->list_users(ws);
    if (users.ok())
      for (const auto& u : *users) opt.user_names.push_back(u.name);
    auto c = find_contact(*store, ws, o.contact);
    if (!c.ok()) return c.status();
    contact = *c;
  }
  opt.progress = [&rt](double f) {
    rt.err() << "\rtranscribing: " << static_cast<int>(f * 100) << "%" << (f >= 1 ? "\n" : "") << std::flush;
  };
  auto r = coach_file(opt);
  if (!r.ok()) return r.status();
  std::string format = o.format.empty() ? (rt.json() ? "json" : "text") : o.format;
  if (format == "json") rt.out() << render_coach_json(r->transcript, r->report);
  else if (format == "html") rt.out() << render_coach_html(r->transcript, r->report);
  else rt.out() << render_coach_text(r->transcript, r->report);
  if (o.apply) {
    NEXTCALL_RETURN_IF_ERROR(apply_memory(*store, ws, contact, r->report.memory, {}));
    rt.err() << "Applied " << memory_item_count(r->report.memory) << " memory items to contact "
             << contact << "\n";
  }
  return Status::Ok();
}

}  // namespace

void install_coach(CLI::App& cmd, Runtime& rt) {
  auto o = std::make_shared<CoachCliOptions>();
  cmd.add_option("file", o->file, "Transcript (text, .vtt, .srt, .json) or WAV recording")->required();
  cmd.add_option("--contact", o->contact, "Contact id or name whose call this is");
  cmd.add_option("--format", o->format, "Report format")->check(CLI::IsMember({"text", "json", "html"}));
  cmd.add_option("--input-format", o->input_format, "Transcript format (default: detect)")
      ->check(CLI::IsMember({"auto", "text", "vtt", "srt", "json", "wav"}));
  cmd.add_flag("--apply", o->apply, "Write the extracted memory to the contact");
  cmd.add_option("--rep-speaker", o->rep_speaker, "The rep's speaker label in the transcript");
  cmd.add_option("--rep-channel", o->rep_channel, "Recordings: the rep's channel")
      ->check(CLI::IsMember({"left", "right"}));
  cmd.add_option("--date", o->date, "The call's date (YYYY-MM-DD; default today)");
  cmd.callback([&rt, o] { rt.finish(run_coach(rt, *o)); });
}

}  // namespace nextcall::cli
