// The memory subcommands: thread, hot-button, objection, material, commitment, referral,
// appointment, cadence, dnc and snooze. Each parses, resolves the contact, calls one
// app/memory.h use case and prints the stored row.
#include <CLI/CLI.hpp>
#include <memory>
#include <nlohmann/json.hpp>

#include "app/contacts.h"
#include "app/memory.h"
#include "cli/arguments.h"
#include "cli/json_output.h"
#include "cli/runtime.h"
#include "cli/table.h"
#include "core/civil_time.h"
#include "core/model_text.h"
#include "io/model_json.h"

namespace nextcall::cli {
namespace {

// Prints a stored row: its JSON, or one line saying what was done.
template <typename T>
Status done(Runtime& rt, const Result<T>& row, const std::string& line) {
  if (!row.ok()) return row.status();
  if (rt.json())
    print_json(rt, *row);
  else
    rt.out() << line << "\n";
  return Status::Ok();
}

std::string ref_of(const Contact& c) { return c.full_name() + " (#" + std::to_string(c.id) + ")"; }

// Runs f(store, actor, contact, today) for the contact named by ref.
template <typename F>
void with_contact(Runtime& rt, const std::string& ref, F f) {
  rt.finish(rt.with_actor([&](Store& store, const Actor& actor) -> Status {
    auto c = resolve_contact(store, actor, ref);
    if (!c.ok()) return c.status();
    return f(store, actor, *c, today_for(actor, rt.now()));
  }));
}

template <typename F>
void with_actor_today(Runtime& rt, F f) {
  rt.finish(rt.with_actor([&](Store& store, const Actor& actor) -> Status {
    return f(store, actor, today_for(actor, rt.now()));
  }));
}

// Lists rows of one contact (or all, when ref is empty) with `list(store, ws, filter)`.
template <typename Row, typename List, typename Cells>
void list_rows(Runtime& rt, const std::string& ref, std::vector<std::string> header, List list,
               Cells cells) {
  rt.finish(rt.with_actor([&](Store& store, const Actor& actor) -> Status {
    Filter f;
    if (!ref.empty()) {
      auto c = resolve_contact(store, actor, ref);
      if (!c.ok()) return c.status();
      f.contact_id = c->id;
    }
    Result<std::vector<Row>> rows = list(store, actor.workspace.id, f);
    if (!rows.ok()) return rows.status();
    if (rt.json()) {
      print_json(rt, *rows);
      return Status::Ok();
    }
    Table t(header);
    for (const Row& r : *rows) t.add(cells(r));
    t.print(rt.out());
    return Status::Ok();
  }));
}

std::string date_or_dash(const std::optional<Date>& d) { return d ? format_date(*d) : "-"; }

struct Args {
  std::string contact, text, kind, detail, when, link, by, from, place, status, reason, code;
  std::optional<double> amount;
  std::optional<Id> id, material, change;
  std::vector<std::string> pointers;
  bool flag = false;
  bool callback = false;
  int minutes = 30;
};

}  // namespace

void install_thread(CLI::App& cmd, Runtime& rt) {
  cmd.require_subcommand(1);
  auto a = std::make_shared<Args>();
  auto* add = cmd.add_subcommand("add", "Remember a topic to ask about next time (seed 000)");
  add->add_option("contact", a->contact, "Id, e-mail, phone or name")->required();
  add->add_option("topic", a->text, "What they talked about: 'setting up the new line'")->required();
  add->add_option("--kind", a->kind, "business|personal")->default_str("business");
  add->add_flag("--personal", a->flag, "Same as --kind personal");
  add->add_option("--detail", a->detail, "What they were worried or excited about");
  add->callback([&rt, a] {
    with_contact(rt, a->contact, [&](Store& s, const Actor& actor, const Contact& c, Date today) {
      auto t = add_thread(s, actor, c.id, a->text, a->flag ? "personal" : a->kind, a->detail, today);
      return done(rt, t, "Thread #" + std::to_string(t.ok() ? t->id : 0) + " for " + ref_of(c));
    });
  });
  for (bool open : {false, true}) {
    auto id = std::make_shared<Id>();
    auto* sub = cmd.add_subcommand(open ? "reopen" : "close",
                                   open ? "Reopen a thread" : "Close a thread (nothing left to ask)");
    sub->add_option("thread", *id, "Thread id")->required();
    sub->callback([&rt, id, open] {
      with_actor_today(rt, [&](Store& s, const Actor& actor, Date) {
        auto t = set_thread_open(s, actor, *id, open);
        return done(rt, t, std::string(open ? "Reopened" : "Closed") + " thread #" + std::to_string(*id));
      });
    });
  }
  auto l = std::make_shared<std::string>();
  auto* list = cmd.add_subcommand("list", "List threads");
  list->add_option("contact", *l, "Only this contact's");
  list->callback([&rt, l] {
    list_rows<Thread>(
        rt, *l, {"ID", "CONTACT", "STATE", "KIND", "TOPIC"},
        [](Store& s, Id ws, const Filter& f) { return s.list_threads(ws, f); },
        [](const Thread& t) {
          return std::vector<std::string>{std::to_string(t.id), std::to_string(t.contact_id),
                                          t.open ? "open" : "closed", std::string(to_text(t.kind)),
                                          t.topic};
        });
  });
}

void install_hot_button(CLI::App& cmd, Runtime& rt) {
  cmd.require_subcommand(1);
  auto a = std::make_shared<Args>();
  auto* set = cmd.add_subcommand("set", "Record the contact's primary interest (seed 002)");
  set->add_option("contact", a->contact, "Id, e-mail, phone or name")->required();
  set->add_option("text", a->text, "'cutting the cost of unscheduled maintenance'")->required();
  set->callback([&rt, a] {
    with_contact(rt, a->contact, [&](Store& s, const Actor& actor, const Contact& c, Date) {
      ContactFields f;
      f.hot_button = a->text;
      auto e = edit_contact(s, actor, c.id, f, rt.now());
      return done(rt, e, "Hot button of " + ref_of(c) + ": " + a->text);
    });
  });
  auto b = std::make_shared<Args>();
  auto* clear = cmd.add_subcommand("clear", "Forget the hot button");
  clear->add_option("contact", b->contact, "Id, e-mail, phone or name")->required();
  clear->callback([&rt, b] {
    with_contact(rt, b->contact, [&](Store& s, const Actor& actor, const Contact& c, Date) {
      ContactFields f;
      f.hot_button = "";
      auto e = edit_contact(s, actor, c.id, f, rt.now());
      return done(rt, e, "Cleared the hot button of " + ref_of(c));
    });
  });
}

void install_objection(CLI::App& cmd, Runtime& rt) {
  cmd.require_subcommand(1);
  auto a = std::make_shared<Args>();
  auto* add = cmd.add_subcommand("add", "Record why they have not bought (seed 001)");
  add->add_option("contact", a->contact, "Id, e-mail, phone or name")->required();
  add->add_option("code", a->code,
                  "min_order_size|credit_terms|missing_product_line|quality|price|"
                  "incumbent_vendor|no_budget or your own code")
      ->required();
  add->add_option("--detail", a->detail, "In their words");
  add->add_option("--amount", a->amount, "A number that matters, e.g. the order size they need");
  add->callback([&rt, a] {
    with_contact(rt, a->contact, [&](Store& s, const Actor& actor, const Contact& c, Date today) {
      auto o = add_objection(s, actor, c.id, a->code, a->detail, a->amount, today);
      return done(rt, o, "Objection #" + std::to_string(o.ok() ? o->id : 0) + " (" + a->code +
                             ") for " + ref_of(c));
    });
  });
  auto b = std::make_shared<Args>();
  auto* answer = cmd.add_subcommand("answer", "Mark an objection answered");
  answer->add_option("objection", b->id, "Objection id")->required();
  answer->add_option("--change", b->change, "The change that answered it");
  answer->callback([&rt, b] {
    with_actor_today(rt, [&](Store& s, const Actor& actor, Date) {
      auto o = answer_objection(s, actor, *b->id, b->change);
      return done(rt, o, "Objection #" + std::to_string(*b->id) + " answered");
    });
  });
  auto l = std::make_shared<std::string>();
  auto* list = cmd.add_subcommand("list", "List objections");
  list->add_option("contact", *l, "Only this contact's");
  list->callback([&rt, l] {
    list_rows<Objection>(
        rt, *l, {"ID", "CONTACT", "STATUS", "CODE", "AMOUNT", "DETAIL"},
        [](Store& s, Id ws, const Filter& f) { return s.list_objections(ws, f); },
        [](const Objection& o) {
          char amount[32] = "";
          if (o.amount) std::snprintf(amount, sizeof amount, "%g", *o.amount);
          return std::vector<std::string>{std::to_string(o.id), std::to_string(o.contact_id),
                                          std::string(to_text(o.status)), o.code, amount, o.detail};
        });
  });
}

void install_material(CLI::App& cmd, Runtime& rt) {
  cmd.require_subcommand(1);
  auto a = std::make_shared<Args>();
  auto* add = cmd.add_subcommand("add", "Record what was sent, with the pages to point at (seed 002)");
  add->add_option("contact", a->contact, "Id, e-mail, phone or name")->required();
  add->add_option("title", a->text, "'Model 40 spec sheet'")->required();
  add->add_option("--sent", a->when, "When it was sent (default today)");
  add->add_option("--link", a->link, "URL or file name");
  add->add_option("--pointer", a->pointers, "'page 4=unscheduled maintenance'; repeat for more");
  add->callback([&rt, a] {
    with_contact(rt, a->contact, [&](Store& s, const Actor& actor, const Contact& c, Date today) {
      std::optional<Date> sent = today;
      if (!a->when.empty()) {
        auto d = parse_date_arg(a->when, today, "--sent");
        if (!d.ok()) return d.status();
        sent = *d;
      }
      auto m = add_material(s, actor, c.id, a->text, sent, a->link, a->pointers);
      return done(rt, m, "Material #" + std::to_string(m.ok() ? m->id : 0) + " for " + ref_of(c));
    });
  });
  auto b = std::make_shared<Args>();
  auto* pointer = cmd.add_subcommand("pointer", "Add a page pointer to a material");
  pointer->add_option("material", b->id, "Material id")->required();
  pointer->add_option("location", b->text, "'page 4', 'section 2.3'")->required();
  pointer->add_option("hot_button", b->detail, "The interest it serves")->required();
  pointer->callback([&rt, b] {
    with_actor_today(rt, [&](Store& s, const Actor& actor, Date) {
      auto m = add_pointer(s, actor, *b->id, b->text, b->detail);
      return done(rt, m, "Material #" + std::to_string(*b->id) + ": " + b->text + " -> " + b->detail);
    });
  });
  auto l = std::make_shared<std::string>();
  auto* list = cmd.add_subcommand("list", "List materials");
  list->add_option("contact", *l, "Only this contact's");
  list->callback([&rt, l] {
    list_rows<Material>(
        rt, *l, {"ID", "CONTACT", "SENT", "TITLE", "POINTERS"},
        [](Store& s, Id ws, const Filter& f) { return s.list_materials(ws, f); },
        [](const Material& m) {
          std::string ps;
          for (const Pointer& p : m.pointers) ps += (ps.empty() ? "" : "; ") + p.location + " -> " + p.hot_button;
          return std::vector<std::string>{std::to_string(m.id), std::to_string(m.contact_id),
                                          date_or_dash(m.sent_on), m.title, ps};
        });
  });
}

void install_commitment(CLI::App& cmd, Runtime& rt) {
  cmd.require_subcommand(1);
  auto a = std::make_shared<Args>();
  auto* add = cmd.add_subcommand("add", "Record a promise by the contact or by you");
  add->add_option("contact", a->contact, "Id, e-mail, phone or name")->required();
  add->add_option("what", a->text, "'review the specs'")->required();
  add->add_option("--by", a->by, "contact|rep (who promised)")->default_str("contact");
  add->add_option("--due", a->when, "Due date: 2026-12-03, friday, +3d");
  add->add_option("--material", a->material, "The material it is about");
  add->callback([&rt, a] {
    with_contact(rt, a->contact, [&](Store& s, const Actor& actor, const Contact& c, Date today) {
      std::optional<Date> due;
      if (!a->when.empty()) {
        auto d = parse_date_arg(a->when, today, "--due");
        if (!d.ok()) return d.status();
        due = *d;
      }
      auto k = add_commitment(s, actor, c.id, a->by.empty() ? "contact" : a->by, a->text, due,
                              a->material, today);
      return done(rt, k, "Commitment #" + std::to_string(k.ok() ? k->id : 0) + " for " + ref_of(c) +
                             (due ? ", due " + format_date(*due) : ""));
    });
  });
  for (auto status : {CommitmentStatus::kKept, CommitmentStatus::kBroken}) {
    auto id = std::make_shared<Id>();
    std::string name(to_text(status));
    auto* sub = cmd.add_subcommand(name, "Mark a commitment " + name);
    sub->add_option("commitment", *id, "Commitment id")->required();
    sub->callback([&rt, id, status, name] {
      with_actor_today(rt, [&](Store& s, const Actor& actor, Date) {
        auto k = set_commitment_status(s, actor, *id, status);
        return done(rt, k, "Commitment #" + std::to_string(*id) + " " + name);
      });
    });
  }
  auto l = std::make_shared<std::string>();
  auto* list = cmd.add_subcommand("list", "List commitments");
  list->add_option("contact", *l, "Only this contact's");
  list->callback([&rt, l] {
    list_rows<Commitment>(
        rt, *l, {"ID", "CONTACT", "BY", "STATUS", "DUE", "WHAT"},
        [](Store& s, Id ws, const Filter& f) { return s.list_commitments(ws, f); },
        [](const Commitment& k) {
          return std::vector<std::string>{std::to_string(k.id), std::to_string(k.contact_id),
                                          std::string(to_text(k.owner)),
                                          std::string(to_text(k.status)), date_or_dash(k.due_on),
                                          k.what};
        });
  });
}

void install_referral(CLI::App& cmd, Runtime& rt) {
  cmd.require_subcommand(1);
  auto a = std::make_shared<Args>();
  auto* add = cmd.add_subcommand("add", "Record who referred this contact (seed 003)");
  add->add_option("contact", a->contact, "The contact you were referred to")->required();
  add->add_option("--from", a->from, "The referrer: a name ('John Doe') or #ID of a contact")->required();
  add->add_flag("--introduced", a->flag, "The referrer already made the introduction");
  add->callback([&rt, a] {
    with_contact(rt, a->contact, [&](Store& s, const Actor& actor, const Contact& c, Date today) {
      auto r = add_referral(s, actor, c.id, a->from, a->flag, today);
      return done(rt, r, "Referral #" + std::to_string(r.ok() ? r->id : 0) + ": " + a->from +
                             " referred " + ref_of(c));
    });
  });
  auto id = std::make_shared<Id>();
  auto* intro = cmd.add_subcommand("introduced", "The referrer made the introduction");
  intro->add_option("referral", *id, "Referral id")->required();
  intro->callback([&rt, id] {
    with_actor_today(rt, [&](Store& s, const Actor& actor, Date today) {
      auto r = mark_introduced(s, actor, *id, today);
      return done(rt, r, "Referral #" + std::to_string(*id) + ": introduction made");
    });
  });
  auto l = std::make_shared<std::string>();
  auto* list = cmd.add_subcommand("list", "List referrals");
  list->add_option("contact", *l, "Only referrals to this contact");
  list->callback([&rt, l] {
    list_rows<Referral>(
        rt, *l, {"ID", "CONTACT", "REFERRER", "INTRODUCED"},
        [](Store& s, Id ws, const Filter& f) { return s.list_referrals(ws, f); },
        [](const Referral& r) {
          return std::vector<std::string>{std::to_string(r.id), std::to_string(r.referred_contact_id),
                                          r.referrer_name,
                                          r.introduced ? date_or_dash(r.introduced_on) : "no"};
        });
  });
}

void install_appointment(CLI::App& cmd, Runtime& rt) {
  cmd.require_subcommand(1);
  auto a = std::make_shared<Args>();
  auto* add = cmd.add_subcommand("add", "Record a proposed or confirmed appointment");
  add->add_option("contact", a->contact, "Id, e-mail, phone or name")->required();
  add->add_option("--at", a->when, "'2026-12-03 10:00' in the contact's local time, or ISO with offset")
      ->required();
  add->add_option("--minutes", a->minutes, "Length in minutes")->default_val(30);
  add->add_flag("--confirmed", a->flag, "They confirmed it (default: proposed)");
  add->add_option("--place", a->place, "Where (address, or 'phone')");
  add->add_flag("--callback", a->callback, "A callback time they proposed, not a meeting");
  add->callback([&rt, a] {
    with_contact(rt, a->contact, [&](Store& s, const Actor& actor, const Contact& c, Date) {
      auto at = parse_time_arg(a->when, c.timezone.empty() ? actor.rep.timezone : c.timezone, "--at");
      if (!at.ok()) return at.status();
      auto ap = add_appointment(s, actor, c.id, *at, a->minutes, a->flag ? "confirmed" : "proposed",
                                a->place, a->callback);
      return done(rt, ap, "Appointment #" + std::to_string(ap.ok() ? ap->id : 0) + " with " +
                              ref_of(c) + " at " + format_instant(*at));
    });
  });
  for (auto status : {AppointmentStatus::kConfirmed, AppointmentStatus::kCancelled,
                      AppointmentStatus::kDone}) {
    auto id = std::make_shared<Id>();
    std::string verb = status == AppointmentStatus::kConfirmed   ? "confirm"
                       : status == AppointmentStatus::kCancelled ? "cancel"
                                                                 : "done";
    auto* sub = cmd.add_subcommand(verb, "Mark an appointment " + std::string(to_text(status)));
    sub->add_option("appointment", *id, "Appointment id")->required();
    sub->callback([&rt, id, status] {
      with_actor_today(rt, [&](Store& s, const Actor& actor, Date) {
        auto ap = set_appointment_status(s, actor, *id, status);
        return done(rt, ap, "Appointment #" + std::to_string(*id) + " " + std::string(to_text(status)));
      });
    });
  }
  auto held = std::make_shared<Id>();
  auto* release =
      cmd.add_subcommand("release", "Let a tentative appointment go (a time a voicemail held)");
  release->add_option("appointment", *held, "Appointment id")->required();
  release->callback([&rt, held] {
    with_actor_today(rt, [&](Store& s, const Actor& actor, Date) {
      auto ap = release_appointment(s, actor, *held);
      return done(rt, ap, "Appointment #" + std::to_string(*held) + " released (cancelled)");
    });
  });
  auto l = std::make_shared<std::string>();
  auto* list = cmd.add_subcommand("list", "List appointments");
  list->add_option("contact", *l, "Only this contact's");
  list->callback([&rt, l] {
    list_rows<Appointment>(
        rt, *l, {"ID", "CONTACT", "STATUS", "STARTS (UTC)", "MIN", "PLACE"},
        [](Store& s, Id ws, const Filter& f) { return s.list_appointments(ws, f); },
        [](const Appointment& ap) {
          return std::vector<std::string>{std::to_string(ap.id), std::to_string(ap.contact_id),
                                          std::string(to_text(ap.status)),
                                          format_instant(ap.starts_at),
                                          std::to_string(ap.duration_minutes), ap.place};
        });
  });
}

void install_cadence(CLI::App& cmd, Runtime& rt) {
  cmd.require_subcommand(1);
  auto a = std::make_shared<Args>();
  auto* set = cmd.add_subcommand("set", "How often to call a customer");
  set->add_option("contact", a->contact, "Id, e-mail, phone or name")->required();
  set->add_option("cadence", a->text, "daily|weekly|monthly|'every N days'|none")->required();
  set->callback([&rt, a] {
    with_contact(rt, a->contact, [&](Store& s, const Actor& actor, const Contact& c, Date) {
      ContactFields f;
      f.cadence = a->text;
      auto e = edit_contact(s, actor, c.id, f, rt.now());
      return done(rt, e, "Cadence of " + ref_of(c) + ": " + (e.ok() ? to_text(e->cadence) : ""));
    });
  });
}

void install_dnc(CLI::App& cmd, Runtime& rt) {
  cmd.require_subcommand(1);
  auto a = std::make_shared<Args>();
  auto* on = cmd.add_subcommand("on", "Never call this contact (honoured by every plan)");
  on->add_option("contact", a->contact, "Id, e-mail, phone or name")->required();
  on->add_option("--reason", a->reason, "Why")->required();
  on->callback([&rt, a] {
    with_contact(rt, a->contact, [&](Store& s, const Actor& actor, const Contact& c, Date today) {
      auto e = set_do_not_call(s, actor, c.id, true, a->reason, today, rt.now());
      return done(rt, e, ref_of(c) + " is on the do-not-call list since " + format_date(today));
    });
  });
  auto b = std::make_shared<Args>();
  auto* off = cmd.add_subcommand("off", "Allow calls again");
  off->add_option("contact", b->contact, "Id, e-mail, phone or name")->required();
  off->callback([&rt, b] {
    with_contact(rt, b->contact, [&](Store& s, const Actor& actor, const Contact& c, Date today) {
      auto e = set_do_not_call(s, actor, c.id, false, "", today, rt.now());
      return done(rt, e, ref_of(c) + " may be called again");
    });
  });
}

void install_snooze(CLI::App& cmd, Runtime& rt) {
  auto a = std::make_shared<Args>();
  cmd.add_option("contact", a->contact, "Id, e-mail, phone or name")->required();
  cmd.add_option("--until", a->when, "Plan nothing for them before this date; 'off' to wake")->required();
  cmd.add_option("--why", a->reason, "Why (shown on the call sheet)");
  cmd.callback([&rt, a] {
    with_contact(rt, a->contact, [&](Store& s, const Actor& actor, const Contact& c, Date today) {
      std::optional<Date> until;
      if (a->when != "off") {
        auto d = parse_date_arg(a->when, today, "--until");
        if (!d.ok()) return d.status();
        if (*d <= today) return Status::InvalidArgument("--until: must be after today");
        until = *d;
      }
      auto e = snooze_contact(s, actor, c.id, until, a->reason, rt.now());
      return done(rt, e, until ? ref_of(c) + " snoozed until " + format_date(*until)
                               : ref_of(c) + " is no longer snoozed");
    });
  });
}

}  // namespace nextcall::cli
