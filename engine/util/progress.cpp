// SPDX-License-Identifier: MIT
#include "engine/util/progress.hpp"

namespace icn {

Progress::Progress(ProgressSink* sink, std::string label, std::size_t total)
    : sink_(sink),
      label_(std::move(label)),
      total_(total),
      last_(std::chrono::steady_clock::now()) {}

Progress::~Progress() { finish(); }

void Progress::update(std::size_t done) {
    if (sink_ == nullptr) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    shown_ = true;
    sink_->report(label_,
                  total_ == 0 ? 1.0 : static_cast<double>(done) / static_cast<double>(total_));
}

void Progress::finish() {
    if (finished_) return;
    finished_ = true;
    if (sink_ != nullptr && shown_) sink_->finished(label_);
}

}  // namespace icn
