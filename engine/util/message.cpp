// SPDX-License-Identifier: MIT
#include "engine/util/message.hpp"

namespace icn {

std::vector<std::string> replacement_fields(std::string_view format) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < format.size(); ++i) {
        if (format[i] == '{') {
            if (i + 1 < format.size() && format[i + 1] == '{') {
                ++i;
                continue;
            }
            const std::size_t end = format.find('}', i);
            if (end == std::string_view::npos) break;
            out.emplace_back(format.substr(i, end - i + 1));
            i = end;
        } else if (format[i] == '}' && i + 1 < format.size() && format[i + 1] == '}') {
            ++i;
        }
    }
    return out;
}

}  // namespace icn
