#include "app/coach_call.h"

#include <fstream>
#include <sstream>

#include "io/transcript_format.h"
#include "speech/recognizer.h"
#include "speech/wav_reader.h"

namespace nextcall {

namespace {

bool is_wav_name(const std::string& p) {
  return p.size() > 4 && (p.compare(p.size() - 4, 4, ".wav") == 0 || p.compare(p.size() - 4, 4, ".WAV") == 0);
}

}  // namespace

Result<CoachResult> coach_file(const CoachOptions& opt) {
  std::ifstream in(opt.path, std::ios::binary);
  if (!in) return Status::Io(opt.path + ": cannot open the file; check the path");
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string data = ss.str();
  CoachResult out;
  bool wav = opt.format == "wav" || ((opt.format.empty() || opt.format == "auto") &&
                                     (is_wav_name(opt.path) || data.rfind("RIFF", 0) == 0));
  if (wav) {
    auto audio = parse_wav(data, opt.path);
    if (!audio.ok()) return audio.status();
    RecognizeOptions ro;
    ro.rep_channel = opt.rep_channel;
    ro.progress = opt.progress;
    auto t = transcribe(*audio, ro);
    if (!t.ok()) return t.status().with_context(opt.path);
    out.transcript = std::move(*t);
  } else {
    auto t = parse_transcript(data, opt.path, opt.format);
    if (!t.ok()) return t.status();
    out.transcript = std::move(*t);
    NEXTCALL_RETURN_IF_ERROR(assign_rep(out.transcript, opt.rep_speaker, opt.user_names));
  }
  out.report = coach_call(out.transcript, opt.call_date);
  return out;
}

size_t memory_item_count(const CoachMemory& m) {
  return m.threads.size() + m.commitments.size() + (m.hot_button ? 1 : 0) + m.objections.size();
}

Status apply_memory(Store& store, Id ws, Id contact, const CoachMemory& m,
                    const std::vector<bool>& keep) {
  const Date call_date = m.call_date;
  auto kept = [&keep](size_t i) { return i >= keep.size() || keep[i]; };
  auto c = store.get_contact(ws, contact);
  if (!c.ok()) return c.status();
  return store.transaction([&]() -> Status {
    size_t i = 0;
    for (const auto& t : m.threads) {
      if (kept(i++)) {
        Thread th;
        th.workspace_id = ws;
        th.contact_id = contact;
        th.topic = t.topic;
        th.kind = t.kind;
        th.mentioned_on = call_date;
        auto r = store.add_thread(th);
        if (!r.ok()) return r.status();
      }
    }
    for (const auto& cm : m.commitments) {
      if (kept(i++)) {
        Commitment x;
        x.workspace_id = ws;
        x.contact_id = contact;
        x.owner = cm.owner;
        x.what = cm.what;
        x.due_on = cm.due_on;
        x.created_on = call_date;
        auto r = store.add_commitment(x);
        if (!r.ok()) return r.status();
      }
    }
    if (m.hot_button && kept(i++)) {
      Contact updated = *c;
      updated.hot_button = *m.hot_button;
      NEXTCALL_RETURN_IF_ERROR(store.update_contact(updated));
    }
    for (const auto& o : m.objections) {
      if (kept(i++)) {
        Objection x;
        x.workspace_id = ws;
        x.contact_id = contact;
        x.code = o.code;
        x.detail = o.detail;
        x.recorded_on = call_date;
        auto r = store.add_objection(x);
        if (!r.ok()) return r.status();
      }
    }
    return Status::Ok();
  });
}

}  // namespace nextcall
