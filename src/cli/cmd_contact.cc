// `nextcall contact add|edit|show|list|find` and `nextcall account add|edit|show|list`.
#include <CLI/CLI.hpp>
#include <memory>
#include <nlohmann/json.hpp>

#include "app/call_queue.h"
#include "app/contacts.h"
#include "cli/json_output.h"
#include "cli/render_memory.h"
#include "cli/runtime.h"
#include "cli/table.h"
#include "core/model_text.h"
#include "io/model_json.h"
#include "io/phone_numbers.h"

namespace nextcall::cli {
namespace {

void add_field_options(CLI::App* cmd, ContactFields* f) {
  cmd->add_option("--first", f->first_name, "First name");
  cmd->add_option("--last", f->last_name, "Last name");
  cmd->add_option("--title", f->title, "Job title");
  cmd->add_option("--company", f->company, "Company (account), created when new");
  cmd->add_option("--email", f->email, "E-mail address");
  cmd->add_option("--phone", f->phones, "Phone number, any format; repeat for more (first is primary)");
  cmd->add_option("--role", f->role, "decision_maker|influencer|gatekeeper|unknown");
  cmd->add_option("--stage", f->stage, "prospect|customer");
  cmd->add_option("--timezone", f->timezone,
                  "IANA time zone (America/Chicago); derived from state or country when omitted");
  cmd->add_option("--city", f->city, "City");
  cmd->add_option("--state", f->region, "State or region");
  cmd->add_option("--country", f->country, "Country (name or ISO code)");
  cmd->add_option("--hot-button", f->hot_button, "Their primary interest");
  cmd->add_option("--cadence", f->cadence, "daily|weekly|monthly|'every N days'|none");
  cmd->add_option("--owner", f->owner, "The rep who calls them (e-mail or name)");
  cmd->add_option("--deal-value", f->deal_value, "Expected value of the open opportunity");
  cmd->add_option("--lat", f->latitude, "Latitude, for routing and nearby appointments");
  cmd->add_option("--lon", f->longitude, "Longitude");
}

Status show_contact(Runtime& rt, Store& store, const Actor& actor, Id id) {
  auto m = load_memory(store, actor.workspace.id, id);
  if (!m.ok()) return m.status();
  if (rt.json())
    print_json(rt, memory_json(*m));
  else
    print_memory(rt.out(), *m);
  return Status::Ok();
}

void print_contacts(Runtime& rt, Store& store, const Actor& actor,
                    const std::vector<Contact>& contacts) {
  if (rt.json()) {
    print_json(rt, contacts);
    return;
  }
  std::map<Id, std::string> accounts;
  if (auto all = store.list_accounts(actor.workspace.id, {}); all.ok())
    for (const Account& a : *all) accounts[a.id] = a.name;
  Table t({"ID", "NAME", "COMPANY", "ROLE", "STAGE", "PHONE", "ZONE", "HOT BUTTON"});
  for (const Contact& c : contacts) {
    std::string flags = c.do_not_call ? " [DNC]" : "";
    t.add({std::to_string(c.id), c.full_name() + flags,
           c.account_id ? accounts[*c.account_id] : "", std::string(to_text(c.role)),
           std::string(to_text(c.stage)),
           c.phones.empty() ? "" : format_phone_national(c.phones.front().e164),
           c.timezone.empty() ? "?" : c.timezone, c.hot_button});
  }
  t.print(rt.out(), 40);
  rt.out() << contacts.size() << " contact" << (contacts.size() == 1 ? "" : "s") << "\n";
}

struct ListOptions {
  std::string missing;
  std::string owner;
  int limit = 0;
  int offset = 0;
  std::string text;
  Id import_id = 0;
};

struct QueueOptions {
  std::vector<std::string> refs;
  std::string priority = "normal";
};

Status list_contacts(Runtime& rt, const ListOptions& o) {
  return rt.with_actor([&](Store& store, const Actor& actor) -> Status {
    Filter f;
    f.limit = o.limit;
    f.offset = o.offset;
    f.text = o.text;
    if (!o.missing.empty()) {
      if (o.missing != "timezone")
        return Status::InvalidArgument("--missing: only 'timezone' can be looked for");
      f.missing_timezone = true;
    }
    if (o.import_id > 0) f.import_id = o.import_id;
    if (!o.owner.empty()) {
      auto u = store.find_user_by_email(o.owner);
      if (!u.ok()) return u.status();
      if (!*u || (*u)->workspace_id != actor.workspace.id)
        return Status::NotFound("--owner: no rep with e-mail '" + o.owner + "'");
      f.owner_id = (*u)->id;
    }
    auto contacts = store.list_contacts(actor.workspace.id, f);
    if (!contacts.ok()) return contacts.status();
    print_contacts(rt, store, actor, *contacts);
    return Status::Ok();
  });
}

struct EditOptions {
  std::string ref;
  ContactFields fields;
};

// --- accounts ---

struct AccountOptions {
  std::string ref;
  std::string name;
  std::optional<std::string> industry, city, region, country, notes, rename;
  std::optional<double> lat, lon;
};

Result<Account> resolve_account(Store& store, Id ws, const std::string& ref) {
  if (!ref.empty() && std::all_of(ref.begin(), ref.end(), ::isdigit) && ref.size() < 10) {
    auto a = store.get_account(ws, std::stol(ref));
    if (a.ok()) return a;
  }
  auto a = store.find_account_by_name(ws, ref);
  if (!a.ok()) return a.status();
  if (!*a) return Status::NotFound("no account named '" + ref + "' (see: nextcall account list)");
  return **a;
}

Status apply_account(const AccountOptions& o, Account* a) {
  if (o.industry) a->industry = *o.industry;
  if (o.city) a->city = *o.city;
  if (o.region) a->region = *o.region;
  if (o.country) a->country = *o.country;
  if (o.notes) a->notes = *o.notes;
  if (o.rename) a->name = *o.rename;
  if (o.lat || o.lon) {
    if (!o.lat || !o.lon) return Status::InvalidArgument("location: give both --lat and --lon");
    a->location = GeoPoint{*o.lat, *o.lon};
  }
  return Status::Ok();
}

void add_account_options(CLI::App* cmd, AccountOptions* o) {
  cmd->add_option("--industry", o->industry, "Industry");
  cmd->add_option("--city", o->city, "City");
  cmd->add_option("--state", o->region, "State or region");
  cmd->add_option("--country", o->country, "Country");
  cmd->add_option("--notes", o->notes, "Notes");
  cmd->add_option("--lat", o->lat, "Latitude");
  cmd->add_option("--lon", o->lon, "Longitude");
}

}  // namespace

void install_contact(CLI::App& cmd, Runtime& rt) {
  cmd.require_subcommand(1);

  auto add_fields = std::make_shared<ContactFields>();
  auto* add = cmd.add_subcommand("add", "Add a contact");
  add_field_options(add, add_fields.get());
  add->callback([&rt, add_fields] {
    rt.finish(rt.with_actor([&](Store& store, const Actor& actor) -> Status {
      auto c = add_contact(store, actor, *add_fields, rt.now());
      if (!c.ok()) return c.status();
      if (rt.json()) return show_contact(rt, store, actor, c->id);
      rt.out() << "Added #" << c->id << " " << c->full_name()
               << (c->timezone.empty() ? " (time zone unknown: set it with --timezone)" : "")
               << "\n";
      if (c->phones.empty())
        rt.err() << "warning: " << c->full_name()
                 << " has no phone number: no call is planned until one is added (contact edit --phone)\n";
      return Status::Ok();
    }));
  });

  auto edit_opts = std::make_shared<EditOptions>();
  auto* edit = cmd.add_subcommand("edit", "Change a contact's fields (only those given)");
  edit->add_option("contact", edit_opts->ref, "Id, e-mail, phone or name")->required();
  add_field_options(edit, &edit_opts->fields);
  edit->callback([&rt, edit_opts] {
    rt.finish(rt.with_actor([&](Store& store, const Actor& actor) -> Status {
      auto c = resolve_contact(store, actor, edit_opts->ref);
      if (!c.ok()) return c.status();
      auto edited = edit_contact(store, actor, c->id, edit_opts->fields, rt.now());
      if (!edited.ok()) return edited.status();
      if (rt.json()) return show_contact(rt, store, actor, c->id);
      rt.out() << "Updated #" << edited->id << " " << edited->full_name() << "\n";
      return Status::Ok();
    }));
  });

  auto show_ref = std::make_shared<std::string>();
  auto* show = cmd.add_subcommand("show", "Show a contact and everything remembered about them");
  show->add_option("contact", *show_ref, "Id, e-mail, phone or name")->required();
  show->callback([&rt, show_ref] {
    rt.finish(rt.with_actor([&](Store& store, const Actor& actor) -> Status {
      auto c = resolve_contact(store, actor, *show_ref);
      if (!c.ok()) return c.status();
      return show_contact(rt, store, actor, c->id);
    }));
  });

  auto list_opts = std::make_shared<ListOptions>();
  auto* list = cmd.add_subcommand("list", "List contacts");
  list->add_option("--missing", list_opts->missing, "Only contacts missing this field: timezone");
  list->add_option("--owner", list_opts->owner, "Only contacts of this rep (e-mail)");
  list->add_option("--import", list_opts->import_id, "Only contacts added by this import (its id, as `import contacts` said)");
  list->add_option("--limit", list_opts->limit, "At most this many");
  list->add_option("--offset", list_opts->offset, "Skip this many first");
  list->callback([&rt, list_opts] { rt.finish(list_contacts(rt, *list_opts)); });

  auto queue_opts = std::make_shared<QueueOptions>();
  auto* queue = cmd.add_subcommand("queue", "Add contacts to today's calls (until a call to them is logged)");
  queue->add_option("contacts", queue_opts->refs, "Ids, e-mails, phones or names")->required();
  queue->add_option("--priority", queue_opts->priority, "top (before every other call)|high|normal");
  queue->callback([&rt, queue_opts] {
    rt.finish(rt.with_actor([&](Store& store, const Actor& actor) -> Status {
      auto priority = parse_queue_priority(queue_opts->priority);
      if (!priority)
        return Status::InvalidArgument("--priority: '" + queue_opts->priority + "' is not one of " +
                                       names_of_queue_priorities());
      std::vector<Id> ids;
      for (const std::string& ref : queue_opts->refs) {
        auto c = resolve_contact(store, actor, ref);
        if (!c.ok()) return c.status();
        ids.push_back(c->id);
      }
      auto report = add_to_calls(store, actor, ids, *priority, rt.now());
      if (!report.ok()) return report.status();
      for (const auto& r : report->added) rt.out() << "Added #" << r.contact_id << " " << r.name << " to today's calls\n";
      for (const auto& r : report->skipped)
        rt.err() << "Left out #" << r.contact_id << " " << r.name << ": " << r.why << "\n";
      if (report->added.empty()) rt.set_exit_code(1);
      return Status::Ok();
    }));
  });
  auto unqueue_ref = std::make_shared<std::string>();
  auto* unqueue = cmd.add_subcommand("unqueue", "Take a contact off the calls added by hand");
  unqueue->add_option("contact", *unqueue_ref, "Id, e-mail, phone or name")->required();
  unqueue->callback([&rt, unqueue_ref] {
    rt.finish(rt.with_actor([&](Store& store, const Actor& actor) -> Status {
      auto c = resolve_contact(store, actor, *unqueue_ref);
      if (!c.ok()) return c.status();
      NEXTCALL_RETURN_IF_ERROR(remove_from_calls(store, actor, c->id));
      rt.out() << "Took #" << c->id << " " << c->full_name() << " off the calls added by hand\n";
      return Status::Ok();
    }));
  });

  auto find_opts = std::make_shared<ListOptions>();
  auto* find = cmd.add_subcommand("find", "Find contacts by name, company, title, e-mail or phone");
  find->add_option("text", find_opts->text, "What to look for")->required();
  find->add_option("--limit", find_opts->limit, "At most this many");
  find->callback([&rt, find_opts] { rt.finish(list_contacts(rt, *find_opts)); });
}

void install_account(CLI::App& cmd, Runtime& rt) {
  cmd.require_subcommand(1);
  auto add_opts = std::make_shared<AccountOptions>();
  auto* add = cmd.add_subcommand("add", "Add an account (company)");
  add->add_option("name", add_opts->name, "Company name")->required();
  add_account_options(add, add_opts.get());
  add->callback([&rt, add_opts] {
    rt.finish(rt.with_actor([&](Store& store, const Actor& actor) -> Status {
      Account a;
      a.workspace_id = actor.workspace.id;
      a.name = add_opts->name;
      NEXTCALL_RETURN_IF_ERROR(apply_account(*add_opts, &a));
      auto id = store.create_account(a);
      if (!id.ok()) return id.status();
      a.id = *id;
      if (rt.json())
        print_json(rt, a);
      else
        rt.out() << "Added account #" << a.id << " " << a.name << "\n";
      return Status::Ok();
    }));
  });

  auto edit_opts = std::make_shared<AccountOptions>();
  auto* edit = cmd.add_subcommand("edit", "Change an account's fields");
  edit->add_option("account", edit_opts->ref, "Id or name")->required();
  edit->add_option("--name", edit_opts->rename, "New name");
  add_account_options(edit, edit_opts.get());
  edit->callback([&rt, edit_opts] {
    rt.finish(rt.with_actor([&](Store& store, const Actor& actor) -> Status {
      auto a = resolve_account(store, actor.workspace.id, edit_opts->ref);
      if (!a.ok()) return a.status();
      NEXTCALL_RETURN_IF_ERROR(apply_account(*edit_opts, &*a));
      NEXTCALL_RETURN_IF_ERROR(store.update_account(*a));
      if (rt.json())
        print_json(rt, *a);
      else
        rt.out() << "Updated account #" << a->id << " " << a->name << "\n";
      return Status::Ok();
    }));
  });

  auto show_ref = std::make_shared<std::string>();
  auto* show = cmd.add_subcommand("show", "Show an account and its contacts");
  show->add_option("account", *show_ref, "Id or name")->required();
  show->callback([&rt, show_ref] {
    rt.finish(rt.with_actor([&](Store& store, const Actor& actor) -> Status {
      auto a = resolve_account(store, actor.workspace.id, *show_ref);
      if (!a.ok()) return a.status();
      Filter f;
      f.account_id = a->id;
      auto contacts = store.list_contacts(actor.workspace.id, f);
      if (!contacts.ok()) return contacts.status();
      if (rt.json()) {
        nlohmann::json j = *a;
        j["contacts"] = *contacts;
        print_json(rt, j);
        return Status::Ok();
      }
      rt.out() << "#" << a->id << "  " << a->name
               << (a->industry.empty() ? "" : " (" + a->industry + ")") << "\n";
      if (!a->city.empty() || !a->country.empty())
        rt.out() << "  " << a->city << (a->region.empty() ? "" : ", " + a->region)
                 << (a->country.empty() ? "" : ", " + a->country) << "\n";
      rt.out() << "\n";
      print_contacts(rt, store, actor, *contacts);
      return Status::Ok();
    }));
  });

  auto list_text = std::make_shared<std::string>();
  auto* list = cmd.add_subcommand("list", "List accounts");
  list->add_option("--find", *list_text, "Only names or industries containing this");
  list->callback([&rt, list_text] {
    rt.finish(rt.with_actor([&](Store& store, const Actor& actor) -> Status {
      Filter f;
      f.text = *list_text;
      auto all = store.list_accounts(actor.workspace.id, f);
      if (!all.ok()) return all.status();
      if (rt.json()) {
        print_json(rt, *all);
        return Status::Ok();
      }
      Table t({"ID", "NAME", "INDUSTRY", "CITY", "COUNTRY"});
      for (const Account& a : *all)
        t.add({std::to_string(a.id), a.name, a.industry, a.city, a.country});
      t.print(rt.out());
      return Status::Ok();
    }));
  });
}

}  // namespace nextcall::cli
