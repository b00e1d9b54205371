#include "app/import_report_json.h"

#include <nlohmann/json.hpp>

#include "io/model_json.h"

namespace nextcall {

nlohmann::json import_report_json(const ImportReport& r, const std::string& file, bool dry_run) {
  nlohmann::json problems = nlohmann::json::array();
  for (const auto& p : r.problems)
    problems.push_back({{"line", p.line}, {"column", p.column}, {"field", p.field},
                        {"message", p.message}, {"text", describe(p, file)}});
  nlohmann::json mapping = nlohmann::json::array();
  for (const auto& [h, f] : r.mapping) mapping.push_back({{"column", h}, {"field", f}});
  nlohmann::json j = {{"read", r.read},         {"created", r.created}, {"updated", r.updated},
          {"skipped", r.skipped},   {"rejected", r.rejected}, {"written", r.written},
          {"dry_run", dry_run},     {"encoding", r.encoding},
          {"delimiter", std::string(1, r.delimiter)},     {"mapping", mapping},   {"unmapped", r.unmapped},
          {"duplicates", r.duplicates}, {"warnings", r.warnings}, {"problems", problems},
          {"preview", r.preview}};
  // The import's record: the Contacts screen lists what it added (?import=ID).
  j["import_id"] = r.import_id ? nlohmann::json(*r.import_id) : nlohmann::json();
  return j;
}

}  // namespace nextcall
