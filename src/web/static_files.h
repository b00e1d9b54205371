// The UI's files, read into memory when the server starts: a request can only ever get
// one of these, so no path (../, %2e%2e, absolute) reaches the rest of the disk.
#pragma once

#include <map>
#include <string>

#include "core/status.h"

namespace nextcall::web {

struct StaticFile {
  std::string body;
  std::string content_type;
  std::string etag;
};

class StaticFiles {
 public:
  // Loads every regular file under dir (recursively), keyed by "/relative/path".
  Status load(const std::string& dir);
  // The file for a request path; "/" is "/index.html". nullptr when unknown.
  const StaticFile* find(const std::string& path) const;
  std::size_t size() const { return files_.size(); }

 private:
  std::map<std::string, StaticFile> files_;
};

}  // namespace nextcall::web
