/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kernel::sync: reference counting (Arc, UniqueArc), locks that own their
 * data (Mutex, SpinLock, SpinLockIrq) with lockdep classes and lock
 * annotations for the compiler, CondVar, LockedBy and Completion.
 */
#ifndef CPP_KERNEL_SYNC_HPP
#define CPP_KERNEL_SYNC_HPP

#include <kernel/sync/annotations.hpp>
#include <kernel/sync/arc.hpp>
#include <kernel/sync/completion.hpp>
#include <kernel/sync/condvar.hpp>
#include <kernel/sync/lock.hpp>
#include <kernel/sync/locked_by.hpp>
#include <kernel/sync/mutex.hpp>
#include <kernel/sync/spinlock.hpp>

#endif /* CPP_KERNEL_SYNC_HPP */
