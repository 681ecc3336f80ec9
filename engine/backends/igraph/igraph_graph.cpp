// SPDX-License-Identifier: MIT
#include "engine/backends/igraph/igraph_graph.hpp"

#include <dlfcn.h>
#include <mutex>
#include <new>

#include <fmt/format.h>

namespace icn {
namespace {

thread_local std::string g_reason;

void keep_reason(const char* reason, const char* /*file*/, int /*line*/, igraph_error_t /*code*/) {
    if (g_reason.empty() && reason != nullptr && *reason != '\0') g_reason = reason;
    IGRAPH_FINALLY_FREE();
}

void install_handler() {
    static std::once_flag once;
    std::call_once(once, [] {
        igraph_set_error_handler(keep_reason);
        igraph_set_warning_handler(igraph_warning_handler_ignore);
    });
}

std::recursive_mutex& igraph_mutex() {
    static std::recursive_mutex mutex;
    return mutex;
}

// OpenMP's thread count, reached through the symbols igraph's own libgomp provides (none when
// igraph was built without OpenMP); set to 1 while the outermost lock is held.
struct OpenMp {
    using Set = void (*)(int);
    using Get = int (*)();
    Set set = reinterpret_cast<Set>(::dlsym(RTLD_DEFAULT, "omp_set_num_threads"));
    Get get = reinterpret_cast<Get>(::dlsym(RTLD_DEFAULT, "omp_get_max_threads"));
};

const OpenMp& open_mp() {
    static const OpenMp functions;
    return functions;
}

thread_local int g_depth = 0;
thread_local int g_saved_threads = 0;

}  // namespace

IgraphLock::IgraphLock() : lock_(igraph_mutex()) {
    if (g_depth++ == 0 && open_mp().set != nullptr && open_mp().get != nullptr) {
        g_saved_threads = open_mp().get();
        open_mp().set(1);
    }
}

IgraphLock::~IgraphLock() {
    if (--g_depth == 0 && open_mp().set != nullptr && g_saved_threads > 0) {
        open_mp().set(g_saved_threads);
    }
}

void check(igraph_error_t code, std::string_view call) {
    if (code == IGRAPH_SUCCESS) {
        g_reason.clear();
        return;
    }
    std::string reason = g_reason.empty() ? igraph_strerror(code) : g_reason;
    g_reason.clear();
    if (code == IGRAPH_ENOMEM) throw std::bad_alloc();
    throw BackendError(fmt::format("{}: {}", call, reason));
}

IgraphVector::IgraphVector(igraph_integer_t size) {
    install_handler();
    check(igraph_vector_init(&vector_, size), "igraph_vector_init");
}

std::vector<double> IgraphVector::to_std() const {
    const igraph_integer_t n = igraph_vector_size(&vector_);
    std::vector<double> out(static_cast<std::size_t>(n));
    for (igraph_integer_t i = 0; i < n; ++i) out[static_cast<std::size_t>(i)] = VECTOR(vector_)[i];
    return out;
}

IgraphIntVector::IgraphIntVector(igraph_integer_t size) {
    install_handler();
    check(igraph_vector_int_init(&vector_, size), "igraph_vector_int_init");
}

std::vector<igraph_integer_t> IgraphIntVector::to_std() const {
    const igraph_integer_t n = igraph_vector_int_size(&vector_);
    std::vector<igraph_integer_t> out(static_cast<std::size_t>(n));
    for (igraph_integer_t i = 0; i < n; ++i) out[static_cast<std::size_t>(i)] = VECTOR(vector_)[i];
    return out;
}

IgraphGraph::IgraphGraph(const Network& network, bool directed)
    : weights_(static_cast<igraph_integer_t>(network.edge_count())) {
    install_handler();
    IgraphIntVector edges(static_cast<igraph_integer_t>(2 * network.edge_count()));
    for (std::size_t e = 0; e < network.edge_count(); ++e) {
        VECTOR(*edges.get())[2 * e] = network.edge_source(e);
        VECTOR(*edges.get())[2 * e + 1] = network.edge_target(e);
        VECTOR(*weights_.get())[e] = network.edge_value(e);
    }
    check(igraph_create(&graph_, edges.get(), network.node_count(),
                        directed ? IGRAPH_DIRECTED : IGRAPH_UNDIRECTED),
          "igraph_create");
}

IgraphGraph::IgraphGraph(const UndirectedGraph& undirected)
    : weights_(static_cast<igraph_integer_t>(undirected.edge_count())) {
    install_handler();
    IgraphIntVector edges(static_cast<igraph_integer_t>(2 * undirected.edge_count()));
    for (std::size_t e = 0; e < undirected.edge_count(); ++e) {
        VECTOR(*edges.get())[2 * e] = undirected.edge_u(e);
        VECTOR(*edges.get())[2 * e + 1] = undirected.edge_v(e);
        VECTOR(*weights_.get())[e] = undirected.edge_weight(e);
    }
    check(igraph_create(&graph_, edges.get(), undirected.node_count(), IGRAPH_UNDIRECTED),
          "igraph_create");
}

}  // namespace icn
