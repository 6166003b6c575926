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

namespace kernel::miscdevice {

/**
 * concept Driver - what a misc device driver T provides:
 *
 * - ``using Data = ...``: the device's data, which the Registration holds
 *   and every open file may use;
 * - ``static Result<KBox<T>> open(const Data &)``: a new file's object;
 *
 * and any of these, which the device then supports (the others are left
 * out of its file_operations, so that the VFS gives its default errors):
 *
 * - ``Result<size_t> read(UserSliceWriter &out, s64 &pos)``
 * - ``Result<size_t> write(UserSliceReader &in, s64 &pos)``
 * - ``Result<long> ioctl(u32 cmd, unsigned long arg)``
 *
 * The object is destroyed when the file is released.
 */
template <typename T>
concept Driver = requires(const typename T::Data &data) {
	{ T::open(data) } -> same_as<Result<KBox<T>>>;
};

template <typename T>
concept HasRead = requires(T &t, UserSliceWriter &w, s64 &pos) {
	{ t.read(w, pos) } -> same_as<Result<size_t>>;
};

template <typename T>
concept HasWrite = requires(T &t, UserSliceReader &r, s64 &pos) {
	{ t.write(r, pos) } -> same_as<Result<size_t>>;
};

template <typename T>
concept HasIoctl = requires(T &t, u32 cmd, unsigned long arg) {
	{ t.ioctl(cmd, arg) } -> same_as<Result<long>>;
};

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
		Result<KBox<T>> obj = T::open(reg->data());

		if (obj.is_err())
			return obj.error().to_errno();
		// SAFETY: the file owns the object from here to release().
		file->private_data = move(obj.value()).into_foreign();
		return 0;
	}

	static int release(bindings::inode *, bindings::file *file)
	{
		// SAFETY: open() put a KBox<T> there; this is its end.
		KBox<T> obj = KBox<T>::from_foreign(file->private_data);

		return 0;
	}

	static long ret(Result<size_t> r)
	{
		return r.is_ok() ? static_cast<long>(r.value())
				 : r.error().to_errno();
	}

	static long read(bindings::file *file, char *buf, size_t count,
			 long long *ppos)
	{
		// SAFETY: private_data is open()'s KBox<T>, live until
		// release().
		T &obj = KBox<T>::borrow(file->private_data);
		UserSliceWriter out = UserSlice(UserPtr(buf), count).writer();

		return ret(obj.read(out, *ppos));
	}

	static long write(bindings::file *file, const char *buf, size_t count,
			  long long *ppos)
	{
		// SAFETY: as in read().
		T &obj = KBox<T>::borrow(file->private_data);
		UserSliceReader in = UserSlice(UserPtr(buf), count).reader();

		return ret(obj.write(in, *ppos));
	}

	static long ioctl(bindings::file *file, unsigned int cmd,
			  unsigned long arg)
	{
		// SAFETY: as in read().
		T &obj = KBox<T>::borrow(file->private_data);
		Result<long> r = obj.ioctl(cmd, arg);

		return r.is_ok() ? r.value() : r.error().to_errno();
	}

	// Only what T implements (Rust's #[vtable]); in declaration order.
	static constexpr bindings::file_operations fops = {
		.owner = THIS_MODULE.as_raw(),
		.llseek = bindings::default_llseek,
		.read = HasRead<T> ? read : nullptr,
		.write = HasWrite<T> ? write : nullptr,
		.unlocked_ioctl = HasIoctl<T> ? ioctl : nullptr,
#ifdef CONFIG_COMPAT
		.compat_ioctl =
			HasIoctl<T> ? bindings::compat_ptr_ioctl : nullptr,
#endif
		.open = open,
		.release = release,
	};
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
template <Driver T> class Registration {
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

	Registration(const Registration &) = delete;
	Registration &operator=(const Registration &) = delete;

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

private:
	typename T::Data data_;
	detail::MiscBox box_{};
	bool registered_ = false;
};

} // namespace kernel::miscdevice

#endif /* CPP_KERNEL_MISCDEVICE_HPP */
