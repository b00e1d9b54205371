// Black-box test support: run the real nextcall binary on a temporary database and
// capture what it printed and how it exited (Taskwarrior-style tests).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace nextcall::testing {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// A temporary folder, removed with everything in it when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }
  // Writes text to path()/name and returns the full path.
  std::string write(const std::string& name, const std::string& text) const;

 private:
  std::string path_;
};

// Runs NEXTCALL_BINARY with args, stdin_text on standard input and env added to the
// environment (NEXTCALL_NOW is set to 2026-11-24T14:00:00Z unless env names it).
RunResult run_nextcall(const std::vector<std::string>& args, const std::string& stdin_text = "",
                       const std::map<std::string, std::string>& env = {});

// Same, with --db DB prepended.
RunResult run_on(const std::string& db, std::vector<std::string> args,
                 const std::string& stdin_text = "",
                 const std::map<std::string, std::string>& env = {});

}  // namespace nextcall::testing
