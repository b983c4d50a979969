#ifndef AMPSIM_CLZMA_SHIM_H
#define AMPSIM_CLZMA_SHIM_H

// liblzma (xz-utils), used to read compressed graph snapshots (*.json.xz) in memory.
#include <lzma.h>

/// A zero-initialised decoder state (LZMA_STREAM_INIT is a macro Swift cannot import).
static inline lzma_stream ampsim_lzma_stream_init(void) {
    lzma_stream s = LZMA_STREAM_INIT;
    return s;
}

/// The decoder flag LZMA_CONCATENATED (a macro Swift cannot import): read every stream of a .xz file.
static inline uint32_t ampsim_lzma_concatenated(void) {
    return LZMA_CONCATENATED;
}

#endif
