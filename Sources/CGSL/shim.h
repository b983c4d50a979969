#ifndef AMPSIM_CGSL_SHIM_H
#define AMPSIM_CGSL_SHIM_H

// The parts of GNU GSL that ampsim uses. GSL exposes its generator types as mutable C globals,
// which Swift 6 refuses to touch; they are handed out through the static inline functions below.

#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_sort_double.h>
#include <gsl/gsl_histogram.h>
#include <gsl/gsl_version.h>
#include <string.h>

/// The GSL generator type named `name` (e.g. "mt19937", "ranlxd2"), or NULL when GSL has none.
static inline const gsl_rng_type *ampsim_rng_type_named(const char *name) {
    const gsl_rng_type **t = gsl_rng_types_setup();
    for (; *t != NULL; t++) {
        if (strcmp((*t)->name, name) == 0) return *t;
    }
    return NULL;
}

/// Names of every generator GSL offers, for error messages; `index` past the end gives NULL.
static inline const char *ampsim_rng_type_name_at(int index) {
    const gsl_rng_type **t = gsl_rng_types_setup();
    for (int i = 0; t[i] != NULL; i++) {
        if (i == index) return t[i]->name;
    }
    return NULL;
}

/// The version of the GSL library loaded at run time (e.g. "2.7.1"); `gsl_version` is a C global.
static inline const char *ampsim_gsl_version(void) {
    return gsl_version;
}

/// Turns GSL's abort-on-error handler off; ampsim validates every input before calling GSL.
static inline void ampsim_gsl_disable_abort(void) {
    gsl_set_error_handler_off();
}

#endif
