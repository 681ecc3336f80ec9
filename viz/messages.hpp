// SPDX-License-Identifier: MIT
// Problems in the user's language. The engine reports a message as its English template and
// arguments (models/issue.hpp); this catalog holds the Chinese for each template a planner
// meets, and falls back to the English text for any other.
#pragma once

#include <string>
#include <string_view>

#include "models/issue.hpp"

namespace icn {

// A message of the engine (models/issue.hpp Message) in `lang`: the catalog's Chinese, or the
// English text.
std::string message_text(const Message& message, std::string_view lang);

// The message alone, in `lang` ("zh" or "en").
std::string issue_message(const Issue& issue, std::string_view lang);

// "FILE:LINE: message" with "warning: " / "note: " (警告：/ 提示：) in `lang`.
std::string format_issue(const Issue& issue, std::string_view lang);

}  // namespace icn
