#ifndef AMPSIM_CPREFETCH_SHIM_H
#define AMPSIM_CPREFETCH_SHIM_H

// A cache prefetch hint, which Swift has no spelling for. It changes no value the program computes,
// only when a cache line is loaded: the path search asks for the labels of the neighbours it will read
// a few channels later and of the heap's next entry (PathFinder.search), and RoutePotential.dial for
// the channel list of the next node it will scan, so their loads overlap the work on the current one.

/// Asks the CPU to bring the cache line at `p` close, for reading and writing (a hint; never faults).
static inline void ampsim_prefetch(const void *p) {
    __builtin_prefetch(p, 1, 3);
}

#endif
