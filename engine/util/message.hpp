// SPDX-License-Identifier: MIT
// msg("unknown {} {}: not in firms.csv", role, id): a message as data (models/issue.hpp), so that
// the engine holds no sentence in a language of its choosing: the front end looks the template
// up in its catalog and words it in the user's language, or shows the English text.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "models/issue.hpp"

namespace icn {

// The replacement fields of a format string, each as a format string of its own ("{}",
// "{:02X}"); doubled braces are text.
std::vector<std::string> replacement_fields(std::string_view format);

template <typename... Args>
Message msg(fmt::format_string<Args...> format, Args&&... args) {
    Message m;
    const fmt::string_view text = format;  // checked at compile time, like fmt::format's
    m.key.assign(text.data(), text.size());
    m.text = fmt::vformat(text, fmt::make_format_args(args...));
    const std::vector<std::string> fields = replacement_fields(m.key);
    std::size_t i = 0;
    [[maybe_unused]] const auto add = [&](const auto& arg) {
        const std::string field = i < fields.size() ? fields[i] : std::string("{}");
        m.args.push_back(fmt::format(fmt::runtime(field), arg));
        ++i;
    };
    (add(args), ...);
    return m;
}

}  // namespace icn
