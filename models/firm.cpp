// SPDX-License-Identifier: MIT
#include "models/firm.hpp"

namespace icn {

std::string_view to_string(FirmSize size) {
    switch (size) {
        case FirmSize::large:
            return "large";
        case FirmSize::medium:
            return "medium";
        case FirmSize::small:
            return "small";
        case FirmSize::micro:
            return "micro";
        case FirmSize::unknown:
            break;
    }
    return "";
}

bool is_sme(FirmSize size) {
    return size == FirmSize::medium || size == FirmSize::small || size == FirmSize::micro;
}

}  // namespace icn
