#include "app/import_contacts.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>
#include <unordered_map>

#include "app/contacts.h"
#include "io/contact_columns.h"
#include "io/csv_reader.h"
#include "io/text_encoding.h"

namespace nextcall {

std::string describe(const ImportProblem& p, const std::string& file) {
  return file + ":" + std::to_string(p.line) + ":" + std::to_string(p.column) + ": " +
         (p.field.empty() ? "" : p.field + ": ") + p.message;
}

namespace {

struct Row {
  int line = 0;
  std::vector<std::string> raw;
  ContactFields fields;
  std::string industry;
  Contact contact;                 // validated
  std::optional<Id> existing_id;   // update: the stored contact it updates
};

std::optional<double> number(const std::string& s) {
  if (s.empty()) return std::nullopt;
  std::string clean;
  for (char c : s)
    if (c != ',' && c != '$' && c != ' ' && c != '\xC2' && c != '\xA0') clean += c;
  double v = 0;
  auto [p, ec] = std::from_chars(clean.data(), clean.data() + clean.size(), v);
  if (ec != std::errc() || p != clean.data() + clean.size()) return std::nullopt;
  return v;
}

// The column of the first field mapped to what a validation message names, in the record
// whose field starts are `starts`.
int column_for(const std::string& field, const ColumnMapping& m, const CsvReader& r,
               const std::vector<CsvReader::FieldStart>& starts) {
  auto want = [&](ContactField f) {
    std::string_view n = field_name(f);
    if (field == "phone") return f == ContactField::kPhone || f == ContactField::kMobile;
    if (field == "name") return f == ContactField::kFirstName || f == ContactField::kLastName ||
                                f == ContactField::kFullName;
    if (field == "region") return f == ContactField::kState;
    if (field == "location") return f == ContactField::kLatitude;
    return n == field;
  };
  for (std::size_t i = 0; i < m.fields.size(); ++i)
    if (want(m.fields[i])) return i < starts.size() ? r.column_of(starts[i]) : 1;
  return 1;
}

// The problems of one row: a line of the status's message each ("field: what is wrong").
std::vector<ImportProblem> problems_of(const Status& s, int line, const ColumnMapping& m, const CsvReader& r,
                                       const std::vector<CsvReader::FieldStart>& starts) {
  std::vector<ImportProblem> out;
  const std::string& all = s.message();
  std::size_t from = 0;
  while (from <= all.size()) {
    std::size_t end = all.find('\n', from);
    if (end == std::string::npos) end = all.size();
    const std::string msg = all.substr(from, end - from);
    from = end + 1;
    if (msg.empty()) continue;
    ImportProblem p;
    p.line = line;
    auto colon = msg.find(": ");
    if (colon != std::string::npos && colon < 20 && msg.find(' ') >= colon) {
      p.field = msg.substr(0, colon);
      p.message = msg.substr(colon + 2);
    } else {
      p.message = msg;
    }
    p.column = column_for(p.field, m, r, starts);
    out.push_back(std::move(p));
  }
  return out;
}

// "Dr. Ann Lee, PhD" -> "Ann Lee": the name without honorifics and post-nominals.
std::string without_titles(const std::string& full) {
  auto lower_word = [](std::string w) {
    std::string out;
    for (char ch : w)
      if (ch != '.' && ch != ',') out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return out;
  };
  std::vector<std::string> words;
  std::size_t pos = 0;
  while (pos < full.size()) {
    std::size_t end = full.find(' ', pos);
    if (end == std::string::npos) end = full.size();
    if (end > pos) words.push_back(full.substr(pos, end - pos));
    pos = end + 1;
  }
  static const std::set<std::string> kBefore = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame"};
  static const std::set<std::string> kAfter = {"jr", "sr", "ii", "iii", "iv", "phd", "md", "mba", "esq", "cpa", "pe", "dds"};
  while (words.size() > 1 && kBefore.count(lower_word(words.front()))) words.erase(words.begin());
  while (words.size() > 1 && kAfter.count(lower_word(words.back()))) words.pop_back();
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  while (!out.empty() && (out.back() == ',' || out.back() == ' ')) out.pop_back();
  return out;
}

// The numbers in one cell, split at " / ", "|", "; " or " or ".
std::vector<std::string> split_phone_cell(const std::string& v) {
  std::vector<std::string> out;
  std::size_t from = 0;
  while (true) {
    std::size_t best = std::string::npos, len = 0;
    for (std::string_view sep : {"/", "|", "; ", " or ", " OR "}) {
      std::size_t at = v.find(sep, from);
      if (at < best) {
        best = at;
        len = sep.size();
      }
    }
    std::string part = v.substr(from, best == std::string::npos ? std::string::npos : best - from);
    std::size_t a = part.find_first_not_of(' '), b = part.find_last_not_of(' ');
    out.push_back(a == std::string::npos ? "" : part.substr(a, b - a + 1));
    if (best == std::string::npos) break;
    from = best + len;
  }
  return out;
}

// Turns one CSV record into the fields a user would have typed.
Status row_fields(const std::vector<std::string>& raw, const ColumnMapping& m, Row* row,
                  ContactField* bad_field) {
  ContactFields& f = row->fields;
  std::vector<std::string> phones;
  for (std::size_t i = 0; i < raw.size() && i < m.fields.size(); ++i) {
    // A cell our export guarded against running as a formula ("'=Acme") reads back as typed.
    const std::string v = csv_unguard(raw[i]);
    *bad_field = m.fields[i];
    switch (m.fields[i]) {
      case ContactField::kIgnore: break;
      case ContactField::kFirstName: f.first_name = v; break;
      case ContactField::kLastName: f.last_name = v; break;
      case ContactField::kFullName: {
        // "Lee, Ann" or "Ann Lee": split at the comma or the last space, once titles
        // ("Dr.") and suffixes ("Jr.", ", PhD") are set aside.
        std::string n = without_titles(v);
        auto comma = n.find(',');
        if (comma != std::string::npos) {
          if (!f.last_name) f.last_name = n.substr(0, comma);
          if (!f.first_name) f.first_name = n.substr(comma + 1);
        } else {
          auto sp = n.rfind(' ');
          // "Diane von Berg", "Ana de la Cruz": the particles belong to the last name.
          static const std::set<std::string> kParticles = {"von", "van", "de", "da", "del", "der", "di",
                                                           "la", "le", "du", "dos", "das", "den", "ter"};
          while (sp != std::string::npos && sp > 0) {
            auto prev = n.rfind(' ', sp - 1);
            std::string word = n.substr(prev == std::string::npos ? 0 : prev + 1,
                                        sp - (prev == std::string::npos ? 0 : prev + 1));
            if (prev == std::string::npos || !kParticles.count(word)) break;
            sp = prev;
          }
          if (!f.first_name) f.first_name = sp == std::string::npos ? n : n.substr(0, sp);
          if (!f.last_name) f.last_name = sp == std::string::npos ? "" : n.substr(sp + 1);
        }
        break;
      }
      case ContactField::kCompany: f.company = v; break;
      case ContactField::kPhone:
      case ContactField::kMobile:
        // "415.867.5310 / 415.867.5311": CRMs put a second number in the same cell.
        for (std::string& one : split_phone_cell(v))
          if (!one.empty()) phones.push_back(std::move(one));
        break;
      case ContactField::kEmail: f.email = v; break;
      case ContactField::kTimezone: if (!v.empty()) f.timezone = v; break;
      case ContactField::kStage:
        if (!v.empty()) {
          std::string s = stage_from_lifecycle(v);
          f.stage = s.empty() ? v : s;
        }
        break;
      case ContactField::kTitle: f.title = v; break;
      case ContactField::kCity: f.city = v; break;
      case ContactField::kState: f.region = v; break;
      case ContactField::kCountry: f.country = v; break;
      case ContactField::kIndustry: row->industry = v; break;
      case ContactField::kRole: if (!v.empty()) f.role = v; break;
      case ContactField::kHotButton: f.hot_button = v; break;
      case ContactField::kOwner: if (!v.empty()) f.owner = v; break;
      case ContactField::kCadence: if (!v.empty()) f.cadence = v; break;
      case ContactField::kDoNotCall: f.do_not_call = v; break;
      case ContactField::kDoNotCallSince: f.do_not_call_since = v; break;
      case ContactField::kDoNotCallReason: f.do_not_call_reason = v; break;
      case ContactField::kLatitude:
      case ContactField::kLongitude:
      case ContactField::kDealValue: {
        if (v.empty()) break;
        auto x = number(v);
        if (!x)
          return Status::InvalidArgument(std::string(field_name(m.fields[i])) + ": '" + v +
                                         "' is not a number");
        if (m.fields[i] == ContactField::kLatitude) f.latitude = x;
        else if (m.fields[i] == ContactField::kLongitude) f.longitude = x;
        else f.deal_value = x;
        break;
      }
    }
  }
  if (!phones.empty()) f.phones = phones;
  // No role given: read it from the title where the title says ("Receptionist" screens,
  // "Plant Manager" decides) rather than take everyone for a decision maker.
  if (!f.role && f.title && !f.title->empty()) {
    std::string guessed = role_from_title(*f.title);
    if (!guessed.empty()) f.role = guessed;
  }
  return Status::Ok();
}

Status write_rejects(const std::string& path, const std::vector<std::string>& header,
                     const std::vector<std::pair<std::vector<std::string>, std::string>>& rows) {
  std::ofstream out(path, std::ios::binary);
  if (!out) return Status::Io("cannot write rejected rows to " + path);
  auto line = [&](const std::vector<std::string>& fields, const std::string& reason) {
    for (const auto& f : fields) out << csv_cell(f) << ',';
    out << csv_quote(reason) << "\r\n";
  };
  line(header, "reason");
  for (const auto& [fields, reason] : rows) line(fields, reason);
  out.flush();
  if (!out) return Status::Io("cannot write rejected rows to " + path);
  return Status::Ok();
}

}  // namespace

Result<ImportReport> import_contacts(Store& store, const Actor& actor, const ImportOptions& o,
                                     Instant now) {
  std::ifstream in(o.path, std::ios::binary);
  if (!in) return Status::Io(o.path + ": cannot read the file (check the path)");
  std::stringstream buffer;
  buffer << in.rdbuf();
  TextEncoding encoding = TextEncoding::kUtf8;
  std::string data = to_utf8(buffer.str(), &encoding);
  std::string name = o.display_name.empty() ? o.path.substr(o.path.find_last_of('/') + 1) : o.display_name;
  const char delimiter = sniff_delimiter(data);
  CsvReader reader(data, name, delimiter);
  std::vector<std::string> header;
  Status error;
  if (!reader.next(&header, &error)) {
    if (!error.ok()) return error;
    return Status::InvalidArgument(name + ": the file is empty (expected a header row such as "
                                          "First Name,Last Name,Company Name,Phone Number)");
  }
  auto mapping = map_columns(header, o.mappings);
  if (!mapping.ok()) return mapping.status();
  ImportReport report;
  report.encoding = encoding_name(encoding);
  report.delimiter = delimiter;
  for (std::size_t i = 0; i < header.size(); ++i)
    report.mapping.push_back({header[i], std::string(field_name(mapping->fields[i]))});
  report.unmapped = mapping->unmapped;
  bool has_name = false, has_phone = false;
  for (ContactField f : mapping->fields) {
    has_name |= f == ContactField::kFirstName || f == ContactField::kLastName ||
                f == ContactField::kFullName;
    has_phone |= f == ContactField::kPhone || f == ContactField::kMobile;
  }
  if (!has_name)
    return Status::InvalidArgument(name + ":1: no column holds the contact's name (map one with "
                                          "--map \"Column=first_name\")");
  (void)has_phone;

  auto users = store.list_users(actor.workspace.id);
  if (!users.ok()) return users.status();
  auto owner_of = [&](const std::string& who) -> std::optional<Id> {
    for (const User& u : *users)
      if (u.email == who || u.name == who) return u.id;
    return std::nullopt;
  };

  std::vector<Row> rows;
  std::vector<std::pair<std::vector<std::string>, std::string>> rejects;
  std::unordered_map<std::string, std::size_t> by_phone, by_email;  // -> index in rows
  std::vector<std::string> fields;
  // One rejected row, with every problem found in it (the rejected-rows file gives them all
  // in its reason column).
  auto reject_all = [&](std::vector<ImportProblem> ps, const std::vector<std::string>& raw) {
    std::string reason;
    for (const ImportProblem& p : ps) reason += (reason.empty() ? "" : "; ") + describe(p, name);
    rejects.push_back({raw, reason});
    for (ImportProblem& p : ps) report.problems.push_back(std::move(p));
    ++report.rejected;
  };
  auto reject = [&](ImportProblem p, const std::vector<std::string>& raw) {
    reject_all({std::move(p)}, raw);
  };
  // Rows are read in batches; each batch is validated on every core (parsing phone numbers
  // is most of an import's work and each row's is independent), then checked for
  // duplicates and kept in file order on this thread.
  struct Pending {
    Row row;
    std::vector<CsvReader::FieldStart> starts;
    Status status;
  };
  constexpr std::size_t kBatch = 4096;
  const unsigned workers = std::max(1u, std::min(8u, std::thread::hardware_concurrency()));
  std::vector<Pending> batch;
  auto validate = [&](std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to; ++k) {
      Row& row = batch[k].row;
      ContactField bad = ContactField::kIgnore;
      Status s = row_fields(row.raw, *mapping, &row, &bad);
      if (s.ok()) {
        row.contact.workspace_id = actor.workspace.id;
        row.contact.owner_id = actor.rep.id;
        row.contact.created_at = row.contact.updated_at = now;
        row.contact.role = Role::kUnknown;  // unless a column or the title says (below)
        s = apply_contact_fields(row.fields, actor.workspace.default_region, &row.contact);
      }
      batch[k].status = std::move(s);
    }
  };
  bool more = true;
  while (more) {
    batch.clear();
    Status read_error;
    while (batch.size() < kBatch) {
      bool got = reader.next(&fields, &read_error);
      if (!read_error.ok() || !got) break;
      ++report.read;
      Pending p;
      p.row.line = reader.record_line();
      p.row.raw = fields;
      p.starts = reader.field_starts();
      batch.push_back(std::move(p));
    }
    if (read_error.ok() && batch.size() < kBatch) more = false;
    if (batch.size() >= 256 && workers > 1) {
      std::vector<std::thread> pool;
      const std::size_t per = (batch.size() + workers - 1) / workers;
      for (unsigned w = 1; w < workers; ++w)
        pool.emplace_back(validate, std::min(batch.size(), w * per), std::min(batch.size(), (w + 1) * per));
      validate(0, std::min(batch.size(), per));
      for (auto& t : pool) t.join();
    } else {
      validate(0, batch.size());
    }
    for (Pending& pending : batch) {
      Row& row = pending.row;
      Status s = std::move(pending.status);
      if (row.fields.owner) {
        auto owner = owner_of(*row.fields.owner);
        if (owner) {
          row.contact.owner_id = owner;
        } else {
          const std::string bad = "owner: no rep '" + *row.fields.owner +
                                  "' in this workspace (add them with nextcall user add, or "
                                  "map the column to ignore)";
          s = Status::InvalidArgument(s.ok() ? bad : s.message() + "\n" + bad);
        }
      }
      if (!s.ok()) {
        reject_all(problems_of(s, row.line, *mapping, reader, pending.starts), row.raw);
        continue;
      }
      // Duplicates in the file.
      std::optional<std::size_t> earlier;
      std::string same;
      for (const Phone& p : row.contact.phones)
        if (auto it = by_phone.find(p.e164); it != by_phone.end() && !earlier) {
          earlier = it->second;
          same = "phone " + p.e164;
        }
      if (!earlier && !row.contact.email.empty())
        if (auto it = by_email.find(row.contact.email); it != by_email.end()) {
          earlier = it->second;
          same = "e-mail " + row.contact.email;
        }
      if (earlier) {
        const Row& first = rows[*earlier];
        std::string what = "same " + same + " as line " + std::to_string(first.line);
        if (o.on_duplicate == OnDuplicate::kFail) {
          ImportProblem p{row.line, 1, "duplicate", what + " (use --on-duplicate skip|update)"};
          reject(p, row.raw);
        } else if (o.on_duplicate == OnDuplicate::kSkip) {
          ++report.skipped;
          report.duplicates.push_back(name + ":" + std::to_string(row.line) + ": skipped, " + what);
        } else {
          Row& target = rows[*earlier];
          Status u = apply_contact_fields(row.fields, actor.workspace.default_region, &target.contact);
          if (!u.ok()) {
            reject_all(problems_of(u, row.line, *mapping, reader, pending.starts), row.raw);
          } else {
            report.duplicates.push_back(name + ":" + std::to_string(row.line) + ": merged into line " +
                                        std::to_string(first.line) + ", " + what);
          }
        }
        continue;
      }
      // Duplicates in the store.
      std::optional<Contact> stored;
      for (const Phone& p : row.contact.phones) {
        auto c = store.find_contact_by_phone(actor.workspace.id, p.e164);
        if (!c.ok()) return c.status();
        if (*c) {
          stored = **c;
          same = "phone " + p.e164;
          break;
        }
      }
      if (!stored && !row.contact.email.empty()) {
        auto c = store.find_contact_by_email(actor.workspace.id, row.contact.email);
        if (!c.ok()) return c.status();
        if (*c) {
          stored = **c;
          same = "e-mail " + row.contact.email;
        }
      }
      if (stored) {
        std::string what = "same " + same + " as stored contact #" + std::to_string(stored->id) +
                           " " + stored->full_name();
        if (o.on_duplicate == OnDuplicate::kFail) {
          reject({row.line, 1, "duplicate", what + " (use --on-duplicate skip|update)"}, row.raw);
          continue;
        }
        if (o.on_duplicate == OnDuplicate::kSkip) {
          ++report.skipped;
          report.duplicates.push_back(name + ":" + std::to_string(row.line) + ": skipped, " + what);
          continue;
        }
        Contact updated = *stored;
        Status u = apply_contact_fields(row.fields, actor.workspace.default_region, &updated);
        if (!u.ok()) {
          reject_all(problems_of(u, row.line, *mapping, reader, pending.starts), row.raw);
          continue;
        }
        updated.updated_at = now;
        row.contact = updated;
        row.existing_id = stored->id;
        report.duplicates.push_back(name + ":" + std::to_string(row.line) + ": updates " + what);
      }
      if (row.contact.phones.empty())
        report.warnings.push_back(name + ":" + std::to_string(row.line) + ": " + row.contact.full_name() +
                                  " has no phone number: imported, but there is no number to call until one is added");
      for (const Phone& p : row.contact.phones) by_phone.emplace(p.e164, rows.size());
      if (!row.contact.email.empty()) by_email.emplace(row.contact.email, rows.size());
      rows.push_back(std::move(row));
    }
    if (!read_error.ok()) {
      // "NAME:LINE:COL: message" from the reader, reported after the rows before it.
      ++report.read;
      ImportProblem p;
      std::string m = read_error.message().substr(name.size() + 1);
      p.line = std::atoi(m.c_str());
      m = m.substr(m.find(':') + 1);
      p.column = std::atoi(m.c_str());
      p.message = m.substr(m.find(':') + 2);
      p.field = "quoting";
      reject(p, {});
      more = !o.skip_bad_path.empty() && reader.recover();
    }
  }

  if (o.dry_run) {
    // What a real run would leave out, for the rep to fix and send again.
    if (!o.skip_bad_path.empty() && !rejects.empty())
      NEXTCALL_RETURN_IF_ERROR(write_rejects(o.skip_bad_path, header, rejects));
    for (std::size_t i = 0; i < rows.size() && static_cast<int>(i) < o.preview_rows; ++i)
      report.preview.push_back(rows[i].contact);
    for (const Row& r : rows) (r.existing_id ? report.updated : report.created)++;
    return report;
  }
  if (!report.problems.empty() && o.skip_bad_path.empty()) return report;  // all or nothing

  Status s = store.transaction([&]() -> Status {
    std::unordered_map<std::string, Id> accounts;
    std::vector<Contact> fresh;
    for (Row& r : rows) {
      if (r.fields.company && !r.fields.company->empty()) {
        std::string key = *r.fields.company;
        auto it = accounts.find(key);
        if (it == accounts.end()) {
          auto found = store.find_account_by_name(actor.workspace.id, key);
          if (!found.ok()) return found.status();
          Id id;
          if (*found) {
            id = (*found)->id;
          } else {
            Account a;
            a.workspace_id = actor.workspace.id;
            a.name = key;
            a.industry = r.industry;
            a.city = r.contact.city;
            a.region = r.contact.region;
            a.country = r.contact.country;
            auto created = store.create_account(a);
            if (!created.ok()) return created.status();
            id = *created;
          }
          it = accounts.emplace(key, id).first;
        }
        r.contact.account_id = it->second;
      }
      if (r.existing_id) {
        NEXTCALL_RETURN_IF_ERROR(store.update_contact(r.contact).with_context(
            name + ":" + std::to_string(r.line)));
        ++report.updated;
      } else {
        fresh.push_back(std::move(r.contact));
      }
    }
    // The import's record, for the Contacts screen to list what it added.
    if (!fresh.empty()) {
      ImportBatch batch;
      batch.workspace_id = actor.workspace.id;
      batch.file_name = name;
      batch.user_id = actor.rep.id;
      batch.contacts_added = static_cast<long>(fresh.size());
      batch.created_at = now;
      auto batch_id = store.add_import(batch);
      if (!batch_id.ok()) return batch_id.status();
      report.import_id = *batch_id;
      for (Contact& c : fresh) c.import_id = *batch_id;
    }
    // The new ones together: a team server takes them in batches.
    auto created = store.create_contacts(fresh);
    if (!created.ok()) return created.status().with_context(name);
    report.created += static_cast<long>(created->size());
    return Status::Ok();
  });
  if (!s.ok()) return s;
  report.written = true;
  if (!o.skip_bad_path.empty() && !rejects.empty())
    NEXTCALL_RETURN_IF_ERROR(write_rejects(o.skip_bad_path, header, rejects));
  return report;
}

}  // namespace nextcall
