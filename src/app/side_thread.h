// A second thread that stays for the whole of a job and takes its parts in turn, side by
// side with the caller. Memory is best freed on the thread that allocated it (mimalloc
// hands a block freed elsewhere back to its owner, who walks it again later), so a job that
// reads on two threads and frees what it read at the end keeps the same two threads
// throughout rather than starting new ones for each part.
#pragma once

#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

namespace nextcall {

class SideThread {
 public:
  SideThread() : thread_([this] { loop(); }) {}
  ~SideThread() {
    {
      std::lock_guard<std::mutex> lock(m_);
      stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }
  SideThread(const SideThread&) = delete;
  SideThread& operator=(const SideThread&) = delete;

  // Runs `theirs` on the side thread and `mine` on the caller's; returns when both are
  // done. An exception from either is thrown here, once both are done (`theirs` may use
  // the caller's frame).
  void both(const std::function<void()>& mine, const std::function<void()>& theirs) {
    {
      std::lock_guard<std::mutex> lock(m_);
      job_ = &theirs;
      done_ = false;
      failure_ = nullptr;
    }
    cv_.notify_all();
    std::exception_ptr my_failure;
    try {
      mine();
    } catch (...) {
      my_failure = std::current_exception();
    }
    std::unique_lock<std::mutex> lock(m_);
    cv_.wait(lock, [&] { return done_; });
    if (my_failure) std::rethrow_exception(my_failure);
    if (failure_) std::rethrow_exception(failure_);
  }

 private:
  void loop() {
    std::unique_lock<std::mutex> lock(m_);
    while (true) {
      cv_.wait(lock, [&] { return stop_ || job_ != nullptr; });
      if (!job_) return;  // stopping, nothing left to run
      const std::function<void()>* job = job_;
      job_ = nullptr;
      lock.unlock();
      std::exception_ptr failure;
      try {
        (*job)();
      } catch (...) {
        failure = std::current_exception();
      }
      lock.lock();
      failure_ = failure;
      done_ = true;
      cv_.notify_all();
    }
  }

  std::mutex m_;
  std::condition_variable cv_;
  const std::function<void()>* job_ = nullptr;
  std::exception_ptr failure_;
  bool done_ = true;
  bool stop_ = false;
  std::thread thread_;  // last: it starts once the members above are ready
};

// Runs both parts: side by side on `side`, or one after the other on the caller's thread
// when there is none (a plan on one thread).
inline void run_both(SideThread* side, const std::function<void()>& mine, const std::function<void()>& theirs) {
  if (side) {
    side->both(mine, theirs);
  } else {
    mine();
    theirs();
  }
}

}  // namespace nextcall
