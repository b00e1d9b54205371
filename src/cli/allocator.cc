#include "cli/allocator.h"

#include <chrono>
#include <cstdint>
#include <cstdlib>

#include <sys/mman.h>

#ifdef NEXTCALL_HAVE_MIMALLOC
#include <mimalloc.h>
#endif

namespace nextcall::cli {
namespace {

#ifdef NEXTCALL_HAVE_MIMALLOC
double seconds_to_touch(char* p, std::size_t bytes, std::size_t step) {
  auto t0 = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < bytes; i += step) static_cast<volatile char*>(p)[i] = 1;
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Whether this machine makes a fresh 2 MiB page faster than 512 fresh 4 KiB ones: one of
// each, a few milliseconds. Where the kernel gives no huge pages (transparent huge pages
// off) both halves fault in small pages and the answer is no better than a coin, which
// does no harm.
bool huge_pages_fault_faster() {
  constexpr std::size_t kHuge = std::size_t{2} << 20;
  void* mapped = mmap(nullptr, 3 * kHuge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapped == MAP_FAILED) return false;
  auto* base = static_cast<char*>(mapped);
  char* aligned = reinterpret_cast<char*>((reinterpret_cast<std::uintptr_t>(base) + kHuge - 1) & ~(kHuge - 1));
  madvise(aligned, kHuge, MADV_HUGEPAGE);
  madvise(aligned + kHuge, kHuge, MADV_NOHUGEPAGE);
  double huge = seconds_to_touch(aligned, kHuge, 4096);
  double small = seconds_to_touch(aligned + kHuge, kHuge, 4096);
  munmap(mapped, 3 * kHuge);
  return huge < small;
}
#endif

}  // namespace

void tune_allocator() {
#ifdef NEXTCALL_HAVE_MIMALLOC
  // Defaults, not values: MIMALLOC_DECOMMIT_DELAY and the like, when set, still decide.
  constexpr long kKeepFreedMs = 5000;
  mi_option_set_default(mi_option_decommit_delay, kKeepFreedMs);
  mi_option_set_default(mi_option_segment_decommit_delay, kKeepFreedMs);
  if (std::getenv("MIMALLOC_LARGE_OS_PAGES") == nullptr && huge_pages_fault_faster())
    mi_option_set_default(mi_option_large_os_pages, 1);
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
