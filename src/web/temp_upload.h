// An uploaded body in a private temporary file for the length of a request: the
// importer and the coach read files, so the CLI and the API share one code path and
// one set of error messages.
#pragma once

#include <filesystem>
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

// Removes the uploads a server killed mid-request left behind: the regular files in `dir`
// named as TempUpload names them ("nextcall-upload-PID-XXXXXX", or the "nextcall-upload-
// XXXXXX" of earlier versions), last written before `started`, whose process is not running
// (another server's upload in progress is kept). Anything else is left alone. Returns how
// many were removed; errors (a file gone meanwhile, no permission) are skipped.
int remove_stray_uploads(const std::filesystem::path& dir, std::filesystem::file_time_type started);

}  // namespace nextcall::web
