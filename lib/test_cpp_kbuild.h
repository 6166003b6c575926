/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interface between the C and the C++ parts of the C++ Kbuild test.
 *
 * Each function runs its checks on run-time input and returns the number of
 * checks that failed.  This header is plain C so that both languages can
 * include it; it must not include kernel headers, which are not C++.
 */
#ifndef _TEST_CPP_KBUILD_H
#define _TEST_CPP_KBUILD_H

#ifdef __cplusplus
extern "C" {
#endif

int test_cpp_kbuild_lang(int seed);
int test_cpp_kbuild_comdat_a(int seed);
int test_cpp_kbuild_comdat_b(int seed);
int test_cpp_kbuild_shared_calls(void);

#ifdef __cplusplus
}
#endif

#endif /* _TEST_CPP_KBUILD_H */
