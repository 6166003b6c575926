/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Work queues: Queue (a struct workqueue_struct, and the system queues),
 * WorkItem<T, P> (a struct work_struct in a T, run as T::run(P)), and
 * Queue::try_spawn() for a function.
 *
 * C header: include/linux/workqueue.h
 */
#ifndef CPP_KERNEL_WORKQUEUE_HPP
#define CPP_KERNEL_WORKQUEUE_HPP

#include <bindings/bindings.hpp>
#include <kernel/alloc/kbox.hpp>
#include <kernel/error.hpp>
#include <kernel/sync/lock.hpp>
#include <kernel/types.hpp>

namespace kernel::workqueue {

/**
 * class WorkItem - the base of a T that can be queued, owned by a @P
 * (KBox<T> or Arc<T>) while it waits and runs: T::run(P) is called with
 * the owner, and dropping it there ends the ownership.
 *
 *	struct Flush : WorkItem<Flush, Arc<Flush>> {
 *		Flush() : WorkItem(KERNEL_LOCK_CLASS("Flush")) { }
 *		static void run(Arc<Flush> self) { ... }
 *	};
 *
 *	system().enqueue(arc);	// false if it was already queued
 *
 * An Arc'd T may be queued again while queued (enqueue() returns false
 * and drops the extra reference); a KBox'd one is given away.  @Id tells
 * apart several WorkItem bases of one T.
 *
 * Invariants: work_ is initialised with the callback of this <T, P>;
 * owner_ is what P::into_foreign() gave for the T, while queued.
 */
template <typename T, ForeignOwnable P, int Id = 0>
class WorkItem : Pinned<WorkItem<T, P, Id>> {
public:
	explicit WorkItem(sync::LockClass cls)
	{
		// SAFETY: work_ is ours and not queued; the name and key are
		// static.
		bindings::init_work_with_key(work_.get(), run_raw, false,
					     cls.name.as_char_ptr(),
					     cls.key->as_raw());
	}

	bindings::work_struct *as_raw() const
	{
		return work_.get();
	}

private:
	friend class Queue;

	static void run_raw(bindings::work_struct *work)
	{
		// SAFETY: @work is the work_ of a WorkItem (initialised
		// above).
		WorkItem *self = container_of_unchecked<&WorkItem::work_>(work);
		// SAFETY: enqueue() gave the ownership to owner_.
		P owner = P::from_foreign_unchecked(self->owner_);

		T::run(move(owner));
	}

	Opaque<bindings::work_struct> work_;
	mutable void *owner_ = nullptr;
};

/**
 * class Queue - a workqueue: system() and its siblings, or one that C
 * made.
 */
class Queue : Pinned<Queue> {
public:
	Queue() = delete;

	/*
	 * from_raw_unchecked() - the Queue of @wq.
	 *
	 * Safety: @wq is live while the Queue is used.
	 */
	static const Queue &from_raw_unchecked(bindings::workqueue_struct *wq)
	{
		// SAFETY: a Queue is never built, only seen at the address of
		// a workqueue_struct (a type C keeps to itself).
		return *reinterpret_cast<const Queue *>(wq);
	}

	bindings::workqueue_struct *as_raw() const
	{
		// SAFETY: the address is a workqueue_struct's (from_raw_unchecked()).
		return reinterpret_cast<bindings::workqueue_struct *>(
			const_cast<Queue *>(this));
	}

	/**
	 * enqueue() - queues @item, whose WorkItem<T, P, Id> base then owns
	 * it until T::run() gets it; returns false if the item was queued
	 * already (then @item is dropped).
	 */
	template <int Id = 0, typename P> bool enqueue(P item) const
	{
		using Item = remove_cvref_t<decltype(*item)>;
		using Base = WorkItem<Item, P, Id>;

		const Base &base = *item;
		void *owner = move(item).into_foreign();

		// The same T always gives the same foreign pointer (an
		// Arc's shares its allocation, a KBox has one owner), so this
		// store cannot change what a queued work will take back.
		base.owner_ = owner;
		// SAFETY: the work is initialised; the queue is live.
		if (!bindings::queue_work_on(bindings::WORK_CPU_UNBOUND,
					     as_raw(), base.as_raw())) {
			// SAFETY: already queued, so the queue did not take
			// @owner from into_foreign() above: take it back.
			P extra = P::from_foreign_unchecked(owner);
			return false;
		}
		return true;
	}

	/**
	 * try_spawn() - runs @f on this queue (once), in a work item
	 * allocated with @flags.
	 */
	template <typename F>
	Result<void> try_spawn(alloc::Flags flags, F &&f) const;
};

namespace detail {
template <typename F>
struct ClosureWork : WorkItem<ClosureWork<F>, KBox<ClosureWork<F>>> {
	F f;

	ClosureWork(sync::LockClass cls, F &&fn)
	    : WorkItem<ClosureWork, KBox<ClosureWork>>(cls), f(move(fn))
	{
	}

	static void run(KBox<ClosureWork> self)
	{
		self->f();
	}
};
} // namespace detail

template <typename F>
Result<void> Queue::try_spawn(alloc::Flags flags, F &&f) const
{
	using Work = detail::ClosureWork<remove_cvref_t<F>>;
	KBox<Work> w = TRY(KBox<Work>::make(
		flags, KERNEL_LOCK_CLASS("kernel::workqueue::try_spawn"),
		forward<F>(f)));

	enqueue(move(w));
	return {};
}

/* The system queues (include/linux/workqueue.h says what each is for). */
inline const Queue &system()
{
	// SAFETY: the system queues exist from early boot on.
	return Queue::from_raw_unchecked(bindings::system_wq);
}

inline const Queue &system_highpri()
{
	// SAFETY: as above.
	return Queue::from_raw_unchecked(bindings::system_highpri_wq);
}

inline const Queue &system_long()
{
	// SAFETY: as above.
	return Queue::from_raw_unchecked(bindings::system_long_wq);
}

inline const Queue &system_unbound()
{
	// SAFETY: as above.
	return Queue::from_raw_unchecked(bindings::system_unbound_wq);
}

inline const Queue &system_freezable()
{
	// SAFETY: as above.
	return Queue::from_raw_unchecked(bindings::system_freezable_wq);
}

} // namespace kernel::workqueue

#endif /* CPP_KERNEL_WORKQUEUE_HPP */
