#include "store/sqlite/sqlite_schema.h"

namespace nextcall::sqlite {

// Instants are INTEGER seconds since the Unix epoch (UTC); dates are TEXT 'YYYY-MM-DD';
// lists that are only ever read whole are JSON text. Every table leads with workspace_id.
static const char* kV1 = R"sql(
CREATE TABLE workspaces (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  default_region TEXT NOT NULL DEFAULT 'US'
);
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
  name TEXT NOT NULL,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  role TEXT NOT NULL,
  timezone TEXT NOT NULL DEFAULT '',
  phone_e164 TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL DEFAULT ''
);
CREATE INDEX users_ws ON users(workspace_id);
CREATE TABLE settings (
  workspace_id INTEGER PRIMARY KEY REFERENCES workspaces(id),
  body TEXT NOT NULL
);
CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
  name TEXT NOT NULL,
  industry TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '',
  region TEXT NOT NULL DEFAULT '',
  country TEXT NOT NULL DEFAULT '',
  latitude REAL, longitude REAL,
  notes TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX accounts_ws_name ON accounts(workspace_id, name COLLATE NOCASE);
CREATE TABLE contacts (
  id INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
  account_id INTEGER REFERENCES accounts(id),
  owner_id INTEGER REFERENCES users(id),
  first_name TEXT NOT NULL DEFAULT '',
  last_name TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL,
  stage TEXT NOT NULL,
  email TEXT NOT NULL DEFAULT '',
  phones TEXT NOT NULL DEFAULT '',
  timezone TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '',
  region TEXT NOT NULL DEFAULT '',
  country TEXT NOT NULL DEFAULT '',
  latitude REAL, longitude REAL,
  hot_button TEXT NOT NULL DEFAULT '',
  cadence_kind INTEGER NOT NULL DEFAULT 0,
  cadence_days INTEGER NOT NULL DEFAULT 0,
  deal_value REAL NOT NULL DEFAULT 0,
  do_not_call INTEGER NOT NULL DEFAULT 0,
  do_not_call_since TEXT,
  do_not_call_reason TEXT NOT NULL DEFAULT '',
  snoozed_until TEXT,
  snooze_reason TEXT NOT NULL DEFAULT '',
  gatekeeper_id INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX contacts_ws_owner ON contacts(workspace_id, owner_id);
CREATE INDEX contacts_ws_account ON contacts(workspace_id, account_id);
CREATE INDEX contacts_ws_email ON contacts(workspace_id, email COLLATE NOCASE) WHERE email <> '';
CREATE TABLE contact_phones (
  workspace_id INTEGER NOT NULL,
  e164 TEXT NOT NULL,
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  PRIMARY KEY (workspace_id, e164)
) WITHOUT ROWID;
CREATE INDEX contact_phones_contact ON contact_phones(contact_id);
CREATE TABLE threads (
  id INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL,
  contact_id INTEGER NOT NULL REFERENCES contacts(id),
  topic TEXT NOT NULL,
  kind TEXT NOT NULL,
  open INTEGER NOT NULL,
  mentioned_on TEXT,
  detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX threads_ws_contact ON threads(workspace_id, contact_id);
CREATE TABLE objections (
  id INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL,
  contact_id INTEGER NOT NULL REFERENCES contacts(id),
  code TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '',
  amount REAL,
  status TEXT NOT NULL,
  answered_by_change_id INTEGER,
  recorded_on TEXT
);
CREATE INDEX objections_ws_contact ON objections(workspace_id, contact_id);
CREATE TABLE materials (
  id INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL,
  contact_id INTEGER NOT NULL REFERENCES contacts(id),
  title TEXT NOT NULL,
  sent_on TEXT,
  link TEXT NOT NULL DEFAULT '',
  pointers TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX materials_ws_contact ON materials(workspace_id, contact_id);
CREATE TABLE commitments (
  id INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL,
  contact_id INTEGER NOT NULL REFERENCES contacts(id),
  owner TEXT NOT NULL,
  what TEXT NOT NULL,
  due_on TEXT,
  status TEXT NOT NULL,
  material_id INTEGER,
  created_on TEXT
);
CREATE INDEX commitments_ws_contact ON commitments(workspace_id, contact_id);
CREATE TABLE referrals (
  id INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL,
  referred_contact_id INTEGER NOT NULL REFERENCES contacts(id),
  referrer_contact_id INTEGER,
  referrer_name TEXT NOT NULL DEFAULT '',
  introduced INTEGER NOT NULL DEFAULT 0,
  introduced_on TEXT
);
CREATE INDEX referrals_ws_contact ON referrals(workspace_id, referred_contact_id);
CREATE TABLE appointments (
  id INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL,
  contact_id INTEGER NOT NULL REFERENCES contacts(id),
  rep_id INTEGER,
  starts_at INTEGER NOT NULL,
  duration_minutes INTEGER NOT NULL,
  status TEXT NOT NULL,
  place TEXT NOT NULL DEFAULT '',
  latitude REAL, longitude REAL,
  is_callback INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX appointments_ws_contact ON appointments(workspace_id, contact_id);
CREATE TABLE attempts (
  id INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL,
  contact_id INTEGER NOT NULL REFERENCES contacts(id),
  rep_id INTEGER,
  at INTEGER NOT NULL,
  outcome TEXT NOT NULL,
  rung TEXT NOT NULL DEFAULT '',
  ladder TEXT NOT NULL DEFAULT 'contact',
  reason TEXT NOT NULL DEFAULT '',
  reason_id INTEGER,
  note TEXT NOT NULL DEFAULT '',
  next_on TEXT,
  duration_seconds INTEGER NOT NULL DEFAULT 0,
  approach TEXT NOT NULL DEFAULT ''
);
CREATE INDEX attempts_ws_contact_at ON attempts(workspace_id, contact_id, at);
CREATE INDEX attempts_ws_at ON attempts(workspace_id, at);
CREATE TABLE reasons (
  id INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL,
  text TEXT NOT NULL,
  category TEXT NOT NULL,
  audience TEXT NOT NULL DEFAULT '{}',
  expires_on TEXT,
  author_id INTEGER,
  author_name TEXT NOT NULL DEFAULT '',
  retired INTEGER NOT NULL DEFAULT 0,
  forced INTEGER NOT NULL DEFAULT 0,
  change_id INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX reasons_ws ON reasons(workspace_id);
CREATE TABLE changes (
  id INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  resolves TEXT NOT NULL DEFAULT '[]',
  serves TEXT NOT NULL DEFAULT '[]',
  industries TEXT NOT NULL DEFAULT '[]',
  effective_on TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX changes_ws ON changes(workspace_id);
)sql";

static const char* kV2 = R"sql(
CREATE TABLE brainstorm_rounds (
  id INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
  title TEXT NOT NULL,
  open INTEGER NOT NULL DEFAULT 1,
  opened_by INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX brainstorm_rounds_ws ON brainstorm_rounds(workspace_id);
CREATE TABLE brainstorm_submissions (
  id INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL,
  round_id INTEGER NOT NULL REFERENCES brainstorm_rounds(id),
  text TEXT NOT NULL,
  category TEXT NOT NULL,
  author_id INTEGER,
  author_name TEXT NOT NULL DEFAULT '',
  reason_id INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX brainstorm_submissions_round ON brainstorm_submissions(workspace_id, round_id);
CREATE TABLE brainstorm_scores (
  workspace_id INTEGER NOT NULL,
  submission_id INTEGER NOT NULL REFERENCES brainstorm_submissions(id),
  user_id INTEGER NOT NULL,
  score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
  PRIMARY KEY (submission_id, user_id)
);
)sql";

static const char* kV3 = R"sql(
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
  user_id INTEGER NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions(workspace_id, user_id);
CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
  user_id INTEGER NOT NULL REFERENCES users(id),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX api_tokens_user ON api_tokens(workspace_id, user_id);
)sql";

static const char* kV4 = R"sql(
CREATE TABLE call_histories (
  contact_id INTEGER PRIMARY KEY REFERENCES contacts(id),
  workspace_id INTEGER NOT NULL,
  body TEXT NOT NULL
);
CREATE TABLE reason_results (
  workspace_id INTEGER NOT NULL,
  reason_id INTEGER NOT NULL,
  tries INTEGER NOT NULL,
  advances INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, reason_id)
);
CREATE TABLE minute_counts (
  workspace_id INTEGER NOT NULL,
  minute INTEGER NOT NULL,
  attempts INTEGER NOT NULL,
  connects INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, minute)
);
)sql";

// The dates a team plan narrows its read by (sqlite_may_be_due.cc), copied out of each
// history's body when it is written (dates_filled = 0 until then), in an index of their
// own: read for every contact, they are a small part of the rows.
static const char* kV5 = R"sql(
ALTER TABLE call_histories ADD COLUMN dates_filled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE call_histories ADD COLUMN last_at INTEGER;
ALTER TABLE call_histories ADD COLUMN last_connect_at INTEGER;
ALTER TABLE call_histories ADD COLUMN follow_up_on TEXT;
ALTER TABLE call_histories ADD COLUMN retry_ok INTEGER NOT NULL DEFAULT 0;
CREATE INDEX call_histories_dates ON call_histories(workspace_id, contact_id, dates_filled, last_at,
  last_connect_at, follow_up_on, retry_ok);
)sql";

// The few columns of a contact that a team plan's quick test reads for every contact
// (sqlite_may_be_due.cc), in an index of their own beside the dates above: a contact row
// is wide, and walking 1,000,000 of them for five columns took 2.4x as long as this index.
static const char* kV6 = R"sql(
CREATE INDEX IF NOT EXISTS contacts_due_facts ON contacts(workspace_id, id, do_not_call, snoozed_until, stage, cadence_kind,
  cadence_days);
)sql";

// Failed sign-ins per key (a hash of the address, the account or both), shared by every
// server on the database (web/sign_in_limiter.h). IF NOT EXISTS: a migration may run again
// on a database an older nextcall rolled back.
static const char* kV7 = R"sql(
CREATE TABLE IF NOT EXISTS sign_in_failures (
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  last_at INTEGER NOT NULL,
  previous_at INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS sign_in_failures_last ON sign_in_failures(last_at);
)sql";

// The answers of requests sent with an Idempotency-Key (web/idempotency.h), per workspace,
// user and key; status 0 while the request is in flight. Kept a day.
static const char* kV8 = R"sql(
CREATE TABLE IF NOT EXISTS idempotency_keys (
  workspace_id INTEGER NOT NULL,
  user_id INTEGER NOT NULL,
  key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  status INTEGER NOT NULL,
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, user_id, key)
);
CREATE INDEX IF NOT EXISTS idempotency_keys_created ON idempotency_keys(created_at);
)sql";

// Imports and the call queue: each import of a contacts file (the batch the Contacts screen
// filters by, contacts.import_id added before this runs: see migrations() below), and the
// contacts put on a rep's calls by hand, one entry a contact.
static const char* kV9 = R"sql(
CREATE TABLE IF NOT EXISTS imports (
  id INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
  file_name TEXT NOT NULL,
  user_id INTEGER,
  contacts_added INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS imports_ws ON imports(workspace_id);
CREATE INDEX IF NOT EXISTS contacts_ws_import ON contacts(workspace_id, import_id);
CREATE TABLE IF NOT EXISTS call_queue (
  workspace_id INTEGER NOT NULL,
  contact_id INTEGER NOT NULL REFERENCES contacts(id),
  rep_id INTEGER NOT NULL,
  priority TEXT NOT NULL,
  added_by INTEGER,
  added_at INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, contact_id)
);
CREATE INDEX IF NOT EXISTS call_queue_ws_rep ON call_queue(workspace_id, rep_id);
)sql";

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> kMigrations = {
      {1, "contacts, their memory, calls, reasons and changes", kV1},
      {2, "the brainstorm: rounds, submissions and scores", kV2},
      {3, "sign-in: browser sessions and API tokens", kV3},
      {4, "call histories: each contact's calls summed up, each reason's results, the team's calls per minute", kV4},
      {5, "call histories: the dates a team plan narrows its read by", kV5},
      {6, "contacts: the columns a team plan's quick test reads, in an index", kV6},
      {7, "sign-in: failures per address and account, shared by every server", kV7},
      {8, "idempotency keys: the answers of requests a client may send again", kV8},
      {9, "imports and the call queue: each contact's import, contacts put on a rep's calls by hand", kV9,
       {{"contacts", "import_id", "INTEGER"}}},
  };
  return kMigrations;
}

}  // namespace nextcall::sqlite
