// What every command needs, passed explicitly (no globals): where the data is, who is
// acting, the clock, the output format and streams, and how the command ended.
#pragma once

#include <iosfwd>
#include <memory>
#include <string>

#include "app/clock.h"
#include "app/workspace_session.h"
#include "core/status.h"
#include "store/store.h"

namespace nextcall::cli {

enum class Format { kTable, kJson };

class Runtime {
 public:
  Runtime(std::ostream& out, std::ostream& err, std::unique_ptr<Clock> clock);

  // Global options, filled by main() before a command runs.
  std::string db_url;          // --db, else $NEXTCALL_DB, else ./nextcall.db
  std::string workspace_name;  // --workspace; empty: the first workspace
  std::string rep_email;       // --rep; empty: the first rep of the workspace
  std::string format_name = "table";

  Format format() const { return format_name == "json" ? Format::kJson : Format::kTable; }
  bool json() const { return format() == Format::kJson; }
  std::ostream& out() { return out_; }
  std::ostream& err() { return err_; }
  const Clock& clock() const { return *clock_; }
  Instant now() const { return clock_->now(); }

  // The store, opened on first use; its schema checked (a new SQLite file created), or as
  // `use` says at that first use (`demo` migrates, `db migrate` opens it as it is).
  Result<Store*> store(SchemaUse use = SchemaUse::kCheck);
  // The acting workspace and rep, resolved on first use.
  Result<Actor> actor();

  // Calls f(store, actor) with the opened store and the resolved actor, or returns why
  // they could not be had. The common first line of every command that reads data.
  template <typename F>
  Status with_actor(F&& f) {
    auto st = store();
    if (!st.ok()) return st.status();
    auto a = actor();
    if (!a.ok()) return a.status();
    return f(**st, *a);
  }

  // Records how the command ended; main() prints a failed status and sets the exit code.
  void finish(Status s) { status_ = std::move(s); }
  // For commands whose success has an exit code of its own (lint: 1 when it found something).
  void set_exit_code(int code) { exit_code_ = code; }
  const Status& status() const { return status_; }
  int exit_code() const { return exit_code_; }

 private:
  std::ostream& out_;
  std::ostream& err_;
  std::unique_ptr<Clock> clock_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Actor> actor_;
  Status status_;
  int exit_code_ = 0;
};

}  // namespace nextcall::cli
