// SPDX-License-Identifier: MIT
// The one place where a Network becomes an igraph_t. igraph's errors become icn::BackendError:
// its handler (installed once) keeps the first non-empty reason, frees igraph's finally-stack
// and returns, as igraph requires; check() then throws.
#pragma once

#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <igraph/igraph.h>

#include "engine/graph/network.hpp"
#include "engine/graph/undirected.hpp"

namespace icn {

class BackendError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

void check(igraph_error_t code, std::string_view call);

// Debian's igraph 0.10 is built without thread safety: its error handler, its FINALLY stack and
// its default random generator are process-wide. Every igraph object holds this lock for its
// lifetime (recursive, so one thread may hold several objects), so that igraph runs on one
// thread at a time while ICN's own kernels run in parallel. While the lock is held, igraph's
// OpenMP loops (PRPACK's PageRank) run on one thread: their parallel sums change the last bits
// from run to run, and a result must not depend on timing.
class IgraphLock {
public:
    IgraphLock();
    ~IgraphLock();
    IgraphLock(const IgraphLock&) = delete;
    IgraphLock& operator=(const IgraphLock&) = delete;

private:
    std::unique_lock<std::recursive_mutex> lock_;
};

// Owns an igraph_vector_t.
class IgraphVector {
public:
    explicit IgraphVector(igraph_integer_t size = 0);
    ~IgraphVector() { igraph_vector_destroy(&vector_); }
    IgraphVector(const IgraphVector&) = delete;
    IgraphVector& operator=(const IgraphVector&) = delete;
    igraph_vector_t* get() { return &vector_; }
    const igraph_vector_t* get() const { return &vector_; }
    std::vector<double> to_std() const;

private:
    IgraphLock lock_;
    igraph_vector_t vector_;
};

// Owns an igraph_vector_int_t.
class IgraphIntVector {
public:
    explicit IgraphIntVector(igraph_integer_t size = 0);
    ~IgraphIntVector() { igraph_vector_int_destroy(&vector_); }
    IgraphIntVector(const IgraphIntVector&) = delete;
    IgraphIntVector& operator=(const IgraphIntVector&) = delete;
    igraph_vector_int_t* get() { return &vector_; }
    const igraph_vector_int_t* get() const { return &vector_; }
    std::vector<igraph_integer_t> to_std() const;

private:
    IgraphLock lock_;
    igraph_vector_int_t vector_;
};

// A copy of a Network as an igraph graph; edge i of igraph is edge i of the Network, and
// weights() holds the edge values.
class IgraphGraph {
public:
    IgraphGraph(const Network& network, bool directed);
    explicit IgraphGraph(const UndirectedGraph& graph);  // undirected, weights = edge weights
    ~IgraphGraph() { igraph_destroy(&graph_); }
    IgraphGraph(const IgraphGraph&) = delete;
    IgraphGraph& operator=(const IgraphGraph&) = delete;
    const igraph_t* get() const { return &graph_; }
    const igraph_vector_t* weights() const { return weights_.get(); }

private:
    IgraphLock lock_;
    igraph_t graph_;
    IgraphVector weights_;
};

}  // namespace icn
