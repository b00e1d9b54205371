// Fuzzes `nextcall workspace import`: an arbitrary file read, checked and (when it passes)
// written into an in-memory SQLite store, inside a transaction that is then rolled back so
// every input starts from the same empty database. The corpus (fuzz/corpus/workspace_file/)
// holds a small valid file.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "app/workspace_file.h"
#include "store/store.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nextcall;
  static std::unique_ptr<Store> store = [] {
    auto opened = open_store(":memory:");
    if (!opened.ok()) __builtin_trap();
    return std::move(opened.value());
  }();
  std::string text(reinterpret_cast<const char*>(data), size);
  store->transaction([&]() -> Status {
    WorkspaceImportOptions options;
    auto report = import_workspace(*store, "fuzz.json", text, options);
    (void)report;
    return Status::Conflict("rolled back");
  });
  return 0;
}
