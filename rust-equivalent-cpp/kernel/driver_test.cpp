// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of kernel/workqueue.hpp, kernel/device.hpp, kernel/page.hpp
 * and kernel/firmware.hpp.
 */

#include <kernel/device.hpp>
#include <kernel/firmware.hpp>
#include <kernel/kunit.hpp>
#include <kernel/page.hpp>
#include <kernel/sync.hpp>
#include <kernel/time.hpp>
#include <kernel/workqueue.hpp>

namespace {

using namespace kernel;
using kernel::kunit::Test;
using kernel::workqueue::WorkItem;

// Shared: counts its runs and says when it ran.
struct Shared : WorkItem<Shared, Arc<Shared>> {
	Mutex<int> runs{ KERNEL_LOCK_CLASS("cpp_kernel_driver::runs"), 0 };
	Completion done;

	Shared() : WorkItem(KERNEL_LOCK_CLASS("cpp_kernel_driver::shared"))
	{
	}

	static void run(Arc<Shared> self)
	{
		*self->runs.lock() += 1;
		self->done.complete();
	}
};

void workqueue_arc_item(Test &test)
{
	Result<Arc<Shared>> r = Arc<Shared>::make(GFP_KERNEL);

	KUNIT_ASSERT_TRUE(test, r.is_ok());
	Arc<Shared> s = move(r.value());
	KUNIT_EXPECT_TRUE(test, workqueue::system().enqueue(s));
	KUNIT_EXPECT_GT(test, s->done.wait_timeout(10 * time::HZ), 0UL);
	KUNIT_EXPECT_EQ(test, *s->runs.lock(), 1);
	// Run again: the item may be queued once more after it ran.
	KUNIT_EXPECT_TRUE(test, workqueue::system_unbound().enqueue(s));
	KUNIT_EXPECT_GT(test, s->done.wait_timeout(10 * time::HZ), 0UL);
	KUNIT_EXPECT_EQ(test, *s->runs.lock(), 2);
}

// BoxedItem: given away with its KBox, dropped by run().
struct BoxedItem : WorkItem<BoxedItem, KBox<BoxedItem>> {
	const Completion &done;
	bool *destroyed;

	BoxedItem(const Completion &c, bool *d)
	    : WorkItem(KERNEL_LOCK_CLASS("cpp_kernel_driver::owned")), done(c),
	      destroyed(d)
	{
	}

	~BoxedItem()
	{
		*destroyed = true;
		done.complete();
	}

	static void run(KBox<BoxedItem> self)
	{
		// Dropped here: the destructor completes.
	}
};

void workqueue_kbox_item(Test &test)
{
	Completion done;
	bool destroyed = false;
	Result<KBox<BoxedItem>> r =
		KBox<BoxedItem>::make(GFP_KERNEL, done, &destroyed);

	KUNIT_ASSERT_TRUE(test, r.is_ok());
	KUNIT_EXPECT_TRUE(test, workqueue::system().enqueue(move(r.value())));
	KUNIT_EXPECT_GT(test, done.wait_timeout(10 * time::HZ), 0UL);
	KUNIT_EXPECT_TRUE(test, destroyed);
}

void workqueue_try_spawn(Test &test)
{
	Completion done;
	int value = 0;
	Result<void> r = workqueue::system().try_spawn(GFP_KERNEL, [&] {
		value = 42;
		done.complete();
	});

	KUNIT_ASSERT_TRUE(test, r.is_ok());
	KUNIT_EXPECT_GT(test, done.wait_timeout(10 * time::HZ), 0UL);
	KUNIT_EXPECT_EQ(test, value, 42);
}

void device_name_and_refs(Test &test)
{
	// SAFETY: a device that KUnit unregisters at the end of the case.
	bindings::device *raw =
		bindings::kunit_device_register(test.as_raw(), "cpp-dev-test");

	// SAFETY: checks the pointer C returned.
	KUNIT_ASSERT_FALSE(test, bindings::IS_ERR(raw));
	const Device &dev = Device::from_raw_unchecked(raw);

	// KUnit names it after the case.
	KUNIT_EXPECT_TRUE(
		test, dev.name() == CStr("device_name_and_refs.cpp-dev-test"));
	{
		ARef<Device> ref(dev);

		KUNIT_EXPECT_TRUE(test, ref->as_raw() == raw);
		dev_info(*ref, "dev_info() from C++: {} {:#x}\n", 1, 255);
	}
}

void firmware_missing(Test &test)
{
	// SAFETY: as above.
	bindings::device *raw =
		bindings::kunit_device_register(test.as_raw(), "cpp-fw-test");

	// SAFETY: as above.
	KUNIT_ASSERT_FALSE(test, bindings::IS_ERR(raw));
	Result<Firmware> fw =
		Firmware::request_nowarn("cpp-for-linux/does-not-exist.bin",
					 Device::from_raw_unchecked(raw));

	// ENOENT from the loader; EINVAL from the stubs without it.
	KUNIT_ASSERT_TRUE(test, fw.is_err());
	KUNIT_EXPECT_TRUE(test, fw.error() == code::ENOENT ||
					fw.error() == code::EINVAL);
}

void page_ranges(Test &test)
{
	Result<Owned<Page>> r = Page::alloc(GFP_KERNEL | __GFP_ZERO);

	KUNIT_ASSERT_TRUE(test, r.is_ok());
	Page &p = *r.value();
	char out[8] = {};

	KUNIT_EXPECT_TRUE(test, p.write("page", PAGE_SIZE - 5, 5).is_ok());
	KUNIT_EXPECT_TRUE(test, p.read(out, PAGE_SIZE - 5, 5).is_ok());
	KUNIT_EXPECT_EQ(test, __builtin_strcmp(out, "page"), 0);
	// One byte past the end, or an offset past it: refused, untouched.
	KUNIT_EXPECT_TRUE(test, p.write("page", PAGE_SIZE - 4, 5).is_err());
	KUNIT_EXPECT_TRUE(test, p.read(out, PAGE_SIZE + 1, 0).is_err());
	KUNIT_EXPECT_TRUE(test, p.fill_zero(0, PAGE_SIZE + 1).is_err());
	KUNIT_EXPECT_TRUE(test, p.fill_zero(PAGE_SIZE - 5, 5).is_ok());
	KUNIT_EXPECT_TRUE(test, p.read(out, PAGE_SIZE - 5, 5).is_ok());
	KUNIT_EXPECT_EQ(test, out[0], '\0');
}

void page_memory_counts(Test &test)
{
	size_t total = total_ram_pages();

	// Pages, not bytes: this kernel runs in less than 1 TiB.
	KUNIT_EXPECT_GT(test, total, 0UL);
	KUNIT_EXPECT_LT(test, total, (1UL << 40) / PAGE_SIZE);
	KUNIT_EXPECT_GT(test, available_pages(), 0UL);
	KUNIT_EXPECT_LE(test, available_pages(), total);
}

constinit kunit::Case cases[] = {
	KUNIT_CPP_CASE(workqueue_arc_item),
	KUNIT_CPP_CASE(workqueue_kbox_item),
	KUNIT_CPP_CASE(workqueue_try_spawn),
	KUNIT_CPP_CASE(device_name_and_refs),
	KUNIT_CPP_CASE(firmware_missing),
	KUNIT_CPP_CASE(page_ranges),
	KUNIT_CPP_CASE(page_memory_counts),
	{},
};

} // namespace

KUNIT_CPP_SUITE(cpp_kernel_driver, cases);
