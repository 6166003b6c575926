// SPDX-License-Identifier: GPL-2.0
//
// thread_local: the kernel has per-CPU data instead.
// expect: thread_local storage is used
thread_local int counter;
int next_count();
int next_count()
{
	return ++counter;
}
