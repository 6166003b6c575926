/* SPDX-License-Identifier: GPL-2.0 */
/*
 * GenDiskBuilder, which makes and adds a disk of a blk-mq driver, and
 * GenDisk, which removes it.
 *
 * C header: include/linux/blkdev.h
 */
#ifndef CPP_KERNEL_BLOCK_MQ_GEN_DISK_HPP
#define CPP_KERNEL_BLOCK_MQ_GEN_DISK_HPP

#include <bindings/bindings.hpp>
#include <kernel/block/mq/tag_set.hpp>
#include <kernel/error.hpp>
#include <kernel/fmt.hpp>
#include <kernel/module.hpp>
#include <kernel/str.hpp>

namespace kernel::block::mq {

/**
 * class GenDisk - a disk of the driver @T (struct gendisk), added to the
 * system by GenDiskBuilder::build(), removed and freed by the destructor.
 *
 * Invariants: disk_ is null (moved from) or a disk that was added.
 */
template <Driver T> class GenDisk {
public:
	/* No disk (yet): what a driver's object holds before build(). */
	GenDisk() : disk_(nullptr)
	{
	}

	GenDisk(GenDisk &&other) : disk_(exchange(other.disk_, nullptr))
	{
	}

	GenDisk &operator=(GenDisk &&other)
	{
		swap(disk_, other.disk_);
		return *this;
	}

	GenDisk(const GenDisk &) = delete;
	GenDisk &operator=(const GenDisk &) = delete;

	~GenDisk()
	{
		if (!disk_)
			return;
		// SAFETY: added by build() (invariant): removed, then our
		// reference dropped.
		bindings::del_gendisk(disk_);
		// SAFETY: as above.
		bindings::put_disk(disk_);
	}

	/* name() - its name, as in /dev and /sys/block. */
	CStr name() const
	{
		// SAFETY: the name is NUL-terminated, in the gendisk that
		// this object owns.
		return CStr::from_char_ptr_unchecked(disk_->disk_name);
	}

private:
	friend class GenDiskBuilder;

	explicit GenDisk(bindings::gendisk *disk) : disk_(disk)
	{
	}

	bindings::gendisk *disk_;
};

/**
 * class GenDiskBuilder - the properties of a new disk, and build(),
 * which makes and adds it.
 *
 *	GenDisk<T> disk = TRY(GenDiskBuilder()
 *				      .capacity_sectors(size >> SECTOR_SHIFT)
 *				      .logical_block_size(4096)
 *				      .build(KFMT("cppnullb{}", i), module,
 *					     tag_set, queue_data));
 */
class GenDiskBuilder {
public:
	GenDiskBuilder()
	{
		__builtin_memset(&lim_, 0, sizeof(lim_));
		lim_.logical_block_size = 512;
		lim_.physical_block_size = 512;
	}

	/* capacity_sectors() - its size, in 512-byte sectors. */
	GenDiskBuilder &capacity_sectors(u64 n)
	{
		capacity_ = n;
		return *this;
	}

	/* logical_block_size() - a power of 2 from 512 to PAGE_SIZE. */
	GenDiskBuilder &logical_block_size(u32 n)
	{
		lim_.logical_block_size = n;
		return *this;
	}

	GenDiskBuilder &physical_block_size(u32 n)
	{
		lim_.physical_block_size = n;
		return *this;
	}

	/* max_hw_sectors() - the largest request, in sectors (0: default). */
	GenDiskBuilder &max_hw_sectors(u32 n)
	{
		lim_.max_hw_sectors = n;
		return *this;
	}

	/* max_discard_sectors() - >0: the driver takes discards. */
	GenDiskBuilder &max_discard_sectors(u32 n)
	{
		lim_.max_hw_discard_sectors = n;
		return *this;
	}

	/* rotational() - whether the disk is a spinning one. */
	GenDiskBuilder &rotational(bool on)
	{
		feature(bindings::BLK_FEAT_ROTATIONAL, on);
		return *this;
	}

	/*
	 * write_cache() - whether it has a volatile write cache: blk-mq
	 * then sends the driver flushes, and with @fua, FUA writes.
	 */
	GenDiskBuilder &write_cache(bool on, bool fua)
	{
		feature(bindings::BLK_FEAT_WRITE_CACHE, on);
		feature(bindings::BLK_FEAT_FUA, on && fua);
		return *this;
	}

	/*
	 * build() - makes the disk of @tag_set, named @name, with the
	 * QueueData @data (which must outlive the disk), and adds it to
	 * the system: from here on, I/O arrives.
	 */
	template <Driver T, typename F>
	Result<GenDisk<T>> build(const fmt::Arguments<F> &name,
				 ThisModule module, TagSet<T> &tag_set,
				 const typename T::QueueData &data)
	{
		static constinit bindings::lock_class_key key{};
		// SAFETY: the tag set is allocated; the limits are ours;
		// queuedata is only read, as a QueueData, by the adapters.
		bindings::gendisk *disk =
			TRY(from_err_ptr(bindings::__blk_mq_alloc_disk(
				tag_set.as_raw(), &lim_,
				const_cast<typename T::QueueData *>(&data),
				&key)));
		// SAFETY: the disk was allocated above and not added.
		ScopeGuard put([&] { bindings::put_disk(disk); });
		BufferWriter w(disk->disk_name);

		TRY(w.write(name));
		fops_for(module, disk);
		// SAFETY: not added yet: no one else uses the disk.
		bindings::set_capacity(disk, capacity_);
		// SAFETY: a disk made above, with its name and fops.
		TRY(to_result(
			bindings::device_add_disk(nullptr, disk, nullptr)));
		put.dismiss();
		return GenDisk<T>(disk);
	}

private:
	void feature(unsigned int f, bool on)
	{
		if (on)
			lim_.features |= f;
		else
			lim_.features &= ~f;
	}

	/*
	 * The block_device_operations of a C++ disk: none, but the owner,
	 * so that an open disk holds its module.
	 */
	static void fops_for(ThisModule module, bindings::gendisk *disk)
	{
		static constinit bindings::block_device_operations fops{};

		fops.owner = module.as_raw();
		disk->fops = &fops;
	}

	bindings::queue_limits lim_;
	u64 capacity_ = 0;
};

} // namespace kernel::block::mq

#endif /* CPP_KERNEL_BLOCK_MQ_GEN_DISK_HPP */
