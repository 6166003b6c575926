/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Misc character devices: miscdevice::Registration<T> registers a
 * /dev/<name> whose files are T objects.
 *
 * C header: include/linux/miscdevice.h
 */
#ifndef CPP_KERNEL_MISCDEVICE_HPP
#define CPP_KERNEL_MISCDEVICE_HPP

#include <bindings/bindings.hpp>
#include <kernel/alloc/kbox.hpp>
#include <kernel/error.hpp>
#include <kernel/init.hpp>
#include <kernel/module.hpp>
#include <kernel/str.hpp>
#include <kernel/uaccess.hpp>
#include <kernel/vtable.hpp>

namespace kernel::miscdevice {

/**
 * struct FileOperations - the callbacks of a misc device whose open files
 * are T objects (its struct file_operations, see kernel/vtable.hpp):
 *
 * - @open (required): a new file's object, made from the device's data;
 * - @read, @write, @ioctl: what the device's files support.  Those left
 *   out are left out of its file_operations too, so that the VFS gives its
 *   default errors (EINVAL for read() and write(), ENOTTY for ioctl()).
 *
 * A file's object is shared by every thread that uses the file (after
 * fork(), or a descriptor passed on), and they may call at once: the
 * callbacks get it const, and what they change is behind the object's own
 * locks.  @pos is the position of this one call; the VFS keeps the file's.
 * The object is destroyed when the file is released.
 */
template <typename T> struct FileOperations {
	vtable::Callback<Result<KBox<T>> (*)(const typename T::Data &)> open;
	vtable::Callback<Result<size_t> (T::*)(UserSliceWriter &out, s64 &pos)
				 const>
		read;
	vtable::Callback<Result<size_t> (T::*)(UserSliceReader &in, s64 &pos)
				 const>
		write;
	vtable::Callback<Result<long> (T::*)(u32 cmd, unsigned long arg) const>
		ioctl;
};

/**
 * concept Driver - a misc device driver T: its files are T objects, and T
 * has
 *
 * - ``using Data = ...``: the device's data, which the Registration holds
 *   and every open file may use;
 * - ``static constexpr FileOperations<T> OPS``: its callbacks, after them
 *   in the class.
 */
template <typename T>
concept Driver = requires { typename T::Data; } &&
		 same_as<remove_cvref_t<decltype(T::OPS)>, FileOperations<T>>;

template <Driver T> class Registration;

namespace detail {

/*
 * The miscdevice and the way back to its Registration: misc_open() gives
 * the file the miscdevice, as private_data.
 */
struct MiscBox {
	bindings::miscdevice misc;
	const void *reg;
};

template <Driver T> struct Vtable {
	static_assert(vtable::given<T::OPS, &FileOperations<T>::open>(),
		      "miscdevice::FileOperations: .open is required");

	/*
	 * The file's object: open()'s KBox<T>, live until release().
	 *
	 * Safety: @file is open, and was opened by open() below.
	 */
	static const T &object_unchecked(bindings::file *file)
	{
		// SAFETY: private_data is open()'s KBox<T>, which release()
		// takes back.
		return KBox<T>::borrow_unchecked(file->private_data);
	}

	template <auto F>
	static int open(bindings::inode *, bindings::file *file)
	{
		// SAFETY: misc_open() set private_data to the miscdevice, the
		// first member of a MiscBox (standard layout).
		const auto *box =
			reinterpret_cast<const MiscBox *>(file->private_data);
		// SAFETY: the MiscBox is in a live Registration<T> (files
		// hold the module, which holds the Registration).
		const auto *reg =
			static_cast<const Registration<T> *>(box->reg);
		Result<KBox<T>> obj = F(reg->data());

		if (obj.is_err())
			return obj.error().to_errno();
		// SAFETY: the file owns the object from here to release().
		file->private_data = move(obj.value()).into_foreign();
		return 0;
	}

	static int release(bindings::inode *, bindings::file *file)
	{
		// SAFETY: open() put a KBox<T> there; this is its end.
		KBox<T> obj =
			KBox<T>::from_foreign_unchecked(file->private_data);

		return 0;
	}

	static long ret(Result<size_t> r)
	{
		return r.is_ok() ? static_cast<long>(r.value())
				 : r.error().to_errno();
	}

	template <auto F> struct Read {
		static long call(bindings::file *file, char *buf, size_t count,
				 long long *ppos)
		{
			UserSliceWriter out =
				UserSlice(UserPtr(buf), count).writer();

			// SAFETY: the VFS calls read() only between open()
			// and release().
			return ret((object_unchecked(file).*F)(out, *ppos));
		}
	};

	template <auto F> struct Write {
		static long call(bindings::file *file, const char *buf,
				 size_t count, long long *ppos)
		{
			UserSliceReader in =
				UserSlice(UserPtr(buf), count).reader();

			// SAFETY: as in Read.
			return ret((object_unchecked(file).*F)(in, *ppos));
		}
	};

	template <auto F> struct Ioctl {
		static long call(bindings::file *file, unsigned int cmd,
				 unsigned long arg)
		{
			// SAFETY: as in Read.
			Result<long> r = (object_unchecked(file).*F)(cmd, arg);

			return r.is_ok() ? r.value() : r.error().to_errno();
		}
	};

#ifdef CONFIG_COMPAT
	/* compat_ptr_ioctl() converts the argument and calls ioctl(). */
	template <auto> struct CompatIoctl {
		static constexpr auto call = bindings::compat_ptr_ioctl;
	};
#endif

	static constexpr bindings::file_operations make_fops()
	{
		using Ops = FileOperations<T>;
		bindings::file_operations fops = {
			.owner = THIS_MODULE.as_raw(),
			.llseek = bindings::default_llseek,
			.open = open<T::OPS.open.cpp>,
			.release = release,
		};

		vtable::set<T::OPS, &Ops::read, Read>(fops.read);
		vtable::set<T::OPS, &Ops::write, Write>(fops.write);
		vtable::set<T::OPS, &Ops::ioctl, Ioctl>(fops.unlocked_ioctl);
#ifdef CONFIG_COMPAT
		vtable::set<T::OPS, &Ops::ioctl, CompatIoctl>(
			fops.compat_ioctl);
#endif
		return fops;
	}

	static constexpr bindings::file_operations fops = make_fops();
};

} // namespace detail

/**
 * class Registration - /dev/@name, registered while this object lives,
 * with the device's data (a T::Data built from the constructor's
 * arguments).
 *
 *	class CppMiscDevice {		// the module
 *	public:
 *		CppMiscDevice(init::Status &st, ThisModule)
 *			: dev_(st, "cpp_misc_device")
 *		{
 *		}
 *
 *	private:
 *		miscdevice::Registration<ScratchFile> dev_;
 *	};
 *
 * Registration fails with misc_register()'s error (init::Status); the
 * destructor deregisters before the data goes.  Files keep the module,
 * so the Registration outlives them.
 *
 * Invariants: registered_ says whether box_.misc is registered.
 */
template <Driver T> class Registration : Pinned<Registration<T>> {
public:
	template <typename... Args>
	Registration(init::Status &st, CStr name, Args &&...args)
	    : data_(forward<Args>(args)...)
	{
		box_.misc.minor = bindings::MISC_DYNAMIC_MINOR;
		box_.misc.name = name.as_char_ptr();
		box_.misc.fops = &detail::Vtable<T>::fops;
		box_.reg = this;
		st.step([this]() -> Result<void> {
			// SAFETY: box_ is filled in and lives as long as this
			// Registration, which deregisters it.
			TRY(to_result(bindings::misc_register(&box_.misc)));
			registered_ = true;
			return {};
		});
	}

	~Registration()
	{
		if (registered_)
			// SAFETY: registered by the constructor.
			bindings::misc_deregister(&box_.misc);
	}

	const typename T::Data &data() const
	{
		return data_;
	}

	/* The miscdevice, for C functions that take it. */
	bindings::miscdevice *as_raw()
	{
		return &box_.misc;
	}

private:
	typename T::Data data_;
	detail::MiscBox box_{};
	bool registered_ = false;
};

} // namespace kernel::miscdevice

#endif /* CPP_KERNEL_MISCDEVICE_HPP */
