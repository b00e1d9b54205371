// The call planner at scale, in one run (issue "The call planner", Benchmark):
//  (a) planning every rep's day from the SQLite file, end to end (load + plan);
//  (b) the in-memory planner on the loaded snapshots;
//  (c) a plain pass over the same snapshots that only sums their fields (the floor).
// Usage: planner_bench DB [RUNS]   (DB made by gen_workspace; (a), (b) and (c) are each timed
// RUNS times, default 1, and their medians reported: on a shared or virtual machine one run
// can be far off)
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <string>
#include <vector>

#include <sys/resource.h>

#include "app/plan_day.h"
#include "app/plan_team_day.h"
#include "app/workspace_session.h"
#include "cli/allocator.h"
#include "core/civil_time.h"
#include "core/planner.h"
#include "core/snapshot.h"

using namespace nextcall;
using Clock = std::chrono::steady_clock;

static double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// The process's CPU time so far, user and system, in seconds: with the wall time it shows
// whether a slow run worked more or waited more (a virtual machine's neighbours).
static double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  auto s = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return s(u.ru_utime) + s(u.ru_stime);
}

static double median(std::vector<double> times) {
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

static void print_runs(const std::vector<double>& times, const char* format) {
  if (times.size() < 2) return;
  std::printf(", the median of %zu runs:", times.size());
  for (double t : times) std::printf(format, t);
}

static long peak_memory_mib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;
}

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: planner_bench DB [RUNS]\n");
    return 2;
  }
  cli::tune_allocator();  // as main() does
  Instant now = *parse_instant("2026-11-24T12:00:00Z");
  Date day = *parse_date("2026-11-24");
  auto store = open_store(argv[1]);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().message().c_str());
    return 1;
  }
  auto ws = (*store)->list_workspaces();
  auto users = (*store)->list_users(ws->front().id);
  // (a) end to end: every rep's sheet from the database, as the team batch does it (one
  // pass over the workspace, the reps planned on both cores).
  int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 1;
  std::vector<double> times, cpu;
  long planned = 0;
  for (int run = 0; run < runs; ++run) {
    auto t0 = Clock::now();
    double cpu0 = cpu_seconds();
    planned = 0;
    auto sheets = plan_team_day(**store, ws->front(), day, now, 2, [&] { return open_store(argv[1]); });
    if (!sheets.ok()) {
      std::fprintf(stderr, "%s\n", sheets.status().message().c_str());
      return 1;
    }
    for (const CallSheet& sheet : *sheets) planned += static_cast<long>(sheet.calls.size());
    sheets = std::vector<CallSheet>();  // freed inside the timing, as a finished command does
    times.push_back(seconds_since(t0));
    cpu.push_back(cpu_seconds() - cpu0);
  }
  long peak_a = peak_memory_mib();
  double a = median(times);
  // Load the same snapshots once for (b) and (c).
  std::vector<Snapshot> snapshots;
  auto tl = Clock::now();
  for (const User& u : *users) {
    Actor actor{ws->front(), u};
    Snapshot s;
    Filter f;
    f.owner_id = u.id;
    s.settings = *(*store)->get_settings(actor.workspace.id);
    s.rep = u;
    s.day = day;
    s.now = now;
    s.contacts = *(*store)->list_contacts(actor.workspace.id, f);
    s.threads = *(*store)->list_threads(actor.workspace.id, f);
    s.commitments = *(*store)->list_commitments(actor.workspace.id, f);
    s.histories = *(*store)->list_call_histories(actor.workspace.id, f);
    s.reasons = *(*store)->list_reasons(actor.workspace.id);
    s.workspace_minutes = *(*store)->list_minute_counts(actor.workspace.id);
    s.index();
    snapshots.push_back(std::move(s));
  }
  double load = seconds_since(tl);
  // (b) the planner alone and (c) the floor: touch every row once and sum a field of it.
  // Timed in turn, as many times as (a), and the medians compared: one run of either
  // swings by a third on a virtual machine, and in turn both see the same spells.
  long planned_b = 0, overflow_b = 0;
  double sum = 0;
  std::vector<double> times_b, times_c;
  for (int run = 0; run < runs; ++run) {
    auto tb = Clock::now();
    planned_b = overflow_b = 0;
    for (const Snapshot& s : snapshots) {
      CallSheet sheet = plan_day(s);
      planned_b += static_cast<long>(sheet.calls.size());
      overflow_b += static_cast<long>(sheet.overflow.size());
    }
    times_b.push_back(seconds_since(tb));
    auto tc = Clock::now();
    sum = 0;
    for (const Snapshot& s : snapshots) {
      for (const Contact& c : s.contacts) sum += c.deal_value + static_cast<double>(c.hot_button.size());
      for (std::size_t i = 0; i < s.contacts.size(); ++i) {
        const CallHistory& h = s.history_of(i);
        sum += h.calls + h.misses_since_connect;
        for (const MinuteCount& m : h.minutes) sum += m.attempts;
        for (const RecentCall& r : h.recent) sum += static_cast<double>(r.outcome);
      }
      for (const Commitment& k : s.commitments) sum += static_cast<double>(k.what.size());
      for (const Thread& t : s.threads) sum += static_cast<double>(t.topic.size());
    }
    times_c.push_back(seconds_since(tc));
  }
  double b = median(times_b), c = median(times_c);
  long contacts = 0, attempts = 0;
  for (const Snapshot& s : snapshots) {
    contacts += static_cast<long>(s.contacts.size());
    for (std::size_t i = 0; i < s.contacts.size(); ++i) attempts += s.history_of(i).calls;
  }
  std::printf("allocator: %s\n", cli::allocator_in_use().c_str());
  std::printf("workspace: %ld contacts, %ld attempts, %zu reps\n", contacts, attempts, users->size());
  std::printf("(a) every rep's day from SQLite, end to end: %.2f s (%ld calls planned)", a, planned);
  print_runs(times, " %.2f");
  std::printf("\n    CPU time of each run (both cores):");
  for (double t : cpu) std::printf(" %.2f", t);
  std::printf(" s; peak resident memory %ld MiB, the mapped database included\n", peak_a);
  std::printf("    of which loading the snapshots (measured apart): %.2f s\n", load);
  // The first run allocates everything fresh from the system, as one `nextcall plan --team`
  // does; the later ones reuse what the allocator kept.
  if (runs > 1)
    std::printf("    the first run, as one `nextcall plan --team` makes it: %.2f s\n",
                times.front());
  std::printf("(b) the in-memory planner on the loaded snapshots: %.3f s (%ld calls, %ld more due past capacity)", b, planned_b, overflow_b);
  print_runs(times_b, " %.3f");
  std::printf("\n(c) a plain pass summing their fields: %.3f s (checksum %.0f)", c, sum);
  print_runs(times_c, " %.3f");
  std::printf("\n");
  std::printf("(b)/(c) = %.1fx\n", b / c);
  return 0;
}
