// Fuzzes the CSV reader: any bytes must give records or an error with a position, never
// a crash, a hang or an out-of-bounds read; and recover() must always make progress.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "io/csv_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  nextcall::CsvReader reader(text, "fuzz.csv");
  std::vector<std::string> fields;
  int guard = 0;
  while (guard++ < 100000) {
    nextcall::Status error;
    if (reader.next(&fields, &error)) {
      for (std::size_t i = 0; i < fields.size(); ++i) (void)reader.field_column(i);
      continue;
    }
    if (error.ok() || !reader.recover()) break;
  }
  return 0;
}
