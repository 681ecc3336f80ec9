// SPDX-License-Identifier: MIT
// One way to run work on several threads (SPEC section 2: `--threads N`, default every core,
// never changes a result). Every parallel kernel of ICN goes through parallel_for: tasks are
// handed out in order to at most N threads, the caller's among them; each task writes only its
// own outputs, so that results do not depend on the thread count. A task's exception (out of
// memory, a bug) stops the hand-out and is rethrown on the caller's thread; no exception ever
// leaves a thread, so nothing calls std::terminate. A thread that cannot be started (a process
// limit, no memory for its stack) only means fewer threads.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <new>
#include <string>
#include <thread>
#include <vector>

namespace icn {

// The thread count to use for `requested` (0 = every core; at least 1).
unsigned resolve_threads(unsigned requested);

// Memory ran out during `phase` (a file name such as "links.csv", or "analysis"): exit 1 with
// a message naming it, never an abort.
class OutOfMemory : public std::bad_alloc {
public:
    explicit OutOfMemory(std::string phase) : phase_(std::move(phase)) {}
    const char* what() const noexcept override { return phase_.c_str(); }
    const std::string& phase() const { return phase_; }

private:
    std::string phase_;
};

// Runs task(i) for every i in [0, tasks) on at most resolve_threads(threads) threads.
template <typename Task>
void parallel_for(unsigned threads, std::size_t tasks, Task&& task) {
    if (tasks == 0) return;
    const std::size_t workers = std::min<std::size_t>(resolve_threads(threads), tasks);
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::mutex mutex;
    std::exception_ptr first_error;
    std::size_t first_task = tasks;
    const auto work = [&]() noexcept {
        while (!failed.load(std::memory_order_relaxed)) {
            const std::size_t i = next.fetch_add(1, std::memory_order_relaxed);
            if (i >= tasks) return;
            try {
                task(i);
            } catch (...) {
                const std::lock_guard<std::mutex> lock(mutex);
                if (i < first_task) {
                    first_task = i;
                    first_error = std::current_exception();
                }
                failed.store(true, std::memory_order_relaxed);
            }
        }
    };
    std::vector<std::thread> pool;
    try {
        pool.reserve(workers - 1);
        for (std::size_t w = 1; w < workers; ++w) pool.emplace_back(work);
    } catch (...) {
        // Fewer threads than asked for: the ones that started (and this one) do all the tasks.
    }
    work();
    for (std::thread& thread : pool) thread.join();
    if (first_error) std::rethrow_exception(first_error);
}

// Splits [0, count) into `parts` contiguous ranges of nearly equal size; range p is
// [bounds[p], bounds[p + 1]).
std::vector<std::size_t> split_evenly(std::size_t count, std::size_t parts);

}  // namespace icn
