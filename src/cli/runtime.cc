#include "cli/runtime.h"

#include <ostream>

namespace nextcall::cli {

Runtime::Runtime(std::ostream& out, std::ostream& err, std::unique_ptr<Clock> clock)
    : out_(out), err_(err), clock_(std::move(clock)) {}

Result<Store*> Runtime::store(SchemaUse use) {
  if (!store_) {
    auto opened = open_store(db_url, use);
    if (!opened.ok()) {
      // A schema of another version: the one line already names the database.
      if (opened.status().message().find("schema version") != std::string::npos) return opened.status();
      return opened.status().with_context(redact_db_url(db_url));
    }
    store_ = std::move(opened.value());
  }
  return store_.get();
}

Result<Actor> Runtime::actor() {
  if (!actor_) {
    auto st = store();
    if (!st.ok()) return st.status();
    auto a = resolve_actor(**st, workspace_name, rep_email);
    if (!a.ok()) return a.status();
    actor_ = std::make_unique<Actor>(std::move(a.value()));
  }
  return *actor_;
}

}  // namespace nextcall::cli
