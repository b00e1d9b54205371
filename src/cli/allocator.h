// Which memory allocator the nextcall program runs on, and how it is tuned. Planning a big
// team's day makes and frees millions of small strings on several threads at once, where
// glibc's malloc spends more time than the planner; the program links mimalloc when it is
// available (not in sanitizer builds, which bring their own).
#pragma once

#include <string>

namespace nextcall::cli {

// Called first thing in main(): memory freed is kept for a few seconds before it goes back
// to the system (mimalloc's decommit delay, 25 ms by default, made 5 s). A team plan frees
// the rows it has dealt and the snapshots it has planned while it still has more to
// allocate; given back at once, every page would be faulted in again. A server idle for the
// delay still gives its memory back.
//
// Pages: 4 KiB or 2 MiB (transparent huge pages), whichever this machine faults in faster,
// found by touching one fresh region of each at start (a few milliseconds). The answer
// differs between virtual machines by more than three times either way: on some a fresh
// 2 MiB page takes 15 ms (the host backs the memory again before it is cleared) and a team
// plan's first run took 8-10 s on them instead of 2.5-3 s; on others 4 KiB pages fault at
// 2.4 s a GiB against 1.1 s and the team plan is 1.1 s slower on them
// (docs/performance.md). MIMALLOC_LARGE_OS_PAGES in the environment decides instead, and
// every MIMALLOC_ variable has the last word. No effect without mimalloc.
void tune_allocator();

// "mimalloc 2.0.9, 4 KiB pages, freed memory kept 5000 ms" (or "..., 2 MiB pages, ...")
// when mimalloc serves this process's malloc, else "system".
std::string allocator_in_use();

}  // namespace nextcall::cli
