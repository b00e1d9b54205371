// An uploaded body in a private temporary file for the length of a request: the
// importer and the coach read files, so the CLI and the API share one code path and
// one set of error messages.
#pragma once

#include <string>

#include "core/status.h"

namespace nextcall::web {

class TempUpload {
 public:
  TempUpload();
  ~TempUpload();
  TempUpload(const TempUpload&) = delete;
  TempUpload& operator=(const TempUpload&) = delete;

  // Writes `body` to the file; Io when it cannot.
  Status write(const std::string& body);
  const std::string& path() const { return path_; }
  // `message` with the temporary path replaced by the name the user knows the file by.
  std::string rename_in(std::string message, const std::string& name) const;

 private:
  std::string path_;
};

}  // namespace nextcall::web
