#include "cli/allocator.h"

#include <cstdlib>

#ifdef NEXTCALL_HAVE_MIMALLOC
#include <mimalloc.h>
#endif

namespace nextcall::cli {

void tune_allocator() {
#ifdef NEXTCALL_HAVE_MIMALLOC
  // Defaults, not values: MIMALLOC_DECOMMIT_DELAY and the like, when set, still decide.
  constexpr long kKeepFreedMs = 5000;
  mi_option_set_default(mi_option_decommit_delay, kKeepFreedMs);
  mi_option_set_default(mi_option_segment_decommit_delay, kKeepFreedMs);
#endif
}

std::string allocator_in_use() {
#ifdef NEXTCALL_HAVE_MIMALLOC
  // Linked is not enough: the check is that the C library's allocation functions hand out mimalloc's memory.
  void* probe = std::calloc(1, 64);
  bool ours = probe != nullptr && mi_is_in_heap_region(probe);
  std::free(probe);
  if (ours) {
    int v = mi_version();  // 209 is 2.0.9
    return "mimalloc " + std::to_string(v / 100) + "." + std::to_string(v / 10 % 10) + "." +
           std::to_string(v % 10) +
           (mi_option_is_enabled(mi_option_large_os_pages) ? ", 2 MiB pages" : ", 4 KiB pages") +
           ", freed memory kept " + std::to_string(mi_option_get(mi_option_decommit_delay)) + " ms";
  }
#endif
  return "system";
}

}  // namespace nextcall::cli
