// SPDX-License-Identifier: MIT
#include "viz/render.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

namespace icn {
namespace {

// In the child: lay out and render, write the bytes to `fd`. Exit status 0 on success.
[[noreturn]] void render_child(const std::string& dot, const char* layout, const char* format,
                               int fd) {
    GVC_t* gvc = gvContext();
    Agraph_t* graph = agmemread(dot.c_str());
    if (graph == nullptr) _exit(3);
    if (gvLayout(gvc, graph, layout) != 0) _exit(4);
    char* data = nullptr;
    unsigned int length = 0;
    if (gvRenderData(gvc, graph, format, &data, &length) != 0 || data == nullptr) _exit(5);
    std::size_t written = 0;
    while (written < length) {
        const ssize_t n = ::write(fd, data + written, length - written);
        if (n <= 0) _exit(6);
        written += static_cast<std::size_t>(n);
    }
    _exit(0);
}

std::optional<std::string> render_once(const std::string& dot, const char* layout,
                                       const char* format, double seconds) {
    int pipe_fds[2];
    if (::pipe(pipe_fds) != 0) return std::nullopt;
    const pid_t pid = ::fork();
    if (pid < 0) {
        ::close(pipe_fds[0]);
        ::close(pipe_fds[1]);
        return std::nullopt;
    }
    if (pid == 0) {
        ::close(pipe_fds[0]);
        render_child(dot, layout, format, pipe_fds[1]);
    }
    ::close(pipe_fds[1]);
    std::string out;
    const auto deadline = std::chrono::steady_clock::now() +
                          std::chrono::milliseconds(static_cast<long>(seconds * 1000));
    bool timed_out = false;
    char buffer[65536];
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                              deadline - std::chrono::steady_clock::now())
                              .count();
        if (left <= 0) {
            timed_out = true;
            break;
        }
        pollfd pfd{pipe_fds[0], POLLIN, 0};
        const int ready = ::poll(&pfd, 1, static_cast<int>(std::min<long long>(left, 1000)));
        if (ready < 0 && errno != EINTR) break;
        if (ready <= 0) continue;
        const ssize_t n = ::read(pipe_fds[0], buffer, sizeof buffer);
        if (n <= 0) break;  // end of output
        out.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(pipe_fds[0]);
    if (timed_out) ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (timed_out || !WIFEXITED(status) || WEXITSTATUS(status) != 0 || out.empty())
        return std::nullopt;
    return out;
}

std::string with_graph_attributes(const std::string& dot, const char* attributes) {
    const auto brace = dot.find('{');
    if (brace == std::string::npos) return dot;
    return dot.substr(0, brace + 1) + "\n  graph [" + attributes + "];" + dot.substr(brace + 1);
}

// The same graph with straight edges and fewer crossing-minimisation passes: much cheaper.
std::string simpler(const std::string& dot) {
    return with_graph_attributes(dot, "splines=line, nslimit=2, mclimit=0.3");
}

void widen_fonts(std::string& svg) {
    const std::string from = "font-family=\"Noto Sans CJK SC\"";
    const std::string to = std::string("font-family=\"") + kSvgFontFamily + "\"";
    for (std::size_t at = svg.find(from); at != std::string::npos;
         at = svg.find(from, at + to.size())) {
        svg.replace(at, from.size(), to);
    }
}

}  // namespace

std::optional<RenderResult> render_dot(const std::string& dot, const std::string& format,
                                       double seconds) {
    struct Attempt {
        const char* layout;
        std::string text;
    };
    // PNG at 150 dpi: sharp enough in a Word document and when printed.
    const std::string source = format == "png" ? with_graph_attributes(dot, "dpi=150") : dot;
    const std::vector<Attempt> attempts = {
        {"dot", source}, {"dot", simpler(source)}, {"osage", source}};
    for (std::size_t i = 0; i < attempts.size(); ++i) {
        auto data = render_once(attempts[i].text, attempts[i].layout, format.c_str(), seconds);
        if (!data) continue;
        if (format == "svg") widen_fonts(*data);
        return RenderResult{std::move(*data), attempts[i].layout, i > 0};
    }
    return std::nullopt;
}

}  // namespace icn
