#include "cli/allocator.h"

#include <cstdlib>

#ifdef NEXTCALL_HAVE_MIMALLOC
#include <mimalloc.h>
#endif

namespace nextcall::cli {

std::string allocator_in_use() {
#ifdef NEXTCALL_HAVE_MIMALLOC
  // Linked is not enough: the check is that the C library's allocation functions hand out mimalloc's memory.
  void* probe = std::calloc(1, 64);
  bool ours = probe != nullptr && mi_is_in_heap_region(probe);
  std::free(probe);
  if (ours) {
    int v = mi_version();  // 209 is 2.0.9
    return "mimalloc " + std::to_string(v / 100) + "." + std::to_string(v / 10 % 10) + "." + std::to_string(v % 10);
  }
#endif
  return "system";
}

}  // namespace nextcall::cli
