// `nextcall user add|passwd|token|list`: the people who sign in to the web app and API.
// Passwords are read from standard input (one line), never from the command line, so
// they stay out of shell history and the process list.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "app/auth.h"
#include "cli/json_output.h"
#include "cli/runtime.h"
#include "cli/table.h"
#include "core/model_text.h"
#include "io/model_json.h"

namespace nextcall::cli {
namespace {

Result<std::string> read_password(const std::string& email) {
  if (isatty(0)) std::cerr << "Password for " << email << ": " << std::flush;
  std::string line;
  if (!std::getline(std::cin, line) || line.empty())
    return Status::InvalidArgument("password: give it on standard input, e.g. echo 'a long secret' | nextcall user ...");
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

// The user named by e-mail, in the acting workspace only.
Result<User> workspace_user(Store& store, const Actor& actor, const std::string& email) {
  auto u = store.find_user_by_email(email);
  if (!u.ok()) return u.status();
  if (!*u || (*u)->workspace_id != actor.workspace.id)
    return Status::NotFound("no user '" + email + "' in workspace '" + actor.workspace.name + "'");
  return **u;
}

}  // namespace

void install_user(CLI::App& cmd, Runtime& rt) {
  cmd.require_subcommand(1);
  auto in = std::make_shared<NewUser>();
  auto with_password = std::make_shared<bool>(false);
  auto* add = cmd.add_subcommand("add", "Add a user who can sign in (password from standard input)");
  add->add_option("email", in->email, "E-mail: the sign-in name")->required();
  add->add_option("--name", in->name, "Full name");
  add->add_option("--role", in->role, "rep|manager|admin")->default_val("rep");
  add->add_option("--timezone", in->timezone, "The user's own IANA zone, e.g. America/Chicago");
  add->add_option("--phone", in->phone, "Callback number said in voicemails");
  add->add_flag("--password-stdin", *with_password, "Read the password from standard input");
  add->callback([&rt, in, with_password] {
    rt.finish(rt.with_actor([&](Store& store, const Actor& actor) -> Status {
      if (*with_password) {
        auto p = read_password(in->email);
        if (!p.ok()) return p.status();
        in->password = *p;
      }
      auto u = add_user(store, actor.workspace.id, *in, actor.workspace.default_region);
      if (!u.ok()) return u.status();
      if (rt.json()) {
        print_json(rt, *u);
      } else {
        rt.out() << "Added " << to_text(u->role) << " " << u->name << " <" << u->email << "> (#" << u->id << ")"
                 << (u->password_hash.empty() ? "; set a password with: nextcall user passwd " + u->email : "")
                 << "\n";
      }
      return Status::Ok();
    }));
  });

  auto email = std::make_shared<std::string>();
  auto* passwd = cmd.add_subcommand("passwd", "Set a user's password (from standard input); signs them out everywhere");
  passwd->add_option("email", *email, "The user's e-mail")->required();
  passwd->callback([&rt, email] {
    rt.finish(rt.with_actor([&](Store& store, const Actor& actor) -> Status {
      auto u = workspace_user(store, actor, *email);
      if (!u.ok()) return u.status();
      auto p = read_password(*email);
      if (!p.ok()) return p.status();
      NEXTCALL_RETURN_IF_ERROR(set_password(store, *u, *p));
      rt.out() << "Password set for " << u->email << "\n";
      return Status::Ok();
    }));
  });

  auto token_email = std::make_shared<std::string>();
  auto token_name = std::make_shared<std::string>();
  auto* token = cmd.add_subcommand("token", "Issue an API token for scripts (shown once)");
  token->add_option("email", *token_email, "The user the token acts as")->required();
  token->add_option("--name", *token_name, "What uses it, e.g. \"nightly export\"")->default_val("script");
  token->callback([&rt, token_email, token_name] {
    rt.finish(rt.with_actor([&](Store& store, const Actor& actor) -> Status {
      auto u = workspace_user(store, actor, *token_email);
      if (!u.ok()) return u.status();
      auto t = issue_api_token(store, Actor{actor.workspace, *u}, *token_name, rt.now());
      if (!t.ok()) return t.status();
      if (rt.json())
        print_json(rt, {{"id", t->token.id}, {"name", t->token.name}, {"token", t->secret}});
      else
        rt.out() << t->secret << "\n";
      if (!rt.json() && isatty(1))
        rt.err() << "Keep it secret: it is not shown again. Send it as: Authorization: Bearer TOKEN\n";
      return Status::Ok();
    }));
  });

  auto* list = cmd.add_subcommand("list", "List the workspace's users");
  list->callback([&rt] {
    rt.finish(rt.with_actor([&](Store& store, const Actor& actor) -> Status {
      auto all = store.list_users(actor.workspace.id);
      if (!all.ok()) return all.status();
      if (rt.json()) {
        print_json(rt, *all);
        return Status::Ok();
      }
      Table t({"ID", "NAME", "EMAIL", "ROLE", "ZONE", "CAN SIGN IN"});
      for (const User& u : *all)
        t.add({std::to_string(u.id), u.name, u.email, std::string(to_text(u.role)), u.timezone,
               u.password_hash.empty() ? "no" : "yes"});
      t.print(rt.out());
      return Status::Ok();
    }));
  });
}

}  // namespace nextcall::cli
