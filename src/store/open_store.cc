// open_store(url): picks the backend from the URL's form.
#include "store/db_secrets.h"
#include "store/sqlite/sqlite_store.h"
#include "store/store.h"
#ifdef NEXTCALL_HAVE_POSTGRES
#include "store/postgres/postgres_store.h"
#endif

namespace nextcall {

std::string redact_db_url(const std::string& url) { return mask_db_secrets(url); }

Status check_schema_version(int found, const std::string& url) {
  if (found == kSchemaVersion) return Status::Ok();
  if (found > kSchemaVersion)
    return Status::Internal("the database is at schema version " + std::to_string(found) + ", newer than this nextcall (" +
                            std::to_string(kSchemaVersion) + "): upgrade nextcall");
  return Status::Internal(std::string(found == 0 ? "the database has no nextcall tables yet (schema version 0)"
                                                 : "the database is at schema version " + std::to_string(found)) +
                          "; this nextcall needs " + std::to_string(kSchemaVersion) +
                          ": run `nextcall db migrate --db " + redact_db_url(url) + "`");
}

Result<std::unique_ptr<Store>> open_store(const std::string& url, SchemaUse use) {
  auto starts = [&](const char* p) { return url.rfind(p, 0) == 0; };
  if (starts("postgres://") || starts("postgresql://")) {
#ifdef NEXTCALL_HAVE_POSTGRES
    return open_postgres_store(url, use);
#else
    return Status::Unavailable(
        "the PostgreSQL team-server backend is not part of this version of nextcall yet; "
        "use a SQLite file path with --db");
#endif
  }
  if (url.empty()) return Status::InvalidArgument("no database given (use --db PATH)");
  if (starts("sqlite:")) return open_sqlite_store(url.substr(7), use);
  return open_sqlite_store(url, use);
}

}  // namespace nextcall
