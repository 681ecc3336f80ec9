// SPDX-License-Identifier: MIT
#include "engine/io/text_file.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iconv.h>
#include <openssl/evp.h>
#include <system_error>

#include <fmt/format.h>

#include "engine/util/message.hpp"

namespace icn {
namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 if it is not valid (overlongs,
// surrogates and code points above U+10FFFF are invalid, as in RFC 3629).
std::size_t utf8_sequence(const std::string& s, std::size_t i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const std::size_t n = s.size();
    const unsigned char c = b(i);
    const auto cont = [&](std::size_t k) { return k < n && (b(k) & 0xC0) == 0x80; };
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return cont(i + 1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (!cont(i + 1) || !cont(i + 2)) return 0;
        if (c == 0xE0 && b(i + 1) < 0xA0) return 0;   // overlong
        if (c == 0xED && b(i + 1) >= 0xA0) return 0;  // surrogate
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return 0;
        if (c == 0xF0 && b(i + 1) < 0x90) return 0;
        if (c == 0xF4 && b(i + 1) >= 0x90) return 0;
        return 4;
    }
    return 0;
}

struct Utf8Scan {
    std::size_t non_ascii = 0;  // bytes >= 0x80
    std::size_t invalid = 0;    // of those, bytes that are not part of a valid sequence
};

Utf8Scan scan_utf8(const std::string& s, std::size_t from) {
    Utf8Scan scan;
    std::size_t i = from;
    while (i < s.size()) {
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;
            continue;
        }
        const std::size_t len = utf8_sequence(s, i);
        if (len == 0) {
            ++scan.non_ascii;
            ++scan.invalid;
            ++i;
        } else {
            scan.non_ascii += len;
            i += len;
        }
    }
    return scan;
}

// Converts with glibc iconv; nullopt if any byte sequence is invalid or incomplete.
std::optional<std::string> convert(const std::string& bytes, std::size_t from, const char* code) {
    iconv_t cd = iconv_open("UTF-8", code);
    if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
    std::string out;
    out.resize((bytes.size() - from) * 2 + 16);
    char* in_ptr = const_cast<char*>(bytes.data() + from);
    std::size_t in_left = bytes.size() - from;
    char* out_ptr = out.data();
    std::size_t out_left = out.size();
    bool ok = true;
    while (in_left > 0) {
        if (iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left) == static_cast<std::size_t>(-1)) {
            if (errno == E2BIG) {
                const std::size_t used = static_cast<std::size_t>(out_ptr - out.data());
                out.resize(out.size() * 2);
                out_ptr = out.data() + used;
                out_left = out.size() - used;
                continue;
            }
            ok = false;
            break;
        }
    }
    iconv_close(cd);
    if (!ok) return std::nullopt;
    out.resize(static_cast<std::size_t>(out_ptr - out.data()));
    return out;
}

}  // namespace

std::string sha256_hex(const std::string& bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
    std::string out;
    for (unsigned int i = 0; i < length; ++i) out += fmt::format("{:02x}", digest[i]);
    return out;
}

std::optional<TextFile> read_text_file(const std::filesystem::path& path, std::string display,
                                       Issues& issues) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status)) {
        issues.error(display, 0, "missing file");
        return std::nullopt;
    }
    if (std::filesystem::is_directory(status)) {
        issues.error(display, 0, "is a folder, expected a CSV file");
        return std::nullopt;
    }
    if (!std::filesystem::is_regular_file(status)) {
        // A FIFO or a device would block or never end: only regular files are read.
        issues.error(display, 0,
                     "is not a regular file (a pipe or a device?); save the table as "
                     "a file");
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        issues.error(display, 0, "cannot be opened for reading (permission?)");
        return std::nullopt;
    }
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    in.seekg(0, std::ios::beg);
    if (size < 0) {
        issues.error(display, 0, "cannot be read");
        return std::nullopt;
    }
    if (static_cast<std::size_t>(size) > kMaxInputBytes) {
        issues.error(display, 0,
                     msg("file is {} bytes; the limit is {} bytes", size, kMaxInputBytes));
        return std::nullopt;
    }
    std::string bytes(static_cast<std::size_t>(size), '\0');
    if (size > 0 && !in.read(bytes.data(), size)) {
        issues.error(display, 0, "cannot be read to its end");
        return std::nullopt;
    }
    return decode_text(std::move(bytes), std::move(display), issues);
}

std::optional<TextFile> decode_text(std::string bytes, std::string display, Issues& issues) {
    TextFile file;
    file.display = std::move(display);
    file.sha256 = sha256_hex(bytes);

    const auto starts = [&](std::string_view prefix) {
        return bytes.compare(0, prefix.size(), prefix) == 0;
    };
    if (starts("\xFF\xFE") || starts("\xFE\xFF")) {
        const bool le = starts("\xFF\xFE");
        file.encoding = le ? "UTF-16LE" : "UTF-16BE";
        auto text = convert(bytes, 2, file.encoding.c_str());
        if (!text) {
            issues.error(file.display, 0,
                         msg("starts with a {} byte order mark but is not valid {}", file.encoding,
                             file.encoding));
            return std::nullopt;
        }
        issues.note(file.display, 0, msg("read as {} (converted to UTF-8)", file.encoding));
        file.text = std::move(*text);
        return file;
    }

    if (const void* nul = std::memchr(bytes.data(), '\0', bytes.size())) {
        const auto at = static_cast<const char*>(nul) - bytes.data();
        const auto line = 1 + std::count(bytes.data(), bytes.data() + at, '\n');
        issues.error(file.display, static_cast<std::uint32_t>(line),
                     "NUL byte: this is not a text CSV file (an .xlsx? export it as CSV UTF-8)");
        return std::nullopt;
    }

    const std::size_t from = starts("\xEF\xBB\xBF") ? 3 : 0;
    const Utf8Scan scan = scan_utf8(bytes, from);
    // "Nearly all": at least 3 in 4 non-ASCII bytes valid. GBK text read as UTF-8 fails on most
    // of its bytes (typically 80-100%), though some pairs happen to be valid UTF-8; a UTF-8 file
    // with a few stray bytes stays UTF-8 and gets an error at each stray byte's line.
    const bool utf8 = scan.invalid == 0 || scan.invalid * 4 <= scan.non_ascii;
    if (!utf8) {
        auto text = convert(bytes, from, "GB18030");
        if (text) {
            file.encoding = "GB18030";
            issues.note(file.display, 0,
                        "read as GB18030 (GBK), as Excel on Chinese Windows writes it; "
                        "converted to UTF-8");
            file.text = std::move(*text);
            return file;
        }
        issues.error(file.display, 0,
                     msg("encoding unknown: {} of {} non-ASCII bytes are not UTF-8, "
                         "and the file is not GB18030 either; save it as CSV UTF-8",
                         scan.invalid, scan.non_ascii));
        return std::nullopt;
    }

    file.encoding = "UTF-8";
    if (scan.invalid == 0) {
        if (from > 0) bytes.erase(0, from);
        file.text = std::move(bytes);
        return file;
    }
    // A few stray bytes: each line holding one is an error; the byte becomes U+FFFD.
    std::string text;
    text.reserve(bytes.size() + scan.invalid * 2);
    std::uint32_t line = 1;
    std::uint32_t last_reported = 0;
    std::size_t i = from;
    while (i < bytes.size()) {
        const unsigned char c = static_cast<unsigned char>(bytes[i]);
        if (c == '\n') ++line;
        if (c < 0x80) {
            text += static_cast<char>(c);
            ++i;
            continue;
        }
        const std::size_t len = utf8_sequence(bytes, i);
        if (len == 0) {
            if (line != last_reported) {
                issues.error(file.display, line,
                             msg("invalid UTF-8 byte 0x{:02X}", static_cast<unsigned>(c)));
                last_reported = line;
            }
            text += "\xEF\xBF\xBD";
            ++i;
        } else {
            text.append(bytes, i, len);
            i += len;
        }
    }
    file.text = std::move(text);
    return file;
}

}  // namespace icn
