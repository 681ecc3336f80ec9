// SPDX-License-Identifier: MIT
// What makes report.html explorable while it stays one file that works offline: the firm
// directory with search, a page per firm (企业画像) shown over the report when its name is
// clicked anywhere, and tables sorted by a click on their header. The firm data is JSON in the
// page (viz/firm_directory.hpp); the script is inline, fetches nothing and writes no storage.
#pragma once

#include <string>
#include <string_view>

#include "viz/firm_directory.hpp"

namespace icn {

// The directory's section body: search box, result table, the firm-page overlay, the data and the
// script.
std::string explorer_html(const FirmDirectory& directory);

// HTML-escaped text with every "name (id)" of a firm that has a page made a link to that page.
std::string link_firms(std::string_view escaped, const FirmDirectory& directory);

// JSON text safe inside <script type="application/json">: "<" written as \u003c.
std::string script_safe_json(const nlohmann::json& value);

}  // namespace icn
