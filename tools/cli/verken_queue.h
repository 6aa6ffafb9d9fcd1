#pragma once
// One computation at a time for swvsim verken (the machine's cores go to one simulation), the
// newest request first:
// - get(key, job) blocks until the answer for `key` is there. A request for the key being computed
//   or already waiting joins it; a request for another key takes the waiting place, and the request
//   it pushes out gets Replaced at once (a board moving a slider wants only the last position).
//   The running computation is never replaced: it finishes (or stops on the run's cancel flag).
// - The last `cache` answers are kept by key (moving a slider back costs nothing); errors are not.
// - stop() wakes every waiter with Stopped and returns after the running computation.
// What `compute` throws reaches every request waiting for that key.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

namespace swv::cli {

struct Replaced {};  // a newer request took this one's place before it started
struct Stopped {};   // the server stops

template <class Job, class Answer>
class ComputeQueue {
 public:
  using Compute = std::function<Answer(const Job&)>;

  explicit ComputeQueue(Compute compute, size_t cache = 16) : compute_(std::move(compute)), cache_size_(cache), worker_([this] { loop(); }) {}
  ~ComputeQueue() { stop(); }
  ComputeQueue(const ComputeQueue&) = delete;
  ComputeQueue& operator=(const ComputeQueue&) = delete;

  std::shared_ptr<const Answer> get(const std::string& key, Job job) {
    std::unique_lock<std::mutex> l(m_);
    if (stopped_) throw Stopped();
    for (const auto& [k, a] : cache_)
      if (k == key) return a;
    std::shared_ptr<Slot> s;
    if (running_ && running_->key == key) s = running_;
    else if (pending_ && pending_->key == key) s = pending_;
    else {
      if (pending_) pending_->replaced = true;
      s = pending_ = std::make_shared<Slot>(key, std::move(job));
      cv_.notify_all();
    }
    cv_.wait(l, [&] { return s->done || s->replaced || stopped_; });
    if (s->done) {
      if (s->error) std::rethrow_exception(s->error);
      return s->answer;
    }
    if (s->replaced) throw Replaced();
    throw Stopped();
  }

  // Computations started (for tests and the log).
  size_t started() const {
    std::lock_guard<std::mutex> l(m_);
    return started_;
  }

  void stop() {
    {
      std::lock_guard<std::mutex> l(m_);
      stopped_ = true;
    }
    cv_.notify_all();
    if (worker_.joinable()) worker_.join();
  }

 private:
  struct Slot {
    Slot(std::string k, Job j) : key(std::move(k)), job(std::move(j)) {}
    std::string key;
    Job job;
    std::shared_ptr<const Answer> answer;
    std::exception_ptr error;
    bool done = false, replaced = false;
  };

  void loop() {
    std::unique_lock<std::mutex> l(m_);
    while (true) {
      cv_.wait(l, [&] { return pending_ || stopped_; });
      if (stopped_) return;
      running_ = std::move(pending_);
      pending_.reset();
      ++started_;
      const std::shared_ptr<Slot> s = running_;
      l.unlock();
      std::shared_ptr<const Answer> answer;
      std::exception_ptr error;
      try {
        answer = std::make_shared<const Answer>(compute_(s->job));
      } catch (...) {
        error = std::current_exception();
      }
      l.lock();
      s->answer = answer, s->error = error, s->done = true;
      if (answer) {
        cache_.emplace_back(s->key, answer);
        if (cache_.size() > cache_size_) cache_.pop_front();
      }
      running_.reset();
      cv_.notify_all();
    }
  }

  Compute compute_;
  size_t cache_size_;
  mutable std::mutex m_;
  std::condition_variable cv_;
  std::shared_ptr<Slot> running_, pending_;
  std::deque<std::pair<std::string, std::shared_ptr<const Answer>>> cache_;
  size_t started_ = 0;
  bool stopped_ = false;
  std::thread worker_;  // last: started once everything above is set
};

}  // namespace swv::cli
